package dev.hotline.bridge.agi;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Builds the AGI commands Hotline uses, with every argument made safe for Asterisk's argument parser (parse_args in
 * res_agi.c: words split on space and tab, {@code "..."} groups, a backslash makes the next character literal).
 *
 * <p>Every argument is stripped of CR, LF and NUL, so no text can end the command line early. Free text (variable
 * values, log messages, escape digits) is always double-quoted with {@code \} and {@code "} escaped. Names (prompts,
 * application arguments, time zones) are written bare when they consist only of characters that mean nothing to the
 * parser, and quoted the same way otherwise: both forms give Asterisk the same argument, and the bare form is what
 * the captured sessions show ({@code STREAM FILE beep "0123456789*#"}).
 */
public final class AgiCommands {

    private static final Pattern SAFE_WORD = Pattern.compile("[A-Za-z0-9_.\\-/@,:*#+()=&^]+");
    private static final Pattern VARIABLE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\([A-Za-z0-9_,.\\-]*\\))?");
    private static final Pattern APPLICATION = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern DTMF = Pattern.compile("[0-9*#]*");

    private AgiCommands() {
    }

    /** {@code ANSWER}. */
    public static AgiCommand answer() {
        return new AgiCommand("ANSWER");
    }

    /** {@code HANGUP}: hangs up the caller's channel; Asterisk answers {@code 200 result=1} then sends HANGUP. */
    public static AgiCommand hangup() {
        return new AgiCommand("HANGUP");
    }

    /** {@code CHANNEL STATUS}: result 6 is "up" (answered). */
    public static AgiCommand channelStatus() {
        return new AgiCommand("CHANNEL STATUS");
    }

    /** {@code STREAM FILE <prompt> "<escape digits>"}: result 0, or the ASCII code of the digit that interrupted. */
    public static AgiCommand streamFile(String prompt, String escapeDigits) {
        return new AgiCommand("STREAM FILE " + word(prompt) + " " + quoted(dtmf("escape digits", escapeDigits)));
    }

    /** {@code GET DATA <prompt> <timeout ms> <max digits>}: result is the digits typed. */
    public static AgiCommand getData(String prompt, Duration timeout, int maxDigits) {
        if (maxDigits < 1) {
            throw new IllegalArgumentException("GET DATA max digits must be at least 1: " + maxDigits);
        }
        return new AgiCommand("GET DATA " + word(prompt) + " " + millis("GET DATA timeout", timeout) + " " + maxDigits);
    }

    /** {@code WAIT FOR DIGIT <timeout ms>}: result 0 on timeout, else the ASCII code of the digit. */
    public static AgiCommand waitForDigit(Duration timeout) {
        return new AgiCommand("WAIT FOR DIGIT " + millis("WAIT FOR DIGIT timeout", timeout));
    }

    /** {@code SAY NUMBER <number> "<escape digits>"}. */
    public static AgiCommand sayNumber(long number, String escapeDigits) {
        return new AgiCommand("SAY NUMBER " + number + " " + quoted(dtmf("escape digits", escapeDigits)));
    }

    /** {@code SAY DIGITS <digits> "<escape digits>"}; the digits must be DTMF digits (0-9, *, #). */
    public static AgiCommand sayDigits(String digits, String escapeDigits) {
        String said = dtmf("digits to say", digits);
        if (said.isEmpty()) {
            throw new IllegalArgumentException("SAY DIGITS needs at least one digit");
        }
        return new AgiCommand("SAY DIGITS " + said + " " + quoted(dtmf("escape digits", escapeDigits)));
    }

    /**
     * {@code SAY DATETIME <epoch seconds> "<escape digits>" "<format>" <zone>}; the format is Asterisk's say.conf
     * date format (for example {@code ABdY 'digits/at' IMp}).
     */
    public static AgiCommand sayDateTime(Instant time, String escapeDigits, String format, ZoneId zone) {
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(zone, "zone");
        return new AgiCommand("SAY DATETIME " + time.getEpochSecond() + " " + quoted(dtmf("escape digits", escapeDigits))
                + " " + quoted(format) + " " + word(zone.getId()));
    }

    /**
     * {@code RECORD FILE <file> <format> "<escape digits>" <max ms> BEEP}: records the caller into {@code file}
     * (without extension) until an escape digit, the maximum time or hang-up; a beep marks the start.
     */
    public static AgiCommand recordFile(String file, String format, String escapeDigits, Duration maxDuration) {
        return new AgiCommand("RECORD FILE " + word(file) + " " + word(format) + " "
                + quoted(dtmf("escape digits", escapeDigits)) + " " + millis("RECORD FILE maximum", maxDuration)
                + " BEEP");
    }

    /** {@code GET VARIABLE <name>}: {@code 200 result=0} when unset, {@code 200 result=1 (<value>)} when set. */
    public static AgiCommand getVariable(String name) {
        return new AgiCommand("GET VARIABLE " + variableName(name));
    }

    /** {@code SET VARIABLE <name> "<value>"}; the value may be any text (a caller id, digits, lookup data). */
    public static AgiCommand setVariable(String name, String value) {
        return new AgiCommand("SET VARIABLE " + variableName(name) + " " + quoted(value));
    }

    /** {@code SET MUSIC ON <class>}: music on hold for the caller until {@link #setMusicOff()} or the next prompt. */
    public static AgiCommand setMusicOn(String mohClass) {
        return new AgiCommand("SET MUSIC ON " + word(mohClass));
    }

    /** {@code SET MUSIC OFF}. */
    public static AgiCommand setMusicOff() {
        return new AgiCommand("SET MUSIC OFF");
    }

    /** {@code VERBOSE "<message>" <level>}: a line in Asterisk's verbose log, level 1 to 4. */
    public static AgiCommand verbose(String message, int level) {
        if (level < 1 || level > 4) {
            throw new IllegalArgumentException("VERBOSE level must be 1 to 4: " + level);
        }
        return new AgiCommand("VERBOSE " + quoted(message) + " " + level);
    }

    /**
     * {@code EXEC <application> <arg1,arg2,...>}, for example {@code exec("Dial", "PJSIP/1001", "20", "g")} or
     * {@code exec("StartMusicOnHold", "default")}. Asterisk hands the application one string that it splits on commas
     * itself, so an argument containing a comma is refused: it would become two application arguments.
     */
    public static AgiCommand exec(String application, String... arguments) {
        Objects.requireNonNull(application, "application");
        if (!APPLICATION.matcher(application).matches()) {
            throw new IllegalArgumentException("EXEC application name must be letters, digits and _: '" + application + "'");
        }
        StringBuilder joined = new StringBuilder();
        for (int i = 0; i < arguments.length; i++) {
            String argument = strip(Objects.requireNonNull(arguments[i], "argument"));
            if (argument.indexOf(',') >= 0) {
                throw new IllegalArgumentException("EXEC " + application + " argument " + (i + 1)
                        + " contains ',', which would split it into two application arguments: '" + argument + "'");
            }
            if (i > 0) {
                joined.append(',');
            }
            joined.append(argument);
        }
        return new AgiCommand(arguments.length == 0 ? "EXEC " + application : "EXEC " + application + " " + word(joined.toString()));
    }

    /** Free text as one argument: CR, LF and NUL removed, backslash and double quote escaped, in double quotes. */
    static String quoted(String text) {
        String stripped = strip(Objects.requireNonNull(text, "text"));
        StringBuilder out = new StringBuilder(stripped.length() + 2).append('"');
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\');
            }
            out.append(c);
        }
        return out.append('"').toString();
    }

    /** A name as one argument: bare when nothing in it means anything to the parser, quoted otherwise. */
    static String word(String text) {
        String stripped = strip(Objects.requireNonNull(text, "text"));
        return SAFE_WORD.matcher(stripped).matches() ? stripped : quoted(stripped);
    }

    private static String strip(String text) {
        if (text.indexOf('\r') < 0 && text.indexOf('\n') < 0 && text.indexOf('\0') < 0) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\r' && c != '\n' && c != '\0') {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String variableName(String name) {
        Objects.requireNonNull(name, "name");
        if (!VARIABLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("AGI variable name must be NAME or FUNCTION(args) of letters, digits, _ , . -: '"
                    + name + "'");
        }
        return name;
    }

    private static String dtmf(String what, String digits) {
        Objects.requireNonNull(digits, what);
        if (!DTMF.matcher(digits).matches()) {
            throw new IllegalArgumentException(what + " must be DTMF digits 0-9, * and #: '" + digits + "'");
        }
        return digits;
    }

    private static long millis(String what, Duration timeout) {
        Objects.requireNonNull(timeout, what);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(what + " must be positive: " + timeout);
        }
        return timeout.toMillis();
    }
}
