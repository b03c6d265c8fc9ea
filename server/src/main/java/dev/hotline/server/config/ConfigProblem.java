package dev.hotline.server.config;

import java.util.Objects;

/**
 * One thing wrong with the configuration, located precisely enough for an admin to go and fix it.
 *
 * @param file    the file name within the configuration directory (e.g. {@code queues.yaml})
 * @param line    1-based line, or 0 when the problem concerns the file as a whole (e.g. it is missing)
 * @param column  1-based column, or 0 with line 0
 * @param path    the key path inside the file, list items named by their id (e.g. {@code queues[sales].groups[1]});
 *                empty when the problem is not about one key (a YAML syntax error)
 * @param message what is wrong, naming the value and what would be right
 */
public record ConfigProblem(String file, int line, int column, String path, String message) {
    public ConfigProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(message, "message");
    }

    /** As printed by {@code hotline validate}: {@code queues.yaml:14:7: queues[sales].groups[1]: unknown ...}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder(file);
        if (line > 0) {
            s.append(':').append(line).append(':').append(column);
        }
        s.append(": ");
        if (!path.isEmpty()) {
            s.append(path).append(": ");
        }
        return s.append(message).toString();
    }
}
