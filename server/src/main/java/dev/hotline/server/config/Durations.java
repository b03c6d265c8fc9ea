package dev.hotline.server.config;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations the way telephony admins write them: {@code 20s}, {@code 5m}, {@code 1h30m}, {@code 3d}, {@code 0s}. Units
 * are days, hours, minutes and seconds, in that order, each at most once, together at most a year ({@link #LONGEST}); a bare
 * number is refused because {@code 20} could
 * mean seconds or minutes and a wrong guess silently changes how the centre behaves.
 */
public final class Durations {
    private static final Pattern DURATION =
            Pattern.compile("(?:(\\d{1,9})d)?(?:(\\d{1,9})h)?(?:(\\d{1,9})m)?(?:(\\d{1,9})s)?");
    private static final Pattern BARE_NUMBER = Pattern.compile("\\d+");
    private static final Pattern FRACTION = Pattern.compile("\\d[.,]\\d");
    /** The form of a duration with numbers of any length, to tell "too long" from "not a duration". */
    private static final Pattern ANY_LENGTH = Pattern.compile("(?:\\d+d)?(?:\\d+h)?(?:\\d+m)?(?:\\d+s)?");

    /** The longest duration any setting takes: a leap year. */
    public static final Duration LONGEST = Duration.ofDays(366);

    private Durations() {
    }

    /**
     * Parses a duration.
     *
     * @throws IllegalArgumentException with a message fit for the admin, e.g.
     *                                  {@code '20' has no unit: write 20s, 20m or 20h}
     */
    public static Duration parse(String text) {
        String t = text.strip();
        if (BARE_NUMBER.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + t + "' has no unit: write " + t + "s, " + t + "m or " + t + "h");
        }
        if (t.startsWith("-")) {
            // -0s is no shorter than 0s: only the sign is wrong
            throw new IllegalArgumentException("'" + t + "' " + (t.matches("-[0dhms]+") ? "has a minus sign"
                    : "is negative") + ": a duration has no sign (write it as 20s, 5m, 1h30m)");
        }
        if (FRACTION.matcher(t).find()) {
            throw new IllegalArgumentException("'" + t + "' has a fraction: write whole units, e.g. 1m30s instead of "
                    + "1.5m");
        }
        Matcher m = DURATION.matcher(t);
        if (!t.isEmpty() && !m.matches() && ANY_LENGTH.matcher(t).matches()) {
            throw new IllegalArgumentException("'" + t + "' is too long: at most 9 digits a unit, and a year in all ("
                    + format(LONGEST) + ")");
        }
        if (t.isEmpty() || !m.matches()) {
            throw new IllegalArgumentException("'" + t + "' is not a duration: write it like 20s, 5m or 1h30m");
        }
        Duration d = Duration.ofDays(group(m, 1)).plusHours(group(m, 2)).plusMinutes(group(m, 3))
                .plusSeconds(group(m, 4));
        if (d.compareTo(LONGEST) > 0) {
            // beyond it, timers in nanoseconds overflow; no wait, timeout or interval of a centre is that long
            throw new IllegalArgumentException("'" + t + "' is longer than a year: at most " + format(LONGEST));
        }
        return d;
    }

    /** The shortest way {@link #parse} reads back: {@code 1h30m}, {@code 20s}, {@code 0s}. */
    public static String format(Duration d) {
        long seconds = d.toSeconds();
        if (seconds == 0) {
            return "0s";
        }
        StringBuilder s = new StringBuilder();
        if (seconds >= 3600) {
            s.append(seconds / 3600).append('h');
        }
        if (seconds % 3600 >= 60) {
            s.append(seconds % 3600 / 60).append('m');
        }
        if (seconds % 60 > 0) {
            s.append(seconds % 60).append('s');
        }
        return s.toString();
    }

    private static long group(Matcher m, int i) {
        return m.group(i) == null ? 0 : Long.parseLong(m.group(i));
    }
}
