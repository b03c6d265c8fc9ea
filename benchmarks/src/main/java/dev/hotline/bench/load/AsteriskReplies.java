package dev.hotline.bench.load;

import java.util.Locale;

/**
 * What Asterisk 22 answers to the commands the load scripts send, as the fixtures show it (agi-session-basic,
 * agi-moh-dial-hangup): a call whose caller is on the line, typing 1234 when asked for digits.
 */
final class AsteriskReplies {

    private AsteriskReplies() {
    }

    /** The command's name: its first words, upper case, as Asterisk matches it (GET VARIABLE, STREAM FILE...). */
    static String verb(String command) {
        String upper = command.toUpperCase(Locale.ROOT);
        for (String verb : new String[] {"GET VARIABLE", "SET VARIABLE", "STREAM FILE", "GET DATA", "SET MUSIC",
                "WAIT FOR DIGIT", "SAY NUMBER", "SAY DIGITS"}) {
            if (upper.startsWith(verb + " ")) {
                return verb;
            }
        }
        int space = upper.indexOf(' ');
        return space < 0 ? upper : upper.substring(0, space);
    }

    /** The reply line(s), each ending in LF; {@code HANGUP} is followed by the unsolicited HANGUP line. */
    static String replyTo(String command) {
        return switch (verb(command)) {
            case "ANSWER" -> "200 result=0\n";
            case "GET VARIABLE" -> variable(command);
            case "SET VARIABLE", "VERBOSE", "SET MUSIC" -> "200 result=1\n";
            case "STREAM FILE" -> "200 result=0 endpos=3520\n";
            case "GET DATA" -> "200 result=1234\n";
            case "EXEC", "SAY NUMBER", "SAY DIGITS", "WAIT FOR DIGIT" -> "200 result=0\n";
            case "HANGUP" -> "200 result=1\nHANGUP\n";
            default -> "510 Invalid or unknown command\n";
        };
    }

    private static String variable(String command) {
        String name = command.substring("GET VARIABLE ".length()).replace("\"", "").trim();
        return switch (name) {
            case "CALLERID(num)" -> "200 result=1 (13800138000)\n";
            case "ACD_QUEUE" -> "200 result=1 (sales)\n";
            case "DIALSTATUS" -> "200 result=1 (ANSWER)\n";
            default -> "200 result=0\n";
        };
    }
}
