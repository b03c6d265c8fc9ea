package dev.hotline.ivr;

import java.io.Serializable;
import java.util.Objects;

/**
 * What is known about a call when it enters the IVR; conditions see it as {@code caller}, {@code caller_national},
 * {@code dialled}, {@code business}, {@code vip} and {@code language}.
 *
 * @param callerNumber   the calling number (ANI), empty when withheld
 * @param dialledNumber  the number the caller dialled (DNIS)
 * @param businessType   the business type the ACD derived from the dialled number, empty when none
 * @param vip            whether the caller is on the VIP list
 * @param language       the caller's language before any choice (e.g. "zh", "en")
 * @param callerNational the calling number as the centre compares it (centre.yaml's {@code callerNumbers}): without
 *                       {@code +86}/{@code 0086} or the trunk prefix, so that {@code +8613900139000} finds the
 *                       customer listed as {@code 13900139000}; the calling number itself when not configured
 */
public record CallContext(String callerNumber, String dialledNumber, String businessType, boolean vip,
                          String language, String callerNational) implements Serializable {
    public CallContext {
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(callerNational, "callerNational");
        Objects.requireNonNull(dialledNumber, "dialledNumber");
        Objects.requireNonNull(businessType, "businessType");
        Objects.requireNonNull(language, "language");
    }

    /** A call whose number is compared as given. */
    public CallContext(String callerNumber, String dialledNumber, String businessType, boolean vip, String language) {
        this(callerNumber, dialledNumber, businessType, vip, language, callerNumber);
    }
}
