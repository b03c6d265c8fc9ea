package dev.hotline.acd.internal;

import dev.hotline.acd.model.RoutingStrategy;
import java.util.function.ToLongFunction;

/**
 * How each routing strategy orders idle agents (the first is picked), and how it explains its pick. Ties always fall
 * to the agent configured first, so the same events give the same assignments.
 */
final class StrategyOrder {

    private StrategyOrder() {
    }

    /** Orders agent {@code a} (eligible through {@code ga}) against {@code b} (through {@code gb}). */
    static int compare(RoutingStrategy strategy, Agent a, Group ga, Agent b, Group gb) {
        int c = switch (strategy) {
            case LONGEST_IDLE -> Long.compare(a.readySince, b.readySince);
            case ROUND_ROBIN -> Long.compare(a.lastOfferSeq, b.lastOfferSeq);
            case FEWEST_CALLS -> Integer.compare(a.answered, b.answered);
            case LEAST_TALK_TIME -> Long.compare(a.talkMillis, b.talkMillis);
            case LINEAR, RANDOM -> 0;
            case SKILL_LEVEL -> {
                int level = Integer.compare(b.levelIn(gb), a.levelIn(ga));
                yield level != 0 ? level : Long.compare(a.readySince, b.readySince);
            }
        };
        return c != 0 ? c : Integer.compare(a.order, b.order);
    }

    /** Bits of a {@link #key} that hold the agent's configured order, below the strategy's own figure. */
    private static final int ORDER_BITS = 22;
    private static final long MOST_FIGURE = (1L << (63 - ORDER_BITS)) - 1;
    private static final int MOST_ORDER = (1 << ORDER_BITS) - 1;

    /**
     * A long that orders the agents of one group as {@link #compare} does wherever two keys differ, for a
     * {@link ReadyHeap} to compare without loading agents; null for the strategies not kept in heaps. The strategy's
     * figure goes above the configured order; a figure or order beyond the bits they have is cut to the most, so
     * agents beyond it get equal keys and the comparison decides between them, never a wrong order.
     */
    static ToLongFunction<Agent> key(RoutingStrategy strategy) {
        return switch (strategy) {
            case ROUND_ROBIN -> a -> key(a.lastOfferSeq + 1, a.order);
            case FEWEST_CALLS -> a -> key(a.answered, a.order);
            case LEAST_TALK_TIME -> a -> key(a.talkMillis, a.order);
            case LINEAR -> a -> key(0, a.order);
            case LONGEST_IDLE, SKILL_LEVEL, RANDOM -> null;
        };
    }

    /** {@code figure} (0 or more), then {@code order}, in one long, monotone in both (see the other key). */
    static long key(long figure, int order) {
        if (figure < 0) {
            return Long.MIN_VALUE;
        }
        if (figure >= MOST_FIGURE) {
            return MOST_FIGURE << ORDER_BITS;
        }
        return figure << ORDER_BITS | Math.min(Math.max(order, 0), MOST_ORDER);
    }

    /** Why {@code strategy} picked {@code agent}, in a few words. */
    static String why(RoutingStrategy strategy, Agent agent, Group group, long now, int candidates) {
        return switch (strategy) {
            case LONGEST_IDLE -> "idle " + seconds(now - agent.readySince) + ", longest";
            case ROUND_ROBIN -> agent.lastOfferSeq < 0
                    ? "not offered a call yet, next in turn"
                    : "offered a call least recently, next in turn";
            case FEWEST_CALLS -> "answered " + agent.answered + (agent.answered == 1 ? " call" : " calls")
                    + " today, fewest";
            case LEAST_TALK_TIME -> "talked " + seconds(agent.talkMillis) + " today, least";
            case LINEAR -> "first ready agent in configured order";
            case RANDOM -> "drawn at random among " + candidates + " ready agents";
            case SKILL_LEVEL -> "skill level " + agent.levelIn(group) + " in group " + group.id + ", highest, idle "
                    + seconds(now - agent.readySince);
        };
    }

    /**
     * A duration in whole seconds ("20 s") or to a tenth, rounded half up ("2.5 s"): the text of {@code "%.1f s"},
     * made with integer arithmetic because it is in the explanation of every offer.
     */
    static String seconds(long millis) {
        if (millis % 1000 == 0) {
            return millis / 1000 + " s";
        }
        if (millis < 0) {
            // never on the hot path (durations are not negative); the formatter keeps its sign rules
            return String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long tenths = (millis + 50) / 100;
        return tenths / 10 + "." + tenths % 10 + " s";
    }
}
