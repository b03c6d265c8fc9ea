package dev.hotline.ivr.internal;

import dev.hotline.ivr.FlowError;

import java.util.List;
import java.util.Optional;

/** Collects the problems of one flow, each tagged with the flow's source and the node being read. */
class Problems {
    private final String source;
    private final List<FlowError> sink;
    private Optional<String> node = Optional.empty();

    Problems(String source, List<FlowError> sink) {
        this.source = source;
        this.sink = sink;
    }

    /** Subsequent problems belong to this node (null: to the flow itself). */
    void inNode(String nodeId) {
        node = Optional.ofNullable(nodeId);
    }

    void add(String message) {
        sink.add(new FlowError(source, node, message));
    }

    /** A problem of the flow's top level, written at {@code key} (a dotted path such as {@code sources.orders}). */
    void addAt(String key, String message) {
        sink.add(new FlowError(source, Optional.empty(), Optional.of(key), message));
    }

    /**
     * A problem of the mapping being read at {@code key}: a node's problem belongs to the node, a top-level one is
     * placed at its key.
     */
    void addAtKey(String key, String message) {
        if (node.isPresent()) {
            add(message);
        } else {
            addAt(key, message);
        }
    }

    void addForNode(String nodeId, String message) {
        sink.add(new FlowError(source, Optional.ofNullable(nodeId), message));
    }

    String source() {
        return source;
    }
}
