package dev.hotline.ivr;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The TV-shopping hotline (config/ivr/tv-shopping.yaml with the shared welcome subflow), walked by scripted callers. */
class TvShoppingFlowTest {
    private static final FlowSet FLOWS = ShippedFlows.load();
    /** Tuesday 4 March 2025, 10:00 in Shanghai: the centre is open. */
    private static final Instant TUESDAY_MORNING = Instant.parse("2025-03-04T02:00:00Z");
    private static final Duration FIVE_S = Duration.ofSeconds(5);
    private static final Duration THREE_S = Duration.ofSeconds(3);

    private final NodeStatistics statistics = new NodeStatistics();
    private final FlowInterpreter interpreter = new FlowInterpreter(FLOWS, statistics, new ShippedQueueHours());

    private static CallContext callFrom(String callerNumber) {
        return new CallContext(callerNumber, "4008001234", "sales-tea", false, "zh");
    }

    private Caller callerReachingTheMainMenu(String callerNumber) {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom(callerNumber), TUESDAY_MORNING);
        assertThat(caller.action()).isEqualTo(new Action.Collect("common/choose-language", 1, Duration.ofSeconds(4),
                Duration.ofSeconds(4), ""));
        caller.presses("1");
        assertThat(caller.action()).isEqualTo(new Action.SetLanguage("zh"));
        caller.listens();
        assertThat(caller.action()).isEqualTo(mainMenu());
        return caller;
    }

    private static Action.Collect mainMenu() {
        return new Action.Collect("tv/main-menu", 1, FIVE_S, THREE_S, "");
    }

    @Test
    void aKnownCallerHearsTheShippingDateOfTheirOrderAndCompletesSelfService() {
        Caller caller = callerReachingTheMainMenu("13800138111");
        int from = caller.count();
        caller.presses("2").listens().listens().presses("9").listens();

        assertThat(caller.actionsFrom(from)).containsExactly(
                new Action.Play("tv/order-shipped-on", ""),
                new Action.SayDateTime(Instant.parse("2025-03-02T01:30:00Z").getEpochSecond(), "Asia/Shanghai",
                        Action.DateTimePart.DATE, ""),
                new Action.Collect("tv/status-menu", 1, FIVE_S, THREE_S, ""),
                new Action.Play("common/thanks-goodbye", ""),
                new Action.Hangup("order-status-told"));
        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("tv-shopping", "status-told",
                "order-status-told", true, Map.of()));
    }

    @Test
    void anUnknownCallerTypesTheOrderPhoneAndIsPassedToAfterSalesWithTheOrderAttached() {
        Caller caller = callerReachingTheMainMenu("01066667777");
        caller.presses("2");
        assertThat(caller.action()).isEqualTo(new Action.Collect("tv/enter-order-phone", 11, Duration.ofSeconds(8),
                THREE_S, "#"));
        caller.presses("13900139000");
        assertThat(caller.action()).isEqualTo(new Action.Play("tv/order-delivered", ""));
        caller.listens().presses("3");

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("after-sales", 0, Map.of(
                "order_phone", "13900139000", "order_id", "TV-20250228-0017", "order_status", "delivered",
                "product", "kitchen knife set")));
        assertThat(caller.state().finished()).isTrue();
    }

    @Test
    void aLandlineNumberEndedWithTheHashKeyFindsTheOrderToo() {
        Caller caller = callerReachingTheMainMenu("");
        caller.presses("2").presses("88889999#");

        assertThat(caller.action()).isEqualTo(new Action.Play("tv/order-shipped-on", ""));
        assertThat(caller.state().variable("order_phone")).contains("88889999");
    }

    @Test
    void pressingZeroInTheMainMenuReachesTheSalesQueueOfTheDialledNumber() {
        Caller caller = callerReachingTheMainMenu("13800138111");
        caller.presses("0");

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of(
                "caller", "13800138111", "language", "zh")));
        assertThat(caller.outcome()).isInstanceOf(Outcome.Transferred.class);
        assertThat(statistics.counts("tv-shopping", "main-menu").exits()).containsEntry("agent", 1L);
    }

    @Test
    void aCallerWhoKeepsPressingWrongKeysOrNothingEndsWithSalesAfterTheRetries() {
        Caller caller = callerReachingTheMainMenu("13800138111");
        caller.presses("7");
        assertThat(caller.action()).isEqualTo(new Action.Play("common/invalid-key", "1230"));
        caller.listens();
        assertThat(caller.action()).isEqualTo(mainMenu());
        caller.pressesNothing();
        assertThat(caller.action()).isEqualTo(new Action.Play("common/no-key", "1230"));
        caller.listens().presses("8");

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of(
                "caller", "13800138111", "language", "zh")));
        NodeStatistics.NodeCounts menu = statistics.counts("tv-shopping", "main-menu");
        assertThat(menu.invalidInputs()).isEqualTo(2);
        assertThat(menu.timeouts()).isEqualTo(1);
        assertThat(menu.exits()).containsEntry("failure", 1L);
    }

    @Test
    void aKeyPressedDuringTheRetryPromptChoosesTheOption() {
        Caller caller = callerReachingTheMainMenu("13800138111");
        caller.presses("7").presses("3");

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isInstanceOf(Action.TransferToQueue.class);
        assertThat(((Action.TransferToQueue) caller.action()).businessType()).isEqualTo("after-sales");
    }

    @Test
    void aCallerWhoHangsUpInTheMainMenuIsCountedThere() {
        Caller caller = callerReachingTheMainMenu("13800138111");
        caller.hangsUp();

        assertThat(caller.outcome()).isEqualTo(new Outcome.CallerHungUp("tv-shopping", "main-menu"));
        assertThat(statistics.counts("tv-shopping", "main-menu").hangUps()).isEqualTo(1);
        assertThat(caller.action()).isEqualTo(new Action.Finished(caller.outcome()));
    }

    @Test
    void aCallerWhoHangsUpAfterHearingTheirOrderStatusCompletedSelfServiceCountedAtTheStatusMenu() {
        Caller caller = callerReachingTheMainMenu("13800138111");
        caller.presses("2").listens().listens();
        assertThat(caller.action()).isEqualTo(new Action.Collect("tv/status-menu", 1, FIVE_S, THREE_S, ""));

        caller.hangsUp();

        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("tv-shopping", "status-menu",
                "order-status-told", true, Map.of()));
        assertThat(statistics.counts("tv-shopping", "status-menu").hangUps()).isEqualTo(1);
    }

    @Test
    void zeroInsteadOfThePhoneNumberOrderedWithReachesTheSalesLine() {
        Caller caller = callerReachingTheMainMenu("13711112222");
        caller.presses("2");
        assertThat(caller.action()).isInstanceOfSatisfying(Action.Collect.class,
                c -> assertThat(c.prompt()).isEqualTo("tv/enter-order-phone"));

        caller.presses("0#");

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isInstanceOfSatisfying(Action.TransferToQueue.class,
                t -> assertThat(t.businessType()).isEmpty());
    }

    @Test
    void aCallerWhoseNumberArrivesWithTheCountryCodeIsFoundByTheNumberTheCentreComparesNotAskedToTypeIt() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", new CallContext("+8613800138111", "4008001234",
                "sales-tea", false, "zh", "13800138111"), TUESDAY_MORNING);
        caller.presses("1").listensThrough().presses("2");

        assertThat(caller.action()).isEqualTo(new Action.Play("tv/order-shipped-on", ""));
    }

    @Test
    void aCallerLostInTheMenusIsHandedToAnAgentWithWhatTheAgentKeyWouldHaveShownThem() {
        Caller caller = callerReachingTheMainMenu("13800138111");
        caller.presses("2").listensThrough();
        for (int i = 0; i < 500 && !(caller.action() instanceof Action.TransferToQueue); i++) {
            caller.presses("1").listensThrough();   // "to hear it again press 1", again and again
        }

        assertThat(caller.action()).isInstanceOfSatisfying(Action.TransferToQueue.class, t ->
                assertThat(t.attachedData()).containsEntry("ivr_ended", "step-limit").containsEntry("caller",
                        "13800138111").containsEntry("language", "zh").containsKey("ivr_node"));
    }

    @Test
    void aCallerWhoHangsUpWhileTheirOrderStatusIsSaidAgainWasServedAllTheSame() {
        Caller caller = callerReachingTheMainMenu("13800138111");
        caller.presses("2").listensThrough().presses("1");
        assertThat(caller.action()).isEqualTo(new Action.Play("tv/order-shipped-on", ""));

        caller.hangsUp();

        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("tv-shopping", "shipped",
                "order-status-told", true, Map.of()));
    }

    @Test
    void aCallerSentToAnAgentHearsSoBeforeTheMusicAndOneWhoHangsUpThenNeverReachesTheQueue() {
        Caller transferred = callerReachingTheMainMenu("13800138111");
        transferred.presses("0");
        assertThat(transferred.action()).isEqualTo(new Action.Play("common/transferring", ""));
        transferred.listens();
        assertThat(transferred.action()).isInstanceOf(Action.TransferToQueue.class);
        assertThat(transferred.outcome()).isInstanceOf(Outcome.Transferred.class);

        Caller gone = callerReachingTheMainMenu("13800138111");
        gone.presses("0").hangsUp();
        assertThat(gone.outcome()).isEqualTo(new Outcome.CallerHungUp("tv-shopping", "to-sales"));
    }

    @Test
    void englishCallersChooseWithTwoAndTheirLanguageIsAttachedForTheAgent() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138111"), TUESDAY_MORNING);
        caller.presses("2");
        assertThat(caller.action()).isEqualTo(new Action.SetLanguage("en"));
        caller.listens().presses("1");

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of(
                "caller", "13800138111", "language", "en")));
    }

    @Test
    void aCallerWhoPressesNothingAtTheLanguageChoiceGetsMandarin() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138111"), TUESDAY_MORNING);
        caller.pressesNothing();

        assertThat(caller.action()).isEqualTo(new Action.SetLanguage("zh"));
        assertThat(statistics.counts("welcome", "choose-language").timeouts()).isEqualTo(1);
    }

    // ---- opening hours: the IVR says what the queue the caller would wait in does (config/queues.yaml) -----------

    /** Shanghai local time as an instant (the flows' calendar zone). */
    private static Instant shanghai(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(java.time.ZoneId.of("Asia/Shanghai")).toInstant();
    }

    private static CallContext afterSalesCallFrom(String callerNumber) {
        return new CallContext(callerNumber, "4008008888", "after-sales", false, "zh");
    }

    /** Chooses Mandarin and returns what the caller hears once the language is set. */
    private Action heardAfterTheLanguageChoice(CallContext call, Instant now) {
        Caller caller = Caller.calls(interpreter, "tv-shopping", call, now);
        caller.presses("1").listens();
        return caller.action();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-03-03T08:00", "2026-03-03T23:59", "2026-03-08T12:00", "2026-10-01T10:00",
            "2026-02-17T20:00"})
    void theSalesLinesTakeOrdersDailyFromEightToMidnightHolidaysIncluded(String localTime) {
        assertThat(heardAfterTheLanguageChoice(callFrom("13800138111"), shanghai(localTime))).isEqualTo(mainMenu());
    }

    @Test
    void beforeEightASalesCallerCanAskToBeCalledBackOnTheirNumber() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138111"),
                shanghai("2026-03-03T07:59"));
        caller.presses("1").listens();
        assertThat(caller.action()).isEqualTo(new Action.Play("common/closed-hours", ""));
        caller.listens().presses("2");

        assertThat(caller.action()).isEqualTo(new Action.RequestCallback("13800138111", "", Map.of(
                "dialled", "4008001234", "language", "zh")));
        caller.listens().listens();
        assertThat(caller.action()).isEqualTo(new Action.Hangup("after-hours-request"));
        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("welcome", "request-noted",
                "after-hours-request", false, Map.of()));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-03-03T09:00", "2026-03-06T20:59", "2026-03-07T10:00", "2026-03-08T17:59"})
    void theAfterSalesLineIsOpenOnWeekdaysFromNineToNineAndOnWeekendMorningsAndAfternoons(String localTime) {
        assertThat(heardAfterTheLanguageChoice(afterSalesCallFrom("13800138111"), shanghai(localTime)))
                .isEqualTo(mainMenu());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"2026-03-03T08:59", "2026-03-03T21:00", "2026-03-07T09:59", "2026-03-07T12:30",
            "2026-03-08T18:00"})
    void outsideItsHoursTheAfterSalesLineSaysItIsClosed(String localTime) {
        assertThat(heardAfterTheLanguageChoice(afterSalesCallFrom("13800138111"), shanghai(localTime)))
                .isEqualTo(new Action.Play("common/closed-hours", ""));
    }

    @Test
    void onANationalHolidayTheAfterSalesLineGivesTheHolidayPromptAndTakesAMessage() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", afterSalesCallFrom("13800138111"),
                shanghai("2026-10-01T10:00"));
        caller.presses("1").listens();
        assertThat(caller.action()).isEqualTo(new Action.Play("common/closed-holiday", ""));
        caller.listens().presses("1").listens();

        assertThat(caller.action()).isEqualTo(new Action.RecordMessage("after-hours", Duration.ofMinutes(2), Map.of(
                "caller", "13800138111", "dialled", "4008008888")));
    }

    @Test
    void aSalesCallerAskingForAfterSalesInTheEveningMayLeaveItAMessageWithTheOrderAttached() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138111"),
                shanghai("2026-03-03T22:00"));
        caller.presses("1").listens().presses("3");
        assertThat(caller.action()).isEqualTo(new Action.Play("tv/after-sales-closed", ""));
        caller.listens();
        assertThat(caller.action()).isEqualTo(new Action.Collect("tv/after-sales-closed-menu", 1,
                Duration.ofSeconds(6), THREE_S, ""));
        caller.presses("1").listens();

        assertThat(caller.action()).isEqualTo(new Action.RecordMessage("after-sales", Duration.ofMinutes(2), Map.of(
                "caller", "13800138111", "order_phone", "", "order_id", "", "order_status", "", "product", "")));
    }

    @Test
    void aSalesCallerAskingForAfterSalesOnAHolidayCanBeCalledBackByAfterSales() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138111"),
                shanghai("2026-10-02T11:00"));
        caller.presses("1").listens().presses("3").listens().presses("2");

        assertThat(caller.action()).isEqualTo(new Action.RequestCallback("13800138111", "after-sales", Map.of(
                "caller", "13800138111", "order_phone", "", "order_id", "", "order_status", "", "product", "")));
        caller.listens().listens();
        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("tv-shopping", "after-sales-request-noted",
                "after-sales-request", false, Map.of()));
    }

    @Test
    void aWithheldCallerAskingAfterSalesForACallbackKeysInANumberAndAMistypedOneIsAskedAgain() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("+8613800138111"),
                shanghai("2026-10-02T11:00"));
        caller.presses("1").listens().presses("3").listens().presses("2");
        caller.requestFails("'+8613800138111' is not a number callbacks may ring");
        assertThat(caller.action()).isInstanceOfSatisfying(Action.Collect.class,
                ask -> assertThat(ask.prompt()).isEqualTo("common/enter-callback-number"));

        caller.presses("12345#");
        assertThat(caller.action()).as("not a number a phone can ring").isInstanceOfSatisfying(Action.Play.class,
                said -> assertThat(said.prompt()).isEqualTo("common/invalid-entry"));
        caller.listens().presses("13900139000#");

        assertThat(caller.action()).isInstanceOfSatisfying(Action.RequestCallback.class, request -> {
            assertThat(request.number()).isEqualTo("13900139000");
            assertThat(request.businessType()).isEqualTo("after-sales");
        });
    }

    @Test
    void aSalesCallerWhoAnswersNothingWhenAfterSalesIsClosedReachesTheSalesLine() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138111"),
                shanghai("2026-03-03T22:00"));
        caller.presses("1").listens().presses("3").listens();
        caller.pressesNothing().listens().pressesNothing();

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of(
                "caller", "13800138111", "language", "zh")));
    }

    /** A sales caller at 07:00 Shanghai time (the sales lines open at 08:00) in the after-hours menu. */
    private Caller callerInTheAfterHoursMenu(String callerNumber) {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom(callerNumber),
                Instant.parse("2025-03-03T23:00:00Z"));
        caller.presses("1").listens();
        assertThat(caller.action()).isEqualTo(new Action.Play("common/closed-hours", ""));
        caller.listens();
        assertThat(caller.action()).isInstanceOfSatisfying(Action.Collect.class,
                menu -> assertThat(menu.prompt()).isEqualTo("common/after-hours-menu"));
        return caller;
    }

    @Test
    void aCallerAfterHoursAsksToBeCalledBackOnTheNumberTheyCalledFrom() {
        Caller caller = callerInTheAfterHoursMenu("13800138111");
        caller.presses("2");

        assertThat(caller.action()).isInstanceOfSatisfying(Action.RequestCallback.class,
                request -> assertThat(request.number()).isEqualTo("13800138111"));
    }

    @Test
    void aCallerWhoseOwnNumberCannotBeCalledBackKeysInOneThatCan() {
        Caller caller = callerInTheAfterHoursMenu("+8613800138111");
        caller.presses("2");
        assertThat(caller.action()).isInstanceOfSatisfying(Action.RequestCallback.class,
                request -> assertThat(request.number()).isEqualTo("+8613800138111"));

        caller.requestFails("'+8613800138111' is not a number callbacks may ring");

        assertKeysInTheNumberToBeCalledBackOn(caller, "13800138111");
    }

    /** The caller is asked for a number, keys in {@code number} and #, and the callback is asked for it. */
    private static void assertKeysInTheNumberToBeCalledBackOn(Caller caller, String number) {
        assertThat(caller.action()).isInstanceOfSatisfying(Action.Collect.class,
                ask -> assertThat(ask.prompt()).isEqualTo("common/enter-callback-number"));
        caller.presses(number + "#");
        assertThat(caller.action()).isInstanceOfSatisfying(Action.RequestCallback.class,
                request -> assertThat(request.number()).isEqualTo(number));
    }

    @Test
    void aCallerAfterHoursWithAWithheldNumberKeysInTheNumberToBeCalledBackOn() {
        Caller caller = callerInTheAfterHoursMenu("");
        caller.presses("2");

        assertKeysInTheNumberToBeCalledBackOn(caller, "13912345678");
    }
}
