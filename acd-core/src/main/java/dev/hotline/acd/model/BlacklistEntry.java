package dev.hotline.acd.model;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A caller number (or prefix) refused before anything else happens to the call.
 *
 * @param number  the caller number or prefix
 * @param kind    {@link MatchKind#EXACT} or {@link MatchKind#PREFIX}
 * @param expires when the entry stops applying; empty for never
 * @param reason  why the number is blocked (for the audit trail and reports)
 * @param prompt  the prompt the caller hears; empty for the centre's busy prompt
 */
public record BlacklistEntry(String number, MatchKind kind, Optional<Instant> expires, String reason,
                             Optional<String> prompt) {
    public BlacklistEntry {
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(kind, "kind");
        if (kind == MatchKind.PATTERN) {
            throw new IllegalArgumentException("blacklist entries are exact numbers or prefixes: " + number);
        }
        Objects.requireNonNull(expires, "expires");
        reason = reason == null ? "" : reason;
        Objects.requireNonNull(prompt, "prompt");
    }

    /** Whether the entry still applies at {@code epochMillis}. */
    public boolean activeAt(long epochMillis) {
        return expires.map(e -> epochMillis < e.toEpochMilli()).orElse(true);
    }
}
