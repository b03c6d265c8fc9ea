package dev.hotline.bridge.session;

import java.time.Duration;
import java.util.Objects;

/**
 * How call sessions sound and where they reach back into Hotline.
 *
 * @param musicOnHoldClass the Asterisk music-on-hold class callers hear while they wait
 * @param announceEvery    how often a waiting caller hears their position and expected wait; zero for never
 * @param positionPrompt   said before the position number ("there are")
 * @param positionSuffix   said after it ("calls waiting"; empty for nothing)
 * @param nextPrompt       said instead to the caller at position 1 ("you are now first in line"), as app_queue does;
 *                         empty to say the position as for the others
 * @param holdTimePrompt   said before the expected wait in minutes ("the estimated hold time is")
 * @param minutesPrompt    said after the minutes
 * @param minutePrompt     said after the minutes instead when they are one ("minute"), as app_queue does
 * @param answeredContext  the dialplan context Dial's {@code U()} option runs on the agent's channel when the agent
 *                         answers; it calls {@code AGI(agi://<hotline>/answered?call=${ARG1})} (docs/asterisk.md)
 * @param language         the caller's language when Asterisk's channel says none
 * @param requestTimeout   how long a message or callback request may take to be filed ({@link IvrRequests}) before
 *                         the caller is told it was not taken (the caller hears silence meanwhile)
 */
public record SessionSettings(String musicOnHoldClass, Duration announceEvery, String positionPrompt,
                              String positionSuffix, String nextPrompt, String holdTimePrompt, String minutesPrompt,
                              String minutePrompt, String answeredContext, String language, Duration requestTimeout) {

    /**
     * Asterisk's own queue sounds (app_queue's: "there are 3 calls waiting", "you are now first in line"),
     * announcements every 60 s, the {@code hotline-answered} context, Mandarin, 2 s to file a request.
     */
    public static final SessionSettings DEFAULTS = new SessionSettings("default", Duration.ofSeconds(60),
            "queue-thereare", "queue-callswaiting", "queue-youarenext", "queue-holdtime", "queue-minutes",
            "queue-minute", "hotline-answered", "zh", Duration.ofSeconds(2));

    public SessionSettings {
        Objects.requireNonNull(musicOnHoldClass, "musicOnHoldClass");
        Objects.requireNonNull(announceEvery, "announceEvery");
        if (announceEvery.isNegative()) {
            throw new IllegalArgumentException("announceEvery must not be negative: " + announceEvery);
        }
        Objects.requireNonNull(positionPrompt, "positionPrompt");
        Objects.requireNonNull(positionSuffix, "positionSuffix");
        Objects.requireNonNull(nextPrompt, "nextPrompt");
        Objects.requireNonNull(holdTimePrompt, "holdTimePrompt");
        Objects.requireNonNull(minutesPrompt, "minutesPrompt");
        Objects.requireNonNull(minutePrompt, "minutePrompt");
        Objects.requireNonNull(answeredContext, "answeredContext");
        if (!answeredContext.matches("[A-Za-z0-9_-]+")) {
            throw new IllegalArgumentException("answeredContext must be letters, digits, _ and -: '"
                    + answeredContext + "'");
        }
        Objects.requireNonNull(language, "language");
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        if (requestTimeout.isNegative() || requestTimeout.isZero()) {
            throw new IllegalArgumentException("requestTimeout must be positive: " + requestTimeout);
        }
    }

    /** The same settings with announcements every {@code every} (zero for never). */
    public SessionSettings withAnnounceEvery(Duration every) {
        return new SessionSettings(musicOnHoldClass, every, positionPrompt, positionSuffix, nextPrompt, holdTimePrompt,
                minutesPrompt, minutePrompt, answeredContext, language, requestTimeout);
    }
}
