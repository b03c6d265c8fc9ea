package dev.hotline.server.config;

import dev.hotline.server.config.internal.HoursReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Objects;

/**
 * The moment a configuration's dates are judged against: a blacklist entry that has expired, a holiday calendar that
 * has run out. Now for a server loading its files; a day to come for an admin who checks before the new year what
 * will have run out by then ({@code hotline validate --as-of 2027-01-01}).
 */
public sealed interface AsOf {

    /** The moment in {@code zone}: the zone of the centre or of the queue whose dates are judged. */
    Instant in(ZoneId zone);

    /** A moment, the same in every zone. */
    record Moment(Instant instant) implements AsOf {
        public Moment {
            Objects.requireNonNull(instant, "instant");
        }

        @Override
        public Instant in(ZoneId zone) {
            return instant;
        }
    }

    /** The start of a day, wherever the dates judged are kept. */
    record StartOf(LocalDate day) implements AsOf {
        public StartOf {
            Objects.requireNonNull(day, "day");
        }

        @Override
        public Instant in(ZoneId zone) {
            return day.atStartOfDay(zone).toInstant();
        }
    }

    static AsOf now() {
        return new Moment(Instant.now());
    }

    /**
     * A date ({@code 2027-01-01}: its start in each zone judged) or an instant with its offset
     * ({@code 2027-01-01T09:00:00+08:00}).
     *
     * @throws IllegalArgumentException naming the text and the two forms, or a year outside those calendars hold
     */
    static AsOf parse(String text) {
        try {
            AsOf asOf = text.contains("T") ? new Moment(OffsetDateTime.parse(text).toInstant())
                    : new StartOf(LocalDate.parse(text));
            int year = LocalDate.ofInstant(asOf.in(ZoneOffset.UTC), ZoneOffset.UTC).getYear();
            if (year < HoursReader.FIRST_YEAR || year > HoursReader.LAST_YEAR) {
                throw new IllegalArgumentException("'" + text + "' is not a day a centre's calendar holds (years "
                        + HoursReader.FIRST_YEAR + " to " + HoursReader.LAST_YEAR + "): check the year");
            }
            return asOf;
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is neither a date (2027-01-01) nor an instant with its "
                    + "offset (2027-01-01T09:00:00+08:00)");
        }
    }
}
