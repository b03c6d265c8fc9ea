package dev.hotline.server.simulation;

import dev.hotline.acd.model.OpeningHours;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who of the configured agents is on duty when: every agent throughout the run ({@link #EVERYONE}), or named shifts
 * worked on given days of the week ({@link Shifts}). An agent logs in and is ready as their duty begins and logs out
 * as it ends; one who is on a call then finishes it and its wrap-up first, as an agent does at the end of a shift.
 */
public sealed interface Roster {

    /** Every configured agent on duty from the start of the run to its end: a traffic file without shifts. */
    Roster EVERYONE = new Everyone();

    /** Whether {@code agentId} is on duty at the wall-clock date and time {@code time}. */
    boolean onDuty(String agentId, LocalDateTime time);

    /** Whether {@code agentId} is on duty at {@code atMillis} (epoch milliseconds), on {@code zone}'s wall clock. */
    default boolean onDuty(String agentId, long atMillis, ZoneId zone) {
        return onDuty(agentId, WallClock.dateTime(atMillis, zone));
    }

    /**
     * The break {@code agentId} is on at {@code atMillis} (its reason), read on the wall clock of {@code zone}; empty
     * when working or off duty.
     */
    default Optional<String> breakAt(String agentId, long atMillis, ZoneId zone) {
        return Optional.empty();
    }

    /**
     * The first instant after {@code atMillis} (epoch milliseconds) at which the agent's duty or break begins or ends
     * on the wall clock of {@code zone}, or {@link Long#MAX_VALUE} when it never changes.
     */
    long nextChange(String agentId, long atMillis, ZoneId zone);

    /**
     * This roster with the shifts that keep a queue's calendar reading it from {@code calendars}, the configured
     * queues' hours by queue id; a roster without such shifts is returned as it is.
     *
     * @throws IllegalArgumentException when a shift keeps the calendar of a queue {@code calendars} lacks
     */
    default Roster following(Map<String, OpeningHours> calendars) {
        return this;
    }

    /** Every agent on duty all the time. */
    record Everyone() implements Roster {
        @Override
        public boolean onDuty(String agentId, LocalDateTime time) {
            return true;
        }

        @Override
        public long nextChange(String agentId, long atMillis, ZoneId zone) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * A shift: the agents who log in at {@code from} and out at {@code to} (wall-clock times in the centre's zone), on
     * each of {@code days}. A {@code to} earlier than {@code from} ends the next day (22:00 to 06:00: a shift of the
     * day it begins on); {@code to} equal to {@code from} is a shift round the clock (written 00:00 to 24:00).
     *
     * @param name   the shift's name in the traffic file, for messages
     * @param agents the agents' ids; at least one, each once
     * @param days   the days of the week the shift begins on; at least one
     * @param breaks the breaks its agents take, within its hours: NOT_READY with the break's reason
     * @param calendar the queue whose holidays and make-up days (调休) the shift keeps: not worked on its holidays,
     *                 worked on a make-up day as on the weekday whose hours the queue keeps then; empty: worked by
     *                 the day of the week alone
     */
    record Shift(String name, LocalTime from, LocalTime to, List<String> agents, Set<DayOfWeek> days,
                 List<Break> breaks, Optional<String> calendar) {

        /** A shift worked every day, without breaks. */
        public Shift(String name, LocalTime from, LocalTime to, List<String> agents) {
            this(name, from, to, agents, EnumSet.allOf(DayOfWeek.class), List.of());
        }

        /** A shift worked on {@code days} by the day of the week alone, whatever the holidays. */
        public Shift(String name, LocalTime from, LocalTime to, List<String> agents, Set<DayOfWeek> days,
                     List<Break> breaks) {
            this(name, from, to, agents, days, breaks, Optional.empty());
        }

        public Shift {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(calendar, "calendar");
            agents = List.copyOf(agents);
            days = Set.copyOf(days);
            breaks = List.copyOf(breaks);
            if (agents.isEmpty()) {
                throw new IllegalArgumentException("shift " + name + " has no agents");
            }
            if (new LinkedHashSet<>(agents).size() != agents.size()) {
                throw new IllegalArgumentException("shift " + name + " lists an agent twice: " + agents);
            }
            if (days.isEmpty()) {
                throw new IllegalArgumentException("shift " + name + " is worked on no day");
            }
            if (from.getSecond() != 0 || from.getNano() != 0 || to.getSecond() != 0 || to.getNano() != 0) {
                throw new IllegalArgumentException("shift " + name + " must begin and end on a minute: " + from + " to "
                        + to);
            }
            for (Break b : breaks) {
                if (!within(from, to, b)) {
                    throw new IllegalArgumentException("shift " + name + "'s break " + b.from() + " to " + b.to()
                            + " is not within its hours " + from + " to " + to);
                }
            }
        }

        /** Whether the break lies within the shift's hours: all its minutes after the shift's start, before its end. */
        boolean within(Break b) {
            return within(from, to, b);
        }

        /** Whether two breaks of a shift that begins at {@code from} share a minute. */
        static boolean overlap(LocalTime from, Break a, Break b) {
            int aStart = sinceStart(from, a.from());
            int bStart = sinceStart(from, b.from());
            int aEnd = aStart + Math.floorMod(minuteOf(a.to()) - minuteOf(a.from()), ShiftDuty.MINUTES_A_DAY);
            int bEnd = bStart + Math.floorMod(minuteOf(b.to()) - minuteOf(b.from()), ShiftDuty.MINUTES_A_DAY);
            return aStart < bEnd && bStart < aEnd;
        }

        /** Whether the break lies within the hours of a shift from {@code from} to {@code to}. */
        static boolean within(LocalTime from, LocalTime to, Break b) {
            int start = sinceStart(from, b.from());
            int end = start + Math.floorMod(minuteOf(b.to()) - minuteOf(b.from()), ShiftDuty.MINUTES_A_DAY);
            return end <= length(from, to) && end > start;
        }

        /** The length in minutes of a shift from {@code from} to {@code to}: a whole day round the clock. */
        private static int length(LocalTime from, LocalTime to) {
            int length = Math.floorMod(minuteOf(to) - minuteOf(from), ShiftDuty.MINUTES_A_DAY);
            return length == 0 ? ShiftDuty.MINUTES_A_DAY : length;
        }

        /** Minutes from a shift's start {@code from} to {@code time} on its clock. */
        private static int sinceStart(LocalTime from, LocalTime time) {
            return Math.floorMod(minuteOf(time) - minuteOf(from), ShiftDuty.MINUTES_A_DAY);
        }

        /** Its length in minutes: a whole day round the clock. */
        int length() {
            return length(from, to);
        }

        /** Minutes from its start to {@code time} on its clock (a time before its start is the next day's). */
        int sinceStart(LocalTime time) {
            return sinceStart(from, time);
        }

        /** A break's length in minutes. */
        static int length(Break b) {
            return Math.floorMod(minuteOf(b.to()) - minuteOf(b.from()), ShiftDuty.MINUTES_A_DAY);
        }
    }

    /**
     * A break within a shift: its agents are NOT_READY with {@code reason} from {@code from} to {@code to}
     * (wall-clock times), and ready again after it; one on a call then takes the break when the call and its wrap-up
     * are over.
     */
    record Break(LocalTime from, LocalTime to, String reason) {
        public Break {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            Objects.requireNonNull(reason, "reason");
            if (from.equals(to)) {
                throw new IllegalArgumentException("a break from " + from + " to " + to + " has no length");
            }
            if (reason.isBlank()) {
                throw new IllegalArgumentException("a break needs a reason");
            }
        }
    }

    /**
     * Named shifts. An agent on duty in any shift that lists them is logged in (two shifts that overlap, or one
     * that ends as the next begins, make one spell of duty); an agent listed in no shift stays logged out.
     */
    final class Shifts implements Roster {
        /** How many days ahead a change of a duty that keeps a calendar is looked for: over a year of holidays. */
        static final int CALENDAR_DAYS_LOOKED_AT = 400;

        private final List<Shift> shifts;
        /** Each listed agent's duty; agents who work the same shifts share one. */
        private final Map<String, ShiftDuty> duties;
        /** The hours of the queues whose calendars shifts keep, by queue id. */
        private final Map<String, OpeningHours> calendars;

        /** Shifts as written: one that keeps a queue's calendar can be read only once {@link #following} gives it. */
        public Shifts(List<Shift> shifts) {
            this(shifts, Map.of());
        }

        private Shifts(List<Shift> shifts, Map<String, OpeningHours> calendars) {
            this.shifts = List.copyOf(shifts);
            if (this.shifts.isEmpty()) {
                throw new IllegalArgumentException("a roster of shifts needs at least one shift");
            }
            this.duties = duties(this.shifts);
            this.calendars = Map.copyOf(calendars);
        }

        @Override
        public Roster following(Map<String, OpeningHours> calendars) {
            Map<String, OpeningHours> kept = new HashMap<>();
            for (Shift s : shifts) {
                s.calendar().ifPresent(queue -> {
                    if (!calendars.containsKey(queue)) {
                        throw new IllegalArgumentException("shift " + s.name() + " keeps the calendar of queue "
                                + queue + ", which the configuration does not have");
                    }
                    kept.put(queue, calendars.get(queue));
                });
            }
            return kept.isEmpty() ? this : new Shifts(shifts, kept);
        }

        /** The weekday as which {@code shift} works {@code date}: null on a holiday of the calendar it keeps. */
        private DayOfWeek workedAs(Shift shift, LocalDate date) {
            if (shift.calendar().isEmpty()) {
                return date.getDayOfWeek();
            }
            OpeningHours hours = calendars.get(shift.calendar().get());
            if (hours == null) {
                throw new IllegalStateException("shift " + shift.name() + " keeps the calendar of queue "
                        + shift.calendar().get() + ", which this roster was not given (Roster.following)");
            }
            if (hours.holiday(date).isPresent()) {
                return null;
            }
            return hours.makeUpDay(date).map(OpeningHours.MakeUpDay::hoursOf).orElse(date.getDayOfWeek());
        }

        public List<Shift> shifts() {
            return shifts;
        }

        /** The agents some shift lists, in the order first listed. */
        public List<String> agents() {
            LinkedHashSet<String> all = new LinkedHashSet<>();
            shifts.forEach(s -> all.addAll(s.agents()));
            return List.copyOf(all);
        }

        @Override
        public boolean onDuty(String agentId, LocalDateTime time) {
            return status(agentId, time) != ShiftDuty.OFF;
        }

        /**
         * As the wall clock reads at {@code atMillis}, each time of day taken the first time the clock shows it: in
         * the hour the clocks go back, the duty stays as it was when they went back.
         */
        @Override
        public boolean onDuty(String agentId, long atMillis, ZoneId zone) {
            return status(agentId, atMillis, zone) != ShiftDuty.OFF;
        }

        @Override
        public Optional<String> breakAt(String agentId, long atMillis, ZoneId zone) {
            ShiftDuty duty = duties.get(agentId);
            return duty == null ? Optional.empty() : duty.breakReason(status(agentId, atMillis, zone));
        }

        /** Off, working or a break's code ({@link ShiftDuty}), read as {@link #onDuty(String, long, ZoneId)} reads. */
        private int status(String agentId, long atMillis, ZoneId zone) {
            return status(agentId, WallClock.dateTime(WallClock.firstPass(atMillis, zone), zone));
        }

        private int status(String agentId, LocalDateTime time) {
            ShiftDuty duty = duties.get(agentId);
            return duty == null ? ShiftDuty.OFF : duty.at(time, this::workedAs);
        }

        @Override
        public long nextChange(String agentId, long atMillis, ZoneId zone) {
            ShiftDuty duty = duties.get(agentId);
            if (duty == null || duty.constant()) {
                return Long.MAX_VALUE;
            }
            int now = status(agentId, atMillis, zone);
            long t = atMillis;
            // a change is at most a week away, give or take the clocks' changes (each a boundary of its own); a
            // calendar's holidays may put it weeks away, and holidays all year round, never
            int days = duty.followsCalendar() ? CALENDAR_DAYS_LOOKED_AT : 8;
            int most = days * duty.changeTimes().size() + 16;
            for (int i = 0; i < most; i++) {
                t = WallClock.nextBoundary(duty.changeTimes(), t, zone);
                if (status(agentId, t, zone) != now) {
                    return t;
                }
            }
            if (duty.followsCalendar()) {
                return Long.MAX_VALUE;
            }
            throw new IllegalStateException("agent " + agentId + "'s duty never changes after " + atMillis);
        }

        private static Map<String, ShiftDuty> duties(List<Shift> shifts) {
            Map<String, List<Shift>> byAgent = new HashMap<>();
            for (Shift s : shifts) {
                for (String agent : s.agents()) {
                    byAgent.computeIfAbsent(agent, a -> new ArrayList<>()).add(s);
                }
            }
            // agents who work the same shifts share their duty
            Map<List<Shift>, ShiftDuty> made = new HashMap<>();
            Map<String, ShiftDuty> duties = new HashMap<>();
            byAgent.forEach((agent, worked) -> duties.put(agent, made.computeIfAbsent(worked, ShiftDuty::of)));
            return duties;
        }

        @Override
        public String toString() {
            return "Shifts" + shifts;
        }
    }

    static int minuteOf(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
