package dev.hotline.server.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.model.Treatment;
import org.junit.jupiter.api.Test;

/** Only the calls' treatments and offers taken back while a reload takes effect are gathered. */
class ReloadWatchTest {
    private static final long NOW = 1_795_395_600_000L;
    private final ReloadWatch watch = new ReloadWatch();

    @Test
    void whatTheEngineDecidesAboutCallsWhileArmedIsGatheredAndNothingBeforeOrAfter() {
        Decision.CallTreated before = new Decision.CallTreated(NOW, "c0", "sales", new Treatment.Hangup("bye"),
                TreatmentCause.MAX_WAIT);
        Decision.CallTreated during = new Decision.CallTreated(NOW, "c1", "sales", new Treatment.Hangup("bye"),
                TreatmentCause.MAX_WAIT);
        watch.onDecision(before);
        watch.arm();
        watch.onDecision(during);
        watch.onDecision(new Decision.AgentStateChanged(NOW, "1001", AgentState.READY, AgentState.NOT_READY, "x"));
        Decision.AgentAfterCall leaving = new Decision.AgentAfterCall(NOW, "1003", AgentState.TALKING,
                AgentState.LOGGED_OUT, Decision.AgentAfterCall.REMOVED);
        watch.onDecision(leaving);

        assertThat(watch.disarm()).containsExactly(during, leaving);
        watch.onDecision(before);
        assertThat(watch.disarm()).isEmpty();
    }
}
