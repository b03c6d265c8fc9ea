package dev.hotline.bridge.agi;

import java.util.ArrayList;
import java.util.List;

/**
 * How Asterisk splits one AGI command line into words: a port of parse_args() in res/res_agi.c. Spaces and tabs
 * separate words outside quotes; {@code "} toggles quoting (and starts a word after white space); a backslash makes
 * the next character literal, inside quotes or not. Used by tests to show what Asterisk would run.
 */
final class AsteriskArgumentParser {

    private AsteriskArgumentParser() {
    }

    static List<String> parse(String line) {
        List<StringBuilder> words = new ArrayList<>();
        boolean quoted = false;
        boolean escaped = false;
        boolean whitespace = true;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            boolean literal;
            switch (c) {
                case '"' -> {
                    literal = escaped;
                    if (!escaped) {
                        quoted = !quoted;
                        if (quoted && whitespace) {
                            words.add(new StringBuilder());
                            whitespace = false;
                        }
                        escaped = false;
                    }
                }
                case ' ', '\t' -> {
                    literal = quoted || escaped;
                    if (!literal) {
                        whitespace = true;
                    }
                }
                case '\\' -> {
                    literal = escaped;
                    if (!escaped) {
                        escaped = true;
                    }
                }
                default -> literal = true;
            }
            if (literal) {
                if (whitespace) {
                    words.add(new StringBuilder());
                    whitespace = false;
                }
                words.getLast().append(c);
                escaped = false;
            }
        }
        return words.stream().map(StringBuilder::toString).toList();
    }
}
