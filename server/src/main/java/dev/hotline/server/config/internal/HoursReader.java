package dev.hotline.server.config.internal;

import dev.hotline.acd.model.OpeningHours;
import dev.hotline.acd.model.OpeningHours.Holiday;
import dev.hotline.acd.model.OpeningHours.MakeUpDay;
import dev.hotline.acd.model.OpeningHours.Period;
import dev.hotline.server.config.internal.Fields.Item;
import dev.hotline.server.config.internal.YamlNode.Entry;
import dev.hotline.server.config.internal.YamlNode.ListNode;
import dev.hotline.server.config.internal.YamlNode.MapNode;
import dev.hotline.server.config.internal.YamlNode.Scalar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a queue's opening hours: a zone, weekly open periods ({@code mon-fri: [08:00-12:00, 13:00-18:00]},
 * {@code daily: 08:00-24:00}), holidays (a {@code date}, or a {@code from}/{@code to} range for a holiday week) and
 * make-up working days ({@code {date: 2026-01-04, as: mon}}: a weekend day worked with a weekday's hours).
 */
public final class HoursReader {
    private static final Set<String> KEYS = Fields.known("zone", "weekly", "holidays", "makeUpDays");
    private static final Set<String> HOLIDAY_KEYS = Fields.known("date", "from", "to", "name");
    private static final Set<String> MAKE_UP_DAY_KEYS = Fields.known("date", "as", "name");
    private static final List<String> DAYS = List.of("mon", "tue", "wed", "thu", "fri", "sat", "sun");
    private static final Pattern PERIOD = Pattern.compile("(\\d{1,2}:\\d{2})\\s*-\\s*(\\d{1,2}:\\d{2})");
    private static final Pattern TIME = Pattern.compile("([01]\\d|2[0-3]):([0-5]\\d)|24:00");
    private static final int LONGEST_HOLIDAY_DAYS = 31;
    /** Holidays, make-up days and expiries outside these years are typos (1900 for 2019, 0000, 9999, +10000). */
    public static final int FIRST_YEAR = 2000;
    public static final int LAST_YEAR = 2199;

    private HoursReader() {
    }

    static Optional<OpeningHours> read(Where at, YamlNode node, ZoneId centreZone, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), at, node, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<ZoneId> zone = f.has("zone")
                ? f.text("zone").flatMap(z -> CentreFileReader.zone(z, f.at("zone"), ctx))
                : Optional.of(centreZone);
        // every day commented out: "no value" would open the queue round the clock
        Optional<Map<DayOfWeek, List<Period>>> weekly = !f.valueGiven("weekly", "list the opening periods by day "
                + "(mon-fri: 09:00-18:00), write weekly: {} for never open, or remove the key for open around the clock")
                ? Optional.empty()
                : f.node("weekly").map(n -> weekly(f.at("weekly"), n, ctx))
                        .orElse(Optional.of(OpeningHours.always(centreZone).weekly()));
        Map<LocalDate, Where> holidayAt = new java.util.HashMap<>();
        // every entry commented out: "no value" would open the queue on every public holiday without a word
        boolean holidaysSaid = f.valueGiven("holidays", "list the days the queue is closed ({date: 2026-10-01, name: "
                + "National Day} or {from: 2026-10-01, to: 2026-10-07, name: National Day}), write holidays: [] for "
                + "none, or remove the key");
        boolean makeUpDaysSaid = f.valueGiven("makeUpDays", "list the weekend days worked as weekdays ({date: "
                + "2026-10-10, name: National Day make-up day}), write makeUpDays: [] for none, or remove the key");
        Optional<List<Holiday>> holidays = holidaysSaid ? holidays(f.list("holidays", null), holidayAt, ctx)
                : Optional.empty();
        Optional<List<MakeUpDay>> makeUpDays = makeUpDaysSaid
                ? makeUpDays(f.list("makeUpDays", null), holidayAt, weekly, ctx) : Optional.empty();
        if (zone.isEmpty() || weekly.isEmpty() || holidays.isEmpty() || makeUpDays.isEmpty()) {
            return Optional.empty();
        }
        allPast(holidays.get(), zone.get(), ctx).ifPresent(last -> ctx.warnings().add(f.at("holidays"),
                "every holiday listed is past (the last: " + last.date() + (last.name().isEmpty() ? ""
                        : ", " + last.name()) + "): the queue keeps its weekly hours on the coming public holidays; "
                        + "list them"));
        return Optional.of(new OpeningHours(zone.get(), weekly.get(), holidays.get(), makeUpDays.get()));
    }

    /**
     * The last of {@code holidays} when every one is before today in {@code zone}: a calendar nobody brought up to
     * date for the new year, which an admin most likely does not mean. Empty when none are listed or one is to come.
     */
    private static Optional<Holiday> allPast(List<Holiday> holidays, ZoneId zone, LoadContext ctx) {
        LocalDate today = LocalDate.ofInstant(ctx.asOf().in(zone), zone);
        return holidays.stream().max(Comparator.comparing(Holiday::date))
                .filter(last -> last.date().isBefore(today));
    }

    /**
     * Make-up working days: one date each, not a holiday, not listed twice; one most likely written wrong (see
     * {@link #mostLikelyWrong}) is warned about.
     */
    private static Optional<List<MakeUpDay>> makeUpDays(List<Item> items, Map<LocalDate, Where> holidayAt,
                                                        Optional<Map<DayOfWeek, List<Period>>> weekly,
                                                        LoadContext ctx) {
        List<MakeUpDay> days = new ArrayList<>();
        Map<LocalDate, Where> seen = new java.util.HashMap<>();
        boolean sound = true;
        // hours the same every day (round the clock, daily, never open): no make-up day changes anything, which is
        // said once, not once a day; never open is said by the queue's own warning
        Optional<List<Period>> everyDay = weekly.flatMap(HoursReader::sameEveryDay);
        for (Item item : items) {
            Optional<MakeUpDay> day = makeUpDay(item, ctx);
            if (day.isEmpty()) {
                sound = false;
                continue;
            }
            LocalDate date = day.get().date();
            Where first = seen.putIfAbsent(date, item.where());
            Where holiday = holidayAt.get(date);
            if (first != null) {
                ctx.problems().add(item.where(), "duplicate make-up day " + date + " (first at line "
                        + first.mark().line() + ")");
                sound = false;
            } else if (holiday != null) {
                ctx.problems().add(item.where(), date + " is a holiday (line " + holiday.mark().line()
                        + ") and a make-up working day: a day is one or the other");
                sound = false;
            } else {
                days.add(day.get());
                if (everyDay.isEmpty()) {
                    weekly.flatMap(w -> mostLikelyWrong(day.get(), w)).ifPresent(why -> ctx.warnings()
                            .add(item.where(), why));
                }
            }
        }
        if (everyDay.isPresent() && !everyDay.get().isEmpty() && !days.isEmpty()) {
            ctx.warnings().add(items.getFirst().where(), (days.size() == 1 ? "the make-up day changes"
                    : "the " + days.size() + " make-up days change") + " nothing: the queue keeps the same hours "
                    + "every day of the week (" + String.join(", ", everyDay.get().stream().map(HoursReader::text)
                    .toList()) + "; check weekly)");
        }
        return sound ? Optional.of(days) : Optional.empty();
    }

    /** The periods of every day when all seven days have the same, none for a queue never open. */
    private static Optional<List<Period>> sameEveryDay(Map<DayOfWeek, List<Period>> weekly) {
        List<Period> monday = weekly.getOrDefault(DayOfWeek.MONDAY, List.of());
        for (DayOfWeek day : DayOfWeek.values()) {
            if (!weekly.getOrDefault(day, List.of()).equals(monday)) {
                return Optional.empty();
            }
        }
        return Optional.of(monday);
    }

    private static Optional<MakeUpDay> makeUpDay(Item item, LoadContext ctx) {
        Optional<NamedDay> named = namedDay(item, MAKE_UP_DAY_KEYS, ctx);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Fields f = named.get().fields();
        String name = named.get().name();
        if (!f.has("date")) {
            ctx.problems().add(f.where(), "a make-up day needs date (the day worked; as, the weekday whose hours it "
                    + "keeps, is optional: mon by default)");
            return Optional.empty();
        }
        Optional<LocalDate> date = date(f, "date", ctx);
        Optional<DayOfWeek> hoursOf = f.has("as") ? f.text("as").flatMap(t -> {
            int d = DAYS.indexOf(t);
            if (d < 0) {
                ctx.problems().add(f.at("as"), "unknown day '" + t + "' (write mon, tue, wed, thu, fri, sat or sun: "
                        + "the weekday whose hours the make-up day keeps)");
                return Optional.empty();
            }
            return Optional.of(DayOfWeek.of(d + 1));
        }) : Optional.of(DayOfWeek.MONDAY);
        if (date.isEmpty() || hoursOf.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MakeUpDay(date.get(), hoursOf.get(), name));
    }

    /**
     * Why a make-up day is most likely written wrong, if it is: it would open the queue just as its own weekday does,
     * or keep the hours of a weekday the queue is closed on, closing a day its own weekday opens.
     */
    private static Optional<String> mostLikelyWrong(MakeUpDay day, Map<DayOfWeek, List<Period>> weekly) {
        DayOfWeek own = day.date().getDayOfWeek();
        List<Period> ownHours = weekly.getOrDefault(own, List.of());
        List<Period> keptHours = weekly.getOrDefault(day.hoursOf(), List.of());
        if (keptHours.isEmpty() && !ownHours.isEmpty()) {
            return Optional.of("make-up day " + day.date() + " closes the queue all day: it is a " + name(own)
                    + " (open " + String.join(", ", ownHours.stream().map(HoursReader::text).toList()) + ") and keeps "
                    + name(day.hoursOf()) + "'s hours, and the queue is closed on " + name(day.hoursOf())
                    + "s (check its as" + (day.hoursOf() == DayOfWeek.MONDAY ? ", mon by default" : "") + ")");
        }
        if (!ownHours.equals(keptHours)) {
            return Optional.empty();
        }
        String why = own == day.hoursOf() ? "it is a " + name(own) + " and keeps " + name(own) + "'s hours"
                : "it is a " + name(own) + ", and the queue's " + name(own) + " hours are " + name(day.hoursOf())
                + "'s" + (ownHours.isEmpty() ? " (closed both days)" : "");
        return Optional.of("make-up day " + day.date() + " changes nothing: " + why + " (check its date and as)");
    }

    private static String name(DayOfWeek day) {
        return day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static Optional<Map<DayOfWeek, List<Period>>> weekly(Where at, YamlNode node, LoadContext ctx) {
        if (!(node instanceof MapNode map)) {
            ctx.problems().add(at, "expected days with open periods (e.g. mon-fri: [08:00-18:00]), got "
                    + node.describe());
            return Optional.empty();
        }
        Map<DayOfWeek, List<Period>> weekly = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, Entry> givenBy = new EnumMap<>(DayOfWeek.class);
        boolean sound = true;
        for (Entry e : Fields.uniqueEntries(ctx.problems(), at, map).values()) {
            Where keyAt = at.key(e.key(), e.keyMark());
            Optional<List<DayOfWeek>> days = days(e.key(), keyAt, ctx.problems());
            Optional<List<Period>> periods = periods(at.key(e.key(), e.value().mark()), e.value(), ctx);
            if (days.isEmpty() || periods.isEmpty()) {
                sound = false;
                continue;
            }
            Optional<Map.Entry<DayOfWeek, Entry>> clash = claim(days.get(), e, givenBy);
            if (clash.isPresent()) {
                Entry earlier = clash.get().getValue();
                ctx.problems().add(keyAt, dayKey(clash.get().getKey()) + " is already given by '" + earlier.key()
                        + "' (line " + earlier.keyMark().line() + ")");
                sound = false;
            } else {
                days.get().forEach(day -> weekly.put(day, periods.get()));
            }
        }
        return sound ? Optional.of(weekly) : Optional.empty();
    }

    /** The key a day is written as in weekly hours: mon to sun. */
    public static String dayKey(DayOfWeek day) {
        return DAYS.get(day.ordinal());
    }

    /**
     * Records {@code days} as given by {@code by} in {@code givenBy}; the first of them an earlier key gave already,
     * with that key, if any (a day given twice is a typo's sign: {@code [mon-fri, daily]}). Weekly hours, a simulated
     * shift's days and a rate by day of the week all hold each day once.
     */
    public static <T> Optional<Map.Entry<DayOfWeek, T>> claim(List<DayOfWeek> days, T by, Map<DayOfWeek, T> givenBy) {
        for (DayOfWeek day : days) {
            T earlier = givenBy.putIfAbsent(day, by);
            if (earlier != null) {
                return Optional.of(Map.entry(day, earlier));
            }
        }
        return Optional.empty();
    }

    /**
     * The days a key of weekly hours names: {@code mon}, a range {@code mon-fri}, or {@code daily}; a problem at
     * {@code at} if it names none. Also how a simulated shift's {@code days} are written.
     */
    public static Optional<List<DayOfWeek>> days(String key, Where at, Problems problems) {
        if (key.equals("daily")) {
            return Optional.of(List.of(DayOfWeek.values()));
        }
        String[] ends = key.split("-", -1);
        int from = DAYS.indexOf(ends[0]);
        int to = ends.length == 2 ? DAYS.indexOf(ends[1]) : from;
        if (ends.length > 2 || from < 0 || to < 0) {
            problems.add(at, "unknown day '" + key + "' (write mon, tue, wed, thu, fri, sat, sun, "
                    + "a range like mon-fri, or daily)");
            return Optional.empty();
        }
        if (to < from) {
            // fri-mon means the weekend around it, not mon-fri: two ranges that meet at the week's end
            String tail = ends[0].equals("sun") ? "sun" : ends[0] + "-sun";
            String head = ends[1].equals("mon") ? "mon" : "mon-" + ends[1];
            problems.add(at, "day range '" + key + "' runs past Sunday: ranges go from mon towards sun, so "
                    + "write it as two, " + tail + " and " + head);
            return Optional.empty();
        }
        List<DayOfWeek> days = new ArrayList<>();
        for (int d = from; d <= to; d++) {
            days.add(DayOfWeek.of(d + 1));
        }
        return Optional.of(days);
    }

    private static Optional<List<Period>> periods(Where at, YamlNode node, LoadContext ctx) {
        List<Item> items;
        if (node instanceof ListNode) {
            items = Fields.items(ctx.problems(), at, node, null);
        } else if (node instanceof Scalar s && !s.isNull()) {
            items = List.of(new Item(node, at));
        } else {
            ctx.problems().add(at, "expected open periods like 08:00-18:00 or [08:00-12:00, 13:00-18:00], got "
                    + node.describe());
            return Optional.empty();
        }
        List<Period> periods = new ArrayList<>();
        List<Where> wheres = new ArrayList<>();
        boolean sound = true;
        for (Item item : items) {
            Optional<Period> p = Fields.text(ctx.problems(), item.where(), item.node())
                    .flatMap(t -> period(t, item.where(), ctx));
            if (p.isEmpty()) {
                sound = false;
            } else {
                periods.add(p.get());
                wheres.add(item.where());
            }
        }
        if (!sound) {
            return Optional.empty();
        }
        // Periods of one day must not overlap: an overlap is almost always a typo in one of the times.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < periods.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(i -> periods.get(i).opens()));
        for (int k = 1; k < order.size(); k++) {
            Period before = periods.get(order.get(k - 1));
            Period after = periods.get(order.get(k));
            if (after.opens().isBefore(before.closes())) {
                ctx.problems().add(wheres.get(order.get(k)), "period " + text(after) + " overlaps " + text(before));
                sound = false;
            }
        }
        return sound ? Optional.of(periods) : Optional.empty();
    }

    private static Optional<Period> period(String text, Where at, LoadContext ctx) {
        Matcher m = PERIOD.matcher(text);
        if (!m.matches()) {
            ctx.problems().add(at, "'" + text + "' is not an open period: write HH:MM-HH:MM, e.g. 08:00-18:00");
            return Optional.empty();
        }
        Optional<LocalTime> opens = time(m.group(1), at, ctx);
        Optional<LocalTime> closes = time(m.group(2), at, ctx);
        if (opens.isEmpty() || closes.isEmpty()) {
            return Optional.empty();
        }
        if (m.group(1).equals("24:00")) {
            ctx.problems().add(at, "period " + text + " opens at 24:00, the end of the day (write 00:00)");
            return Optional.empty();
        }
        if (!closes.get().isAfter(opens.get())) {
            String how = closes.get().equals(opens.get()) ? "closes when it opens" : "closes before it opens";
            ctx.problems().add(at, "period " + text + " " + how
                    + " (a period ends the day it starts: split a night shift at 24:00)");
            return Optional.empty();
        }
        return Optional.of(new Period(opens.get(), closes.get()));
    }

    private static Optional<LocalTime> time(String text, Where at, LoadContext ctx) {
        if (!TIME.matcher(text).matches()) {
            ctx.problems().add(at, "'" + text + "' is not a time of day (write HH:MM from 00:00 to 24:00)");
            return Optional.empty();
        }
        return Optional.of(text.equals("24:00") ? LocalTime.MAX : LocalTime.parse(text));
    }

    private static String text(Period p) {
        return p.opens() + "-" + (p.closes().equals(LocalTime.MAX) ? "24:00" : p.closes().toString());
    }

    /** Holidays, each day once; {@code seen} gets where each day is listed. */
    private static Optional<List<Holiday>> holidays(List<Item> items, Map<LocalDate, Where> seen, LoadContext ctx) {
        List<Holiday> holidays = new ArrayList<>();
        boolean sound = true;
        for (Item item : items) {
            Optional<List<Holiday>> days = holiday(item, ctx);
            if (days.isEmpty()) {
                sound = false;
                continue;
            }
            // a range that overlaps an earlier one is said once, with the days it repeats
            List<LocalDate> repeated = new ArrayList<>();
            Where earlier = null;
            for (Holiday h : days.get()) {
                Where first = seen.putIfAbsent(h.date(), item.where());
                if (first == null) {
                    holidays.add(h);
                } else {
                    repeated.add(h.date());
                    earlier = earlier == null ? first : earlier;
                }
            }
            if (!repeated.isEmpty()) {
                ctx.problems().add(item.where(), repeated.size() == 1
                        ? "duplicate holiday date " + repeated.getFirst() + " (first at line " + earlier.mark().line()
                        + ")"
                        : "duplicate holiday dates " + repeated.getFirst() + " to " + repeated.getLast() + " ("
                        + repeated.size() + " days, first at line " + earlier.mark().line() + "): the holidays "
                        + "overlap");
                sound = false;
            }
        }
        return sound ? Optional.of(holidays) : Optional.empty();
    }

    /** A holiday's or make-up day's fields and its name ("" if none), if both read. */
    private record NamedDay(Fields fields, String name) {
    }

    private static Optional<NamedDay> namedDay(Item item, Set<String> keys, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), keys);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> name = f.text("name");
        if (f.has("name") && name.isEmpty()) {
            return Optional.empty();
        }
        for (String key : List.of("date", "from", "to")) {
            if (f.keys().contains(key) && !f.has(key)) {
                ctx.problems().add(f.at(key), key + " has no value: write a date like 2026-10-01");
                return Optional.empty();
            }
        }
        return Optional.of(new NamedDay(f, name.orElse("")));
    }

    private static Optional<List<Holiday>> holiday(Item item, LoadContext ctx) {
        Optional<NamedDay> named = namedDay(item, HOLIDAY_KEYS, ctx);
        if (named.isEmpty()) {
            return Optional.empty();
        }
        Fields f = named.get().fields();
        String name = named.get().name();
        if (f.has("date")) {
            if (f.has("from") || f.has("to")) {
                ctx.problems().add(f.where(), "a holiday has either date, or from and to, not both");
                return Optional.empty();
            }
            return date(f, "date", ctx).map(d -> List.of(new Holiday(d, name)));
        }
        if (!f.has("from") && !f.has("to")) {
            ctx.problems().add(f.where(), "a holiday needs date (one day), or from and to (several days)");
            return Optional.empty();
        }
        Optional<LocalDate> from = f.required("from").flatMap(n -> date(f, "from", ctx));
        Optional<LocalDate> to = f.required("to").flatMap(n -> date(f, "to", ctx));
        if (from.isEmpty() || to.isEmpty()) {
            return Optional.empty();
        }
        if (to.get().isBefore(from.get())) {
            ctx.problems().add(f.at("to"), "to " + to.get() + " is before from " + from.get());
            return Optional.empty();
        }
        if (from.get().plusDays(LONGEST_HOLIDAY_DAYS - 1).isBefore(to.get())) {   // from and to both count
            ctx.problems().add(f.at("to"), "a holiday from " + from.get() + " to " + to.get() + " is longer than "
                    + LONGEST_HOLIDAY_DAYS + " days: check the dates");
            return Optional.empty();
        }
        return Optional.of(from.get().datesUntil(to.get().plusDays(1)).map(d -> new Holiday(d, name))
                .toList());
    }

    private static Optional<LocalDate> date(Fields f, String key, LoadContext ctx) {
        return f.text(key).flatMap(t -> {
            LocalDate date;
            try {
                date = LocalDate.parse(t);
            } catch (DateTimeParseException e) {
                ctx.problems().add(f.at(key), "'" + t + "' is not a date (write YYYY-MM-DD, e.g. 2026-10-01)");
                return Optional.empty();
            }
            if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                ctx.problems().add(f.at(key), "'" + t + "' is not a date a centre's calendar holds (years "
                        + FIRST_YEAR + " to " + LAST_YEAR + "): check the year");
                return Optional.empty();
            }
            return Optional.of(date);
        });
    }
}
