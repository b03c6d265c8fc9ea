package dev.hotline.ivr;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Interpreter behaviour that does not depend on one shipped flow. */
class FlowInterpreterTest {
    private static final Instant NOW = Instant.parse("2025-03-04T02:00:00Z");
    private static final CallContext CALL = new CallContext("13800138000", "4008001234", "sales-tea", false, "zh");

    private static FlowSet load(String text) {
        return switch (FlowLoader.load(Map.of("test.yaml", text), Map.of())) {
            case FlowLoadResult.Loaded loaded -> loaded.flows();
            case FlowLoadResult.Rejected rejected -> throw new AssertionError(rejected.errors().toString());
        };
    }

    private static final FlowSet EXTENSIONS = load("""
            flow: extensions
            start: menu
            max-steps: 6
            nodes:
              menu:
                type: menu
                prompts: [ext/welcome, ext/dial-extension]
                options: { "1": sales, "21": billing, "22": complaints }
                into: chosen
                timeout: 5s
                inter-digit-timeout: 2s
                retries: 9
                on-failure: sales
              sales: { type: queue, business: "'sales'" }
              billing: { type: queue, business: "'billing'" }
              complaints:
                type: branch
                rules:
                  - when: "int(chosen) / (int(chosen) - 22) > 0"
                    goto: billing
                otherwise: sales
            """);

    private final FlowInterpreter interpreter = new FlowInterpreter(EXTENSIONS);

    @Test
    void aKeyPressedDuringTheGreetingThatCompletesAnOptionSelectsItAtOnce() {
        Caller caller = Caller.calls(interpreter, "extensions", CALL, NOW);
        assertThat(caller.action()).isEqualTo(new Action.Play("ext/welcome", "12"));
        caller.presses("1");

        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("sales", 0, Map.of()));
        assertThat(caller.state().variable("chosen")).contains("1");
    }

    @Test
    void aKeyPressedDuringTheGreetingThatStartsALongerOptionCollectsTheRest() {
        Caller caller = Caller.calls(interpreter, "extensions", CALL, NOW);
        caller.presses("2");
        assertThat(caller.action()).isEqualTo(new Action.Collect("", 1, Duration.ofSeconds(2), Duration.ofSeconds(2),
                ""));
        caller.presses("1");

        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("billing", 0, Map.of()));
    }

    @Test
    void aKeyThePromptIsNotInterruptibleByCountsAsThePromptEnding() {
        Caller caller = Caller.calls(interpreter, "extensions", CALL, NOW);
        caller.presses("9");

        assertThat(caller.action()).isEqualTo(new Action.Collect("ext/dial-extension", 2, Duration.ofSeconds(5),
                Duration.ofSeconds(2), ""));
    }

    @Test
    void aConditionThatFailsToEvaluateDoesNotMatchAndIsCounted() {
        NodeStatistics statistics = new NodeStatistics();
        Caller caller = Caller.calls(new FlowInterpreter(EXTENSIONS, statistics), "extensions", CALL, NOW);
        caller.listens().presses("22");

        assertThat(caller.action()).isEqualTo(new Action.TransferToQueue("sales", 0, Map.of()));
        NodeStatistics.NodeCounts branch = statistics.counts("extensions", "complaints");
        assertThat(branch.expressionFailures()).isEqualTo(1);
        assertThat(branch.exits()).isEqualTo(Map.of("otherwise", 1L));
    }

    @Test
    void aSessionStoredAndRestoredMidMenuContinuesExactlyAsTheOriginal() throws Exception {
        Caller caller = Caller.calls(interpreter, "extensions", CALL, NOW);
        caller.listens().presses("9");
        SessionState restored = roundTrip(caller.state());

        assertThat(restored).isEqualTo(caller.state());
        assertThat(interpreter.step(restored, Input.digits("21"), NOW))
                .isEqualTo(interpreter.step(caller.state(), Input.digits("21"), NOW));
    }

    private static SessionState roundTrip(SessionState state) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(state);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return (SessionState) in.readObject();
        }
    }

    @Test
    void aCallerStillLostInTheMenusAtTheFlowsStepLimitIsHandedToAnAgentOfTheCallsBusiness() {
        Caller caller = Caller.calls(interpreter, "extensions", CALL, NOW);
        for (int i = 0; i < 3; i++) {
            caller.listens().presses("9");
        }
        assertThat(caller.action()).isEqualTo(new Action.Play("ext/welcome", "12"));
        caller.listens();

        Action.TransferToQueue toAnAgent = new Action.TransferToQueue("sales-tea", 0, Map.of(
                "ivr_ended", "step-limit", "ivr_node", "extensions/menu"));
        assertThat(caller.action()).isEqualTo(toAnAgent);
        assertThat(caller.outcome()).isEqualTo(new Outcome.Transferred("extensions", "menu", toAnAgent));
    }

    /** 1: a callback (with a failed exit), 2: a message (without), 3: a callback to a number that cannot be worked out. */
    private static final FlowSet REQUESTS = load("""
            flow: requests
            start: menu
            nodes:
              menu:
                type: menu
                prompts: [common/message-or-callback]
                options: { "1": call-me-back, "2": message, "3": call-nowhere }
                timeout: 5s
                on-failure: noted
              call-me-back:
                type: callback
                number: caller
                attach: { dialled: dialled }
                next: noted
                failed: not-taken
              call-nowhere:
                type: callback
                number: "string(size(caller) / (size(caller) - size(caller)))"
                next: noted
                failed: not-taken
              message:
                type: voicemail
                prompts: [common/leave-message-after-tone]
                mailbox: sales
                next: noted
              noted:
                type: hangup
                prompts: [common/request-noted]
                disposition: request-noted
              not-taken:
                type: hangup
                prompts: [common/sorry-request-not-taken]
                disposition: request-not-taken
            """);

    @Test
    void aCallbackIsConfirmedOnlyOnceTheRequestIsFiled() {
        Caller caller = Caller.calls(new FlowInterpreter(REQUESTS), "requests", CALL, NOW).presses("1");
        assertThat(caller.action()).isEqualTo(new Action.RequestCallback("13800138000", "",
                Map.of("dialled", "4008001234")));

        caller.listens();

        assertThat(caller.action()).isEqualTo(new Action.Play("common/request-noted", ""));
    }

    @Test
    void aCallbackRequestThatCannotBeFiledTakesTheNodesFailedExitNeverItsConfirmation() {
        Caller caller = Caller.calls(new FlowInterpreter(REQUESTS), "requests", CALL, NOW).presses("1");

        caller.send(new Input.RequestFailed("journal: not on disk within 2 s"));

        assertThat(caller.action()).isEqualTo(new Action.Play("common/sorry-request-not-taken", ""));
        assertThat(caller.actions()).doesNotContain(new Action.Play("common/request-noted", ""));
    }

    @Test
    void aMessageThatCannotBeFiledAtANodeWithoutAFailedExitGoesToAnAgentOfTheCallsBusiness() {
        Caller caller = Caller.calls(new FlowInterpreter(REQUESTS), "requests", CALL, NOW).presses("2").listens();
        assertThat(caller.action()).isEqualTo(new Action.RecordMessage("sales", Duration.ofMinutes(2), Map.of()));

        caller.send(new Input.RequestFailed("journal: disk full"));

        Action.TransferToQueue toAnAgent = new Action.TransferToQueue("sales-tea", 0, Map.of(
                "ivr_ended", "request-failed", "ivr_node", "requests/message"));
        assertThat(caller.action()).isEqualTo(toAnAgent);
        assertThat(caller.outcome()).isEqualTo(new Outcome.Transferred("requests", "message", toAnAgent));
    }

    @Test
    void aCallbackToANumberThatCannotBeWorkedOutIsNotConfirmed() {
        NodeStatistics statistics = new NodeStatistics();
        Caller caller = Caller.calls(new FlowInterpreter(REQUESTS, statistics), "requests", CALL, NOW).presses("3");

        assertThat(caller.action()).isEqualTo(new Action.Play("common/sorry-request-not-taken", ""));
        assertThat(statistics.counts("requests", "call-nowhere").exits()).containsEntry("failed", 1L);
        assertThat(statistics.counts("requests", "call-nowhere").expressionFailures()).isEqualTo(1);
    }

    @Test
    void calendarConditionsReadTheLocalHourMinuteAndWeekdayInTheFlowsZone() {
        FlowSet flows = load("""
                flow: hours
                start: check
                calendar: { zone: Asia/Shanghai }
                nodes:
                  check:
                    type: branch
                    rules:
                      - when: "weekday == 2 && hour == 10 && minute == 30"
                        goto: open
                    otherwise: closed
                  open: { type: queue }
                  closed: { type: hangup, disposition: closed }
                """);
        // Tuesday 4 March 2025: 02:30 UTC is 10:30 in Shanghai, 02:31 is not half past ten.
        Caller halfPastTen = Caller.calls(new FlowInterpreter(flows), "hours", CALL,
                Instant.parse("2025-03-04T02:30:00Z"));
        Caller aMinuteLater = Caller.calls(new FlowInterpreter(flows), "hours", CALL,
                Instant.parse("2025-03-04T02:31:00Z"));

        assertThat(halfPastTen.action()).isInstanceOf(Action.TransferToQueue.class);
        assertThat(aMinuteLater.action()).isEqualTo(new Action.Hangup("closed"));
    }

    @Test
    void aFinishedSessionAnswersEveryFurtherInputWithItsOutcome() {
        Caller caller = Caller.calls(interpreter, "extensions", CALL, NOW);
        caller.hangsUp();
        Step again = interpreter.step(caller.state(), Input.digits("1"), NOW);

        assertThat(again.action()).isEqualTo(new Action.Finished(new Outcome.CallerHungUp("extensions", "menu")));
        assertThat(again.state()).isEqualTo(caller.state());
    }

    @Test
    void anInputThatDoesNotAnswerTheAwaitedActionIsABridgeBugAndSaysSo() {
        Caller caller = Caller.calls(interpreter, "extensions", CALL, NOW);

        assertThatThrownBy(() -> caller.send(new Input.LookupFailed("timeout")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("flow 'extensions' node 'menu' awaits the answer to Play, got LookupFailed[reason=timeout]");
    }

    @Test
    void aSubflowCannotBeStartedOnItsOwn() {
        assertThatThrownBy(() -> new FlowInterpreter(ShippedFlows.load()).start("account-number", CALL, NOW))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("flow 'account-number' is a subflow: it runs only from subflow nodes");
    }

    @Test
    void ofTwoTableRowsWithOneKeyTheFirstIsFoundSoANewestFirstExportTellsTheLatestOrder() {
        FlowSet flows = switch (FlowLoader.load(Map.of("status.yaml", """
                flow: status
                start: find
                sources: { orders: { table: tables/orders.csv, key: phone } }
                variables: { order: record }
                nodes:
                  find: { type: lookup, source: orders, key: caller, into: order, found: told, failed: agent }
                  told: { type: hangup, disposition: told }
                  agent: { type: queue }
                """), Map.of("tables/orders.csv", """
                phone,order_id
                13800138000,TV-20250303-0108
                13800138000,TV-20250301-0042
                """))) {
            case FlowLoadResult.Loaded loaded -> loaded.flows();
            case FlowLoadResult.Rejected rejected -> throw new AssertionError(rejected.errors().toString());
        };

        Caller caller = Caller.calls(new FlowInterpreter(flows), "status", CALL, NOW);

        assertThat(caller.state().variable("order")).hasValueSatisfying(order ->
                assertThat(order.toString()).contains("TV-20250303-0108").doesNotContain("TV-20250301-0042"));
    }

    @Test
    void anAmountTooLargeToSayIsSkippedAtOnceRatherThanWrittenOutDigitByDigit() {
        FlowSet flows = switch (FlowLoader.load(Map.of("balance.yaml", """
                flow: balance
                start: take
                variables: { amount: string }
                nodes:
                  take: { type: set, values: { amount: "'1e100000000'" }, next: say }
                  say: { type: say, as: money, currency: cny, value: amount, next: bye }
                  bye: { type: hangup, disposition: told }
                """), Map.of())) {
            case FlowLoadResult.Loaded loaded -> loaded.flows();
            case FlowLoadResult.Rejected rejected -> throw new AssertionError(rejected.errors().toString());
        };

        Caller caller = Caller.calls(new FlowInterpreter(flows), "balance", CALL, NOW);

        assertThat(caller.action()).isEqualTo(new Action.Hangup("told"));
    }
}
