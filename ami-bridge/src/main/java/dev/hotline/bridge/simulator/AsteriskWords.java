package dev.hotline.bridge.simulator;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an AGI command line as Asterisk's {@code parse_args} does ({@code agi-errors.txt}): words on spaces and
 * tabs, {@code "..."} groups, a backslash makes the next character literal.
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
}
