package dev.hotline.server.journal.internal;

import dev.hotline.acd.Outcome;
import dev.hotline.server.journal.BusinessQueues;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.journal.JournalReplay;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts what callers left in the IVR during a period: messages, callback requests, and where the period's callback
 * requests stand at its end. A request is done when Hotline's callback reached an agent or a later call from its
 * number was answered by an agent in the queue of its business type (the customer got through, so there is nobody
 * left to call back; {@link BusinessQueues}), given up when
 * its {@code callback-closed} record says so (attempts used up, expired, turned away), and open otherwise: the rules
 * the callback desk follows.
 */
public final class IvrRequestCount {
    private enum Stand { OPEN, DONE, GIVEN_UP }

    private long messagesLeft;
    /** The period's callback requests by id, in request order, with their numbers. */
    private final Map<String, String> numbers = new LinkedHashMap<>();
    /** Their business types, by id. */
    private final Map<String, String> businessTypes = new HashMap<>();
    private final BusinessQueues business = new BusinessQueues();
    private final Map<String, Stand> stands = new HashMap<>();

    /** Follows a record stamped in the period. */
    public void follow(JournalRecord record) {
        business.follow(record);
        switch (record) {
            case JournalRecord.MessageLeft m -> messagesLeft++;
            case JournalRecord.CallbackRequested c -> {
                numbers.put(c.callId(), c.number());
                businessTypes.put(c.callId(), c.businessType());
                stands.put(c.callId(), Stand.OPEN);
            }
            case JournalRecord.CallbackClosed c -> stands.computeIfPresent(c.requestId(), (id, stand) ->
                    stand != Stand.OPEN ? stand : c.outcome().served() ? Stand.DONE : Stand.GIVEN_UP);
            case JournalRecord.CallRecord c when c.ended().outcome() == Outcome.ANSWERED ->
                    numbers.forEach((id, number) -> {
                        if (number.equals(c.ended().callerNumber()) && stands.get(id) == Stand.OPEN
                                && business.served(c.ended().queue(), businessTypes.get(id))) {
                            stands.put(id, Stand.DONE);
                        }
                    });
            default -> { }
        }
    }

    public JournalReplay.IvrRequests counts() {
        return new JournalReplay.IvrRequests(messagesLeft, numbers.size(), count(Stand.OPEN), count(Stand.DONE),
                count(Stand.GIVEN_UP));
    }

    private long count(Stand stand) {
        return stands.values().stream().filter(s -> s == stand).count();
    }
}
