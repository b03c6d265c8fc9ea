package dev.hotline.ivr;

/**
 * Observes sessions node by node (per-node statistics, tracing). Called synchronously inside
 * {@link FlowInterpreter#step}; implementations must be fast, must not throw and must not call the interpreter.
 */
public interface FlowListener {

    /** Ignores everything. */
    FlowListener NONE = new FlowListener() {
    };

    /** A session entered a node. */
    default void entered(String flow, String node) {
    }

    /** A session left a node by the named exit (see {@link Node#exits()}; "agent" for the agent escape). */
    default void exited(String flow, String node, String exit) {
    }

    /** The caller pressed nothing at a menu, collect or language choice. */
    default void timedOut(String flow, String node) {
    }

    /** The caller's entry at a menu or collect was not accepted. */
    default void invalidInput(String flow, String node) {
    }

    /** The caller hung up while in this node. */
    default void hungUp(String flow, String node) {
    }

    /** An expression type-checked but could not be evaluated for this session (the node used its fallback). */
    default void expressionFailed(String flow, String node, String message) {
    }
}
