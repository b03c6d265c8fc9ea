package dev.hotline.server.simulation;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A traffic file that is sound on its own but does not fit the configuration (a business type it lacks, VIP callers
 * with no VIP list, a number that leads elsewhere): every such problem at once, each at the traffic's key it is
 * about; {@link TrafficFile#problemAt} finds the line.
 */
public final class TrafficMismatch extends IllegalArgumentException {

    /**
     * One problem.
     *
     * @param path   the traffic file's key it is about, e.g. {@code businessTypes.tea.vipShare}
     * @param reason what is wrong with it
     */
    public record Problem(String path, String reason) {
        public Problem {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(reason, "reason");
        }

        @Override
        public String toString() {
            return path + ": " + reason;
        }
    }

    private final List<Problem> problems;

    TrafficMismatch(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("; ")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a mismatch has at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    TrafficMismatch(String path, String reason) {
        this(List.of(new Problem(path, reason)));
    }

    /** Every problem, in the traffic file's order. */
    public List<Problem> problems() {
        return problems;
    }
}
