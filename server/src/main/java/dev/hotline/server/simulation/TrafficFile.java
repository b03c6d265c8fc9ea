package dev.hotline.server.simulation;

import dev.hotline.server.config.ConfigProblem;
import dev.hotline.server.config.Durations;
import dev.hotline.server.config.internal.Fields;
import dev.hotline.server.config.internal.HoursReader;
import dev.hotline.server.config.internal.Problems;
import dev.hotline.server.config.internal.Where;
import dev.hotline.server.config.internal.YamlNode;
import dev.hotline.server.config.internal.YamlNode.Scalar;
import dev.hotline.server.config.internal.YamlNode.ScalarType;
import dev.hotline.server.config.internal.YamlTreeReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a traffic file (YAML, described in docs/simulation.md):
 *
 * <pre>
 * start: 2026-11-20T19:30          # local time in the centre's time zone
 * duration: 2h                     # how long callers call (durations as in the configuration files)
 * agents:                          # optional; these are the defaults
 *   ringDelay: {min: 0s, max: 3s}
 *   noAnswerProbability: 0
 *   notReadyPause: 30s
 *   shifts:                        # optional: without it every agent is on duty throughout
 *     evening: {from: 19:00, to: 23:00, agents: ["1001", "1002"]}
 * businessTypes:
 *   slimming-tea:                  # a business type of the configuration
 *     callsPerHour: 600            # or erlangs: 25 (one of the two); or by time of day: {00:00: 10, 20:00: 600}
 *     number: "4008001001"         # optional: taken from the number plan
 *     handleTime: {distribution: lognormal, mean: 150s, sd: 60s}   # or exponential with a mean
 *     patience: 60s                # optional: mean of an exponential patience; omitted, callers wait forever
 *     vipShare: 0.02               # optional, 0 by default
 *     blacklistedShare: 0.01       # optional, 0 by default
 * </pre>
 *
 * <p>Read with the configuration files' rules and messages: every problem is reported at once, each with its line,
 * column and key path ({@code traffic.yaml:9:19: businessTypes.slimming-tea.callsPerHour: ...}).
 */
public final class TrafficFile {
    /** Calls in one run, of one business type and of all together: more would take hours, and is surely a typo. */
    public static final long MOST_CALLS = 100_000_000;
    private static final Set<String> TOP = Fields.known("start", "duration", "agents", "businessTypes");
    private static final Set<String> AGENTS = Fields.known("ringDelay", "noAnswerProbability", "notReadyPause",
            "shifts");
    private static final Set<String> RING_DELAY = Fields.known("min", "max");
    private static final Set<String> BUSINESS = Fields.known("callsPerHour", "erlangs", "number", "handleTime",
            "patience", "vipShare", "blacklistedShare");
    private static final Set<String> HANDLE = Fields.known("distribution", "mean", "sd");
    /** What a rate may be, for messages; {@code %s} is its unit. */
    private static final String RATE = "a number of %s of 0 or more, or a map of times of day to such numbers "
            + "({00:00: 10, 20:00: 300}: each from its time until the next)";
    /** A time of day as the traffic file writes it: 20:00, 8:00. */
    static final Pattern TIME_OF_DAY = Pattern.compile("([01]?\\d|2[0-3]):([0-5]\\d)");

    private final Path file;
    private final Problems problems = new Problems();

    private TrafficFile(Path file) {
        this.file = file;
    }

    /** Reads and checks {@code file}; every problem names the file, the line, the key and the offending value. */
    public static TrafficProfile load(Path file) throws TrafficFileException {
        return new TrafficFile(file).read();
    }

    /**
     * A problem about the key {@code path} of {@code file} ({@code businessTypes.tea.vipShare}), placed at the line
     * and column where the key is written, or where its deepest written parent is; at the file when the file can no
     * longer be read. For problems found after loading ({@link TrafficMismatch}), when the positions are gone.
     */
    public static ConfigProblem problemAt(Path file, String path, String message) {
        YamlNode.Mark at = new YamlNode.Mark(0, 0);
        try {
            at = YamlTreeReader.read(Files.readString(file)).placeOf(List.of(path.split("\\."))).orElse(at);
        } catch (IOException | YamlTreeReader.SyntaxError e) {
            // the file changed under us: the problem is still worth saying, without a place
        }
        return new ConfigProblem(file.toString(), at.line(), at.column(), path, message);
    }

    private TrafficProfile read() throws TrafficFileException {
        String text;
        try {
            text = Files.readString(file);
        } catch (NoSuchFileException e) {
            throw new TrafficFileException(file, "no such file");
        } catch (IOException e) {
            throw new TrafficFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        YamlNode root;
        try {
            root = YamlTreeReader.read(text);
        } catch (YamlTreeReader.SyntaxError e) {
            throw new TrafficFileException(file, List.of(new ConfigProblem(file.toString(), e.mark().line(),
                    e.mark().column(), "", e.getMessage())));
        }
        Optional<TrafficProfile> profile = Fields.of(problems, Where.top(file.toString(), root.mark()), root, TOP)
                .flatMap(this::profile);
        if (!problems.isEmpty() || profile.isEmpty()) {
            throw new TrafficFileException(file, problems.sorted(List.of(file.toString())));
        }
        return profile.get();
    }

    private Optional<TrafficProfile> profile(Fields top) {
        Optional<LocalDateTime> start = top.required("start").flatMap(n -> dateTime(top.at("start"), n));
        Optional<Duration> duration = top.required("duration").flatMap(n -> positive(top.at("duration"), n));
        Optional<Fields> agentKeys = top.node("agents")
                .flatMap(n -> Fields.of(problems, top.at("agents"), n, AGENTS));
        Optional<AgentBehaviour> agents = top.has("agents") ? agentKeys.flatMap(this::agents)
                : Optional.of(AgentBehaviour.DEFAULT);
        Optional<Roster> roster = top.has("agents") ? agentKeys.flatMap(new ShiftsReader(problems)::roster)
                : Optional.of(Roster.EVERYONE);
        List<BusinessTraffic> traffic = new ArrayList<>();
        Optional<YamlNode> types = top.required("businessTypes");
        if (types.isPresent()) {
            if (!(types.get() instanceof YamlNode.MapNode map) || map.entries().isEmpty()) {
                problems.add(top.at("businessTypes"), "must map at least one business type id to its traffic, got "
                        + (types.get() instanceof YamlNode.MapNode ? "an empty map" : types.get().describe()));
            } else {
                Where at = top.at("businessTypes");
                Fields.uniqueEntries(problems, at, map).values().forEach(e -> Fields.of(problems,
                        at.key(e.key(), e.value().mark()), e.value(), BUSINESS)
                        .flatMap(f -> business(e.key(), f, start, duration)).ifPresent(traffic::add));
            }
        }
        if (start.isEmpty() || duration.isEmpty() || agents.isEmpty() || roster.isEmpty() || !problems.isEmpty()) {
            return Optional.empty();
        }
        double total = traffic.stream().mapToDouble(t -> t.rate().expectedCalls(start.get(), duration.get())).sum();
        if (traffic.stream().allMatch(t -> t.rate().none())) {
            // whether a curve brings callers within the run is known with the centre's zone (CentreSimulation)
            problems.add(top.at("businessTypes"), "nobody would call: every business type's rate is 0");
            return Optional.empty();
        }
        if (total > MOST_CALLS) {
            // each type within its cap, their sum not: as many hours of simulation, and as surely a typo
            problems.add(top.at("businessTypes"), String.format(Locale.ROOT, "the business types make about %,.0f "
                    + "calls in %s together, more than the simulator takes in a run (%,d): lower their calls or the "
                    + "duration", total, Durations.format(duration.get()), MOST_CALLS));
            return Optional.empty();
        }
        try {
            return Optional.of(new TrafficProfile(start.get(), new ArrivalsEnd.After(duration.get()), agents.get(),
                    traffic, roster.get()));
        } catch (IllegalArgumentException e) {
            problems.add(top.where(), e.getMessage());
            return Optional.empty();
        }
    }

    private Optional<AgentBehaviour> agents(Fields agents) {
        AgentBehaviour d = AgentBehaviour.DEFAULT;
        Duration min = d.ringDelayMin();
        Duration max = d.ringDelayMax();
        if (agents.has("ringDelay")) {
            Optional<Fields> ring = agents.node("ringDelay")
                    .flatMap(n -> Fields.of(problems, agents.at("ringDelay"), n, RING_DELAY));
            if (ring.isEmpty()) {
                return Optional.empty();
            }
            Optional<Duration> lowest = ring.get().required("min").flatMap(n -> duration(ring.get().at("min"), n));
            Optional<Duration> highest = ring.get().required("max").flatMap(n -> duration(ring.get().at("max"), n));
            if (lowest.isEmpty() || highest.isEmpty()) {
                return Optional.empty();
            }
            min = lowest.get();
            max = highest.get();
            if (max.compareTo(min) < 0) {
                problems.add(ring.get().at("max"), Durations.format(max) + " is below min "
                        + Durations.format(min));
                return Optional.empty();
            }
        }
        Optional<Double> noAnswer = agents.has("noAnswerProbability")
                ? agents.node("noAnswerProbability").flatMap(n -> share(agents.at("noAnswerProbability"), n))
                : Optional.of(d.noAnswerProbability());
        Optional<Duration> pause = agents.has("notReadyPause")
                ? agents.node("notReadyPause").flatMap(n -> duration(agents.at("notReadyPause"), n))
                : Optional.of(d.notReadyPause());
        if (noAnswer.isEmpty() || pause.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AgentBehaviour(min, max, noAnswer.get(), pause.get()));
    }

    private Optional<BusinessTraffic> business(String id, Fields type, Optional<LocalDateTime> start,
                                               Optional<Duration> duration) {
        Optional<HandleTime> handle = type.required("handleTime")
                .flatMap(n -> Fields.of(problems, type.at("handleTime"), n, HANDLE)).flatMap(this::handleTime);
        for (String written : List.of("callsPerHour", "erlangs")) {
            if (type.keys().contains(written) && !type.has(written)) {
                problems.add(type.at(written), written + " has no value: give " + RATE.formatted(unit(written)));
                return Optional.empty();
            }
        }
        boolean rate = type.has("callsPerHour");
        boolean erlangs = type.has("erlangs");
        if (rate == erlangs) {
            problems.add(type.where(), "give exactly one of callsPerHour and erlangs");
            return Optional.empty();
        }
        String key = rate ? "callsPerHour" : "erlangs";
        YamlNode given = type.node(key).orElseThrow();
        // one number, a curve over the day: {00:00: 10, 20:00: 300, 20:15: 120}, or one per day of the week:
        // {mon-fri: {...}, sat-sun: 20}
        Optional<NavigableMap<LocalTime, Double>> amounts = Optional.empty();
        Optional<Map<DayOfWeek, NavigableMap<LocalTime, Double>>> byDay = Optional.empty();
        // keys of letters are days (mon-fri), of digits times (20:00): a wrong one is said in the terms of its kind
        boolean weekly = given instanceof YamlNode.MapNode m && !m.entries().isEmpty()
                && m.entries().getFirst().key().strip().matches("[A-Za-z]+(-[A-Za-z]+)?");
        if (weekly) {
            byDay = weekly(type.at(key), (YamlNode.MapNode) given, unit(key));
        } else if (given instanceof YamlNode.MapNode map) {
            amounts = daily(type.at(key), map);
        } else if (given instanceof Scalar s && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.DECIMAL)) {
            amounts = nonNegative(type.at(key), given).map(v -> new TreeMap<>(Map.of(LocalTime.MIDNIGHT, v)));
        } else {
            problems.add(type.at(key), "must be " + RATE.formatted(unit(key)) + ", got " + given.describe());
        }
        Optional<String> number = Optional.empty();
        if (type.has("number")) {
            YamlNode n = type.node("number").orElseThrow();
            if (n instanceof Scalar s && (s.type() == ScalarType.STRING || s.type() == ScalarType.INTEGER)
                    && !s.text().isBlank()) {
                number = Optional.of(s.text().strip());
            } else {
                problems.add(type.at("number"), "must be the dialled number's digits, got " + n.describe());
            }
        }
        Optional<Duration> patience = type.node("patience").flatMap(n -> positive(type.at("patience"), n));
        Optional<Double> vip = type.has("vipShare")
                ? type.node("vipShare").flatMap(n -> share(type.at("vipShare"), n)) : Optional.of(0.0);
        Optional<Double> black = type.has("blacklistedShare")
                ? type.node("blacklistedShare").flatMap(n -> share(type.at("blacklistedShare"), n)) : Optional.of(0.0);
        if (handle.isEmpty() || (weekly ? byDay.isEmpty() : amounts.isEmpty()) || vip.isEmpty() || black.isEmpty()) {
            return Optional.empty();
        }
        if (vip.get() + black.get() > 1.0) {
            problems.add(type.where(), "vipShare " + vip.get() + " and blacklistedShare " + black.get()
                    + " add up to more than 1");
            return Optional.empty();
        }
        double perErlang = rate ? 1.0 : 3_600_000.0 / handle.get().mean().toMillis();
        ArrivalRate arrivalRate;
        if (byDay.isPresent()) {
            Map<DayOfWeek, NavigableMap<LocalTime, Double>> perHour = new EnumMap<>(DayOfWeek.class);
            byDay.get().forEach((day, dayAmounts) -> perHour.put(day, callsPerHour(dayAmounts, perErlang)));
            arrivalRate = new ArrivalRate.Weekly(perHour);
        } else {
            NavigableMap<LocalTime, Double> perHour = callsPerHour(amounts.get(), perErlang);
            arrivalRate = given instanceof YamlNode.MapNode ? new ArrivalRate.Daily(perHour)
                    : new ArrivalRate.Constant(perHour.firstEntry().getValue());
        }
        if (start.isPresent() && duration.isPresent()) {
            double expected = arrivalRate.expectedCalls(start.get(), duration.get());
            if (expected > MOST_CALLS) {
                String rates = arrivalRate instanceof ArrivalRate.Constant c
                        ? String.format(Locale.ROOT, "%.4g calls an hour", c.callsPerHour())
                        : "the rates of " + key;
                problems.add(type.at(key), String.format(Locale.ROOT, "%s for %s make about %,.0f calls, more than "
                        + "the simulator takes of one business type in a run (%,d): lower %s or the duration", rates,
                        Durations.format(duration.get()), expected, MOST_CALLS, key));
                return Optional.empty();
            }
        }
        return Optional.of(new BusinessTraffic(id, number, arrivalRate, handle.get(), patience, vip.get(),
                black.get()));
    }

    /** Amounts (calls an hour, or Erlangs) as calls an hour: times {@code perAmount}. */
    private static NavigableMap<LocalTime, Double> callsPerHour(NavigableMap<LocalTime, Double> amounts,
                                                                double perAmount) {
        NavigableMap<LocalTime, Double> perHour = new TreeMap<>();
        amounts.forEach((time, amount) -> perHour.put(time, amount * perAmount));
        return perHour;
    }

    /**
     * A rate per day of the week: day names and ranges as queues.yaml's weekly hours ({@code mon-fri}, {@code sat},
     * {@code daily}) to a number or a curve over the day; every day once.
     */
    private Optional<Map<DayOfWeek, NavigableMap<LocalTime, Double>>> weekly(Where at, YamlNode.MapNode map,
                                                                             String unit) {
        Map<DayOfWeek, NavigableMap<LocalTime, Double>> byDay = new EnumMap<>(DayOfWeek.class);
        Map<DayOfWeek, String> givenBy = new EnumMap<>(DayOfWeek.class);
        boolean sound = true;
        boolean daysSound = true;
        for (YamlNode.Entry e : Fields.uniqueEntries(problems, at, map).values()) {
            Where keyAt = at.key(e.key(), e.keyMark());
            Optional<List<DayOfWeek>> days = HoursReader.days(e.key().strip(), keyAt, problems);
            Where valueAt = at.key(e.key(), e.value().mark());
            Optional<NavigableMap<LocalTime, Double>> rates;
            if (e.value() instanceof YamlNode.MapNode curve) {
                rates = daily(valueAt, curve);
            } else if (e.value() instanceof Scalar v && (v.type() == ScalarType.INTEGER
                    || v.type() == ScalarType.DECIMAL)) {
                rates = nonNegative(valueAt, e.value()).map(r -> new TreeMap<>(Map.of(LocalTime.MIDNIGHT, r)));
            } else {
                problems.add(valueAt, "must be " + RATE.formatted(unit) + ", got " + e.value().describe());
                rates = Optional.empty();
            }
            if (days.isEmpty()) {
                sound = false;
                daysSound = false;
                continue;
            }
            // a day given twice, and the days missing, are said whether or not the rates are sound
            Optional<Map.Entry<DayOfWeek, String>> clash = HoursReader.claim(days.get(), e.key(), givenBy);
            if (clash.isPresent()) {
                problems.add(keyAt, HoursReader.dayKey(clash.get().getKey()) + " is already given by '"
                        + clash.get().getValue() + "'");
                sound = false;
            } else {
                rates.ifPresent(r -> days.get().forEach(day -> byDay.put(day, r)));
            }
            sound &= rates.isPresent();
        }
        if (daysSound && givenBy.size() < 7) {
            List<String> missing = java.util.Arrays.stream(DayOfWeek.values()).filter(d -> !givenBy.containsKey(d))
                    .map(HoursReader::dayKey).toList();
            problems.add(at, "gives no rate for " + String.join(", ", missing) + ": a rate by day of the week needs "
                    + "every day (0 for a day nobody calls)");
            sound = false;
        }
        return sound ? Optional.of(byDay) : Optional.empty();
    }

    private static String unit(String key) {
        return key.equals("erlangs") ? "Erlangs" : "calls an hour";
    }

    /** A rate by time of day: each from its time ({@code HH:MM}) until the next, the last one past midnight. */
    private Optional<NavigableMap<LocalTime, Double>> daily(Where at, YamlNode.MapNode map) {
        if (map.entries().isEmpty()) {
            problems.add(at, "a rate by time of day needs at least one time, e.g. {00:00: 10, 20:00: 300}");
            return Optional.empty();
        }
        NavigableMap<LocalTime, Double> rates = new TreeMap<>();
        Map<LocalTime, YamlNode.Entry> written = new HashMap<>();
        boolean sound = true;
        for (YamlNode.Entry e : Fields.uniqueEntries(problems, at, map).values()) {
            Where keyAt = at.key(e.key(), e.keyMark());
            Matcher time = TIME_OF_DAY.matcher(e.key().strip());
            Optional<Double> amount = nonNegative(at.key(e.key(), e.value().mark()), e.value());
            if (!time.matches()) {
                problems.add(keyAt, "'" + e.key() + "' is not a time of day (write HH:MM from 00:00 to 23:59, e.g. "
                        + "20:00): each rate holds from its time until the next one" + (e.key().strip().matches(
                        "daily|(mon|tue|wed|thu|fri|sat|sun)(-(mon|tue|wed|thu|fri|sat|sun))?")
                        ? "; a rate by day of the week has days for every key, "
                        + "not times and days mixed" : ""));
                sound = false;
                continue;
            }
            // a time given twice is said whether or not its rate is sound
            LocalTime from = LocalTime.of(Integer.parseInt(time.group(1)), Integer.parseInt(time.group(2)));
            YamlNode.Entry earlier = written.putIfAbsent(from, e);
            if (earlier != null) {
                problems.add(keyAt, "'" + e.key() + "' is the time '" + earlier.key() + "' gives already (line "
                        + earlier.keyMark().line() + ")");
                sound = false;
            } else if (amount.isPresent()) {
                rates.put(from, amount.get());
            } else {
                sound = false;
            }
        }
        return sound ? Optional.of(rates) : Optional.empty();
    }

    private Optional<HandleTime> handleTime(Fields handle) {
        Optional<String> distribution = handle.requiredText("distribution");
        Optional<Duration> mean = handle.required("mean").flatMap(n -> positive(handle.at("mean"), n));
        if (distribution.isEmpty() || mean.isEmpty()) {
            return Optional.empty();
        }
        switch (distribution.get()) {
            case "exponential" -> {
                if (handle.has("sd")) {
                    problems.add(handle.at("sd"), "an exponential handle time has no separate sd (it equals the mean)");
                    return Optional.empty();
                }
                return Optional.of(new HandleTime.Exponential(mean.get()));
            }
            case "lognormal" -> {
                return handle.required("sd").flatMap(n -> positive(handle.at("sd"), n))
                        .map(sd -> new HandleTime.LogNormal(mean.get(), sd));
            }
            default -> {
                problems.add(handle.at("distribution"), "must be exponential or lognormal, got '"
                        + distribution.get() + "'");
                return Optional.empty();
            }
        }
    }

    private Optional<LocalDateTime> dateTime(Where at, YamlNode node) {
        if (node instanceof Scalar s && !s.isNull()) {
            try {
                return Optional.of(LocalDateTime.parse(s.text().strip()));
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        problems.add(at, "must be a local date and time like 2026-11-20T19:30, got " + node.describe());
        return Optional.empty();
    }

    /** Written as in the configuration files ({@link Durations}): 90s, 2m, 1h30m. */
    private Optional<Duration> duration(Where at, YamlNode node) {
        return Fields.duration(problems, at, node);
    }

    private Optional<Duration> positive(Where at, YamlNode node) {
        Optional<Duration> d = duration(at, node);
        if (d.isPresent() && d.get().toMillis() <= 0) {
            problems.add(at, "must be longer than 0, got " + node.describe());
            return Optional.empty();
        }
        return d;
    }

    private Optional<Double> nonNegative(Where at, YamlNode node) {
        Optional<Double> number = number(node);
        if (number.isPresent() && !Double.isFinite(number.get())
                || number.isEmpty() && node instanceof Scalar s
                && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.DECIMAL)) {
            // 1_000, 0x10, .inf, .nan, 1e400: YAML numbers, but none a rate is written as
            problems.add(at, "must be a number of 0 or more written plainly (like 120 or 2.5), got " + node.describe());
            return Optional.empty();
        }
        Optional<Double> value = number.filter(v -> v >= 0);
        if (value.isEmpty()) {
            problems.add(at, "must be a number >= 0, got " + node.describe());
        }
        return value;
    }

    private Optional<Double> share(Where at, YamlNode node) {
        Optional<Double> value = number(node).filter(v -> v >= 0 && v <= 1);
        if (value.isEmpty()) {
            problems.add(at, "must be a fraction within 0..1, got " + node.describe());
        }
        return value;
    }

    private static Optional<Double> number(YamlNode node) {
        if (node instanceof Scalar s && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.DECIMAL)) {
            try {
                return Optional.of(Double.parseDouble(s.text()));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }
}
