package dev.hotline.ivr;

import java.util.List;
import java.util.Objects;

/** Either every flow loaded and checked, or every problem found: a bad set of flows is never half-loaded. */
public sealed interface FlowLoadResult {

    /** All flows are valid; the set is ready to run. */
    record Loaded(FlowSet flows) implements FlowLoadResult {
        public Loaded {
            Objects.requireNonNull(flows, "flows");
        }
    }

    /** At least one flow is invalid; nothing was loaded. */
    record Rejected(List<FlowError> errors) implements FlowLoadResult {
        public Rejected {
            errors = List.copyOf(errors);
            if (errors.isEmpty()) {
                throw new IllegalArgumentException("a rejection needs at least one error");
            }
        }
    }
}
