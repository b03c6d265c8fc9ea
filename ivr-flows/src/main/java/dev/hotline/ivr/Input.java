package dev.hotline.ivr;

import java.util.Map;
import java.util.Objects;

/** What happened on the call since the last {@link Action}: the answer to it, or the caller hanging up. */
public sealed interface Input {

    /** Keys the caller pressed: the key that interrupted a prompt, or what a {@link Action.Collect} gathered. */
    record Digits(String digits) implements Input {
        public Digits {
            Objects.requireNonNull(digits, "digits");
        }
    }

    /** A {@link Action.Collect} ended without any key. */
    record Timeout() implements Input {
    }

    /** The requested action completed (a prompt played to its end, a recording ended, a request was filed). */
    record ActionDone() implements Input {
    }

    /** An HTTP lookup answered; an empty map means "nothing found for that key". */
    record LookupResult(Map<String, String> fields) implements Input {
        public LookupResult {
            fields = Map.copyOf(fields);
        }
    }

    /**
     * A {@link Action.RecordMessage} or {@link Action.RequestCallback} could not be filed (the server could not make
     * it durable in time): the caller must not be told it was taken.
     */
    record RequestFailed(String reason) implements Input {
        public RequestFailed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** An HTTP lookup failed or did not answer within its timeout. */
    record LookupFailed(String reason) implements Input {
        public LookupFailed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** The caller hung up. */
    record HangUp() implements Input {
    }

    /** Shared instances of the inputs that carry no data. */
    Timeout TIMEOUT = new Timeout();
    ActionDone DONE = new ActionDone();
    HangUp HANG_UP = new HangUp();

    /** Keys pressed by the caller. */
    static Digits digits(String digits) {
        return new Digits(digits);
    }
}
