package dev.hotline.acd.model;

import java.util.Arrays;

/**
 * An Asterisk extension pattern, parsed once: the syntax of {@link MatchKind#PATTERN} number routes, as telephony
 * admins write them in extensions.conf. The one definition of that syntax in Hotline: the routing engine matches
 * dialled numbers with it and the configuration loader checks configured patterns with it.
 *
 * <p>Syntax: a leading {@code _}, then one or more of
 * <ul>
 *   <li>a digit, matching itself;</li>
 *   <li>{@code X} (any digit 0-9), {@code Z} (1-9), {@code N} (2-9), in either case;</li>
 *   <li>a set of digits and digit ranges, {@code [135]} or {@code [1-5]} or {@code [0-37-9]};</li>
 * </ul>
 * and optionally, at the very end, {@code .} (one or more further characters) or {@code !} (zero or more).
 *
 * <p>Immutable; equal when written the same way.
 */
public final class DialPattern {

    private enum Tail { NONE, ONE_OR_MORE, ZERO_OR_MORE }

    private static final short ANY_DIGIT = digits('0', '9');

    private final String text;
    /** Per position: a bit mask of the digits allowed there (bit d for digit d). */
    private final short[] allowed;
    private final Tail tail;

    private DialPattern(String text, short[] allowed, Tail tail) {
        this.text = text;
        this.allowed = allowed;
        this.tail = tail;
    }

    /**
     * Parses {@code pattern}.
     *
     * @throws IllegalArgumentException naming the pattern, what is wrong and at which position (1 is the {@code _}),
     *                                  e.g. {@code pattern '_4008Q' has 'Q' at position 6 (allowed: digits, X, Z, N,
     *                                  [sets], and a final . or !)}
     */
    public static DialPattern parse(String pattern) {
        if (!pattern.startsWith("_")) {
            throw problem("pattern '" + pattern + "' must start with '_' (Asterisk pattern syntax, e.g. _400800XXXX)");
        }
        if (pattern.length() == 1) {
            throw problem("pattern '_' is empty: write digits, X, Z, N, [sets] after '_'");
        }
        int n = pattern.length();
        short[] allowed = new short[n];
        int count = 0;
        Tail tail = Tail.NONE;
        for (int i = 1; i < n; i++) {
            char c = pattern.charAt(i);
            int position = i + 1;
            if (c == '.' || c == '!') {
                if (i != n - 1) {
                    throw problem("pattern '" + pattern + "' has '" + c + "' at position " + position
                            + ": '.' and '!' may only end a pattern");
                }
                tail = c == '.' ? Tail.ONE_OR_MORE : Tail.ZERO_OR_MORE;
            } else if (c == '[') {
                int close = pattern.indexOf(']', i);
                if (close < 0) {
                    throw problem("pattern '" + pattern + "' has a '[' at position " + position
                            + " that is never closed");
                }
                allowed[count++] = set(pattern, pattern.substring(i + 1, close), position);
                i = close;
            } else {
                short mask = switch (c) {
                    case 'X', 'x' -> ANY_DIGIT;
                    case 'Z', 'z' -> digits('1', '9');
                    case 'N', 'n' -> digits('2', '9');
                    default -> isDigit(c) ? digits(c, c) : 0;
                };
                if (mask == 0) {
                    throw problem("pattern '" + pattern + "' has " + shown(pattern.codePointAt(i)) + " at position "
                            + position + " (allowed: digits, X, Z, N, [sets], and a final . or !)");
                }
                allowed[count++] = mask;
            }
        }
        return new DialPattern(pattern, Arrays.copyOf(allowed, count), tail);
    }

    /** A character as a message names it: quoted, or as U+XXXX when it cannot be seen (a zero-width space). */
    private static String shown(int codePoint) {
        int type = Character.getType(codePoint);
        boolean invisible = Character.isISOControl(codePoint) || type == Character.FORMAT
                || type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR || type == Character.SURROGATE
                || type == Character.UNASSIGNED || type == Character.PRIVATE_USE;
        return invisible ? String.format("U+%04X", codePoint) : "'" + Character.toString(codePoint) + "'";
    }

    /** Whether the dialled {@code number} matches: allocation-free, one step per pattern position. */
    public boolean matches(String number) {
        int n = allowed.length;
        if (number.length() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char c = number.charAt(i);
            if (!isDigit(c) || (allowed[i] & (1 << (c - '0'))) == 0) {
                return false;
            }
        }
        int rest = number.length() - n;
        return switch (tail) {
            case NONE -> rest == 0;
            case ONE_OR_MORE -> rest >= 1;
            case ZERO_OR_MORE -> true;
        };
    }

    /**
     * Whether every number {@code other} matches, this pattern matches too: listed before it, this one leaves it
     * nothing. Exact for these patterns (a digit set per position, then nothing, one or more, or any).
     */
    public boolean covers(DialPattern other) {
        int n = allowed.length;
        int m = other.allowed.length;
        if (n > m) {
            // other's numbers can be shorter, or end in anything where this one asks for digits
            return false;
        }
        for (int i = 0; i < n; i++) {
            if ((other.allowed[i] & ~allowed[i]) != 0) {
                return false;
            }
        }
        int shortest = switch (other.tail) {
            case NONE, ZERO_OR_MORE -> m;
            case ONE_OR_MORE -> m + 1;
        };
        return switch (tail) {
            case NONE -> other.tail == Tail.NONE && m == n;
            case ONE_OR_MORE -> shortest >= n + 1;
            case ZERO_OR_MORE -> true;
        };
    }

    /** The pattern as written. */
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DialPattern other && text.equals(other.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    /** The digits of a set {@code [body]} that starts at {@code position}. */
    private static short set(String pattern, String body, int position) {
        if (body.isEmpty()) {
            throw problem("pattern '" + pattern + "' has an empty set [] at position " + position);
        }
        short mask = 0;
        for (int j = 0; j < body.length(); j++) {
            char c = body.charAt(j);
            if (c == '-' && j > 0 && j < body.length() - 1) {
                char from = body.charAt(j - 1);
                char to = body.charAt(j + 1);
                if (from > to) {
                    throw problem("pattern '" + pattern + "' has the backward range " + from + "-" + to
                            + " in the set at position " + position);
                }
                if (isDigit(from) && isDigit(to)) {
                    mask |= digits(from, to);
                }
            } else if (isDigit(c)) {
                mask |= digits(c, c);
            } else {
                throw problem("pattern '" + pattern + "' has " + shown(body.codePointAt(j)) + " in the set at "
                        + "position " + position + " (a set holds digits and ranges like [1-5])");
            }
        }
        return mask;
    }

    private static short digits(char from, char to) {
        short mask = 0;
        for (char c = from; c <= to; c++) {
            mask |= (short) (1 << (c - '0'));
        }
        return mask;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static IllegalArgumentException problem(String message) {
        return new IllegalArgumentException(message);
    }
}
