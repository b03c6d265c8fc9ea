package dev.hotline.bridge.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a customer behaves when Hotline calls them back (an AMI Originate into the callback context, see
 * {@link SimulatedAsterisk.Builder#customer}): whether their phone is busy, how long it rings before they answer,
 * and, once answered, what they key in and how long they hold on. Durations are simulated time
 * ({@link SimulatedAsterisk.Timing}).
 *
 * <p>Outcomes as a real Asterisk reports them in {@code OriginateResponse}: answered, Reason 4 once the phone has
 * rung {@code answerAfter} (if that is within the Originate's Timeout); not answered, Reason 3 once the Timeout has
 * passed; busy, Reason 5 at once. Once answered the customer is on the line like a {@link SimulatedCaller}: the
 * FastAGI session runs on their channel.
 *
 * @param answerAfter how long the phone rings before they answer; empty: they never answer
 * @param lineBusy    the line is busy: the Originate fails at once
 * @param presses     what they key in once answered, as {@link SimulatedCaller#presses()}
 * @param patience    how long after answering they hang up if no agent has answered by then; empty: they hold on
 *                    until Hotline or the agent ends the call
 */
public record SimulatedCustomer(Optional<Duration> answerAfter, boolean lineBusy, List<String> presses,
                                Optional<Duration> patience) {

    public SimulatedCustomer {
        Objects.requireNonNull(answerAfter, "answerAfter");
        presses = SimulatedCaller.checkedPresses(presses);
        Objects.requireNonNull(patience, "patience");
        if (lineBusy && answerAfter.isPresent()) {
            throw new IllegalArgumentException("a busy customer cannot answer after " + answerAfter.get());
        }
        if (answerAfter.filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException("a customer's ring time cannot be negative: " + answerAfter.get());
        }
        if (patience.filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException("a customer's patience cannot be negative: " + patience.get());
        }
    }

    /**
     * A customer who answers after the phone has rung {@code ring}; if that is longer than the Originate's Timeout,
     * they do not answer (Reason 3 when the Timeout passes). Once answered they key nothing and hold on.
     */
    public static SimulatedCustomer answersAfter(Duration ring) {
        return new SimulatedCustomer(Optional.of(ring), false, List.of(), Optional.empty());
    }

    /** A customer who lets the phone ring: Reason 3 when the Originate's Timeout passes. */
    public static SimulatedCustomer neverAnswers() {
        return new SimulatedCustomer(Optional.empty(), false, List.of(), Optional.empty());
    }

    /** A customer whose line is busy: Reason 5 at once. */
    public static SimulatedCustomer busy() {
        return new SimulatedCustomer(Optional.empty(), true, List.of(), Optional.empty());
    }

    /** The same customer, hanging up {@code after} (simulated time) answering unless an agent has answered. */
    public SimulatedCustomer hangingUpAfter(Duration after) {
        return new SimulatedCustomer(answerAfter, lineBusy, presses, Optional.of(after));
    }

    /** The same customer, keying in these entries once answered (see {@link SimulatedCaller#presses()}). */
    public SimulatedCustomer pressing(String... entries) {
        return new SimulatedCustomer(answerAfter, lineBusy, List.of(entries), patience);
    }

    /**
     * The customer on the line once answered: the channel's caller id is the Originate's CallerID (Hotline's
     * number), it was not dialled in, so there is no DNID ({@code agi_dnid: unknown}).
     */
    SimulatedCaller onTheLine(String callerId, String callerIdName, String number) {
        return new SimulatedCaller(callerId, callerIdName, number, "", presses, patience);
    }
}
