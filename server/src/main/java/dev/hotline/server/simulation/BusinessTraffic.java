package dev.hotline.server.simulation;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The calls one business type receives: a Poisson stream of callers dialling one of its numbers.
 *
 * @param businessType     the business type's id in the centre's configuration
 * @param dialledNumber    the number callers dial; empty to take it from the configuration's number plan
 * @param callsPerHour     the mean arrival rate
 * @param handleTime       how long agents talk to these callers
 * @param patience         the mean of the callers' exponentially distributed patience; empty when they never hang
 *                         up before an agent answers
 * @param vipShare         the share of callers who are on the VIP list
 * @param blacklistedShare the share of callers who are on the blacklist
 */
public record BusinessTraffic(String businessType, Optional<String> dialledNumber, double callsPerHour,
                              HandleTime handleTime, Optional<Duration> patience, double vipShare,
                              double blacklistedShare) {
    public BusinessTraffic {
        Objects.requireNonNull(businessType, "businessType");
        Objects.requireNonNull(dialledNumber, "dialledNumber");
        if (!(callsPerHour >= 0) || Double.isInfinite(callsPerHour)) {
            throw new IllegalArgumentException(businessType + ": calls per hour must be >= 0: " + callsPerHour);
        }
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

    /** The traffic intensity in Erlangs: arrival rate times mean handle time. */
    public double erlangs() {
        return callsPerHour * handleTime.mean().toMillis() / 3_600_000.0;
    }

    private static void requireShare(String businessType, String what, double share) {
        if (!(share >= 0.0 && share <= 1.0)) {
            throw new IllegalArgumentException(businessType + ": " + what + " must be within 0..1: " + share);
        }
    }
}
