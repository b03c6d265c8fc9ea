package dev.hotline.server.simulation;

import dev.hotline.server.config.ConfigProblem;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A traffic file that cannot be read or makes no sense. The message has a line per problem, each naming the file,
 * the line and column, the key and the value, as {@code hotline validate} prints the configuration's problems.
 */
public final class TrafficFileException extends Exception {
    private final Path file;
    private final List<ConfigProblem> problems;

    /** The file as a whole: missing, unreadable. */
    public TrafficFileException(Path file, String problem) {
        this(file, problem, null);
    }

    public TrafficFileException(Path file, String problem, Throwable cause) {
        this(file, List.of(new ConfigProblem(file.toString(), 0, 0, "", problem)), cause);
    }

    /** What is wrong inside the file, in the order of the lines. */
    public TrafficFileException(Path file, List<ConfigProblem> problems) {
        this(file, problems, null);
    }

    private TrafficFileException(Path file, List<ConfigProblem> problems, Throwable cause) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining(System.lineSeparator())),
                cause);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a traffic file exception needs at least one problem");
        }
        this.file = file;
        this.problems = List.copyOf(problems);
    }

    public Path file() {
        return file;
    }

    /** Every problem found, at least one. */
    public List<ConfigProblem> problems() {
        return problems;
    }
}
