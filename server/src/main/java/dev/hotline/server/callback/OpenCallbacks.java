package dev.hotline.server.callback;

import dev.hotline.acd.Outcome;
import dev.hotline.server.journal.BusinessQueues;
import dev.hotline.server.journal.JournalReader;
import dev.hotline.server.journal.JournalRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The callback requests a journal leaves open: filed, not closed, and not overtaken by a later call from their number
 * that an agent answered (the rules of {@link CallbackPlan}, replayed). A start reads them back so that no request a
 * caller was promised is forgotten by a restart.
 */
public final class OpenCallbacks {

    /**
     * An open request, with how often it was rung.
     *
     * @param lastAttemptAt when it was last rung (its next attempt waits {@code retryAfter} from then)
     */
    public record Restored(CallbackRequest request, int attempts, long lastAttemptAt) {
    }

    private OpenCallbacks() {
    }

    /**
     * The requests open in {@code reader}'s journal, made at or after {@code sinceMillis} (older ones have expired),
     * oldest first. A request whose business type was not recorded ("" in lines written before Hotline placed
     * callbacks) is left out: reports count it, nobody rings it.
     *
     * @throws dev.hotline.server.journal.JournalException for a damaged journal
     */
    public static List<Restored> read(JournalReader reader, long sinceMillis) {
        return read(reader, sinceMillis, change -> { });
    }

    /** As {@link #read(JournalReader, long)}, telling {@code clockChanges} where the journal's time steps back. */
    public static List<Restored> read(JournalReader reader, long sinceMillis, Consumer<String> clockChanges) {
        Map<String, Restored> open = new LinkedHashMap<>();
        BusinessQueues business = new BusinessQueues();
        // a start with the clock set back (or after a demo's simulated day) must not forget the earlier run's promises
        reader.readAcrossClockChanges(sinceMillis, clockChanges, record -> {
            business.follow(record);
            switch (record) {
                case JournalRecord.CallbackRequested c when c.at() >= sinceMillis && !c.businessType().isEmpty() ->
                        open.put(c.callId(), new Restored(CallbackRequest.of(c), 0, 0));
                case JournalRecord.CallbackAttempted a when a.result().equals("no-manager-interface") -> { }
                case JournalRecord.CallbackAttempted a -> open.computeIfPresent(a.requestId(),
                        (id, r) -> new Restored(r.request(), Math.max(r.attempts(), a.attempt()), a.at()));
                case JournalRecord.CallbackClosed c -> open.remove(c.requestId());
                // as the desk does: only a call served for the request's business type settles it
                case JournalRecord.CallRecord c when c.ended().outcome() == Outcome.ANSWERED ->
                        open.values().removeIf(r -> r.request().number().equals(c.ended().callerNumber())
                                && r.request().requestedAt() <= c.at()
                                && business.served(c.ended().queue(), r.request().businessType()));
                default -> { }
            }
        });
        return List.copyOf(open.values());
    }

}
