package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
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
        List<Decision> decisions = new ArrayList<>();
        AtomicBoolean failOnce = new AtomicBoolean(true);
        DecisionListener flakyWallboard = d -> {
            if (d instanceof Decision.CallClassified && failOnce.getAndSet(false)) {
                throw new IllegalStateException("wallboard down");
            }
            decisions.add(d);
        };
        var engine = new RoutingEngine(CentreFixture.centre().queue("sales", "s").agent("s1", "s").config(),
                CentreFixture.START, 1, flakyWallboard);

        engine.handle(new AcdEvent.CallArrived(CentreFixture.START, "c1", "1", CentreFixture.numberOf("sales")));

        assertThat(decisions).singleElement().isInstanceOf(Decision.EventRejected.class)
                .extracting(d -> ((Decision.EventRejected) d).message())
                .isEqualTo("internal error applying CallArrived: java.lang.IllegalStateException: wallboard down");
        engine.handle(new AcdEvent.AgentLoggedIn(CentreFixture.START, "s1"));
        engine.handle(new AcdEvent.AgentReady(CentreFixture.START, "s1"));
        engine.handle(new AcdEvent.QueueRequested(CentreFixture.START, "c1", Optional.empty(), 0, Map.of()));
        assertThat(decisions.getLast()).isInstanceOf(Decision.AgentStateChanged.class);
        assertThat(engine.agent("s1").orElseThrow().callId()).contains("c1");
        engine.validateInternalState();
    }

    @Test
    void aMalformedNumberPatternIsRefusedWhenTheConfigurationIsBuilt() {
        var config = CentreFixture.centre().queue("sales", "s").route("4008X", MatchKind.PATTERN, "sales").config();

        assertThatThrownBy(() -> new RoutingEngine(config, 0, 1, DecisionListener.NONE))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("number route 4008X: pattern '4008X' must start with '_' (Asterisk pattern syntax, e.g. "
                        + "_400800XXXX)");
    }

    @Test
    void aMalformedPatternInALiveChangeIsRejectedAndTheOldConfigurationStays() {
        var centre = CentreFixture.centre().queue("sales", "s").start();
        var before = centre.engine.config();

        centre.reconfigure(CentreFixture.centre().queue("sales", "s").route("_40[9", MatchKind.PATTERN, "sales"));

        assertThat(centre.rejection()).isEqualTo("configuration rejected, the one in force stays: number route _40[9: "
                + "pattern '_40[9' has a '[' at position 4 that is never closed");
        assertThat(centre.engine.config()).isSameAs(before);
    }

    @Test
    void aRouteToAnUnknownBusinessTypeIsRefusedWhenTheConfigurationIsBuilt() {
        var config = CentreFixture.centre().queue("sales", "s")
                .route(new NumberRoute("999", MatchKind.EXACT, "missing-type", Optional.empty(), "")).config();

        assertThatThrownBy(() -> new RoutingEngine(config, 0, 1, DecisionListener.NONE))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("number route 999 names unknown business type missing-type");
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
