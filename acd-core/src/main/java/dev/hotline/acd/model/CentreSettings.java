package dev.hotline.acd.model;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Centre-wide settings.
 *
 * @param zone                the centre's time zone (report intervals are aligned to it)
 * @param reportInterval      the length of a reporting interval (15 minutes by default)
 * @param shortAbandon        abandons before this are counted apart as short abandons
 * @param busyPrompt          what refused callers hear: "the system is busy, please try again later"
 * @param defaultBusinessType the business type of dialled numbers no route matches; empty to refuse them
 * @param callerNumbers       how caller numbers are written, for the blacklist and VIP look-ups
 */
public record CentreSettings(ZoneId zone, Duration reportInterval, Duration shortAbandon, String busyPrompt,
                             Optional<String> defaultBusinessType, CallerNumbers callerNumbers) {
    public static final String DEFAULT_BUSY_PROMPT = "hotline/system-busy-try-later";

    /** Settings that compare caller numbers as given ({@link CallerNumbers#AS_GIVEN}). */
    public CentreSettings(ZoneId zone, Duration reportInterval, Duration shortAbandon, String busyPrompt,
                          Optional<String> defaultBusinessType) {
        this(zone, reportInterval, shortAbandon, busyPrompt, defaultBusinessType, CallerNumbers.AS_GIVEN);
    }

    public CentreSettings {
        Objects.requireNonNull(zone, "zone");
        Objects.requireNonNull(reportInterval, "reportInterval");
        Objects.requireNonNull(shortAbandon, "shortAbandon");
        Objects.requireNonNull(busyPrompt, "busyPrompt");
        Objects.requireNonNull(defaultBusinessType, "defaultBusinessType");
        Objects.requireNonNull(callerNumbers, "callerNumbers");
    }
}
