package dev.hotline.ivr;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A scripted caller for tests: answers each action the way the bridge would and keeps every action the interpreter
 * asked for. Time moves only when the script says so.
 */
final class Caller {
    private final FlowInterpreter interpreter;
    private final List<Action> actions = new ArrayList<>();
    private SessionState state;
    private Instant now;

    private Caller(FlowInterpreter interpreter, Instant now) {
        this.interpreter = interpreter;
        this.now = now;
    }

    static Caller calls(FlowInterpreter interpreter, String flow, CallContext call, Instant now) {
        Caller caller = new Caller(interpreter, now);
        caller.record(interpreter.start(flow, call, now));
        return caller;
    }

    private Caller record(Step step) {
        state = step.state();
        actions.add(step.action());
        return this;
    }

    Caller send(Input input) {
        now = now.plus(Duration.ofSeconds(1));
        return record(interpreter.step(state, input, now));
    }

    /** Lets the current prompt play to its end (or the request complete). */
    Caller listens() {
        return send(Input.DONE);
    }

    /** Listens to prompts (and completed requests) until the IVR waits for something else. */
    Caller listensThrough() {
        while (action() instanceof Action.Play || action() instanceof Action.SayNumber
                || action() instanceof Action.SayDigits || action() instanceof Action.SayDateTime
                || action() instanceof Action.SetLanguage) {
            listens();
        }
        return this;
    }

    Caller presses(String digits) {
        return send(Input.digits(digits));
    }

    Caller pressesNothing() {
        return send(Input.TIMEOUT);
    }

    Caller hangsUp() {
        return send(Input.HANG_UP);
    }

    Caller lookupAnswers(Map<String, String> fields) {
        return send(new Input.LookupResult(fields));
    }

    /** The bridge could not take the request (a callback to a number it may not ring, the journal down). */
    Caller requestFails(String reason) {
        return send(new Input.RequestFailed(reason));
    }

    Caller lookupFails(String reason) {
        return send(new Input.LookupFailed(reason));
    }

    Action action() {
        return actions.getLast();
    }

    List<Action> actions() {
        return List.copyOf(actions);
    }

    /** The actions since (and including) the one at {@code from}. */
    List<Action> actionsFrom(int from) {
        return List.copyOf(actions.subList(from, actions.size()));
    }

    int count() {
        return actions.size();
    }

    SessionState state() {
        return state;
    }

    Outcome outcome() {
        return state.outcome().orElseThrow(() -> new AssertionError("session not over, awaiting " + state.awaiting()));
    }
}
