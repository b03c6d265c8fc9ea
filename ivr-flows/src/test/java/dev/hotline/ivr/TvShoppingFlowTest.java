package dev.hotline.ivr;

import org.junit.jupiter.api.Test;

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
    private final FlowInterpreter interpreter = new FlowInterpreter(FLOWS, statistics);

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
        Caller caller = callerReachingTheMainMenu("13800138000");
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

        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("after-sales", 0, List.of(), Map.of(
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
        Caller caller = callerReachingTheMainMenu("13800138000");
        caller.presses("0");

        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, List.of(), Map.of(
                "caller", "13800138000", "language", "zh")));
        assertThat(caller.outcome()).isInstanceOf(Outcome.Transferred.class);
        assertThat(statistics.counts("tv-shopping", "main-menu").exits()).containsEntry("agent", 1L);
    }

    @Test
    void aCallerWhoKeepsPressingWrongKeysOrNothingEndsWithSalesAfterTheRetries() {
        Caller caller = callerReachingTheMainMenu("13800138000");
        caller.presses("7");
        assertThat(caller.action()).isEqualTo(new Action.Play("common/invalid-key", "1230"));
        caller.listens();
        assertThat(caller.action()).isEqualTo(mainMenu());
        caller.pressesNothing();
        assertThat(caller.action()).isEqualTo(new Action.Play("common/no-key", "1230"));
        caller.listens().presses("8");

        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, List.of(), Map.of(
                "caller", "13800138000", "language", "zh")));
        NodeStatistics.NodeCounts menu = statistics.counts("tv-shopping", "main-menu");
        assertThat(menu.invalidInputs()).isEqualTo(2);
        assertThat(menu.timeouts()).isEqualTo(1);
        assertThat(menu.exits()).containsEntry("failure", 1L);
    }

    @Test
    void aKeyPressedDuringTheRetryPromptChoosesTheOption() {
        Caller caller = callerReachingTheMainMenu("13800138000");
        caller.presses("7").presses("3");

        assertThat(caller.action()).isInstanceOf(Action.TransferToQueue.class);
        assertThat(((Action.TransferToQueue) caller.action()).businessType()).isEqualTo("after-sales");
    }

    @Test
    void aCallerWhoHangsUpInTheMainMenuIsCountedThere() {
        Caller caller = callerReachingTheMainMenu("13800138000");
        caller.hangsUp();

        assertThat(caller.outcome()).isEqualTo(new Outcome.CallerHungUp("tv-shopping", "main-menu"));
        assertThat(statistics.counts("tv-shopping", "main-menu").hangUps()).isEqualTo(1);
        assertThat(caller.action()).isEqualTo(new Action.Finished(caller.outcome()));
    }

    @Test
    void englishCallersChooseWithTwoAndTheirLanguageIsAttachedForTheAgent() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138000"), TUESDAY_MORNING);
        caller.presses("2");
        assertThat(caller.action()).isEqualTo(new Action.SetLanguage("en"));
        caller.listens().presses("1");

        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, List.of(), Map.of(
                "caller", "13800138000", "language", "en")));
    }

    @Test
    void aCallerWhoPressesNothingAtTheLanguageChoiceGetsMandarin() {
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138000"), TUESDAY_MORNING);
        caller.pressesNothing();

        assertThat(caller.action()).isEqualTo(new Action.SetLanguage("zh"));
        assertThat(statistics.counts("welcome", "choose-language").timeouts()).isEqualTo(1);
    }

    @Test
    void atNightTheCallerCanAskToBeCalledBackOnTheirNumber() {
        Instant elevenPm = Instant.parse("2025-03-04T15:00:00Z");
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138000"), elevenPm);
        caller.presses("1").listens();
        assertThat(caller.action()).isEqualTo(new Action.Play("common/closed-hours", ""));
        caller.listens().presses("2");

        assertThat(caller.action()).isEqualTo(new Action.RequestCallback("13800138000", "", Map.of(
                "dialled", "4008001234", "language", "zh")));
        caller.listens().listens();
        assertThat(caller.action()).isEqualTo(new Action.Hangup("after-hours-request"));
        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("welcome", "request-noted",
                "after-hours-request", false, Map.of()));
    }

    @Test
    void onSundayTheCentreIsClosed() {
        Instant sundayNoon = Instant.parse("2025-03-09T04:00:00Z");
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138000"), sundayNoon);
        caller.presses("1").listens();

        assertThat(caller.action()).isEqualTo(new Action.Play("common/closed-hours", ""));
    }

    @Test
    void onANationalHolidayTheCallerHearsTheHolidayPromptAndMayLeaveAMessage() {
        Instant nationalDayMorning = Instant.parse("2025-10-01T02:00:00Z");
        Caller caller = Caller.calls(interpreter, "tv-shopping", callFrom("13800138000"), nationalDayMorning);
        caller.presses("1").listens();
        assertThat(caller.action()).isEqualTo(new Action.Play("common/closed-holiday", ""));
        caller.listens().presses("1").listens();

        assertThat(caller.action()).isEqualTo(new Action.RecordMessage("after-hours", Duration.ofMinutes(2), Map.of(
                "caller", "13800138000", "dialled", "4008001234")));
    }
}
