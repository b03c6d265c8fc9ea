package dev.hotline.server.config.internal;

import dev.hotline.acd.model.MatchKind;
import java.util.Optional;

/**
 * Checks configured numbers: exact numbers and prefixes are digits, patterns follow Asterisk's extension pattern
 * syntax (see {@link MatchKind#PATTERN}). Returns what is wrong, or empty when the number is sound.
 */
public final class NumberSyntax {
    private NumberSyntax() {
    }

    public static Optional<String> problem(String number, MatchKind kind) {
        return switch (kind) {
            case EXACT, PREFIX -> digitsProblem(number, kind);
            case PATTERN -> patternProblem(number);
        };
    }

    private static Optional<String> digitsProblem(String number, MatchKind kind) {
        for (int i = 0; i < number.length(); i++) {
            if (!isDigit(number.charAt(i))) {
                String what = kind == MatchKind.EXACT ? "number" : "prefix";
                String hint = number.startsWith("_") ? " (an Asterisk pattern needs match: pattern)" : "";
                return Optional.of(what + " '" + number + "' must be digits only, found '" + number.charAt(i) + "'"
                        + hint);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> patternProblem(String p) {
        if (!p.startsWith("_")) {
            return Optional.of("pattern '" + p + "' must start with '_' (Asterisk pattern syntax, e.g. _400800XXXX)");
        }
        if (p.length() == 1) {
            return Optional.of("pattern '_' is empty: write digits, X, Z, N, [sets] after '_'");
        }
        for (int i = 1; i < p.length(); i++) {
            char c = p.charAt(i);
            int position = i + 1;
            if (c == '.' || c == '!') {
                if (i != p.length() - 1) {
                    return Optional.of("pattern '" + p + "' has '" + c + "' at position " + position
                            + ": '.' and '!' may only end a pattern");
                }
            } else if (c == '[') {
                int close = p.indexOf(']', i);
                if (close < 0) {
                    return Optional.of("pattern '" + p + "' has a '[' at position " + position + " that is never closed");
                }
                Optional<String> setProblem = setProblem(p, p.substring(i + 1, close), position);
                if (setProblem.isPresent()) {
                    return setProblem;
                }
                i = close;
            } else if (!isDigit(c) && "XxZzNn".indexOf(c) < 0) {
                return Optional.of("pattern '" + p + "' has '" + c + "' at position " + position
                        + " (allowed: digits, X, Z, N, [sets], and a final . or !)");
            }
        }
        return Optional.empty();
    }

    private static Optional<String> setProblem(String p, String set, int position) {
        if (set.isEmpty()) {
            return Optional.of("pattern '" + p + "' has an empty set [] at position " + position);
        }
        for (int j = 0; j < set.length(); j++) {
            char c = set.charAt(j);
            if (c == '-' && j > 0 && j < set.length() - 1) {
                char from = set.charAt(j - 1);
                char to = set.charAt(j + 1);
                if (from > to) {
                    return Optional.of("pattern '" + p + "' has the backward range " + from + "-" + to
                            + " in the set at position " + position);
                }
            } else if (!isDigit(c)) {
                return Optional.of("pattern '" + p + "' has '" + c + "' in the set at position " + position
                        + " (a set holds digits and ranges like [1-5])");
            }
        }
        return Optional.empty();
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
