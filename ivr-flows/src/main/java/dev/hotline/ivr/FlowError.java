package dev.hotline.ivr;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a flow when it was loaded.
 *
 * @param source  the name the flow text was loaded under (its file name)
 * @param node    the node the problem is in, empty for flow-level problems
 * @param key     where in the flow's top level the problem is written, as a dotted path ({@code start},
 *                {@code sources.orders}), so a loader can give its line; empty for a node's problems and for the flow
 *                as a whole
 * @param message what is wrong, with the key and value concerned
 */
public record FlowError(String source, Optional<String> node, Optional<String> key, String message) {
    public FlowError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(message, "message");
    }

    /** A problem of a node, or of the flow as a whole, at no particular key. */
    public FlowError(String source, Optional<String> node, String message) {
        this(source, node, Optional.empty(), message);
    }

    @Override
    public String toString() {
        return source + node.map(n -> ": node '" + n + "'").orElse("") + ": " + message;
    }
}
