package dev.hotline.server.journal.internal;

import dev.hotline.acd.Outcome;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.journal.JournalReplay;
import java.util.HashMap;
import java.util.Map;

/**
 * Counts what callers left in the IVR during a period: messages, callback requests, and the callback requests still
 * open at the period's end. A request is closed by the first call from its number that an agent answers after it
 * (the customer got through, so there is nobody left to call back); nothing else closes one, since Hotline does not
 * place callbacks itself yet.
 */
public final class IvrRequestCount {
    private long messagesLeft;
    private long callbacksRequested;
    /** Open requests of the period by number to call back: how many. */
    private final Map<String, Integer> open = new HashMap<>();

    /** Follows a record stamped in the period. */
    public void follow(JournalRecord record) {
        switch (record) {
            case JournalRecord.MessageLeft m -> messagesLeft++;
            case JournalRecord.CallbackRequested c -> {
                callbacksRequested++;
                open.merge(c.number(), 1, Integer::sum);
            }
            case JournalRecord.CallRecord c when c.ended().outcome() == Outcome.ANSWERED ->
                    open.remove(c.ended().callerNumber());
            default -> { }
        }
    }

    public JournalReplay.IvrRequests counts() {
        long stillOpen = 0;
        for (int n : open.values()) {
            stillOpen += n;
        }
        return new JournalReplay.IvrRequests(messagesLeft, callbacksRequested, stillOpen);
    }
}
