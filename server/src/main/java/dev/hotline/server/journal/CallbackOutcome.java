package dev.hotline.server.journal;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a callback request ended ({@link JournalRecord.CallbackClosed}); the journal writes its {@link #wireName()}. */
public enum CallbackOutcome {
    /** The callback's call reached an agent. */
    AGENT_ANSWERED("agent-answered", true),
    /** A later call from the customer's number was answered by an agent. */
    CUSTOMER_CALLED("customer-called", true),
    /** Every attempt to ring the customer failed. */
    GAVE_UP("gave-up", false),
    /** Not done within {@code callbacks.expireAfter}. */
    EXPIRED("expired", false),
    /** The callback's call ended without an agent by Hotline's rules (refused, a queue treatment). */
    NOT_SERVED("not-served", false),
    /** The number is not one callbacks may ring ({@code callbacks.allowedNumbers}, changed since it was asked). */
    NUMBER_NOT_ALLOWED("number-not-allowed", false);

    private final String wireName;
    private final boolean served;

    CallbackOutcome(String wireName, boolean served) {
        this.wireName = wireName;
        this.served = served;
    }

    /** The name in the journal, docs/journal.md and the logs. */
    @JsonValue
    public String wireName() {
        return wireName;
    }

    /** Whether the customer spoke to an agent in the end, by the callback or by calling again. */
    public boolean served() {
        return served;
    }

    @Override
    public String toString() {
        return wireName;
    }
}
