package dev.hotline.server.simulation;

import dev.hotline.server.config.internal.Fields;
import dev.hotline.server.config.internal.HoursReader;
import dev.hotline.server.config.internal.Problems;
import dev.hotline.server.config.internal.Where;
import dev.hotline.server.config.internal.YamlNode;
import dev.hotline.server.config.internal.YamlNode.Scalar;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;

/**
 * Reads a traffic file's {@code agents.shifts} ({@link TrafficFile}) into a {@link Roster}: named shifts with their
 * hours, agents, days and breaks, every problem said at its key.
 */
final class ShiftsReader {
    private static final Set<String> SHIFT = Fields.known("from", "to", "agents", "days", "breaks", "calendar");
    private static final Set<String> BREAK = Fields.known("from", "to", "reason");
    /** What shifts are written as, for messages. */
    private static final String SHIFTS = "a map of shift names to {from, to, agents}, e.g. evening: {from: 19:00, "
            + "to: 23:00, agents: [\"1001\", \"1002\"]}";

    /** The not-ready reason the engine gives an agent who let an offer ring out. */
    private static final String NO_ANSWER = dev.hotline.acd.AcdEvent.OfferFailed.RANG_OUT;
    private final Problems problems;

    ShiftsReader(Problems problems) {
        this.problems = problems;
    }

    /** The agents' shifts; every agent on duty throughout when there are none. */
    Optional<Roster> roster(Fields agents) {
        if (!agents.keys().contains("shifts")) {
            return Optional.of(Roster.EVERYONE);
        }
        Where at = agents.at("shifts");
        Optional<YamlNode> given = agents.node("shifts");
        if (given.isEmpty() || !(given.get() instanceof YamlNode.MapNode map) || map.entries().isEmpty()) {
            problems.add(at, "must be " + SHIFTS + " (leave the key out for every agent on duty throughout), got "
                    + given.map(n -> n instanceof YamlNode.MapNode ? "an empty map" : n.describe()).orElse("nothing"));
            return Optional.empty();
        }
        List<Roster.Shift> shifts = new ArrayList<>();
        boolean sound = true;
        for (YamlNode.Entry e : Fields.uniqueEntries(problems, at, map).values()) {
            Optional<Roster.Shift> shift = Fields.of(problems, at.key(e.key(), e.value().mark()), e.value(), SHIFT)
                    .flatMap(f -> shift(e.key(), f));
            shift.ifPresent(shifts::add);
            sound &= shift.isPresent();
        }
        return sound && !shifts.isEmpty() ? Optional.of(new Roster.Shifts(shifts)) : Optional.empty();
    }

    /** One shift: {from: 19:00, to: 23:00, agents: ["1001", "1002"]}; {@code to} may be 24:00. */
    private Optional<Roster.Shift> shift(String name, Fields shift) {
        Optional<LocalTime> from = shift.required("from").flatMap(n -> shiftTime(shift.at("from"), n, false));
        Optional<LocalTime> to = shift.required("to").flatMap(n -> shiftTime(shift.at("to"), n, true));
        Optional<List<String>> agents = shift.required("agents").flatMap(n -> agentIds(shift.at("agents"), n));
        Optional<Set<DayOfWeek>> days = shift.node("days").map(n -> weekDays(shift.at("days"), n))
                .orElse(shift.keys().contains("days") ? Optional.empty() : Optional.of(EnumSet.allOf(DayOfWeek.class)));
        Optional<Optional<String>> calendar = shift.keys().contains("calendar")
                ? shift.required("calendar").flatMap(n -> Fields.text(problems, shift.at("calendar"), n)).map(Optional::of)
                : Optional.of(Optional.empty());
        if (shift.keys().contains("days") && !shift.has("days")) {
            problems.add(shift.at("days"), "has no value: give days like mon-fri, [sat, sun] or daily (the default)");
        }
        boolean endOfDay = shift.node("to").map(n -> ((Scalar) n).text().strip().equals("24:00")).orElse(false);
        boolean empty = from.isPresent() && from.equals(to) && !endOfDay;
        if (empty) {
            problems.add(shift.at("to"), "is the time the shift begins: a shift from " + from.get() + " to "
                    + to.get() + " has no length (for duty round the clock write from 00:00 to 24:00)");
        }
        if (name.isBlank()) {
            problems.add(shift.where(), "a shift needs a name (the key before its {from, to, agents})");
        }
        // the breaks' own problems are said whatever else is wrong; whether they fit, when the hours are known
        Optional<List<Roster.Break>> breaks = breaks(shift, empty ? Optional.empty() : from.flatMap(f -> to.map(
                t -> new LocalTime[] {f, t})));
        if (from.isEmpty() || to.isEmpty() || agents.isEmpty() || days.isEmpty() || breaks.isEmpty() || empty
                || name.isBlank() || calendar.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Roster.Shift(name, from.get(), to.get(), agents.get(), days.get(), breaks.get(),
                calendar.get()));
    }

    /** A shift's breaks: [{from: 12:00, to: 12:30, reason: lunch}], each within its hours; none by default. */
    private Optional<List<Roster.Break>> breaks(Fields shift, Optional<LocalTime[]> hours) {
        if (!shift.keys().contains("breaks")) {
            return Optional.of(List.of());
        }
        Optional<YamlNode> given = shift.node("breaks");
        if (given.isEmpty()) {
            problems.add(shift.at("breaks"), "has no value: give breaks like [{from: 12:00, to: 12:30, reason: "
                    + "lunch}], or leave the key out");
            return Optional.empty();
        }
        List<Roster.Break> breaks = new ArrayList<>();
        boolean sound = true;
        for (Fields.Item item : Fields.items(problems, shift.at("breaks"), given.get(), null)) {
            Optional<Roster.Break> b = Fields.of(problems, item.where(), item.node(), BREAK).flatMap(f -> {
                Optional<LocalTime> from = f.required("from").flatMap(n -> shiftTime(f.at("from"), n, false));
                Optional<LocalTime> to = f.required("to").flatMap(n -> shiftTime(f.at("to"), n, true));
                Optional<String> reason = f.keys().contains("reason") ? f.required("reason")
                        .flatMap(n -> reason(f.at("reason"), n)) : Optional.of("break");
                if (from.isEmpty() || to.isEmpty() || reason.isEmpty()) {
                    return Optional.empty();
                }
                if (from.equals(to)) {
                    problems.add(f.at("to"), "is the time the break begins: a break from " + from.get() + " to "
                            + to.get() + " has no length");
                    return Optional.empty();
                }
                Roster.Break made = new Roster.Break(from.get(), to.get(), reason.get());
                if (hours.isPresent() && !Roster.Shift.within(hours.get()[0], hours.get()[1], made)) {
                    problems.add(item.where(), "the break " + from.get() + " to " + to.get() + " is not within the "
                            + "shift's hours, " + hours.get()[0] + " to " + (hours.get()[1].equals(LocalTime.MIDNIGHT)
                            ? "24:00" : hours.get()[1]));
                    return Optional.empty();
                }
                return Optional.of(made);
            });
            if (b.isPresent() && hours.isPresent()) {
                // two breaks that overlap are one written twice, or a typo: as opening periods, refused
                LocalTime start = hours.get()[0];
                for (Roster.Break other : breaks) {
                    if (Roster.Shift.overlap(start, b.get(), other)) {
                        problems.add(item.where(), "the break " + b.get().from() + " to " + b.get().to()
                                + " overlaps the break " + other.from() + " to " + other.to());
                        b = Optional.empty();
                        break;
                    }
                }
            }
            b.ifPresent(breaks::add);
            sound &= b.isPresent();
        }
        return sound ? Optional.of(breaks) : Optional.empty();
    }

    /** A break's reason: a not-ready code as the server takes one, 1 to 64 printable characters. */
    private Optional<String> reason(Where at, YamlNode node) {
        Optional<String> reason = Fields.text(problems, at, node);
        if (reason.isPresent() && (reason.get().length() > 64
                || reason.get().chars().anyMatch(c -> c < 0x20 || c == 0x7f))) {
            problems.add(at, "must be a not-ready reason code of 1 to 64 printable characters (as agents give "
                    + "them), got " + node.describe());
            return Optional.empty();
        }
        if (reason.isPresent() && reason.get().equals(NO_ANSWER)) {
            problems.add(at, "'" + NO_ANSWER + "' is the engine's reason for an agent who let an offer ring out: a "
                    + "break under it could not be told from those in the figures");
            return Optional.empty();
        }
        return reason;
    }

    /** The days a shift begins on: {@code mon-fri}, {@code [mon-fri, sun]}, {@code daily}, as queues' weekly hours. */
    private Optional<Set<DayOfWeek>> weekDays(Where at, YamlNode node) {
        if (node instanceof YamlNode.MapNode) {
            problems.add(at, "must be a day, a range or a list of them (mon-fri, [sat, sun], daily), got a map");
            return Optional.empty();
        }
        List<Fields.Item> items = node instanceof YamlNode.ListNode ? Fields.items(problems, at, node, null)
                : List.of(new Fields.Item(node, at));
        if (items.isEmpty()) {
            problems.add(at, "must name at least one day, like mon-fri, [sat, sun] or daily, got an empty list");
            return Optional.empty();
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        Map<DayOfWeek, String> givenBy = new HashMap<>();
        boolean sound = true;
        for (Fields.Item item : items) {
            Optional<String> text = Fields.text(problems, item.where(), item.node());
            Optional<List<DayOfWeek>> named = text.flatMap(t -> HoursReader.days(t, item.where(), problems));
            if (named.isPresent()) {
                Optional<Map.Entry<DayOfWeek, String>> clash = HoursReader.claim(named.get(), text.get(), givenBy);
                if (clash.isPresent()) {
                    problems.add(item.where(), HoursReader.dayKey(clash.get().getKey()) + " is already given by '"
                            + clash.get().getValue() + "'");
                    sound = false;
                }
                days.addAll(named.get());
            }
            sound &= named.isPresent();
        }
        return sound ? Optional.of(days) : Optional.empty();
    }

    /** A shift's time of day, HH:MM; 24:00 (read as midnight) only where the shift ends. */
    private Optional<LocalTime> shiftTime(Where at, YamlNode node, boolean end) {
        String text = node instanceof Scalar s && !s.isNull() ? s.text().strip() : "";
        if (end && text.equals("24:00")) {
            return Optional.of(LocalTime.MIDNIGHT);
        }
        Matcher time = TrafficFile.TIME_OF_DAY.matcher(text);
        if (!time.matches()) {
            problems.add(at, "must be a time of day HH:MM from 00:00 to 23:59" + (end ? ", or 24:00" : "")
                    + " (wall-clock time in centre.yaml's zone), got " + node.describe());
            return Optional.empty();
        }
        return Optional.of(LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2))));
    }

    /** A shift's agents: a list of agents.yaml's ids, at least one, each once. */
    private Optional<List<String>> agentIds(Where at, YamlNode node) {
        if (!(node instanceof YamlNode.ListNode list) || list.items().isEmpty()) {
            problems.add(at, "must list the ids of the agents who work the shift, e.g. [\"1001\", \"1002\"], got "
                    + (node instanceof YamlNode.ListNode ? "an empty list" : node.describe()));
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        boolean sound = true;
        for (Fields.Item item : Fields.items(problems, at, node, null)) {
            Optional<String> id = Fields.text(problems, item.where(), item.node());
            if (id.isEmpty()) {
                sound = false;
            } else if (seen.putIfAbsent(id.get(), item.node().mark().line()) != null) {
                problems.add(item.where(), "agent " + id.get() + " is listed twice in this shift (line "
                        + seen.get(id.get()) + ")");
                sound = false;
            } else {
                ids.add(id.get());
            }
        }
        return sound ? Optional.of(ids) : Optional.empty();
    }
}
