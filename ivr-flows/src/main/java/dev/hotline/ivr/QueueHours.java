package dev.hotline.ivr;

import java.time.Instant;
import java.util.Map;

/**
 * Whether the queues of the centre's business types take calls, as the ACD's configuration says (queues.yaml
 * {@code hours}): what conditions see as {@code queue_open[business]} and {@code queue_holiday[business]}, so that
 * a flow telling callers the line is closed reads the same hours as the queue they would wait in, rather than a copy.
 * Given to the interpreter by whoever runs it; the instant always comes with the input, never from a clock.
 */
public interface QueueHours {
    /** Hours of no queue: every map empty (a flow that asks finds no such business type). */
    QueueHours NONE = new QueueHours() {
        @Override
        public Map<String, Boolean> openAt(Instant at) {
            return Map.of();
        }

        @Override
        public Map<String, Boolean> holidayAt(Instant at) {
            return Map.of();
        }
    };

    /** By business type: whether its queue takes calls at {@code at} (within its hours, and not on a holiday). */
    Map<String, Boolean> openAt(Instant at);

    /** By business type: whether {@code at} falls on one of its queue's holidays. */
    Map<String, Boolean> holidayAt(Instant at);
}
