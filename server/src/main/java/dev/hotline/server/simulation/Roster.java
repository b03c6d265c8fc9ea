package dev.hotline.server.simulation;

import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Who of the configured agents is on duty when: every agent throughout the run ({@link #EVERYONE}), or named shifts
 * worked every day of the run ({@link Shifts}). An agent logs in and is ready as their duty begins and logs out as it
 * ends; one who is on a call then finishes it and its wrap-up first, as an agent does at the end of a shift.
 */
public sealed interface Roster {

    /** Every configured agent on duty from the start of the run to its end: a traffic file without shifts. */
    Roster EVERYONE = new Everyone();

    /** Whether {@code agentId} is on duty at the wall-clock time {@code time}. */
    boolean onDuty(String agentId, LocalTime time);

    /** Whether {@code agentId} is on duty at {@code atMillis} (epoch milliseconds), read on the wall clock of {@code zone}. */
    default boolean onDuty(String agentId, long atMillis, ZoneId zone) {
        return onDuty(agentId, WallClock.timeOfDay(atMillis, zone));
    }

    /**
     * The first instant after {@code atMillis} (epoch milliseconds) at which the agent's duty begins or ends on the
     * wall clock of {@code zone}, or {@link Long#MAX_VALUE} when it never changes.
     */
    long nextChange(String agentId, long atMillis, ZoneId zone);

    /** Every agent on duty all the time. */
    record Everyone() implements Roster {
        @Override
        public boolean onDuty(String agentId, LocalTime time) {
            return true;
        }

        @Override
        public long nextChange(String agentId, long atMillis, ZoneId zone) {
            return Long.MAX_VALUE;
        }
    }

    /**
     * A shift: the agents who log in at {@code from} and out at {@code to} (wall-clock times in the centre's zone),
     * every day. A {@code to} earlier than {@code from} ends the next day (22:00 to 06:00); {@code to} equal to
     * {@code from} is a shift round the clock (written 00:00 to 24:00).
     *
     * @param name   the shift's name in the traffic file, for messages
     * @param agents the agents' ids; at least one, each once
     */
    record Shift(String name, LocalTime from, LocalTime to, List<String> agents) {
        public Shift {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
            agents = List.copyOf(agents);
            if (agents.isEmpty()) {
                throw new IllegalArgumentException("shift " + name + " has no agents");
            }
            if (new LinkedHashSet<>(agents).size() != agents.size()) {
                throw new IllegalArgumentException("shift " + name + " lists an agent twice: " + agents);
            }
            if (from.getSecond() != 0 || from.getNano() != 0 || to.getSecond() != 0 || to.getNano() != 0) {
                throw new IllegalArgumentException("shift " + name + " must begin and end on a minute: " + from + " to "
                        + to);
            }
        }

        /** Whether the shift covers the minute of the day {@code minute} (0 = 00:00). */
        boolean covers(int minute) {
            int begin = minuteOf(from);
            int end = minuteOf(to);
            if (begin == end) {
                return true;
            }
            return begin < end ? minute >= begin && minute < end : minute >= begin || minute < end;
        }
    }

    /**
     * Named shifts. An agent on duty in any shift that lists them is logged in (two shifts that overlap, or one
     * that ends as the next begins, make one spell of duty); an agent listed in no shift stays logged out.
     */
    final class Shifts implements Roster {
        private final List<Shift> shifts;
        /** Each listed agent's duty; agents who work the same shifts share one. */
        private final Map<String, Duty> duties;

        public Shifts(List<Shift> shifts) {
            this.shifts = List.copyOf(shifts);
            if (this.shifts.isEmpty()) {
                throw new IllegalArgumentException("a roster of shifts needs at least one shift");
            }
            this.duties = duties(this.shifts);
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
        public boolean onDuty(String agentId, LocalTime time) {
            Duty duty = duties.get(agentId);
            return duty != null && duty.at(time);
        }

        /**
         * As the wall clock reads at {@code atMillis}, each time of day taken the first time the clock shows it: in
         * the hour the clocks go back, the duty stays as it was when they went back.
         */
        @Override
        public boolean onDuty(String agentId, long atMillis, ZoneId zone) {
            return onDuty(agentId, WallClock.timeOfDay(WallClock.firstPass(atMillis, zone), zone));
        }

        @Override
        public long nextChange(String agentId, long atMillis, ZoneId zone) {
            Duty duty = duties.get(agentId);
            if (duty == null || duty.from.size() < 2) {
                return Long.MAX_VALUE;
            }
            boolean now = onDuty(agentId, atMillis, zone);
            long t = atMillis;
            // a change is at most a day away, give or take the clocks' changes: each is a boundary of its own
            for (int i = 0; i < 4 * duty.from.size() + 8; i++) {
                t = WallClock.nextBoundary(duty.from.navigableKeySet(), t, zone);
                if (onDuty(agentId, t, zone) != now) {
                    return t;
                }
            }
            throw new IllegalStateException("agent " + agentId + "'s duty " + duty.from + " never changes after "
                    + atMillis);
        }

        private static Map<String, Duty> duties(List<Shift> shifts) {
            Map<String, List<Shift>> byAgent = new HashMap<>();
            for (Shift s : shifts) {
                for (String agent : s.agents()) {
                    byAgent.computeIfAbsent(agent, a -> new ArrayList<>()).add(s);
                }
            }
            // agents who work the same shifts share their duty
            Map<List<Shift>, Duty> made = new HashMap<>();
            Map<String, Duty> duties = new HashMap<>();
            byAgent.forEach((agent, worked) -> duties.put(agent, made.computeIfAbsent(worked, Duty::of)));
            return duties;
        }

        @Override
        public String toString() {
            return "Shifts" + shifts;
        }
    }

    /**
     * One agent's duty over the day: on or off from each listed time until the next, the last one running on past
     * midnight until the first of the next day (as a rate curve reads). One entry: the same all day.
     *
     * @param from on duty (true) or not from each time of day; the first at 00:00
     */
    record Duty(NavigableMap<LocalTime, Boolean> from) {
        public Duty {
            from = Collections.unmodifiableNavigableMap(new TreeMap<>(from));
        }

        /** The duty the {@code shifts} make together. */
        static Duty of(List<Shift> shifts) {
            NavigableMap<LocalTime, Boolean> from = new TreeMap<>();
            boolean previous = false;
            for (int minute = 0; minute < MINUTES_A_DAY; minute++) {
                boolean on = false;
                for (Shift s : shifts) {
                    on |= s.covers(minute);
                }
                if (minute == 0 || on != previous) {
                    from.put(LocalTime.ofSecondOfDay(minute * 60L), on);
                }
                previous = on;
            }
            // on (or off) across midnight: no change at 00:00 when the day ends as it begins
            if (from.size() > 1 && from.firstEntry().getValue() == previous) {
                from.remove(LocalTime.MIDNIGHT);
            }
            return new Duty(from);
        }

        boolean at(LocalTime time) {
            Map.Entry<LocalTime, Boolean> e = from.floorEntry(time);
            return (e != null ? e : from.lastEntry()).getValue();
        }
    }

    /** Minutes in a day on the wall clock. */
    int MINUTES_A_DAY = 24 * 60;

    private static int minuteOf(LocalTime time) {
        return time.getHour() * 60 + time.getMinute();
    }
}
