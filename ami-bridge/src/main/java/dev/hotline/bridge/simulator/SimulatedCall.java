package dev.hotline.bridge.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * One call {@link SimulatedAsterisk} placed into Hotline, inbound or a called-back customer's: what Hotline has sent
 * so far, a way to hang the caller up, and the call's end.
 */
public final class SimulatedCall {

    /** How the call ended, as the caller's channel saw it. */
    public enum Ending {
        /** Hotline sent {@code HANGUP}. */
        HOTLINE_HUNG_UP,
        /** The caller hung up (patience ran out, or {@link #hangUp()}). */
        CALLER_HUNG_UP,
        /** Hotline ended the session without hanging up; the dialplan would go on after AGI(). */
        SESSION_ENDED
    }

    /** One EXEC Dial: the endpoint and the DIALSTATUS it left ({@code ANSWER}, {@code NOANSWER}, {@code BUSY}...). */
    public record DialAttempt(String endpoint, String dialStatus) {
        public DialAttempt {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(dialStatus, "dialStatus");
        }
    }

    /**
     * The finished call.
     *
     * @param callId   the call's channel's {@code agi_uniqueid}, Hotline's call id
     * @param caller   the script the caller followed
     * @param commands every command Hotline sent on the call's session, in order, without the LF
     * @param dials    the agents dialled, in order
     * @param ending   how it ended
     */
    public record Outcome(String callId, SimulatedCaller caller, List<String> commands, List<DialAttempt> dials,
                          Ending ending) {
        public Outcome {
            commands = List.copyOf(commands);
            dials = List.copyOf(dials);
        }

        /** The agent who answered, if any did. */
        public Optional<String> answeredBy() {
            return dials.stream().filter(d -> d.dialStatus().equals("ANSWER")).map(DialAttempt::endpoint).findFirst();
        }
    }

    private record Watch(Predicate<List<String>> condition, CompletableFuture<List<String>> reached) {
    }

    private final String callId;
    private final SimulatedCaller caller;
    private final CompletableFuture<Void> callerGone = new CompletableFuture<>();
    private final CompletableFuture<Outcome> ended = new CompletableFuture<>();
    private final CompletableFuture<String> answered = new CompletableFuture<>();
    private final List<String> commands = new ArrayList<>();
    private final List<DialAttempt> dials = new ArrayList<>();
    private final List<Watch> watches = new ArrayList<>();
    private final List<Watch> receiptWatches = new ArrayList<>();

    SimulatedCall(String callId, SimulatedCaller caller) {
        this.callId = callId;
        this.caller = caller;
    }

    /** The call's id: its channel's {@code agi_uniqueid} (the inbound channel, or the customer's originated one). */
    public String callId() {
        return callId;
    }

    public SimulatedCaller caller() {
        return caller;
    }

    /** The caller hangs up now (Asterisk answers a running command with -1 and sends {@code HANGUP}). */
    public void hangUp() {
        callerGone.complete(null);
    }

    /** Completes when the call's session is over; fails if Hotline could not be reached or broke the protocol. */
    public CompletableFuture<Outcome> ended() {
        return ended;
    }

    /**
     * Completes with the agent's endpoint when an agent picks up (after Dial's {@code U()} subroutine told Hotline,
     * before the two talk); fails if the call ends without an agent answering.
     */
    public CompletableFuture<String> answered() {
        return answered;
    }

    /** The commands Hotline has sent so far. */
    public synchronized List<String> commands() {
        return List.copyOf(commands);
    }

    /**
     * Completes with the commands so far once they satisfy {@code condition} (checked after each command's reply has
     * been sent), so a test can act at a known point of the call without sleeping.
     */
    public synchronized CompletableFuture<List<String>> when(Predicate<List<String>> condition) {
        return watch(watches, condition);
    }

    /**
     * Completes with the commands so far once they satisfy {@code condition}, checked as each command arrives and
     * before the simulator answers it: a test can hang the caller up while a given command runs.
     */
    public synchronized CompletableFuture<List<String>> whenReceived(Predicate<List<String>> condition) {
        return watch(receiptWatches, condition);
    }

    private CompletableFuture<List<String>> watch(List<Watch> pending, Predicate<List<String>> condition) {
        CompletableFuture<List<String>> reached = new CompletableFuture<>();
        List<String> now = List.copyOf(commands);
        if (condition.test(now)) {
            reached.complete(now);
        } else {
            pending.add(new Watch(condition, reached));
        }
        return reached;
    }

    CompletableFuture<Void> callerGone() {
        return callerGone;
    }

    synchronized void received(String command) {
        commands.add(command);
        check(receiptWatches);
    }

    synchronized void replied() {
        check(watches);
    }

    private void check(List<Watch> pending) {
        List<String> now = List.copyOf(commands);
        pending.removeIf(w -> {
            if (w.condition().test(now)) {
                w.reached().complete(now);
                return true;
            }
            return false;
        });
    }

    void agentAnswered(String endpoint) {
        answered.complete(endpoint);
    }

    synchronized void dialled(DialAttempt attempt) {
        dials.add(attempt);
    }

    synchronized void end(Ending ending) {
        ended.complete(new Outcome(callId, caller, commands, dials, ending));
        answered.completeExceptionally(new IllegalStateException("call " + callId + " ended (" + ending
                + ") without an agent answering"));
        failWatches(new IllegalStateException("call " + callId + " ended (" + ending + ") first"));
    }

    synchronized void fail(Throwable failure) {
        ended.completeExceptionally(failure);
        answered.completeExceptionally(failure);
        failWatches(failure);
    }

    private void failWatches(Throwable failure) {
        for (List<Watch> pending : List.of(watches, receiptWatches)) {
            pending.forEach(w -> w.reached().completeExceptionally(failure));
            pending.clear();
        }
    }
}
