package dev.hotline.server.cli;

import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.TreatmentFigures;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The line under a queue table that says why queues let calls go without an agent ("after-sales closed 9;
 * sales-health max wait 2, no agents 1"): the overflow and refused columns say how many, not why. Absent when no
 * queue let a call go.
 */
final class TreatedLine {

    private TreatedLine() {
    }

    static Optional<String> of(Map<String, CallFigures> queues) {
        List<String> parts = new ArrayList<>();
        queues.forEach((id, q) -> causes(q.treated()).ifPresent(causes -> parts.add(id + " " + causes)));
        return parts.isEmpty() ? Optional.empty()
                : Optional.of("treated by queues (let go without an agent, by why): " + String.join("; ", parts));
    }

    /** "closed 9, no agents 1": each cause with calls, in the order of {@link TreatmentFigures}. */
    private static Optional<String> causes(TreatmentFigures t) {
        List<String> parts = new ArrayList<>();
        add(parts, "closed", t.closed());
        add(parts, "full", t.full());
        add(parts, "max wait", t.maxWait());
        add(parts, "no agents", t.noAgents());
        add(parts, "by a step", t.escalation());
        add(parts, "moved by a configuration change", t.reconfigured());
        add(parts, "handed back", t.handedBack());
        return parts.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", parts));
    }

    private static void add(List<String> parts, String cause, long calls) {
        if (calls > 0) {
            parts.add(cause + " " + calls);
        }
    }
}
