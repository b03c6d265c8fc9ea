package dev.hotline.server.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision;
import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.model.Treatment;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reload tells its admin it did to calls, from the decisions the engine made applying it. */
class ReloadEffectsTest {
    private static final long NOW = 1_795_395_600_000L;

    @Test
    void aChangeThatTouchedNoCallSaysNothing() {
        assertThat(ReloadEffects.of(List.of())).isEmpty();
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
                        "agent 1004 was removed from the configuration before their phone rang", OfferEnd.TAKEN_BACK)));

        assertThat(effects).containsExactly(
                "1 waiting call given queue after-sales's no-agents treatment, hangup(hotline/busy): h1",
                "2 waiting calls given queue sales-beauty's no-agents treatment, voicemail(sales): e1, e2",
                "1 offer taken back from removed agents: k5 (agent 1004)");
    }
}
