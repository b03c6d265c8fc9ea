package dev.hotline.server.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.QueueView;
import dev.hotline.acd.model.Treatment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reload tells its admin it did to calls, from the decisions the engine made applying it. */
class ReloadEffectsTest {
    private static final long NOW = 1_795_395_600_000L;

    @Test
    void aChangeThatTouchedNoCallSaysNothing() {
        assertThat(ReloadEffects.of(List.of(), List.of())).isEmpty();
    }

    @Test
    void waitingCallsSentToTheirQueuesNoAgentsTreatmentAreCountedByQueueAndTreatment() {
        Treatment voicemail = new Treatment.Voicemail("sales", "hotline/leave-message");
        List<String> effects = ReloadEffects.of(List.of(
                new Decision.CallTreated(NOW, "e1", "sales-beauty", voicemail, TreatmentCause.NO_AGENTS),
                new Decision.CallTreated(NOW, "e2", "sales-beauty", voicemail, TreatmentCause.NO_AGENTS),
                new Decision.CallTreated(NOW, "h1", "after-sales", new Treatment.Hangup("hotline/busy"),
                        TreatmentCause.NO_AGENTS),
                new Decision.CallRequeued(NOW, "k5", "1004", "sales-home",
                        "agent 1004 was removed from the configuration before their phone rang", OfferEnd.TAKEN_BACK),
                new Decision.AgentAfterCall(NOW, "1003", AgentState.TALKING, AgentState.LOGGED_OUT,
                        "removed from the configuration"),
                new Decision.AgentAfterCall(NOW, "1007", AgentState.RESERVED, AgentState.LOGGED_OUT,
                        "removed from the configuration")),
                List.of());

        assertThat(effects).containsExactly(
                "1 waiting call given queue after-sales's no-agents treatment, hangup(hotline/busy): h1",
                "2 waiting calls given queue sales-beauty's no-agents treatment, voicemail(sales): e1, e2",
                "1 offer taken back from removed agents: k5 (agent 1004)",
                "2 removed agents on a call finish it, then log out: 1003, 1007");
    }

    @Test
    void callsMovedOnFromARemovedQueueAndARemovedQueueStillHoldingCallsAreSaid() {
        Treatment toBeauty = new Treatment.Overflow("beauty");
        List<String> effects = ReloadEffects.of(List.of(
                new Decision.CallTreated(NOW, "w0", "sales-beauty", toBeauty, TreatmentCause.RECONFIGURED),
                new Decision.CallMoved(NOW, "w0", "sales-beauty", "beauty", "queue sales-beauty was removed"),
                new Decision.CallTreated(NOW, "w1", "sales-beauty", toBeauty, TreatmentCause.RECONFIGURED),
                new Decision.CallMoved(NOW, "w1", "sales-beauty", "beauty", "queue sales-beauty was removed")),
                List.of(new QueueView("beauty", 2, 0, 30_000, 2, 0, 0, 180_000, false, true, ""),
                        new QueueView("sales-home", 2, 1, 40_000, 1, 0, 0, 180_000, true, false, "removed")));

        assertThat(effects).containsExactly(
                "2 waiting calls moved from removed queue sales-beauty to queue beauty, their business type's queue "
                        + "now: w0, w1",
                "queue sales-home, removed, still holds 3 calls (2 waiting, 1 ringing an agent): it serves them under "
                        + "its last settings until it is empty");
    }
}
