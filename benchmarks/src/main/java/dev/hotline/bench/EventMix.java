package dev.hotline.bench;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Decision;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the measured part of a recording contains: events by kind, decisions by kind, which path offered each call
 * (an arriving call finding an idle agent, or a freed agent picking the best waiting call), and the average backlog
 * and idle agents seen after each event. Printed with the benchmark, so every figure comes with its load.
 */
final class EventMix {

    private final Map<String, Long> events = new TreeMap<>();
    private final Map<String, Long> decisions = new TreeMap<>();
    private boolean counting;
    private long eventCount;
    private long offersToIdleAgent;
    private long offersByFreedAgent;
    private long abandons;
    private long waitingSum;
    private long readySum;
    private long firstAt = -1;
    private long lastAt;

    void startCounting() {
        counting = true;
    }

    void event(AcdEvent event) {
        if (counting) {
            events.merge(event.getClass().getSimpleName(), 1L, Long::sum);
            eventCount++;
            if (firstAt < 0) {
                firstAt = event.at();
            }
            lastAt = event.at();
        }
    }

    void decision(Decision decision) {
        if (!counting) {
            return;
        }
        decisions.merge(decision.getClass().getSimpleName(), 1L, Long::sum);
        if (decision instanceof Decision.CallOffered offer) {
            // the engine's two paths explain themselves differently; see Engine.takeNextCall / offerToIdleAgent
            if (offer.reason().explanation().startsWith("Agent ")) {
                offersByFreedAgent++;
            } else {
                offersToIdleAgent++;
            }
        }
    }

    void abandoned() {
        if (counting) {
            abandons++;
        }
    }

    void sample(int waiting, int ready) {
        if (counting) {
            waitingSum += waiting;
            readySum += ready;
        }
    }

    /** A few lines for people: the mix the figures were measured under. */
    String describe() {
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, "measured events: %,d over %.0f s of virtual time%n", eventCount,
                (lastAt - firstAt) / 1000.0));
        s.append("  events:    ").append(shares(events)).append('\n');
        s.append("  decisions: ").append(shares(decisions)).append('\n');
        long offers = offersToIdleAgent + offersByFreedAgent;
        s.append(String.format(Locale.ROOT,
                "  offers: %,d (%.0f%% arriving call -> idle agent, %.0f%% freed agent -> best waiting call);"
                        + " abandons: %,d%n",
                offers, 100.0 * offersToIdleAgent / Math.max(1, offers),
                100.0 * offersByFreedAgent / Math.max(1, offers), abandons));
        s.append(String.format(Locale.ROOT, "  average after each event: %.1f calls waiting, %.1f agents READY%n",
                (double) waitingSum / Math.max(1, eventCount), (double) readySum / Math.max(1, eventCount)));
        return s.toString();
    }

    private String shares(Map<String, Long> counts) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        StringBuilder s = new StringBuilder();
        counts.forEach((kind, n) -> s.append(String.format(Locale.ROOT, "%s %.1f%%, ", kind, 100.0 * n / total)));
        return s.length() > 2 ? s.substring(0, s.length() - 2) : "";
    }
}
