package dev.hotline.server.serve.internal;

import dev.hotline.acd.Decision;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reload did to calls in the centre, from the decisions the engine made applying it, said for the admin who
 * asked: the waiting calls it sent to a treatment (no agent could serve them any more), by queue and treatment, and
 * the offers it took back. An admin who removes a group sees at once that three callers went to voicemail.
 */
public final class ReloadEffects {

    private ReloadEffects() {
    }

    /** A sentence per queue and treatment, then one for the offers taken back; empty when no call was touched. */
    public static List<String> of(List<Decision> decisions) {
        Map<String, List<String>> treated = new TreeMap<>();
        List<String> takenBack = new ArrayList<>();
        for (Decision decision : decisions) {
            switch (decision) {
                case Decision.CallTreated t -> treated.computeIfAbsent("queue " + t.queue() + "'s "
                        + t.cause().name().toLowerCase(Locale.ROOT).replace('_', '-') + " treatment, "
                        + t.treatment().describe(), key -> new ArrayList<>()).add(t.callId());
                case Decision.CallRequeued r -> takenBack.add(r.callId() + " (agent " + r.agentId() + ")");
                default -> {
                }
            }
        }
        List<String> effects = new ArrayList<>();
        treated.forEach((treatment, calls) -> effects.add(count(calls.size(), "waiting call") + " given " + treatment
                + ": " + listed(calls)));
        if (!takenBack.isEmpty()) {
            effects.add(count(takenBack.size(), "offer") + " taken back from removed agents: " + listed(takenBack));
        }
        return effects;
    }

    private static String count(int n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    private static String listed(List<String> items) {
        int shown = 10;
        return items.size() <= shown ? String.join(", ", items)
                : String.join(", ", items.subList(0, shown)) + " and " + (items.size() - shown) + " more";
    }
}
