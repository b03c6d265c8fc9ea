package dev.hotline.bridge.agi.codec;

/**
 * Text received from a FastAGI peer, made fit for an error message and a log line: whoever can connect can send
 * anything, so control characters (CR, NUL, ESC...) are shown escaped and a long line is cut, never copied raw into
 * the log. Printable text, non-ASCII letters included (a caller's name), is shown as it is.
 */
public final class WireText {

    /** Enough to recognise a line; an 8 KiB line in every message would flood the log. */
    public static final int MAX_SHOWN = 160;

    private WireText() {
    }

    /** {@code text} with control characters escaped ({@code \\r}, {@code \\x00}) and cut after {@link #MAX_SHOWN}. */
    public static String visible(String text) {
        int shown = Math.min(text.length(), MAX_SHOWN);
        StringBuilder out = new StringBuilder(shown + 16);
        for (int i = 0; i < shown; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\r' -> out.append("\\r");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\x%02X", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        if (text.length() > shown) {
            out.append("... (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
