package dev.hotline.ivr;

import java.util.Objects;
import java.util.Optional;

/**
 * One problem found in a flow when it was loaded.
 *
 * @param source  the name the flow text was loaded under (its file name)
 * @param node    the node the problem is in, empty for flow-level problems
 * @param message what is wrong, with the key and value concerned
 */
public record FlowError(String source, Optional<String> node, String message) {
    public FlowError {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return source + node.map(n -> ": node '" + n + "'").orElse("") + ": " + message;
    }
}
