package dev.hotline.ivr;

import java.io.Serializable;
import java.util.Map;
import java.util.Objects;

/** How an IVR session ended. Exactly one per session. */
public sealed interface Outcome extends Serializable {

    /** The flow and node the session ended in (where callers gave up, where they got their answer). */
    String flow();

    String node();

    /**
     * The flow hung up at a hang-up node.
     *
     * @param selfServiceCompleted whether the flow marks this ending as completed self-service (connection rate)
     * @param results              the variables the node records (a survey rating, an order number)
     */
    record EndedByFlow(String flow, String node, String disposition, boolean selfServiceCompleted,
                       Map<String, String> results) implements Outcome {
        public EndedByFlow {
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(disposition, "disposition");
            results = Map.copyOf(results);
        }
    }

    /** The caller was handed to the ACD. */
    record Transferred(String flow, String node, Action.TransferToQueue transfer) implements Outcome {
        public Transferred {
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(node, "node");
            Objects.requireNonNull(transfer, "transfer");
        }
    }

    /** The caller hung up in the middle of the flow. */
    record CallerHungUp(String flow, String node) implements Outcome {
        public CallerHungUp {
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(node, "node");
        }
    }
}
