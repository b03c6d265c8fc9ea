package dev.hotline.bridge.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Asterisk's ways with words: splits an AGI command line as its {@code parse_args} does ({@code agi-errors.txt}):
 * words on spaces and tabs, {@code "..."} groups, a backslash makes the next character literal; and substitutes
 * {@code ${NAME}} the way the dialplan does.
 */
final class AsteriskWords {

    private AsteriskWords() {
    }

    static List<String> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(++i));
                inWord = true;
            } else if (c == '"') {
                quoted = !quoted;
                inWord = true;
            } else if ((c == ' ' || c == '\t') && !quoted) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    /**
     * Replaces each {@code ${NAME}} with {@code value.apply(NAME)} (which answers {@code ""} for an unset name, as
     * the dialplan does); an unclosed {@code ${} stays as it is.
     */
    static String substitute(String expression, UnaryOperator<String> value) {
        StringBuilder result = new StringBuilder();
        int at = 0;
        while (at < expression.length()) {
            int open = expression.indexOf("${", at);
            int close = open < 0 ? -1 : expression.indexOf('}', open);
            if (close < 0) {
                result.append(expression, at, expression.length());
                break;
            }
            result.append(expression, at, open).append(value.apply(expression.substring(open + 2, close)));
            at = close + 1;
        }
        return result.toString();
    }
}
