package dev.hotline.server.config;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The reason codes agents may give for a break (server.yaml's {@code agents.notReadyReasons}): the centre's own list,
 * as call centres keep one (break, lunch, training...), so that reports and wallboards group not-ready time by a
 * handful of codes rather than by whatever each desktop typed. Empty: any code of the right form.
 *
 * @param codes the codes, in the order the admin wrote them (a desktop shows them so)
 */
public record NotReadyReasons(List<String> codes) {
    /** Any code of the right form ({@link #formProblem}). */
    public static final NotReadyReasons ANY = new NotReadyReasons(List.of());

    /** Longest reason code: a word or two ("lunch", "coaching"), shown on wallboards and in reports. */
    public static final int MAX_LENGTH = 64;

    public NotReadyReasons {
        codes = List.copyOf(codes);
    }

    /** Whether any code of the right form is taken (no list). */
    public boolean any() {
        return codes.isEmpty();
    }

    /**
     * Why {@code code} (well formed) may not be given, if it may not: it is not one of the list.
     *
     * @return e.g. {@code 'lnch' is not one of the centre's not-ready reasons (server.yaml agents.notReadyReasons):
     *         break, lunch, training}
     */
    public Optional<String> refusal(String code) {
        if (any() || codes.contains(code)) {
            return Optional.empty();
        }
        return Optional.of("'" + code + "' is not one of the centre's not-ready reasons (server.yaml "
                + "agents.notReadyReasons): " + String.join(", ", codes));
    }

    /**
     * What is wrong with the form of a reason code, if anything: nothing visible, longer than {@link #MAX_LENGTH}
     * characters, or a character that would not print. White space around it is not part of it ({@link #strip}).
     */
    public static Optional<String> formProblem(String code) {
        if (blank(code)) {
            // empty, or only blank-looking characters (a Hangul filler, a blank braille cell, a lone accent)
            return Optional.of("a reason code needs 1 to " + MAX_LENGTH + " printable characters");
        }
        int characters = code.codePointCount(0, code.length());
        if (characters > MAX_LENGTH) {
            return Optional.of("the reason code is " + characters + " characters long; at most " + MAX_LENGTH);
        }
        // reports, wallboards and the journal show it: no control, format (zero-width), line-breaking, private or
        // unassigned character, nor half a surrogate pair
        if (code.codePoints().anyMatch(NotReadyReasons::unprintable)) {
            return Optional.of("the reason code has a control, invisible or broken character; it must be printable");
        }
        return Optional.empty();
    }

    /** Whether {@code code} shows nothing: empty, white space, or only blank-looking characters. */
    public static boolean blank(String code) {
        return code.codePoints().noneMatch(NotReadyReasons::visible);
    }

    /** {@code code} without the white space of every kind (a no-break space too) around it. */
    public static String strip(String code) {
        return code.replaceAll("^[\\p{Z}\\s]+|[\\p{Z}\\s]+$", "");
    }

    /** Code points that print nothing, or break a line, or mean nothing: never in a reason code. */
    private static boolean unprintable(int c) {
        int type = Character.getType(c);
        return Character.isISOControl(c) || type == Character.FORMAT || type == Character.SURROGATE
                || type == Character.PRIVATE_USE || type == Character.UNASSIGNED || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
    }

    /** Letters that look blank though Unicode does not call them space: Hangul fillers, the blank braille cell. */
    private static final Set<Integer> BLANK_LOOKING = Set.of(0x115F, 0x1160, 0x3164, 0xFFA0, 0x2800);

    /** A code point that shows something by itself: not a space, not a combining mark, not a blank look-alike. */
    private static boolean visible(int c) {
        int type = Character.getType(c);
        return !Character.isWhitespace(c) && type != Character.SPACE_SEPARATOR && type != Character.NON_SPACING_MARK
                && type != Character.ENCLOSING_MARK && type != Character.COMBINING_SPACING_MARK
                && !BLANK_LOOKING.contains(c) && !unprintable(c);
    }
}
