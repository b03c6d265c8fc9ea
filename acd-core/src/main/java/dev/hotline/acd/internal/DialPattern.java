package dev.hotline.acd.internal;

/**
 * An Asterisk extension pattern compiled once: {@code _} then per character {@code X} (0-9), {@code Z} (1-9),
 * {@code N} (2-9), a set {@code [1-5]} / {@code [135]}, or a literal; optionally a trailing {@code .} (one or more
 * further characters) or {@code !} (zero or more). Letters X, Z, N are accepted in either case, as Asterisk does.
 */
final class DialPattern {

    private enum Tail { NONE, ONE_OR_MORE, ZERO_OR_MORE }

    private final String text;
    /** Per position: a bit mask of allowed digits, or 0 for a literal. */
    private final short[] digitMask;
    private final char[] literal;
    private final Tail tail;

    private DialPattern(String text, short[] digitMask, char[] literal, Tail tail) {
        this.text = text;
        this.digitMask = digitMask;
        this.literal = literal;
        this.tail = tail;
    }

    /** Compiles {@code pattern}; throws {@link IllegalArgumentException} naming the pattern and the problem. */
    static DialPattern compile(String pattern) {
        if (!pattern.startsWith("_")) {
            throw new IllegalArgumentException("number pattern " + pattern + " must start with _");
        }
        int n = pattern.length();
        short[] masks = new short[n];
        char[] literals = new char[n];
        int count = 0;
        Tail tail = Tail.NONE;
        int i = 1;
        while (i < n) {
            char ch = pattern.charAt(i);
            if (ch == '.' || ch == '!') {
                if (i != n - 1) {
                    throw new IllegalArgumentException("number pattern " + pattern + ": '" + ch
                            + "' is only allowed at the end");
                }
                tail = ch == '.' ? Tail.ONE_OR_MORE : Tail.ZERO_OR_MORE;
                i++;
                continue;
            }
            short mask = 0;
            switch (Character.toUpperCase(ch)) {
                case 'X' -> mask = digits('0', '9');
                case 'Z' -> mask = digits('1', '9');
                case 'N' -> mask = digits('2', '9');
                case '[' -> {
                    int close = pattern.indexOf(']', i);
                    if (close < 0) {
                        throw new IllegalArgumentException("number pattern " + pattern + ": '[' without ']'");
                    }
                    mask = set(pattern, pattern.substring(i + 1, close));
                    i = close;
                }
                default -> literals[count] = ch;
            }
            masks[count] = mask;
            count++;
            i++;
        }
        return new DialPattern(pattern, java.util.Arrays.copyOf(masks, count), java.util.Arrays.copyOf(literals, count),
                tail);
    }

    boolean matches(String number) {
        int n = digitMask.length;
        if (number.length() < n) {
            return false;
        }
        for (int i = 0; i < n; i++) {
            char ch = number.charAt(i);
            short mask = digitMask[i];
            if (mask == 0) {
                if (ch != literal[i]) {
                    return false;
                }
            } else if (ch < '0' || ch > '9' || (mask & (1 << (ch - '0'))) == 0) {
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

    @Override
    public String toString() {
        return text;
    }

    private static short digits(char from, char to) {
        short mask = 0;
        for (char c = from; c <= to; c++) {
            mask |= (short) (1 << (c - '0'));
        }
        return mask;
    }

    private static short set(String pattern, String body) {
        short mask = 0;
        int i = 0;
        while (i < body.length()) {
            char from = body.charAt(i);
            char to = from;
            if (i + 2 < body.length() && body.charAt(i + 1) == '-') {
                to = body.charAt(i + 2);
                i += 3;
            } else {
                i++;
            }
            if (from < '0' || from > '9' || to < '0' || to > '9' || to < from) {
                throw new IllegalArgumentException("number pattern " + pattern + ": [" + body
                        + "] must list digits or digit ranges like [1-5]");
            }
            mask |= digits(from, to);
        }
        if (mask == 0) {
            throw new IllegalArgumentException("number pattern " + pattern + ": empty set []");
        }
        return mask;
    }
}
