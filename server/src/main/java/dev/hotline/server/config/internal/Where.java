package dev.hotline.server.config.internal;

import dev.hotline.server.config.internal.YamlNode.Mark;

/**
 * The place a value was written: file, line and column, and its key path ({@code queues[sales].groups[1]}).
 */
public record Where(String file, Mark mark, String path) {

    /** The top of a file. */
    public static Where top(String file, Mark mark) {
        return new Where(file, mark, "");
    }

    /** The value of {@code key} in this map, written at {@code at}. */
    public Where key(String key, Mark at) {
        return new Where(file, at, path.isEmpty() ? key : path + "." + key);
    }

    /** The list item labelled {@code label} (its id, or its index when it has none), written at {@code at}. */
    public Where item(String label, Mark at) {
        return new Where(file, at, path + "[" + label + "]");
    }
}
