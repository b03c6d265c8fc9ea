package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The engine loop: virtual time that never goes backwards, timers in deadline order, survival of bad events. */
class EngineLoopTest {

    @Test
    void anEventStampedInThePastIsAppliedAtTheEnginesTime() {
        var centre = CentreFixture.centre().queue("sales", "s").agent("s1", "s").start()
                .advance(Duration.ofSeconds(10));
        centre.send(new AcdEvent.AgentLoggedIn(CentreFixture.START, "s1"));

        assertThat(centre.last(Decision.AgentStateChanged.class).at()).isEqualTo(CentreFixture.START + 10_000);
        assertThat(centre.engine.now()).isEqualTo(CentreFixture.START + 10_000);
    }

    @Test
    void timersDueBeforeAnEventFireFirstAtTheirOwnTime() {
        var centre = CentreFixture.centre().queue("sales", "s").agent("s1", "s").start()
                .loginReady("s1").call("c1", "sales").forget();
        assertThat(centre.engine.nextDeadline()).isEqualTo(CentreFixture.START + 15_000);

        centre.send(new AcdEvent.AgentLoggedIn(CentreFixture.START + 20_000, "nobody"));

        assertThat(centre.decisions.get(0)).isInstanceOf(Decision.CallRequeued.class);
        assertThat(centre.decisions.get(0).at()).isEqualTo(CentreFixture.START + 15_000);
        assertThat(centre.last(Decision.EventRejected.class).at()).isEqualTo(CentreFixture.START + 20_000);
        assertThat(centre.engine.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }

    @Test
    void anInternalErrorWhileApplyingAnEventIsReportedAndTheEngineGoesOn() {
        var centre = CentreFixture.centre().queue("sales", "s").agent("s1", "s")
                .route(new NumberRoute("999", MatchKind.EXACT, "missing-type", Optional.empty(), ""))
                .start().arrive("c1", "1", "999");

        assertThat(centre.rejection()).isEqualTo("internal error applying CallArrived: java.lang.IllegalStateException: "
                + "number route 999 names unknown business type missing-type");
        centre.loginReady("s1").call("c2", "sales");
        assertThat(centre.offeredTo("c2")).isEqualTo("s1");
    }

    @Test
    void aMalformedNumberPatternIsRefusedWhenTheConfigurationIsBuilt() {
        var config = CentreFixture.centre().queue("sales", "s").route("4008X", MatchKind.PATTERN, "sales").config();

        assertThatThrownBy(() -> new RoutingEngine(config, 0, 1, DecisionListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("number pattern 4008X must start with _");
    }

    @Test
    void aMalformedPatternInALiveChangeIsRejectedAndTheOldConfigurationStays() {
        var centre = CentreFixture.centre().queue("sales", "s").start();
        var before = centre.engine.config();

        centre.reconfigure(CentreFixture.centre().queue("sales", "s").route("_40[9", MatchKind.PATTERN, "sales"));

        assertThat(centre.rejection()).endsWith("number pattern _40[9: '[' without ']'");
        assertThat(centre.engine.config()).isSameAs(before);
    }

    @Test
    void theEngineBelongsToTheThreadThatFirstChangedIt() throws Exception {
        var centre = CentreFixture.centre().queue("sales", "s").agent("s1", "s").start().login("s1");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                centre.engine.handle(new AcdEvent.AgentReady(CentreFixture.START, "s1"));
            } catch (Throwable t) {
                failure.set(t);
            }
        }, "intruder");
        other.start();
        other.join();

        assertThat(failure.get()).isInstanceOf(AssertionError.class)
                .hasMessageEndingWith("but was called from intruder");
        assertThat(centre.stateOf("s1")).isEqualTo(AgentState.NOT_READY);
    }
}
