package dev.hotline.acd.model;

import java.util.Objects;

/**
 * What happens to a call that a queue cannot keep (closed, full, waited too long, no agent logged in) or that an
 * escalation step sends elsewhere.
 */
public sealed interface Treatment {

    /** Play a prompt, then hang up. */
    record Hangup(String prompt) implements Treatment {
        public Hangup {
            Objects.requireNonNull(prompt, "prompt");
        }
    }

    /** Move the call to another queue, keeping its original arrival time. */
    record Overflow(String queue) implements Treatment {
        public Overflow {
            Objects.requireNonNull(queue, "queue");
        }
    }

    /** Send the caller to leave a voicemail in a mailbox. */
    record Voicemail(String mailbox, String prompt) implements Treatment {
        public Voicemail {
            Objects.requireNonNull(mailbox, "mailbox");
            prompt = prompt == null ? "" : prompt;
        }
    }

    /** Send the caller to an IVR flow (e.g. the callback-request flow). */
    record IvrFlow(String flow) implements Treatment {
        public IvrFlow {
            Objects.requireNonNull(flow, "flow");
        }
    }

    /** A short name for reasons and logs: "hangup(prompt)", "overflow(queue)", ... */
    default String describe() {
        return switch (this) {
            case Hangup h -> "hangup(" + h.prompt() + ")";
            case Overflow o -> "overflow(" + o.queue() + ")";
            case Voicemail v -> "voicemail(" + v.mailbox() + ")";
            case IvrFlow f -> "ivr(" + f.flow() + ")";
        };
    }
}
