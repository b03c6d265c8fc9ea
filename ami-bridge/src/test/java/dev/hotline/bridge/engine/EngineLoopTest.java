package dev.hotline.bridge.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.WaitingCall;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The engine loop: one writer fed from any thread, decisions to everyone who listens, time from the clock. */
class EngineLoopTest {

    private final ManualClock clock = new ManualClock(TestCentre.START);
    private final List<Decision> journal = new ArrayList<>();

    private EngineLoop loop(int arrivalLimit, DecisionListener... listeners) {
        List<DecisionListener> all = new ArrayList<>(List.of(listeners));
        all.add(journal::add);
        return new EngineLoop(TestCentre.config(), 1, clock, arrivalLimit, all);
    }

    private void loginReady(EngineLoop loop, String agentId) {
        loop.submit(new AcdEvent.AgentLoggedIn(loop.now(), agentId));
        loop.submit(new AcdEvent.AgentReady(loop.now(), agentId));
    }

    @Test
    void aCallsDecisionsGoToTheJournalAndToItsSessionUntilTheCallEnds() {
        EngineLoop loop = loop(100);
        List<Decision> session = new ArrayList<>();
        loop.subscribe("c1", session::add);

        loop.submit(new AcdEvent.CallArrived(loop.now(), "c1", "13800138000", TestCentre.BLACKLISTED + "0"));
        loop.submit(new AcdEvent.CallArrived(loop.now(), "c2", TestCentre.BLACKLISTED, TestCentre.TEA_AD));
        loop.runOnce();

        assertThat(session).extracting(d -> d.getClass().getSimpleName())
                .containsExactly("CallRefused", "CallEnded");
        assertThat(journal).filteredOn(d -> d instanceof Decision.CallEnded).hasSize(2);
        assertThat(loop.subscribe("c1", d -> { })).as("the subscription ended with the call").isTrue();
    }

    @Test
    void aSecondSessionCannotSubscribeToACallIdInUse() {
        EngineLoop loop = loop(100);
        loop.subscribe("c1", d -> { });

        assertThat(loop.subscribe("c1", d -> { })).isFalse();
    }

    @Test
    void aRejectedEventGoesBackToTheSessionOfItsCall() {
        EngineLoop loop = loop(100);
        List<Decision> session = new ArrayList<>();
        loop.subscribe("c9", session::add);

        loop.submit(new AcdEvent.CallerHungUp(loop.now(), "c9"));
        loop.runOnce();

        assertThat(session).singleElement().isInstanceOfSatisfying(Decision.EventRejected.class,
                r -> assertThat(r.message()).isEqualTo("call c9 cannot be hung up by the caller: no such call"));
    }

    @Test
    void eventsWaitingTogetherAreAppliedInTheirOrderAndABadOneAmongThemCostsTheOthersNothing() {
        EngineLoop loop = loop(100);
        loop.submit(new AcdEvent.AgentLoggedIn(loop.now(), "1001"));
        loop.submit(new AcdEvent.AgentReady(loop.now(), "no-such-agent"));
        loop.submit(new AcdEvent.AgentReady(loop.now(), "1001"));
        loop.submit(new AcdEvent.AgentNotReady(loop.now(), "1001", "break"));

        assertThat(loop.runOnce()).isEqualTo(4);

        assertThat(journal).extracting(d -> switch (d) {
            case Decision.AgentStateChanged c -> c.agentId() + " " + c.to();
            case Decision.EventRejected r -> r.message();
            default -> d.getClass().getSimpleName();
        }).containsExactly("1001 NOT_READY", "agent no-such-agent cannot become READY: no such agent", "1001 READY",
                "1001 NOT_READY");
    }

    @Test
    void whoeverAsksForADecisionGetsTheDecisionsOfTheirEventAndTheListenersGetThemToo() {
        EngineLoop loop = loop(100);
        loop.submit(new AcdEvent.AgentLoggedIn(clock.millis(), "1001"));

        CompletableFuture<List<Decision>> ready = loop.decide(new AcdEvent.AgentReady(clock.millis(), "1001"))
                .toCompletableFuture();
        CompletableFuture<List<Decision>> again = loop.decide(new AcdEvent.AgentReady(clock.millis(), "1001"))
                .toCompletableFuture();
        assertThat(ready).isNotDone();
        loop.runOnce();

        assertThat(ready.join()).singleElement().isInstanceOfSatisfying(Decision.AgentStateChanged.class,
                s -> assertThat(s.to()).isEqualTo(AgentState.READY));
        assertThat(again.join()).singleElement().isInstanceOfSatisfying(Decision.EventRejected.class,
                r -> assertThat(r.message()).isEqualTo("agent 1001 cannot become READY: agent is already READY"));
        assertThat(journal).containsAll(ready.join()).containsAll(again.join());
    }

    @Test
    void aListenerThatThrowsIsSkippedAndEveryoneElseStillGetsEveryDecision() {
        DecisionListener brokenWallboard = d -> {
            throw new IllegalStateException("wallboard down");
        };
        EngineLoop loop = loop(100, brokenWallboard);
        List<Decision> session = new ArrayList<>();
        loop.subscribe("c1", session::add);
        loginReady(loop, "1001");

        loop.submit(new AcdEvent.CallArrived(loop.now(), "c1", "13800138000", TestCentre.TEA_AD));
        loop.submit(new AcdEvent.QueueRequested(loop.now(), "c1", Optional.empty(), 0, Map.of()));
        loop.runOnce();

        assertThat(session).extracting(d -> d.getClass().getSimpleName())
                .containsExactly("CallClassified", "CallQueued", "CallOffered");
        assertThat(journal).noneMatch(d -> d instanceof Decision.EventRejected);
    }

    @Test
    void theRingTimerFiresWhenTheClockPassesItsDeadline() {
        EngineLoop loop = loop(100);
        loginReady(loop, "1001");
        loop.submit(new AcdEvent.CallArrived(loop.now(), "c1", "13800138000", TestCentre.TEA_AD));
        loop.submit(new AcdEvent.QueueRequested(loop.now(), "c1", Optional.empty(), 0, Map.of()));
        loop.runOnce();

        clock.advance(Duration.ofSeconds(19));
        loop.runOnce();
        assertThat(journal).noneMatch(d -> d instanceof Decision.CallRequeued);

        clock.advance(Duration.ofSeconds(1));
        loop.runOnce();
        assertThat(journal).filteredOn(d -> d instanceof Decision.CallRequeued).singleElement()
                .extracting(Decision::at).isEqualTo(TestCentre.START.toEpochMilli() + 20_000);
    }

    @Test
    void whenTheInboxIsFullNewCallsAreRefusedButEventsAboutCallsAlreadyInAreKept() {
        EngineLoop loop = loop(2);
        loop.submit(new AcdEvent.CallArrived(loop.now(), "c1", "13800138000", TestCentre.TEA_AD));
        loop.submit(new AcdEvent.AgentLoggedIn(loop.now(), "1001"));

        assertThat(loop.submit(new AcdEvent.CallArrived(loop.now(), "c2", "13800138001", TestCentre.TEA_AD)))
                .isFalse();
        assertThat(loop.submit(new AcdEvent.CallerHungUp(loop.now(), "c1"))).isTrue();

        loop.runOnce();
        assertThat(journal).filteredOn(d -> d instanceof Decision.CallEnded).singleElement()
                .isInstanceOfSatisfying(Decision.CallEnded.class, e -> assertThat(e.callId()).isEqualTo("c1"));
        assertThat(loop.submit(new AcdEvent.CallArrived(loop.now(), "c3", "13800138002", TestCentre.TEA_AD)))
                .as("the inbox has room again").isTrue();
    }

    @Test
    void workHandedToTheLoopRunsAfterTheEventsBeforeItWithTheEnginesTime() {
        EngineLoop loop = loop(100);
        List<String> order = new ArrayList<>();
        loginReady(loop, "1001");
        loop.execute(now -> order.add("task at " + now + " after " + journal.size() + " decisions"));
        loop.submit(new AcdEvent.AgentNotReady(loop.now(), "1001", "break"));

        loop.runOnce();

        assertThat(order).containsExactly("task at " + TestCentre.START.toEpochMilli() + " after 2 decisions");
        assertThat(journal).hasSize(3);
    }

    @Test
    void eventsAreStampedWithTheInjectedClock() {
        EngineLoop loop = loop(100);
        clock.advance(Duration.ofMinutes(3));

        assertThat(loop.now()).isEqualTo(TestCentre.START.toEpochMilli() + 180_000);
    }

    @Test
    void onItsOwnThreadTheLoopAppliesEventsAndAnswersReadsOfTheEngine() throws Exception {
        CompletableFuture<Decision.CallQueued> queued = new CompletableFuture<>();
        try (EngineLoop loop = new EngineLoop(TestCentre.config(), 1, Clock.systemUTC(), 100,
                List.of(d -> {
                    if (d instanceof Decision.CallQueued q) {
                        queued.complete(q);
                    }
                }))) {
            loop.start();
            loop.submit(new AcdEvent.AgentLoggedIn(loop.now(), "1001"));
            loop.submit(new AcdEvent.CallArrived(loop.now(), "c1", "13800138000", TestCentre.TEA_AD));
            loop.submit(new AcdEvent.QueueRequested(loop.now(), "c1", Optional.empty(), 0, Map.of()));

            assertThat(queued.get(10, TimeUnit.SECONDS).position()).isEqualTo(1);
            Optional<WaitingCall> waiting = loop.waitingCall("c1").toCompletableFuture().get(10, TimeUnit.SECONDS);
            assertThat(waiting).map(WaitingCall::queue).contains("sales");
        }
    }
}
