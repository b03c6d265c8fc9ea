package dev.hotline.server.simulation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The calls one business type receives: a Poisson stream of callers dialling one of its numbers.
 *
 * @param businessType     the business type's id in the centre's configuration
 * @param dialledNumber    the number callers dial; empty to take it from the configuration's number plan
 * @param rate             how many calls an hour arrive: one rate, or a curve over the day
 * @param handleTime       how long agents talk to these callers
 * @param patience         the mean of the callers' exponentially distributed patience; empty when they never hang
 *                         up before an agent answers
 * @param vipShare         the share of callers who are on the VIP list
 * @param blacklistedShare the share of callers who are on the blacklist
 */
public record BusinessTraffic(String businessType, Optional<String> dialledNumber, ArrivalRate rate,
                              HandleTime handleTime, Optional<Duration> patience, double vipShare,
                              double blacklistedShare) {

    /** Traffic at one rate for the whole run. */
    public BusinessTraffic(String businessType, Optional<String> dialledNumber, double callsPerHour,
                           HandleTime handleTime, Optional<Duration> patience, double vipShare,
                           double blacklistedShare) {
        this(businessType, dialledNumber, constant(businessType, callsPerHour), handleTime, patience, vipShare,
                blacklistedShare);
    }

    public BusinessTraffic {
        Objects.requireNonNull(businessType, "businessType");
        Objects.requireNonNull(dialledNumber, "dialledNumber");
        Objects.requireNonNull(rate, "rate");
        Objects.requireNonNull(handleTime, "handleTime");
        Objects.requireNonNull(patience, "patience");
        patience.ifPresent(p -> {
            if (p.toMillis() <= 0) {
                throw new IllegalArgumentException(businessType + ": mean patience must be at least 1 ms: " + p);
            }
        });
        requireShare(businessType, "VIP share", vipShare);
        requireShare(businessType, "blacklisted share", blacklistedShare);
        if (vipShare + blacklistedShare > 1.0) {
            throw new IllegalArgumentException(businessType + ": VIP share " + vipShare + " and blacklisted share "
                    + blacklistedShare + " add up to more than 1");
        }
    }

    private static ArrivalRate constant(String businessType, double callsPerHour) {
        try {
            return new ArrivalRate.Constant(callsPerHour);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(businessType + ": " + e.getMessage(), e);
        }
    }

    private static void requireShare(String businessType, String what, double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException(businessType + ": " + what + " must be within 0..1: " + share);
        }
    }
}
