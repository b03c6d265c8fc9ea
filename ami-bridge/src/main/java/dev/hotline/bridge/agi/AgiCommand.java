package dev.hotline.bridge.agi;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One AGI command line as sent on the wire, without its terminating LF. Build commands with {@link AgiCommands}, which
 * quotes every argument; this type only guarantees that the text is one line Asterisk reads as one command.
 *
 * @param text the command line, without CR, LF or NUL and at most {@link #MAX_BYTES} bytes in UTF-8
 */
public record AgiCommand(String text) {

    /**
     * Asterisk reads a command into a 2048-byte buffer (AGI_BUF_LEN in res_agi.c) and runs whatever fills it as a
     * command, even without an LF; the rest of a longer line would then run as a second command. So the line plus its
     * LF must fit in 2047 bytes.
     */
    public static final int MAX_BYTES = 2046;

    public AgiCommand {
        Objects.requireNonNull(text, "text");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException("AGI command contains " + describe(c) + " at index " + i
                        + ", which would end the command early: " + preview(text));
            }
        }
        int bytes = text.getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_BYTES) {
            throw new IllegalArgumentException("AGI command is " + bytes + " bytes, more than Asterisk reads as one line ("
                    + MAX_BYTES + "): " + preview(text));
        }
    }

    /** How long Asterisk takes, at most, to answer a command it runs at once (a variable, music on hold). */
    public static final Duration INSTANT_REPLY = Duration.ofSeconds(10);

    /** How long a prompt may play, at most, beside the time a command waits for keys by its own arguments. */
    public static final Duration PROMPT_REPLY = Duration.ofMinutes(10);

    /**
     * How long Asterisk may take to answer this command while the call is healthy; empty for the commands that last
     * as long as the caller or the agent wants (Dial: the whole conversation; VoiceMail; RECORD FILE and WAIT FOR
     * DIGIT without a limit). Beyond it Asterisk is stalled or the connection is cut (a peer that stopped reading
     * never sends the HANGUP line either), and the call must not hold an agent or a queue place for hours.
     */
    public Optional<Duration> replyExpectedWithin() {
        String[] words = text.split(" ");
        String first = words[0].toUpperCase(Locale.ROOT);
        String second = words.length > 1 ? words[1].toUpperCase(Locale.ROOT) : "";
        return switch (first) {
            case "EXEC" -> switch (second) {
                case "DIAL", "VOICEMAIL", "RECORD", "QUEUE", "WAIT", "WAITEXTEN", "READ" -> Optional.empty();
                case "PLAYBACK", "BACKGROUND", "SAYNUMBER", "SAYDIGITS" -> Optional.of(PROMPT_REPLY);
                default -> Optional.of(INSTANT_REPLY);
            };
            case "STREAM", "CONTROL", "SAY" -> Optional.of(PROMPT_REPLY);
            case "GET" -> switch (second) {
                case "DATA" -> Optional.of(PROMPT_REPLY.plus(keysWait(words)));
                case "OPTION" -> Optional.of(PROMPT_REPLY);
                default -> Optional.of(INSTANT_REPLY);
            };
            case "WAIT" -> millis(words, 3).filter(ms -> ms >= 0).map(ms -> PROMPT_REPLY.plusMillis(ms));
            case "RECORD" -> millis(words, 5).filter(ms -> ms >= 0).map(ms -> PROMPT_REPLY.plusMillis(ms));
            default -> Optional.of(INSTANT_REPLY);
        };
    }

    /** GET DATA file timeout maxdigits: each key may take the timeout (Asterisk's default 6 s without one). */
    private static Duration keysWait(String[] words) {
        long perKey = millis(words, 3).filter(ms -> ms > 0).orElse(6_000L);
        long keys = millis(words, 4).filter(n -> n > 0).orElse(1_024L);
        return Duration.ofMillis(perKey * Math.min(keys, 1_024L));
    }

    private static Optional<Long> millis(String[] words, int index) {
        if (words.length <= index) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(words[index].replace("\"", "")));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String describe(char c) {
        return switch (c) {
            case '\r' -> "CR";
            case '\n' -> "LF";
            default -> "NUL";
        };
    }

    private static String preview(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
        return "'" + shown.replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0") + "'";
    }

    @Override
    public String toString() {
        return text;
    }
}
