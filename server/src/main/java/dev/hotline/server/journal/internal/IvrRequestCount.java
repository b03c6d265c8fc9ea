package dev.hotline.server.journal.internal;

import dev.hotline.acd.Outcome;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.journal.JournalReplay;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts what callers left in the IVR during a period: messages, callback requests, and the callback requests still
 * open at the period's end. A request is closed by its {@code callback-closed} record (Hotline's callback reached an
 * agent, or Hotline gave it up) or by the first call from its number that an agent answers after it (the customer
 * got through, so there is nobody left to call back), the rule the callback desk follows too.
 */
public final class IvrRequestCount {
    private long messagesLeft;
    private long callbacksRequested;
    /** Open requests of the period: number to call back, by request id, in request order. */
    private final Map<String, String> open = new LinkedHashMap<>();

    /** Follows a record stamped in the period. */
    public void follow(JournalRecord record) {
        switch (record) {
            case JournalRecord.MessageLeft m -> messagesLeft++;
            case JournalRecord.CallbackRequested c -> {
                callbacksRequested++;
                open.put(c.callId(), c.number());
            }
            case JournalRecord.CallbackClosed c -> open.remove(c.requestId());
            case JournalRecord.CallRecord c when c.ended().outcome() == Outcome.ANSWERED ->
                    open.values().removeIf(number -> number.equals(c.ended().callerNumber()));
            default -> { }
        }
    }

    public JournalReplay.IvrRequests counts() {
        return new JournalReplay.IvrRequests(messagesLeft, callbacksRequested, open.size());
    }
}
