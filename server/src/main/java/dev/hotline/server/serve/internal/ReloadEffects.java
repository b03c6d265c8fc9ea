package dev.hotline.server.serve.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.QueueView;
import dev.hotline.acd.model.Treatment;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a reload did to calls in the centre, from the decisions the engine made applying it and the queues after it,
 * said for the admin who asked: the waiting calls it moved on from removed queues, those it sent to a treatment (no
 * agent could serve them any more), by queue and treatment, the offers it took back, the removed agents who log out
 * after their call, and the removed queues still holding calls. An admin who removes a group sees at once that three
 * callers went to voicemail.
 */
public final class ReloadEffects {

    private ReloadEffects() {
    }

    /**
     * A sentence per removed queue whose calls moved on, per queue and treatment, then one for the offers taken back,
     * then one per removed queue still holding calls ({@code queues}: the queues after the change); empty when no
     * call was touched.
     */
    public static List<String> of(List<Decision> decisions, List<QueueView> queues) {
        Map<String, List<String>> moved = new TreeMap<>();
        Map<String, List<String>> treated = new TreeMap<>();
        List<String> takenBack = new ArrayList<>();
        List<String> leaveAfterCall = new ArrayList<>();
        for (Decision decision : decisions) {
            switch (decision) {
                case Decision.CallTreated t when t.cause() == Decision.TreatmentCause.RECONFIGURED
                        && t.treatment() instanceof Treatment.Overflow o -> moved.computeIfAbsent("removed queue "
                        + t.queue() + " to queue " + o.queue() + ", their business type's queue now",
                        key -> new ArrayList<>()).add(t.callId());
                case Decision.CallTreated t -> treated.computeIfAbsent("queue " + t.queue() + "'s "
                        + t.cause().name().toLowerCase(Locale.ROOT).replace('_', '-') + " treatment, "
                        + t.treatment().describe(), key -> new ArrayList<>()).add(t.callId());
                case Decision.CallRequeued r -> takenBack.add(r.callId() + " (agent " + r.agentId() + ")");
                case Decision.AgentAfterCall a when a.after() == AgentState.LOGGED_OUT
                        && a.reason().equals(Decision.AgentAfterCall.REMOVED) -> leaveAfterCall.add(a.agentId());
                default -> {
                }
            }
        }
        List<String> effects = new ArrayList<>();
        moved.forEach((move, calls) -> effects.add(count(calls.size(), "waiting call") + " moved from " + move + ": "
                + listed(calls)));
        treated.forEach((treatment, calls) -> effects.add(count(calls.size(), "waiting call") + " given " + treatment
                + ": " + listed(calls)));
        if (!takenBack.isEmpty()) {
            effects.add(count(takenBack.size(), "offer") + " taken back from removed agents: " + listed(takenBack));
        }
        if (!leaveAfterCall.isEmpty()) {
            boolean one = leaveAfterCall.size() == 1;
            effects.add(count(leaveAfterCall.size(), "removed agent") + " on a call finish" + (one ? "es it" : " it")
                    + ", then log out: " + listed(leaveAfterCall));
        }
        for (QueueView q : queues) {
            if (q.retired() && q.waiting() + q.ringing() > 0) {
                effects.add("queue " + q.queueId() + ", removed, still holds " + count(q.waiting() + q.ringing(),
                        "call") + " (" + q.waiting() + " waiting, " + q.ringing() + " ringing an agent): it serves "
                        + (q.waiting() + q.ringing() == 1 ? "it" : "them") + " under its last settings until it is "
                        + "empty");
            }
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
