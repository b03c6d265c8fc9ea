package dev.hotline.acd.model;

/**
 * How a configured number is compared with a caller's or a dialled number.
 *
 * <p>Precedence when several entries match the same number: {@link #EXACT} first, then the longest {@link #PREFIX},
 * then {@link #PATTERN}s in the order they are configured.
 */
public enum MatchKind {
    /** The whole number, digit for digit. */
    EXACT,
    /** The number starts with the configured digits. */
    PREFIX,
    /**
     * An Asterisk extension pattern, as telephony admins already write them in extensions.conf: a leading {@code _},
     * then {@code X} (0-9), {@code Z} (1-9), {@code N} (2-9), {@code [1-5]} / {@code [135]} (a set), literal digits,
     * and a trailing {@code .} (one or more of anything) or {@code !} (zero or more). {@link DialPattern} defines and
     * parses the syntax.
     */
    PATTERN
}
