package dev.hotline.acd;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision.CallTreated;
import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.model.OpeningHours;
import dev.hotline.acd.model.Treatment;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Entering a queue is checked in this order: closed, full, nobody logged in who could ever serve the call. Hangup
 * ends the call REFUSED; voicemail and IVR flows end it OVERFLOWED; an overflow moves it to another queue, where the
 * same checks apply. An overflow back to a queue the call was already in is refused with the busy prompt.
 */
class QueueLimitsAndHoursTest {

    /** Open Monday 09:00-12:00 UTC only; the fixture's clock starts Monday 10:00. */
    private static OpeningHours mondayMorning() {
        return new OpeningHours(ZoneOffset.UTC,
                Map.of(DayOfWeek.MONDAY, List.of(new OpeningHours.Period(LocalTime.of(9, 0), LocalTime.NOON))),
                List.of());
    }

    @Test
    void aCallOutsideOpeningHoursGetsTheClosedTreatment() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").hours(mondayMorning()).whenClosed(new Treatment.Hangup("closed")))
                .agent("s1", "s").start().loginReady("s1")
                .call("c1", "sales").callerHangsUp("c1")
                .advance(Duration.ofHours(2)).call("c2", "sales");

        CallTreated treated = centre.last(CallTreated.class);
        assertThat(treated.callId()).isEqualTo("c2");
        assertThat(treated.cause()).isEqualTo(TreatmentCause.CLOSED);
        assertThat(centre.ended("c2").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(centre.ended("c2").cause()).isEqualTo("queue sales is closed (outside its opening hours): "
                + "hangup(closed)");
    }

    @Test
    void aQueueClosedAtWeekendsTakesCallsOnAMakeUpWorkingDayWithTheWeekdaysHours() {
        // Saturday 2026-03-07 is worked as a Monday; Saturday 2026-03-14 is an ordinary Saturday
        OpeningHours hours = new OpeningHours(ZoneOffset.UTC,
                Map.of(DayOfWeek.MONDAY, List.of(new OpeningHours.Period(LocalTime.of(9, 0), LocalTime.NOON))),
                List.of(), List.of(new OpeningHours.MakeUpDay(LocalDate.of(2026, 3, 7), DayOfWeek.MONDAY,
                        "make-up day")));
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").hours(hours).whenClosed(new Treatment.Hangup("closed")))
                .agent("s1", "s").start().login("s1")
                .advance(Duration.ofDays(5)).call("c1", "sales")
                .advance(Duration.ofHours(3)).call("c2", "sales")
                .advance(Duration.ofDays(7).minusHours(3)).call("c3", "sales");

        assertThat(centre.waiting("c1").position()).isEqualTo(1);
        assertThat(centre.ended("c2").cause()).isEqualTo("queue sales is closed (outside its opening hours): "
                + "hangup(closed)");
        assertThat(centre.ended("c3").cause()).isEqualTo("queue sales is closed (outside its opening hours): "
                + "hangup(closed)");
    }

    @Test
    void theQueueViewSaysWhetherAQueueTakesCallsNowAndWhyNot() {
        OpeningHours hours = new OpeningHours(ZoneOffset.UTC,
                Map.of(DayOfWeek.MONDAY, List.of(new OpeningHours.Period(LocalTime.of(9, 0), LocalTime.NOON))),
                List.of(new OpeningHours.Holiday(LocalDate.of(2026, 3, 9), "Spring holiday")));
        var centre = CentreFixture.centre().queue("sales", q -> q.groups("s").hours(hours)).agent("s1", "s").start();

        assertThat(centre.engine.queue("sales").open()).isTrue();
        assertThat(centre.engine.queue("sales").closedBecause()).isEmpty();
        centre.advance(Duration.ofHours(3));
        assertThat(centre.engine.queue("sales").open()).isFalse();
        assertThat(centre.engine.queue("sales").closedBecause()).isEqualTo("outside its opening hours");
        centre.advance(Duration.ofDays(7).minusHours(3));
        assertThat(centre.engine.queue("sales").closedBecause()).isEqualTo("holiday: Spring holiday");
        centre.call("c1", "sales");
        assertThat(centre.ended("c1").cause()).isEqualTo("queue sales is closed (holiday: Spring holiday): "
                + "hangup(closed)");
    }

    @Test
    void aFullQueueGetsTheFullTreatment() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").maxWaiting(2).whenFull(new Treatment.Voicemail("box", "")))
                .agent("s1", "s").start().login("s1")
                .call("c1", "sales").call("c2", "sales").call("c3", "sales");

        assertThat(centre.last(CallTreated.class).cause()).isEqualTo(TreatmentCause.QUEUE_FULL);
        assertThat(centre.ended("c3").outcome()).isEqualTo(Outcome.OVERFLOWED);
        assertThat(centre.engine.queue("sales").waiting()).isEqualTo(2);
    }

    @Test
    void aCallRingingAnAgentCountsTowardsTheQueuesLimitSinceItComesBackIfThePhoneIsNotAnswered() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").maxWaiting(2).whenFull(new Treatment.Voicemail("box", "")))
                .agent("s1", "s").start().loginReady("s1")
                .call("c1", "sales").call("c2", "sales").call("c3", "sales");

        assertThat(centre.offeredTo("c1")).isEqualTo("s1");
        assertThat(centre.ended("c3").cause()).isEqualTo("queue sales is full (1 waiting, 1 ringing an agent): "
                + "voicemail(box)");
        assertThat(centre.engine.queue("sales").waiting() + centre.engine.queue("sales").ringing()).isEqualTo(2);
    }

    @Test
    void aQueueNobodyCouldServeGetsTheNoAgentsTreatment() {
        var centre = CentreFixture.centre().queue("sales", "s").agent("s1", "s").start().call("c1", "sales");

        assertThat(centre.last(CallTreated.class).cause()).isEqualTo(TreatmentCause.NO_AGENTS);
        assertThat(centre.ended("c1").cause()).isEqualTo("no agent who could serve queue sales is logged in: "
                + "hangup(no-agents)");
    }

    @Test
    void anAgentNotReadyStillCountsAsSomeoneWhoCouldServe() {
        var centre = CentreFixture.centre().queue("sales", "s").agent("s1", "s").start()
                .login("s1").notReady("s1", "lunch").call("c1", "sales");

        assertThat(centre.all(CallTreated.class)).isEmpty();
        assertThat(centre.waiting("c1").position()).isEqualTo(1);
    }

    @Test
    void closedIsCheckedBeforeFull() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").maxWaiting(1).hours(mondayMorning()))
                .agent("s1", "s").start().login("s1").call("c1", "sales")
                .advance(Duration.ofHours(2)).call("c2", "sales");

        assertThat(centre.engine.queue("sales").waiting()).isEqualTo(1);
        assertThat(centre.last(CallTreated.class).cause()).isEqualTo(TreatmentCause.CLOSED);
    }

    @Test
    void anOverflowTreatmentMovesTheCallToTheOtherQueue() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").whenNoAgents(new Treatment.Overflow("service")))
                .queue("service", "v").agent("s1", "s").agent("v1", "v").start().loginReady("v1")
                .call("c1", "sales");

        assertThat(centre.kinds()).containsSubsequence("CallTreated", "CallMoved", "CallQueued", "CallOffered");
        assertThat(centre.last(Decision.CallMoved.class).cause())
                .isEqualTo("no agent who could serve queue sales is logged in");
        assertThat(centre.offeredTo("c1")).isEqualTo("v1");
    }

    @Test
    void anOverflowBackToAQueueTheCallWasInIsRefusedWithTheBusyPrompt() {
        var centre = CentreFixture.centre()
                .queue("a", q -> q.groups("ga").whenNoAgents(new Treatment.Overflow("b")))
                .queue("b", q -> q.groups("gb").whenNoAgents(new Treatment.Overflow("a")))
                .agent("x", "ga", "gb").start().call("c1", "a");

        assertThat(centre.all(Decision.CallMoved.class)).hasSize(1);
        CallTreated last = centre.last(CallTreated.class);
        assertThat(last.queue()).isEqualTo("b");
        assertThat(last.treatment()).isEqualTo(new Treatment.Hangup(CentreFixture.BUSY));
        assertThat(centre.ended("c1").outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(centre.ended("c1").cause()).isEqualTo("no agent who could serve queue b is logged in; "
                + "overflow back to queue a refused: the call was already there");
    }

    @Test
    void whenTheLastAgentWhoCouldServeLogsOutWaitingCallsGetTheNoAgentsTreatment() {
        var centre = CentreFixture.centre().queue("sales", "s").queue("service", "v")
                .agent("s1", "s").agent("v1", "v").start().login("s1", "v1")
                .call("c1", "sales").call("c2", "service").logout("s1");

        assertThat(centre.ended("c1").cause()).isEqualTo("the last agent who could serve queue sales logged out: "
                + "hangup(no-agents)");
        assertThat(centre.waiting("c2").position()).isEqualTo(1);
    }

    @Test
    void aVipCallWaitingForTheVipGroupAloneGetsTheNoAgentsTreatmentWhenTheLastAgentOfItsQueueLogsOut() {
        // nobody of the VIP group is logged in: the VIP call waits for its step; s1, of the queue's group, leaves
        var centre = CentreFixture.centre().vipGroup("vip", Duration.ofSeconds(10), 10).vip("5551", "Ms Li", "gold")
                .queue("sales", "s").agent("s1", "s").agent("v1", "vip").start().login("s1")
                .callFrom("c1", "5551", "sales").logout("s1");

        assertThat(centre.ended("c1").cause()).isEqualTo("the last agent who could serve queue sales logged out: "
                + "hangup(no-agents)");
    }

    @Test
    void aCallThatOnlyALaterStepsGroupCouldServeGetsTheNoAgentsTreatmentWhenItsLastAgentLogsOut() {
        var centre = CentreFixture.centre()
                .queue("sales", q -> q.groups("s").step("call-in-overflow", Duration.ofSeconds(60),
                        new dev.hotline.acd.model.EscalationAction.AddGroups(List.of("o"))))
                .agent("s1", "s").agent("o1", "o").start().login("s1", "o1")
                .call("c1", "sales").logout("s1");
        assertThat(centre.waiting("c1").position()).as("o1 may still take it after 60 s").isEqualTo(1);

        centre.logout("o1");

        assertThat(centre.ended("c1").cause()).isEqualTo("the last agent who could serve queue sales logged out: "
                + "hangup(no-agents)");
    }
}
