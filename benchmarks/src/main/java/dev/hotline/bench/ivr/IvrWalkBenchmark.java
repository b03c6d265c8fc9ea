package dev.hotline.bench.ivr;

import dev.hotline.ivr.Action;
import dev.hotline.ivr.CallContext;
import dev.hotline.ivr.FlowInterpreter;
import dev.hotline.ivr.FlowListener;
import dev.hotline.ivr.Input;
import dev.hotline.ivr.Outcome;
import dev.hotline.ivr.Step;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Interpreter steps per second on one thread, walking whole calls through the shipped TV-shopping flow (with its
 * welcome subflow). A step is one call of {@code start} or {@code step}: one input in, the new state and the next
 * action out. Each benchmark invocation is one complete call, so the score (ops/s) is steps per second.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class IvrWalkBenchmark {
    /** Tuesday 3 March 2026, 10:00 in Shanghai: every line of the centre is open. */
    private static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");
    /** Not in tables/orders.csv: the caller types the number they ordered with. */
    private static final CallContext UNKNOWN_CALLER =
            new CallContext("01066667777", "4008008888", "after-sales", false, "zh");
    /** In tables/orders.csv with a shipped order. */
    private static final CallContext KNOWN_CALLER =
            new CallContext("13800138111", "4008008888", "after-sales", false, "zh");

    private static final Input ENGLISH = Input.digits("2");
    private static final Input ORDER_STATUS = Input.digits("2");
    private static final Input ORDER_PHONE = Input.digits("13900139000");
    private static final Input AFTER_SALES = Input.digits("3");
    private static final Input FINISH = Input.digits("9");

    private FlowInterpreter interpreter;

    @Setup
    public void loadAndCheckTheWalks() {
        interpreter = new FlowInterpreter(ShippedIvrConfig.load(), FlowListener.NONE,
                ShippedIvrConfig.EVERY_LINE_OPEN);
        // The figures are only worth something if the walks go where they claim to: check once before measuring.
        expectEnd(orderStatusToAfterSales(), 8, Outcome.Transferred.class, "after-sales-queue");
        expectEnd(orderStatusInSelfService(), 8, Outcome.EndedByFlow.class, "status-told");
    }

    private static void expectEnd(Step last, int steps, Class<? extends Outcome> kind, String node) {
        Outcome outcome = last.state().outcome().orElseThrow(
                () -> new IllegalStateException("walk not over, awaiting " + last.state().awaiting()));
        if (!kind.isInstance(outcome) || !outcome.node().equals(node)) {
            throw new IllegalStateException("walk ended with " + outcome + ", expected " + kind.getSimpleName()
                    + " at '" + node + "'");
        }
        // The state counts inputs; start() is a step without one.
        if (last.state().steps() + 1 != steps) {
            throw new IllegalStateException("walk took " + (last.state().steps() + 1) + " steps, @OperationsPerInvocation"
                    + " says " + steps);
        }
        if (last.action() instanceof Action.Finished) {
            throw new IllegalStateException("walk went on after the session ended");
        }
    }

    /**
     * Language menu (welcome subflow, with its opening-hours branch), main menu, typed phone number (collect with
     * pattern), table lookup, branch on the order status, status prompt, status menu, after-sales queue with the
     * order attached (after its opening-hours branch), once its "one moment" prompt has played: 8 steps.
     */
    @Benchmark
    @OperationsPerInvocation(8)
    public Step orderStatusToAfterSales() {
        Step step = interpreter.start("tv-shopping", UNKNOWN_CALLER, NOW); // -> Collect choose-language
        step = interpreter.step(step.state(), ENGLISH, NOW);                // -> SetLanguage en
        step = interpreter.step(step.state(), Input.DONE, NOW);             // hours set and branches, return -> main menu
        step = interpreter.step(step.state(), ORDER_STATUS, NOW);           // lookup by caller: none -> enter phone
        step = interpreter.step(step.state(), ORDER_PHONE, NOW);            // lookup, status branch -> Play delivered
        step = interpreter.step(step.state(), Input.DONE, NOW);             // -> status menu
        step = interpreter.step(step.state(), AFTER_SALES, NOW);            // hours branch -> Play transferring
        return interpreter.step(step.state(), Input.DONE, NOW);             // -> TransferToQueue
    }

    /**
     * Language menu, main menu, lookup by calling number, status branch, status prompt, shipping date said, status
     * menu, goodbye prompt, hang-up counted as completed self-service: 8 steps.
     */
    @Benchmark
    @OperationsPerInvocation(8)
    public Step orderStatusInSelfService() {
        Step step = interpreter.start("tv-shopping", KNOWN_CALLER, NOW);  // -> Collect choose-language
        step = interpreter.step(step.state(), ENGLISH, NOW);                // -> SetLanguage en
        step = interpreter.step(step.state(), Input.DONE, NOW);             // -> main menu
        step = interpreter.step(step.state(), ORDER_STATUS, NOW);           // lookup, branch -> Play shipped-on
        step = interpreter.step(step.state(), Input.DONE, NOW);             // -> SayDateTime shipping date
        step = interpreter.step(step.state(), Input.DONE, NOW);             // -> status menu
        step = interpreter.step(step.state(), FINISH, NOW);                 // -> Play thanks-goodbye
        return interpreter.step(step.state(), Input.DONE, NOW);             // -> Hangup order-status-told
    }
}
