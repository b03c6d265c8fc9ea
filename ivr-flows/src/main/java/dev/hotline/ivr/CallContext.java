package dev.hotline.ivr;

import java.io.Serializable;
import java.util.Objects;

/**
 * What is known about a call when it enters the IVR; conditions see it as {@code caller}, {@code dialled},
 * {@code business}, {@code vip} and {@code language}.
 *
 * @param callerNumber   the calling number (ANI), empty when withheld
 * @param dialledNumber  the number the caller dialled (DNIS)
 * @param businessType   the business type the ACD derived from the dialled number, empty when none
 * @param vip            whether the caller is on the VIP list
 * @param language       the caller's language before any choice (e.g. "zh", "en")
 */
public record CallContext(String callerNumber, String dialledNumber, String businessType, boolean vip,
                          String language) implements Serializable {
    public CallContext {
        Objects.requireNonNull(callerNumber, "callerNumber");
        Objects.requireNonNull(dialledNumber, "dialledNumber");
        Objects.requireNonNull(businessType, "businessType");
        Objects.requireNonNull(language, "language");
    }
}
