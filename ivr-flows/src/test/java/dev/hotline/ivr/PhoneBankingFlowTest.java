package dev.hotline.ivr;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** 24-hour phone banking (config/ivr/phone-banking.yaml with the account-number subflow), walked by scripted callers. */
class PhoneBankingFlowTest {
    private static final FlowSet FLOWS = ShippedFlows.load();
    private static final Instant SUNDAY_3AM = Instant.parse("2025-03-08T19:00:00Z");
    private static final String VALID_CARD = "6222020200112233446";
    private static final Action.Collect MAIN_MENU = new Action.Collect("bank/main-menu", 1, Duration.ofSeconds(6),
            Duration.ofSeconds(3), "");
    private static final Action.Collect ANYTHING_ELSE = new Action.Collect("bank/anything-else", 1,
            Duration.ofSeconds(6), Duration.ofSeconds(3), "");
    private static final Action.Collect ACCOUNT = new Action.Collect("bank/enter-account", 19,
            Duration.ofSeconds(10), Duration.ofSeconds(4), "#");
    private static final Action.Collect PIN = new Action.Collect("bank/enter-pin", 6, Duration.ofSeconds(8),
            Duration.ofSeconds(3), "#");

    private final FlowInterpreter interpreter = new FlowInterpreter(FLOWS);

    private Caller callerAtTheAccountPrompt() {
        Caller caller = Caller.calls(interpreter, "phone-banking",
                new CallContext("13800138000", "95588", "banking", false, "zh"), SUNDAY_3AM);
        caller.presses("2");
        assertThat(caller.action()).isEqualTo(new Action.SetLanguage("en"));
        caller.listens();
        assertThat(caller.action()).isEqualTo(ACCOUNT);
        return caller;
    }

    private Caller verifiedCaller() {
        Caller caller = callerAtTheAccountPrompt();
        caller.presses(VALID_CARD);
        assertThat(caller.action()).isEqualTo(PIN);
        caller.presses("123456");
        assertThat(caller.action()).isEqualTo(new Action.Lookup("accounts", "https://bank.example.com/ivr/v1/balance",
                Map.of("account", VALID_CARD, "pin", "123456"), Duration.ofSeconds(3), LookupSource.HttpMethod.POST));
        caller.lookupAnswers(Map.of("name", "Li Wei", "balance", "12345.67"));
        assertThat(caller.action()).isEqualTo(MAIN_MENU);
        return caller;
    }

    @Test
    void aVerifiedCustomerHearsTheBalanceAsAnAmountOfMoneyAtThreeInTheMorning() {
        Caller caller = verifiedCaller();
        int from = caller.count();
        caller.presses("1").listensThrough();

        assertThat(caller.actionsFrom(from)).containsExactly(
                new Action.Play("bank/your-balance-is", ""),
                new Action.SayNumber(12345, ""),
                new Action.Play("money/cny-major", ""),
                new Action.SayNumber(67, ""),
                new Action.Play("money/cny-minor", ""),
                ANYTHING_ELSE);
    }

    @Test
    void aCustomerWhoHangsUpOrSaysNothingAfterHearingTheBalanceCompletedSelfService() {
        Caller hangsUp = verifiedCaller();
        hangsUp.presses("1").listensThrough().hangsUp();
        assertThat(hangsUp.outcome()).isEqualTo(new Outcome.EndedByFlow("phone-banking", "after-answer",
                "banking-self-service", true, Map.of()));

        Caller silent = verifiedCaller();
        silent.presses("1").listensThrough().pressesNothing().listensThrough().pressesNothing().listensThrough();
        assertThat(silent.outcome()).isEqualTo(new Outcome.EndedByFlow("phone-banking", "goodbye",
                "banking-self-service", true, Map.of()));
    }

    @Test
    void aCustomerWhoGoesBackToTheMainMenuAfterTheBalanceAndHangsUpThereWasServed() {
        Caller caller = verifiedCaller();
        caller.presses("1").listensThrough().presses("1");
        assertThat(caller.action()).isEqualTo(MAIN_MENU);

        caller.hangsUp();

        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("phone-banking", "main-menu",
                "banking-self-service", true, Map.of()));
    }

    @Test
    void aCustomerWhoHangsUpAtTheMainMenuBeforeAnyAnswerIsNotCountedAsServed() {
        Caller caller = verifiedCaller();
        caller.hangsUp();

        assertThat(caller.outcome()).isEqualTo(new Outcome.CallerHungUp("phone-banking", "main-menu"));
    }

    @Test
    void theThreeYearDepositRateIsSaidFromTheRatesTableAndTheCallEndsAsSelfService() {
        Caller caller = verifiedCaller();
        int from = caller.count();
        caller.presses("2").presses("3").listensThrough().presses("9").listens();

        assertThat(caller.actionsFrom(from)).containsExactly(
                new Action.Collect("bank/rates-menu", 1, Duration.ofSeconds(6), Duration.ofSeconds(3), ""),
                new Action.Play("bank/rate-is", ""),
                new Action.SayNumber(1, ""),
                new Action.Play("digits/point", ""),
                new Action.SayDigits("5", ""),
                new Action.Play("bank/percent", ""),
                ANYTHING_ELSE,
                new Action.Play("common/thanks-goodbye", ""),
                new Action.Hangup("banking-self-service"));
        assertThat(caller.outcome()).isEqualTo(new Outcome.EndedByFlow("phone-banking", "goodbye",
                "banking-self-service", true, Map.of()));
    }

    @Test
    void aVerifiedCustomerPressingZeroReachesABankingAgentWithTheirAccountOnScreen() {
        Caller caller = verifiedCaller();
        caller.presses("0");

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of(
                "account", VALID_CARD, "customer", "Li Wei", "verified", "true")));
    }

    @Test
    void anAccountNumberFailingTheLuhnCheckIsAskedForAgain() {
        Caller caller = callerAtTheAccountPrompt();
        caller.presses("6222020200112233442");

        assertThat(caller.action()).isEqualTo(new Action.Play("bank/account-not-valid", "0123456789*#"));
        assertThat(caller.state().variable("account_number")).contains("");
    }

    @Test
    void aCallerWhoCannotEnterAValidAccountNumberReachesAnAgentUnverified() {
        Caller caller = callerAtTheAccountPrompt();
        caller.presses("1234").listens().pressesNothing().listens().presses("6222020200112233442");

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of(
                "account", "", "customer", "", "verified", "false")));
    }

    @Test
    void zeroAloneForTheAccountNumberOrThePinReachesAnAgentAtOnce() {
        Caller noCard = callerAtTheAccountPrompt();
        noCard.presses("0#");
        noCard.listens();   // "one moment, an agent will be with you"
        assertThat(noCard.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of(
                "account", "", "customer", "", "verified", "false")));

        Caller forgotPin = callerAtTheAccountPrompt();
        forgotPin.presses(VALID_CARD).presses("0").listens();
        assertThat(forgotPin.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of(
                "account", VALID_CARD, "customer", "", "verified", "false")));
    }

    @Test
    void aWrongPinThreeTimesLocksSelfServiceAndHandsTheCallerToAnAgent() {
        Caller caller = callerAtTheAccountPrompt();
        caller.presses(VALID_CARD);
        for (int attempt = 1; attempt <= 2; attempt++) {
            caller.presses("000000").lookupAnswers(Map.of());
            assertThat(caller.action()).isEqualTo(new Action.Play("bank/pin-wrong", ""));
            caller.listens();
            assertThat(caller.action()).isEqualTo(PIN);
        }
        caller.presses("000000").lookupAnswers(Map.of());
        assertThat(caller.action()).isEqualTo(new Action.Play("bank/pin-locked", ""));
        caller.listens();

        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("", 0, Map.of(
                "account", VALID_CARD, "customer", "", "verified", "false")));
    }

    @Test
    void whenTheBankSystemDoesNotAnswerTheCallerIsToldAndPassedToAnAgent() {
        Caller caller = callerAtTheAccountPrompt();
        caller.presses(VALID_CARD).presses("123456").lookupFails("timed out after 3s");

        assertThat(caller.action()).isEqualTo(new Action.Play("bank/service-unavailable", ""));
        caller.listens();
        caller.listens();   // "one moment, an agent will be with you"
        assertThat(caller.action()).isInstanceOf(Action.TransferToQueue.class);
    }
}
