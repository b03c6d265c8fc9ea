package dev.hotline.bridge.agi;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

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
