package dev.hotline.ivr;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the interpreter asks the telephony side to do next. Each action maps to one AGI command (or one hand-over to
 * the ACD), so the bridge translates without logic of its own; the result comes back as an {@link Input}.
 */
public sealed interface Action extends Serializable {

    /**
     * Play one sound ({@code STREAM FILE prompt "escapeDigits"}). Answer: {@link Input.ActionDone} when it played to
     * the end, {@link Input.Digits} with the key that interrupted it.
     *
     * @param prompt       sound name, without language directory or extension (Asterisk picks the caller's language)
     * @param escapeDigits keys that interrupt the prompt, empty when it cannot be interrupted
     */
    record Play(String prompt, String escapeDigits) implements Action {
        public Play {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(escapeDigits, "escapeDigits");
        }
    }

    /** Say a whole number ({@code SAY NUMBER number "escapeDigits"}). Answer as for {@link Play}. */
    record SayNumber(long number, String escapeDigits) implements Action {
        public SayNumber {
            Objects.requireNonNull(escapeDigits, "escapeDigits");
        }
    }

    /** Say digits one by one ({@code SAY DIGITS digits "escapeDigits"}). Answer as for {@link Play}. */
    record SayDigits(String digits, String escapeDigits) implements Action {
        public SayDigits {
            Objects.requireNonNull(digits, "digits");
            Objects.requireNonNull(escapeDigits, "escapeDigits");
        }
    }

    /**
     * Say a date and/or a time ({@code SAY DATETIME epochSecond "escapeDigits" format zone}; the bridge picks the
     * format for the part and the channel's language). Answer as for {@link Play}.
     */
    record SayDateTime(long epochSecond, String zone, DateTimePart part, String escapeDigits) implements Action {
        public SayDateTime {
            Objects.requireNonNull(zone, "zone");
            Objects.requireNonNull(part, "part");
            Objects.requireNonNull(escapeDigits, "escapeDigits");
        }
    }

    /** Which part of an instant a {@link SayDateTime} says. */
    enum DateTimePart { DATE, TIME, DATE_AND_TIME }

    /**
     * Play an optional prompt and collect keys ({@code GET DATA prompt timeoutMs maxDigits}). Answer:
     * {@link Input.Digits} with what was typed (without the terminator), or {@link Input.Timeout} when nothing was.
     *
     * @param prompt            sound to play while waiting, "" for silence
     * @param maxDigits         stop collecting after this many keys
     * @param timeout           how long to wait for the first key
     * @param interDigitTimeout how long to wait for each further key
     * @param terminator        the key that ends the entry early, empty for none
     */
    record Collect(String prompt, int maxDigits, Duration timeout, Duration interDigitTimeout,
                   String terminator) implements Action {
        public Collect {
            Objects.requireNonNull(prompt, "prompt");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(interDigitTimeout, "interDigitTimeout");
            Objects.requireNonNull(terminator, "terminator");
        }
    }

    /** Switch the caller's language ({@code SET VARIABLE CHANNEL(language) language}). Answer: ActionDone. */
    record SetLanguage(String language) implements Action {
        public SetLanguage {
            Objects.requireNonNull(language, "language");
        }
    }

    /**
     * Fetch self-service data from an HTTP JSON endpoint (the bridge performs the request; this module opens no
     * socket). Answer: {@link Input.LookupResult} with the fields of the JSON object (empty when not found), or
     * {@link Input.LookupFailed} when the request failed or took longer than the timeout. {@code method} says how
     * the parameters travel ({@link LookupSource.HttpMethod}).
     */
    record Lookup(String source, String url, Map<String, String> parameters, Duration timeout,
                  LookupSource.HttpMethod method) implements Action {
        public Lookup {
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(url, "url");
            parameters = Map.copyOf(parameters);
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(method, "method");
        }

        /** A lookup whose parameters go in the query string. */
        public Lookup(String source, String url, Map<String, String> parameters, Duration timeout) {
            this(source, url, parameters, timeout, LookupSource.HttpMethod.GET);
        }
    }

    /**
     * Record a voicemail ({@code RECORD FILE} with '#' to end; the bridge names the file and files the message as a
     * request for the mailbox). Answer: ActionDone once the message is filed (durably: what follows may tell the
     * caller it was taken), {@link Input.RequestFailed} when it could not be.
     */
    record RecordMessage(String mailbox, Duration maxDuration, Map<String, String> attachedData) implements Action {
        public RecordMessage {
            Objects.requireNonNull(mailbox, "mailbox");
            Objects.requireNonNull(maxDuration, "maxDuration");
            attachedData = Map.copyOf(attachedData);
        }
    }

    /**
     * File a request to call the caller back on a number (no AGI command; the server records it), for a business
     * type ("" for the dialled number's). Answer: ActionDone once the request is filed (durably: what follows may
     * promise the callback), {@link Input.RequestFailed} when it could not be.
     */
    record RequestCallback(String number, String businessType, Map<String, String> attachedData)
            implements Action {
        public RequestCallback {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(businessType, "businessType");
            attachedData = Map.copyOf(attachedData);
        }
    }

    /**
     * Hand the caller to the ACD (becomes the core's {@code QueueRequested}). Final: the IVR session is over.
     *
     * @param businessType  overrides the business type of the dialled number, "" keeps it
     * @param priorityRaise added to the queue's base priority
     * @param attachedData  what the caller entered and what was looked up, for the agent's screen pop
     */
    record TransferToQueue(String businessType, int priorityRaise, Map<String, String> attachedData)
            implements Action {
        public TransferToQueue {
            Objects.requireNonNull(businessType, "businessType");
            attachedData = Map.copyOf(attachedData);
        }
    }

    /** End the call ({@code HANGUP}). Final: the session's {@link Outcome} says how it ended. */
    record Hangup(String disposition) implements Action {
        public Hangup {
            Objects.requireNonNull(disposition, "disposition");
        }
    }

    /** Nothing more to do: the session is over (the caller hung up, or an input came after the end). */
    record Finished(Outcome outcome) implements Action {
        public Finished {
            Objects.requireNonNull(outcome, "outcome");
        }
    }
}
