package dev.hotline.server.config;

import dev.hotline.acd.model.DialPattern;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@code hotline serve} calls back the customers who asked for it in the IVR ({@code server.yaml}'s
 * {@code callbacks}, docs/callbacks.md). Without an endpoint, requests are journaled and counted but not placed.
 *
 * @param endpoint      the channel to ring a customer on, with {@code {number}} where their number goes
 *                      ({@code PJSIP/{number}@trunk}); empty: callbacks are not placed
 * @param context       the dialplan context the customer's channel enters once they answer; it runs
 *                      {@code AGI(agi://<hotline>/callback?request=${HOTLINE_CALLBACK})} (docs/asterisk.md)
 * @param callerId      the caller id the customer sees ({@code "TV shop" <4008001000>}); empty for the trunk's
 * @param ringTimeout   how long the customer's phone rings before the attempt counts as not answered
 * @param attempts      how many times a customer is rung before the request is given up
 * @param retryAfter    how long after a failed attempt the next one may be made
 * @param expireAfter   a request not done this long after it was made is given up (and not read back at a start)
 * @param priorityRaise added to the queue's base priority of a callback's call: the customer has waited already
 * @param greeting      what the customer hears on answering, before the queue; empty for nothing
 * @param checkEvery    how often the open requests are checked against the queues
 * @param allowedNumbers the only numbers called back (Asterisk patterns), so that a caller who keys in a number
 *                      cannot make the centre ring an international or premium-rate one; empty: any phone number
 */
public record CallbackSettings(String endpoint, String context, String callerId, Duration ringTimeout, int attempts,
                               Duration retryAfter, Duration expireAfter, int priorityRaise, String greeting,
                               Duration checkEvery, List<DialPattern> allowedNumbers) {

    /** Where the customer's number goes in {@link #endpoint}. */
    public static final String NUMBER = "{number}";

    /** Requests are journaled, not placed. */
    public static final CallbackSettings NOT_PLACED = new CallbackSettings("", "hotline-callback", "",
            Duration.ofSeconds(30), 3, Duration.ofMinutes(10), Duration.ofHours(24), 10, "hotline/callback-greeting",
            Duration.ofSeconds(5));

    public CallbackSettings {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(callerId, "callerId");
        Objects.requireNonNull(ringTimeout, "ringTimeout");
        Objects.requireNonNull(retryAfter, "retryAfter");
        Objects.requireNonNull(expireAfter, "expireAfter");
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(checkEvery, "checkEvery");
        allowedNumbers = List.copyOf(allowedNumbers);
        if (!endpoint.isEmpty() && !endpoint.contains(NUMBER)) {
            throw new IllegalArgumentException("a callback endpoint needs " + NUMBER + ": '" + endpoint + "'");
        }
    }

    /** Settings that call back any phone number. */
    public CallbackSettings(String endpoint, String context, String callerId, Duration ringTimeout, int attempts,
                            Duration retryAfter, Duration expireAfter, int priorityRaise, String greeting,
                            Duration checkEvery) {
        this(endpoint, context, callerId, ringTimeout, attempts, retryAfter, expireAfter, priorityRaise, greeting,
                checkEvery, List.of());
    }

    /** These settings with {@code patterns} as the numbers called back. */
    public CallbackSettings withAllowedNumbers(List<DialPattern> patterns) {
        return new CallbackSettings(endpoint, context, callerId, ringTimeout, attempts, retryAfter, expireAfter,
                priorityRaise, greeting, checkEvery, patterns);
    }

    /** Whether {@code number} may be called back: it matches one of {@link #allowedNumbers}, or there are none. */
    public boolean allows(String number) {
        if (allowedNumbers.isEmpty()) {
            return true;
        }
        for (DialPattern pattern : allowedNumbers) {
            if (pattern.matches(number)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The numbers called back, for logs and reload answers: {@code any number} or the patterns, the first few of a
     * long list and how many there are.
     */
    public String allowedNumbersDescribed() {
        if (allowedNumbers.isEmpty()) {
            return "any number (no allowedNumbers)";
        }
        int shown = Math.min(allowedNumbers.size(), 5);
        String first = allowedNumbers.subList(0, shown).stream().map(Object::toString)
                .collect(java.util.stream.Collectors.joining(", "));
        return "numbers matching " + first + (shown < allowedNumbers.size() ? ", ... (" + allowedNumbers.size()
                + " patterns)" : "");
    }

    /** Whether callbacks are placed at all. */
    public boolean placed() {
        return !endpoint.isEmpty();
    }

    /** The channel that rings {@code number}. */
    public String endpointFor(String number) {
        return endpoint.replace(NUMBER, number);
    }
}
