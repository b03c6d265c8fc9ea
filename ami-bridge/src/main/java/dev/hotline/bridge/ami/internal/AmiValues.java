package dev.hotline.bridge.ami.internal;

import java.util.regex.Pattern;

/**
 * Makes values safe to put in an AMI action. Asterisk-Java writes values as given, and AMI ends a header at CR or
 * LF, so a caller id like {@code "x\r\nAction: Hangup"} would add a header (or a whole action). Those characters,
 * and NUL, are removed.
 */
public final class AmiValues {

    private static final Pattern CALL_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private AmiValues() {
    }

    /** The value with CR, LF and NUL removed; null stays null. */
    public static String header(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder clean = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean bad = c == '\r' || c == '\n' || c == '\0';
            if (bad && clean == null) {
                clean = new StringBuilder(value.length()).append(value, 0, i);
            } else if (!bad && clean != null) {
                clean.append(c);
            }
        }
        return clean == null ? value : clean.toString();
    }

    /**
     * An argument of a dialplan application (ChanSpy's channel): cleaned like a header, and refused when it holds a
     * comma, which would start another application argument.
     */
    public static String applicationArgument(String what, String value) {
        String clean = header(value);
        if (clean == null || clean.isEmpty() || clean.indexOf(',') >= 0) {
            throw new IllegalArgumentException(what + " '" + clean + "' must be non-empty and hold no comma");
        }
        return clean;
    }

    /** The recording file name for a call: {@code hotline-<callId>.wav}; a call id that could leave the directory is refused. */
    public static String recordingFile(String callId) {
        if (callId == null || !CALL_ID.matcher(callId).matches()) {
            throw new IllegalArgumentException("call id '" + header(callId)
                    + "' cannot name a recording: use letters, digits, '.', '_' or '-' (at most 128)");
        }
        return "hotline-" + callId + ".wav";
    }
}
