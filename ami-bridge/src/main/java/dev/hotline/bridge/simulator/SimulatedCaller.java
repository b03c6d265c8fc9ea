package dev.hotline.bridge.simulator;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A scripted caller for {@link SimulatedAsterisk}: who calls, which number, what they key in, how long they hold on.
 * Durations are simulated time ({@link SimulatedAsterisk.Timing} says how long a simulated second lasts).
 *
 * @param callerId     the caller's number ({@code agi_callerid}); empty for a withheld number (Asterisk sends
 *                     {@code unknown})
 * @param callerIdName the caller's name ({@code agi_calleridname}); empty: {@code unknown}
 * @param dialled      the number dialled: the dialplan extension ({@code agi_extension})
 * @param dnid         the dialled number the trunk passed ({@code agi_dnid}); usually {@code dialled}, empty when the
 *                     trunk passed none (Asterisk sends {@code unknown})
 * @param presses      what the caller keys in, one entry per prompt that takes digits, in order: a GET DATA takes
 *                     its digits up to {@code #} or its maximum (the rest stays for the next prompt), a WAIT FOR
 *                     DIGIT or an interruptible STREAM FILE the first digit of the entry (an interruptible prompt
 *                     whose escape digits do not hold it plays to its end and leaves the entry); an empty entry lets
 *                     one such prompt pass without a key
 * @param patience     how long after the call starts the caller hangs up if no agent has answered by then; empty:
 *                     they hold on until Hotline or the agent ends the call (or {@link SimulatedCall#hangUp()})
 */
public record SimulatedCaller(String callerId, String callerIdName, String dialled, String dnid, List<String> presses,
                              Optional<Duration> patience) {

    public SimulatedCaller {
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(callerIdName, "callerIdName");
        Objects.requireNonNull(dialled, "dialled");
        Objects.requireNonNull(dnid, "dnid");
        presses = checkedPresses(presses);
        Objects.requireNonNull(patience, "patience");
        if (!isNumber(dialled)) {
            throw new IllegalArgumentException("dialled number must be digits: '" + dialled + "'");
        }
        if (patience.filter(Duration::isNegative).isPresent()) {
            throw new IllegalArgumentException("a caller's patience cannot be negative: " + patience.get());
        }
    }

    /** The entries as an immutable list, if each is DTMF digits; shared with {@link SimulatedCustomer}. */
    static List<String> checkedPresses(List<String> presses) {
        for (String press : presses) {
            if (!press.matches("[0-9*#]*")) {
                throw new IllegalArgumentException("a caller keys in DTMF digits (0-9, *, #), not '" + press + "'");
            }
        }
        return List.copyOf(presses);
    }

    /** A number a caller can dial, or a customer be called on: digits, {@code *}, {@code #}, {@code +}. */
    static boolean isNumber(String number) {
        return number.matches("[0-9*#+]+");
    }

    /** A caller who keys in nothing and holds on until the call ends; the trunk passes the dialled number. */
    public static SimulatedCaller of(String callerId, String dialled) {
        return new SimulatedCaller(callerId, "", dialled, dialled, List.of(), Optional.empty());
    }

    /** The same caller, with this caller id name. */
    public SimulatedCaller named(String name) {
        return new SimulatedCaller(callerId, name, dialled, dnid, presses, patience);
    }

    /** The same call, arriving on a trunk that passes no DNID. */
    public SimulatedCaller withoutDnid() {
        return new SimulatedCaller(callerId, callerIdName, dialled, "", presses, patience);
    }

    /** The same caller, keying in these entries. */
    public SimulatedCaller pressing(String... entries) {
        return new SimulatedCaller(callerId, callerIdName, dialled, dnid, List.of(entries), patience);
    }

    /** The same caller, hanging up {@code after} (simulated time) the call starts unless an agent has answered. */
    public SimulatedCaller hangingUpAfter(Duration after) {
        return new SimulatedCaller(callerId, callerIdName, dialled, dnid, presses, Optional.of(after));
    }
}
