package dev.hotline.server.callback;

import static dev.hotline.server.journal.CallbackOutcome.AGENT_ANSWERED;
import static dev.hotline.server.journal.CallbackOutcome.CUSTOMER_CALLED;
import static dev.hotline.server.journal.CallbackOutcome.EXPIRED;
import static dev.hotline.server.journal.CallbackOutcome.GAVE_UP;
import static dev.hotline.server.journal.CallbackOutcome.NOT_SERVED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.DialPattern;
import dev.hotline.bridge.session.Callbacks;
import dev.hotline.server.config.CallbackSettings;
import dev.hotline.server.journal.CallbackOutcome;
import dev.hotline.server.journal.JournalRecord;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** When Hotline rings a customer back, how often, and when it stops: the callback desk's rules in virtual time. */
class CallbackPlanTest {
    private static final long T0 = 1_795_395_600_000L;
    private static final long MINUTE = 60_000;
    /** Three attempts, ten minutes apart, given up after a day. */
    private static final CallbackSettings SETTINGS = new CallbackSettings("PJSIP/{number}@trunk", "hotline-callback",
            "", Duration.ofSeconds(30), 3, Duration.ofMinutes(10), Duration.ofHours(24), 10, "", Duration.ofSeconds(5));
    private static final Function<String, CallbackPlan.Room> ONE_AGENT_FREE = type -> new CallbackPlan.Room(type, true, 1, 0);

    private final CallbackPlan plan = new CallbackPlan(SETTINGS);

    private static CallbackRequest request(String id, String number, String type, long at) {
        return new CallbackRequest(id, number, "4008001001", type, Map.of(), at);
    }

    private static List<String> ids(List<CallbackPlan.Ring> rings) {
        return rings.stream().map(r -> r.request().id() + "#" + r.attempt()).toList();
    }

    @Test
    void theOldestRequestIsRungFirstWhenItsQueueHasAnAgentFreeAndNobodyWaiting() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.add(request("c2", "13822220000", "tea", T0 + MINUTE));

        assertThat(ids(plan.due(T0 + 2 * MINUTE, ONE_AGENT_FREE))).containsExactly("c1#1");
        assertThat(ids(plan.due(T0 + 2 * MINUTE, ONE_AGENT_FREE)))
                .as("the free agent is spoken for by the customer being rung").isEmpty();
    }

    @Test
    void aCustomerWhoAskedTwiceIsRungForOneRequestAtATimeAndTheOtherClosesOnceAnAgentHasThem() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.add(request("c2", "13811110000", "knives", T0 + MINUTE));
        Function<String, CallbackPlan.Room> agentsFree = type -> new CallbackPlan.Room(type, true, 5, 0);

        assertThat(ids(plan.due(T0 + 2 * MINUTE, agentsFree))).as("not two calls to one phone").containsExactly(
                "c1#1");
        plan.answered("c1", T0 + 2 * MINUTE);
        assertThat(plan.due(T0 + 3 * MINUTE, agentsFree)).as("nor while the customer is on the line").isEmpty();

        plan.callEnded("c1", "cb-call-1", Callbacks.Ending.AGENT_ANSWERED, T0 + 9 * MINUTE);
        assertThat(plan.customerGotThrough("13811110000", type -> true, "cb-call-1", T0 + 9 * MINUTE)).singleElement()
                .satisfies(r -> assertThat(((JournalRecord.CallbackClosed) r).requestId()).isEqualTo("c2"));
        assertThat(plan.size()).isZero();
    }

    @Test
    void aCustomerWhoAskedTwiceAndDoesNotAnswerIsRungAtTheRetryIntervalNotOncePerRequestAndBothAreGivenUpTogether() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.add(request("c2", "13811110000", "tea", T0 + MINUTE));
        Function<String, CallbackPlan.Room> agentsFree = type -> new CallbackPlan.Room(type, true, 5, 0);

        assertThat(ids(plan.due(T0 + 2 * MINUTE, agentsFree))).containsExactly("c1#1");
        plan.notReached("c1", T0 + 3 * MINUTE, "no-answer", "");
        assertThat(plan.due(T0 + 4 * MINUTE, agentsFree)).as("the phone rests, whichever request").isEmpty();
        assertThat(ids(plan.due(T0 + 13 * MINUTE, agentsFree))).containsExactly("c1#2");
        plan.notReached("c1", T0 + 14 * MINUTE, "no-answer", "");
        assertThat(ids(plan.due(T0 + 24 * MINUTE, agentsFree))).containsExactly("c1#3");

        List<JournalRecord> last = plan.notReached("c1", T0 + 25 * MINUTE, "no-answer", "");
        assertThat(last).filteredOn(JournalRecord.CallbackClosed.class::isInstance)
                .extracting(r -> ((JournalRecord.CallbackClosed) r).requestId() + " "
                        + ((JournalRecord.CallbackClosed) r).outcome())
                .containsExactly("c1 " + GAVE_UP, "c2 " + GAVE_UP);
        assertThat(plan.size()).isZero();
    }

    @Test
    void anOpenRequestWhoseNumberAReloadNoLongerAllowsIsClosedNotRung() {
        plan.add(request("c1", "00882161234567", "tea", T0));
        plan.add(request("c2", "13811110000", "tea", T0));
        plan.useSettings(SETTINGS.withAllowedNumbers(List.of(DialPattern.parse("_1[3-9]XXXXXXXXX"))));

        assertThat(plan.expire(T0 + MINUTE)).singleElement().satisfies(r -> {
            JournalRecord.CallbackClosed closed = (JournalRecord.CallbackClosed) r;
            assertThat(closed.requestId()).isEqualTo("c1");
            assertThat(closed.outcome()).isEqualTo(CallbackOutcome.NUMBER_NOT_ALLOWED);
        });
        assertThat(ids(plan.due(T0 + MINUTE, type -> new CallbackPlan.Room(type, true, 5, 0))))
                .containsExactly("c2#1");
    }

    @Test
    void aCallbackNeverJumpsAheadOfCallersOnTheLineNorRingsWhileTheQueueIsClosed() {
        plan.add(request("c1", "13811110000", "tea", T0));

        assertThat(plan.due(T0, type -> new CallbackPlan.Room(type, true, 2, 2))).isEmpty();
        assertThat(plan.due(T0, type -> new CallbackPlan.Room(type, false, 2, 0))).isEmpty();
        assertThat(plan.due(T0, type -> CallbackPlan.Room.NONE)).isEmpty();
        assertThat(ids(plan.due(T0, type -> new CallbackPlan.Room(type, true, 3, 2)))).containsExactly("c1#1");
    }

    @Test
    void eachBusinessTypeRingsAsManyCustomersAsItHasAgentsFree() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.add(request("c2", "13822220000", "tea", T0 + 1));
        plan.add(request("c3", "13833330000", "tea", T0 + 2));
        plan.add(request("c4", "13844440000", "home", T0 + 3));

        List<CallbackPlan.Ring> rings = plan.due(T0 + MINUTE,
                type -> new CallbackPlan.Room(type, true, type.equals("tea") ? 2 : 1, 0));

        assertThat(ids(rings)).containsExactly("c1#1", "c2#1", "c4#1");
    }

    @Test
    void businessTypesServedByOneQueueShareItsAgentsSoOneAgentFreeRingsOneCustomer() {
        plan.add(request("c1", "13811110000", "after-sales", T0));
        plan.add(request("c2", "13822220000", "general-enquiry", T0 + 1));

        List<CallbackPlan.Ring> first = plan.due(T0 + MINUTE, type -> new CallbackPlan.Room("after-sales", true, 1, 0));
        List<CallbackPlan.Ring> meanwhile = plan.due(T0 + 2 * MINUTE,
                type -> new CallbackPlan.Room("after-sales", true, 1, 0));

        assertThat(ids(first)).containsExactly("c1#1");
        assertThat(meanwhile).as("c1 still rings, taking the one agent's room").isEmpty();
    }

    @Test
    void rulesFromAReloadApplyToTheRequestsAlreadyOpen() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.due(T0, ONE_AGENT_FREE);
        plan.notReached("c1", T0 + 1, "no-answer", "Asterisk reason 3");

        // two attempts, half an hour apart
        plan.useSettings(new CallbackSettings("PJSIP/{number}@trunk", "hotline-callback", "", Duration.ofSeconds(30),
                2, Duration.ofMinutes(30), Duration.ofHours(24), 10, "", Duration.ofSeconds(5)));

        assertThat(ids(plan.due(T0 + 11 * MINUTE, ONE_AGENT_FREE)))
                .as("the retry time it was given stands").containsExactly("c1#2");
        assertThat(plan.notReached("c1", T0 + 11 * MINUTE, "busy", "Asterisk reason 5")).last()
                .as("the second attempt is now the last").isEqualTo(new JournalRecord.CallbackClosed(
                        T0 + 11 * MINUTE, "c1", "13811110000", GAVE_UP, 2, ""));
        plan.add(request("c2", "13822220000", "tea", T0 + 12 * MINUTE));
        plan.due(T0 + 12 * MINUTE, ONE_AGENT_FREE);
        plan.notReached("c2", T0 + 12 * MINUTE, "no-answer", "Asterisk reason 3");
        assertThat(plan.due(T0 + 41 * MINUTE, ONE_AGENT_FREE)).as("30 minutes apart now").isEmpty();
        assertThat(ids(plan.due(T0 + 42 * MINUTE, ONE_AGENT_FREE))).containsExactly("c2#2");
    }

    @Test
    void aCustomerWhoDoesNotAnswerIsRungAgainAfterTheRetryIntervalAndGivenUpAfterTheLastAttempt() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.due(T0, ONE_AGENT_FREE);
        assertThat(plan.notReached("c1", T0 + 1, "no-answer", "Asterisk reason 3")).singleElement()
                .isEqualTo(new JournalRecord.CallbackAttempted(T0 + 1, "c1", "13811110000", 1, "no-answer",
                        "Asterisk reason 3"));

        assertThat(plan.due(T0 + 9 * MINUTE, ONE_AGENT_FREE)).as("before the retry interval").isEmpty();
        assertThat(ids(plan.due(T0 + 11 * MINUTE, ONE_AGENT_FREE))).containsExactly("c1#2");
        plan.notReached("c1", T0 + 11 * MINUTE, "busy", "Asterisk reason 5");
        assertThat(ids(plan.due(T0 + 22 * MINUTE, ONE_AGENT_FREE))).containsExactly("c1#3");

        assertThat(plan.notReached("c1", T0 + 22 * MINUTE, "no-answer", "Asterisk reason 3")).last()
                .isEqualTo(new JournalRecord.CallbackClosed(T0 + 22 * MINUTE, "c1", "13811110000", GAVE_UP, 3, ""));
        assertThat(plan.size()).isZero();
    }

    @Test
    void aCallbackWhoseCallReachesAnAgentIsClosedDone() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.due(T0, ONE_AGENT_FREE);

        assertThat(plan.answered("c1", T0 + 5)).singleElement().isEqualTo(
                new JournalRecord.CallbackAttempted(T0 + 5, "c1", "13811110000", 1, "answered", ""));
        assertThat(plan.answered("c1", T0 + 6)).as("the OriginateResponse after the call itself").isEmpty();
        assertThat(plan.callEnded("c1", "c9", Callbacks.Ending.AGENT_ANSWERED, T0 + 5 * MINUTE)).singleElement()
                .isEqualTo(new JournalRecord.CallbackClosed(T0 + 5 * MINUTE, "c1", "13811110000", AGENT_ANSWERED, 1,
                        "c9"));
        assertThat(plan.size()).isZero();
    }

    @Test
    void aCustomerWhoHangsUpBeforeAnAgentAnswersIsRungAgainButOneHotlineTurnedAwayIsNot() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.add(request("c2", "13822220000", "tea", T0));
        plan.due(T0, type -> new CallbackPlan.Room(type, true, 2, 0));
        plan.answered("c1", T0);
        plan.answered("c2", T0);

        assertThat(plan.callEnded("c1", "c8", Callbacks.Ending.CUSTOMER_HUNG_UP, T0 + MINUTE)).isEmpty();
        assertThat(plan.callEnded("c2", "c9", Callbacks.Ending.NOT_SERVED, T0 + MINUTE)).singleElement()
                .isEqualTo(new JournalRecord.CallbackClosed(T0 + MINUTE, "c2", "13822220000", NOT_SERVED, 1, "c9"));
        assertThat(ids(plan.due(T0 + 12 * MINUTE, ONE_AGENT_FREE))).containsExactly("c1#2");
    }

    @Test
    void aCustomerWhoGetsThroughOnTheirOwnNeedsNoCallback() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.add(request("c2", "13822220000", "tea", T0));

        assertThat(plan.customerGotThrough("13811110000", type -> true, "c5", T0 + MINUTE)).singleElement().isEqualTo(
                new JournalRecord.CallbackClosed(T0 + MINUTE, "c1", "13811110000", CUSTOMER_CALLED, 0, "c5"));
        assertThat(ids(plan.due(T0 + MINUTE, ONE_AGENT_FREE))).containsExactly("c2#1");
    }

    @Test
    void aCallServedForAnotherBusinessTypeLeavesTheRequestOpen() {
        plan.add(request("c1", "13811110000", "after-sales", T0));

        assertThat(plan.customerGotThrough("13811110000", type -> type.equals("tea"), "c5", T0 + MINUTE)).isEmpty();
        assertThat(plan.customerGotThrough("13811110000", type -> type.equals("after-sales"), "c6", T0 + MINUTE))
                .singleElement().isEqualTo(new JournalRecord.CallbackClosed(T0 + MINUTE, "c1", "13811110000",
                        CUSTOMER_CALLED, 0, "c6"));
    }

    @Test
    void aRequestNotDoneWithinADayExpires() {
        plan.add(request("c1", "13811110000", "tea", T0));

        assertThat(plan.expire(T0 + 23 * 60 * MINUTE)).isEmpty();
        assertThat(plan.expire(T0 + 24 * 60 * MINUTE)).singleElement().isEqualTo(
                new JournalRecord.CallbackClosed(T0 + 24 * 60 * MINUTE, "c1", "13811110000", EXPIRED, 0, ""));
    }

    @Test
    void aRoundWithNoManagerInterfaceToRingThroughIsNoAttempt() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.due(T0, ONE_AGENT_FREE);

        plan.notRung("c1", T0, "not connected");

        assertThat(ids(plan.due(T0 + 1, ONE_AGENT_FREE))).containsExactly("c1#1");
    }

    @Test
    void aRequestReadBackAfterARestartKeepsItsAttemptsAndWaitsOutItsRetryInterval() {
        plan.restore(request("c1", "13811110000", "tea", T0), 2, T0 + 5 * MINUTE);

        assertThat(plan.due(T0 + 10 * MINUTE, ONE_AGENT_FREE)).isEmpty();
        assertThat(ids(plan.due(T0 + 15 * MINUTE, ONE_AGENT_FREE))).containsExactly("c1#3");
    }

    @Test
    void aRequestReadBackAfterItsLastAttemptIsGivenUpNotRungAgainAndSoAreTheCustomersOtherRequests() {
        // the server stopped after the third attempt was journaled and before the request was closed
        plan.restore(request("c1", "13811110000", "tea", T0), 3, T0 + 25 * MINUTE);
        plan.restore(request("c2", "13811110000", "tea", T0 + MINUTE), 0, 0);
        plan.restore(request("c3", "13822220000", "tea", T0 + MINUTE), 0, 0);

        assertThat(plan.due(T0 + 60 * MINUTE, type -> new CallbackPlan.Room(type, true, 3, 0)))
                .extracting(r -> r.request().id() + "#" + r.attempt())
                .as("three attempts is the most, even read back from the journal").doesNotContain("c1#4");
        assertThat(new CallbackPlan(SETTINGS).expire(T0)).isEmpty();
        CallbackPlan restarted = new CallbackPlan(SETTINGS);
        restarted.restore(request("c1", "13811110000", "tea", T0), 3, T0 + 25 * MINUTE);
        restarted.restore(request("c2", "13811110000", "tea", T0 + MINUTE), 0, 0);
        restarted.restore(request("c3", "13822220000", "tea", T0 + MINUTE), 0, 0);
        assertThat(restarted.expire(T0 + 60 * MINUTE)).containsExactly(
                new JournalRecord.CallbackClosed(T0 + 60 * MINUTE, "c1", "13811110000", GAVE_UP, 3, ""),
                new JournalRecord.CallbackClosed(T0 + 60 * MINUTE, "c2", "13811110000", GAVE_UP, 0, ""));
        assertThat(ids(restarted.due(T0 + 60 * MINUTE, ONE_AGENT_FREE))).containsExactly("c3#1");
    }

    @Test
    void aReloadThatLowersTheAttemptsGivesUpTheRequestsThatHadThatManyAlready() {
        plan.add(request("c1", "13811110000", "tea", T0));
        plan.due(T0, ONE_AGENT_FREE);
        plan.notReached("c1", T0 + 1, "no-answer", "Asterisk reason 3");

        plan.useSettings(new CallbackSettings("PJSIP/{number}@trunk", "hotline-callback", "", Duration.ofSeconds(30),
                1, Duration.ofMinutes(10), Duration.ofHours(24), 10, "", Duration.ofSeconds(5)));

        assertThat(plan.expire(T0 + 2)).singleElement()
                .isEqualTo(new JournalRecord.CallbackClosed(T0 + 2, "c1", "13811110000", GAVE_UP, 1, ""));
        assertThat(plan.size()).isZero();
    }
}
