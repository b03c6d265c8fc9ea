package dev.hotline.server.journal;

import dev.hotline.acd.Decision;
import dev.hotline.acd.model.CentreConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The queue of each business type as the configuration in force at each point of a journal had it, for the rule
 * that settles a callback request: a later call from the customer's number settles it when an agent answered it in
 * the queue of the request's business type (an order taken by sales leaves the after-sales problem open). The
 * callback desk applies the same rule to the configuration the engine runs ({@link #use}).
 */
public final class BusinessQueues {
    private final Map<String, String> queueOf = new HashMap<>();

    /** Follows the configuration through a file's first line and every reload's record. */
    public void follow(JournalRecord record) {
        switch (record) {
            case JournalRecord.FileOpened f -> use(f.config());
            case JournalRecord.Logged(Decision.ConfigApplied c) -> use(c.config());
            default -> { }
        }
    }

    /**
     * Whether a call answered in {@code queue} served {@code businessType}: its queue is that business type's. A call
     * without a queue, or a business type the configuration does not know, counts as served, as before business
     * types were told apart.
     */
    public boolean served(Optional<String> queue, String businessType) {
        return queue.map(q -> q.equals(queueOf.getOrDefault(businessType, q))).orElse(true);
    }

    /** Takes the business types' queues of {@code config}, the configuration now in force. */
    public void use(CentreConfig config) {
        queueOf.clear();
        config.businessTypes().forEach(b -> queueOf.put(b.id(), b.queue()));
    }
}
