package dev.hotline.acd.model;

import java.util.Objects;
import java.util.Optional;

/**
 * One entry of the dialled-number plan: calls to numbers matching {@code number} are of {@code businessType}.
 *
 * @param number       the digits, prefix or Asterisk pattern, as {@code kind} says
 * @param kind         how {@code number} is matched against the dialled number
 * @param businessType the id of the business type these calls belong to
 * @param ivrFlow      the IVR flow callers of this number go through before queueing; empty to queue at once
 * @param label        what the number is, for people (e.g. "TV ad slot 1, slimming tea")
 */
public record NumberRoute(String number, MatchKind kind, String businessType, Optional<String> ivrFlow, String label) {
    public NumberRoute {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(businessType, "businessType");
        Objects.requireNonNull(ivrFlow, "ivrFlow");
        label = label == null ? "" : label;
    }
}
