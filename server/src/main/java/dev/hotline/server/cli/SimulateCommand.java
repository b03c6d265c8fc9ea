package dev.hotline.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.stats.AgentTimeFigures;
import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.CentreStatistics;
import dev.hotline.acd.stats.Figures;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigProblem;
import dev.hotline.server.config.ConfigResult;
import dev.hotline.server.config.Durations;
import dev.hotline.server.config.NotReadyReasons;
import dev.hotline.server.simulation.ArrivalsEnd;
import dev.hotline.server.simulation.CentreSimulation;
import dev.hotline.server.simulation.SimulationResult;
import dev.hotline.server.simulation.SingleQueueScenario;
import dev.hotline.server.simulation.SteadyStateWindow;
import dev.hotline.server.simulation.TrafficFile;
import dev.hotline.server.simulation.TrafficFileException;
import dev.hotline.server.simulation.TrafficMismatch;
import dev.hotline.server.simulation.TrafficProfile;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hotline simulate}: drives the real routing engine with synthetic traffic in virtual time and prints the
 * figures, either for the textbook single queue (to compare with Erlang C) or for a configured centre.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Drive the real routing engine with synthetic callers and agents in virtual time and print "
                + "the figures.",
                "Either one queue served by N identical agents (the Erlang C model), or a configured centre under the "
                        + "traffic of a traffic file (see docs/simulation.md)."},
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {ExitCodes.OK + ":the simulation ran",
                ExitCodes.INVALID_CONFIG + ":the configuration or the traffic file has problems (printed to stderr)",
                ExitCodes.USAGE + ":wrong command-line usage, such as an option value out of range",
                ExitCodes.INTERNAL_ERROR + ":out of memory (said so: give java -Xmx more heap), or an unexpected error "
                        + "(a bug: please report it with the printed trace)"})
public final class SimulateCommand implements Callable<Integer> {
    /** The most agents one queue is simulated with: the largest centre the engine's benchmarks measure. */
    static final long MOST_AGENTS = 100_000;
    /** The most calls an overloaded queue may leave waiting at once, whatever the heap (some 6 GB of it). */
    static final long MOST_WAITING = 10_000_000;
    /**
     * Heap a call waiting in a simulated queue holds: the engine's call (452-611 bytes, docs/performance.md) and the
     * simulator's own note of the caller. 9.9 million waiting calls took 6.4 GB.
     */
    static final long BYTES_PER_WAITING_CALL = 700;


    /** The share of calls left out of the single-queue figures while the empty centre fills up. */
    static final double WARM_UP_SHARE = 0.05;
    /**
     * Mean handle times an empty centre takes to fill: the number of busy agents approaches its steady value as
     * 1 - e^(-t / AHT), 99 % of the way after five. Five handle times bring 5 x A calls.
     */
    static final double FILLING_HANDLE_TIMES = 5;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Spec
    CommandSpec spec;

    // Plain options, not picocli groups: which go together, and which are missing, is said in call() in the words of
    // the two modes (picocli's group messages name its group structure, and a repeated option opens a second group).
    @Mixin
    SingleQueue single = new SingleQueue();

    @Mixin
    Centre centre = new Centre();

    @Option(names = "--seed", paramLabel = "K", defaultValue = "1", converter = OptionValues.WholeLong.class,
            description = "Seed of every random draw: the same seed gives the same output (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--json", description = "Print one JSON object instead of a table.")
    boolean json;

    static final class SingleQueue {
        @Option(names = "--agents", paramLabel = "N", converter = OptionValues.WholeInt.class,
                description = "One queue: agents serving it (required).")
        Integer agents;

        @Option(names = "--erlangs", paramLabel = "A", converter = OptionValues.Number.class,
                description = "One queue: offered traffic in Erlangs (arrival rate x mean handle time) (required).")
        Double erlangs;

        @Option(names = "--aht", paramLabel = "SECONDS", converter = OptionValues.Seconds.class,
                description = "One queue: mean handle time in seconds (180) or as a duration (3m), exponentially "
                        + "distributed; no wrap-up (required).")
        Double ahtSeconds;

        @Option(names = "--sl-threshold", paramLabel = "SECONDS", defaultValue = "20",
                converter = OptionValues.Seconds.class,
                description = "One queue: service-level threshold in seconds or as a duration (default: "
                        + "${DEFAULT-VALUE}).")
        double slThresholdSeconds;

        @Option(names = "--calls", paramLabel = "C", defaultValue = "100000", converter = OptionValues.WholeLong.class,
                description = "One queue: calls to simulate (default: ${DEFAULT-VALUE}). The first of them are "
                        + "warm-up, left out of the figures: 5 %% of them or the calls of five handle times (5 x A), "
                        + "whichever is more, at most half.")
        long calls;

        @Option(names = "--patience", paramLabel = "SECONDS", converter = OptionValues.Seconds.class,
                description = "One queue: mean caller patience in seconds or as a duration (exponential); callers "
                        + "who run out of it hang up. "
                        + "Without it, nobody abandons.")
        Double patienceSeconds;
    }

    static final class Centre {
        @Option(names = "--config", paramLabel = "DIR",
                description = "A configured centre: its configuration directory (required).")
        Path config;

        @Option(names = "--traffic", paramLabel = "FILE",
                description = "A configured centre: the traffic file (YAML) (required).")
        Path traffic;
    }

    private static final String MODES = "one queue (--agents, --erlangs, --aht; --sl-threshold, --calls, "
            + "--patience) or a configured centre (--config, --traffic)";

    @Override
    public Integer call() {
        List<String> queueOptions = given("single");
        List<String> centreOptions = given("centre");
        if (!queueOptions.isEmpty() && !centreOptions.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "simulate runs " + MODES + ", not both: got "
                    + String.join(", ", queueOptions) + " and " + String.join(", ", centreOptions) + " (in a "
                    + "centre the service-level thresholds come from queues.yaml, the patience from the traffic file)");
        }
        if (queueOptions.isEmpty() && centreOptions.isEmpty()) {
            throw new ParameterException(spec.commandLine(), "simulate runs " + MODES + ": give the options of one");
        }
        if (!queueOptions.isEmpty()) {
            missing("one queue needs --agents, --erlangs and --aht", "--agents", single.agents, "--erlangs",
                    single.erlangs, "--aht", single.ahtSeconds);
            return singleQueue(single);
        }
        missing("a configured centre needs --config and --traffic", "--config", centre.config, "--traffic",
                centre.traffic);
        return centre(centre);
    }

    /** The options of the mode mixed in as {@code mixin} that were given on the command line, in the order typed. */
    private List<String> given(String mixin) {
        List<OptionSpec> mode = spec.mixins().get(mixin).options();
        List<String> names = new ArrayList<>();
        for (OptionSpec option : spec.commandLine().getParseResult().matchedOptions()) {
            if (mode.contains(option) && !names.contains(option.longestName())) {
                names.add(option.longestName());
            }
        }
        return names;
    }

    /** Fails naming the options of {@code namesAndValues} (name, value, name, value...) whose value is null. */
    private void missing(String needs, Object... namesAndValues) {
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            if (namesAndValues[i + 1] == null) {
                missing.add((String) namesAndValues[i]);
            }
        }
        if (!missing.isEmpty()) {
            throw new ParameterException(spec.commandLine(), needs + ": missing " + String.join(", ", missing));
        }
    }

    private int singleQueue(SingleQueue o) {
        positive("--agents", o.agents);
        positive("--erlangs", o.erlangs);
        positive("--aht", o.ahtSeconds);
        // times are whole milliseconds: a handle time of a few of them is rounded into other queueing figures
        seconds("--aht", o.ahtSeconds, 1);
        notNegative("--sl-threshold", o.slThresholdSeconds);
        if (o.slThresholdSeconds > 0 && o.slThresholdSeconds < 0.001) {
            // 0 is a threshold (answered without waiting); 0.0004 would silently be one too
            throw new ParameterException(spec.commandLine(), "Invalid value for option '--sl-threshold': must be 0 "
                    + "or at least 0.001 (1 ms: times are counted in milliseconds), got "
                    + format(o.slThresholdSeconds));
        }
        seconds("--sl-threshold", o.slThresholdSeconds, 0);
        positive("--calls", o.calls);
        atMost("--agents", o.agents, MOST_AGENTS, "the largest centre the engine is measured at");
        atMost("--calls", o.calls, TrafficFile.MOST_CALLS, "more would take hours, and is surely a typo");
        if (o.patienceSeconds != null) {
            positive("--patience", o.patienceSeconds);
            seconds("--patience", o.patienceSeconds, 0.001);
        }
        double waitingAtOnce = waitingAtOnce(o);
        long mostWaiting = mostWaiting();
        if (waitingAtOnce > mostWaiting) {
            throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT, "Invalid options: %s "
                    + "Erlangs on %d agents with %s leaves about %.0f of the %d calls waiting at once (at most %d%s): "
                    + "give %s, more --agents or fewer --calls", o.erlangs, o.agents, o.patienceSeconds == null
                            ? "no --patience" : "a mean patience of " + format(o.patienceSeconds) + " s",
                    waitingAtOnce, o.calls, mostWaiting, mostWaiting < MOST_WAITING ? " in this JVM's "
                            + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MiB of heap: java -Xmx gives more"
                            : "", o.patienceSeconds == null ? "--patience" : "a shorter --patience"));
        }
        SingleQueueScenario scenario;
        try {
            scenario = new SingleQueueScenario(o.agents, o.erlangs, millis(o.ahtSeconds), millis(o.slThresholdSeconds),
                    o.calls, Optional.ofNullable(o.patienceSeconds).map(SimulateCommand::millis));
        } catch (IllegalArgumentException e) { // what the checks above cannot see: calls arriving over eons
            throw new ParameterException(spec.commandLine(), "Invalid options: " + e.getMessage());
        }
        long warmUp = warmUpCalls(o.calls, o.erlangs);
        if (warmUp < FILLING_HANDLE_TIMES * o.erlangs) {
            spec.commandLine().getErr().printf(Locale.ROOT, "note: %s too few for %s Erlangs to reach a "
                    + "steady state (the first %.0f fill the empty centre): the figures read as a centre filling up; "
                    + "give --calls %d or more%n", ValidateCommand.count(o.calls, "call is", "calls are"), o.erlangs,
                    Math.ceil(FILLING_HANDLE_TIMES * o.erlangs),
                    (long) Math.ceil(2 * FILLING_HANDLE_TIMES * o.erlangs));
        }
        if (o.erlangs >= o.agents && o.patienceSeconds == null) {
            spec.commandLine().getErr().printf(Locale.ROOT, "note: %s Erlangs on %s %s all the work they can "
                    + "do: with nobody abandoning the queue has no steady state and only grows, and the figures "
                    + "depend on --calls%n", o.erlangs, ValidateCommand.count(o.agents, "agent", "agents"),
                    o.erlangs > o.agents ? "is more than" : "is");
        } else if (o.erlangs >= o.agents && o.patienceSeconds > arrivalSeconds(o)) {
            spec.commandLine().getErr().printf(Locale.ROOT, "note: %s Erlangs on %s %s all the work they can "
                            + "do, and a mean patience of %s s is longer than the %.0f s in which the calls arrive: "
                            + "few callers run out of it, so the queue only grows, and the figures depend on "
                            + "--calls%n", o.erlangs, ValidateCommand.count(o.agents, "agent", "agents"),
                    o.erlangs > o.agents ? "is more than" : "is", format(o.patienceSeconds), arrivalSeconds(o));
        }
        CentreConfig config = scenario.centreConfig();
        CentreStatistics stats = new CentreStatistics(config);
        SteadyStateWindow steady = new SteadyStateWindow(stats, o.calls - warmUp);
        SimulationResult result = new CentreSimulation(config, scenario.traffic(), seed)
                .run(DecisionListener.all(stats, steady), warmUp);
        Figures figures = stats.snapshot(result.endMillis());
        CallFigures queue = figures.queues().get(SingleQueueScenario.QUEUE);
        AgentTimeFigures agentTime = steady.centreAgentTime().orElse(figures.centre().agentTime());

        if (queue.waiting() > 0) {
            spec.commandLine().getErr().printf(Locale.ROOT, "note: %s still waiting when the run stopped (%s after "
                            + "the last arrival, or when nothing could end them): they are in no outcome, and ASA, "
                            + "service level and longest wait leave them out (the longest of their waits: %s)%n",
                    ValidateCommand.count(queue.waiting(), "call was", "calls were"),
                    Durations.format(CentreSimulation.PLAY_OUT_LIMIT),
                    SimulationReport.secondsText(OptionalDouble.of(queue.longestCurrentWaitMillis())));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ObjectNode inputs = root.putObject("inputs");
            inputs.put("agents", o.agents);
            inputs.put("erlangs", o.erlangs);
            inputs.put("aht", o.ahtSeconds);
            inputs.put("slThreshold", o.slThresholdSeconds);
            inputs.put("calls", o.calls);
            inputs.put("warmUpCalls", warmUp);
            if (o.patienceSeconds == null) {
                inputs.putNull("patience");
            } else {
                inputs.put("patience", o.patienceSeconds);
            }
            inputs.put("seed", seed);
            SimulationReport.queueFigures(root, queue, agentTime);
            SimulationReport.simulator(root, result);
            out.println(write(root));
        } else {
            out.printf(Locale.ROOT, "One queue: %s, %s Erlangs, AHT %s s, service-level threshold %s s, "
                            + "%s (first %d warm-up), %s, seed %d%n%n", ValidateCommand.count(o.agents, "agent",
                            "agents"), o.erlangs, o.ahtSeconds, o.slThresholdSeconds,
                    ValidateCommand.count(o.calls, "call", "calls"), warmUp, o.patienceSeconds == null
                            ? "callers never abandon" : "mean patience " + o.patienceSeconds + " s", seed);
            String line = "%-22s %s%n";
            out.printf(Locale.ROOT, line, "offered", queue.offered());
            out.printf(Locale.ROOT, line, "answered", queue.answers().answered());
            out.printf(Locale.ROOT, line, "abandoned", queue.abandoned());
            out.printf(Locale.ROOT, line, "still waiting", queue.waiting());
            out.printf(Locale.ROOT, line, "abandonment rate", SimulationReport.percent(queue.abandonmentRate()));
            out.printf(Locale.ROOT, line, "service level", SimulationReport.percent(queue.serviceLevel()));
            out.printf(Locale.ROOT, line, "ASA", SimulationReport.secondsText(queue.answers().asaMillis()));
            out.printf(Locale.ROOT, line, "P(wait)", SimulationReport.percent(queue.answers().probabilityOfWaiting()));
            out.printf(Locale.ROOT, line, "longest wait", SimulationReport.secondsText(queue.longestWaitMillisIfAny()));
            if (queue.waiting() > 0) {
                out.printf(Locale.ROOT, line, "longest still waiting",
                        SimulationReport.secondsText(OptionalDouble.of(queue.longestCurrentWaitMillis())));
            }
            out.printf(Locale.ROOT, line, "AHT", SimulationReport.secondsText(queue.answers().ahtMillis()));
            out.printf(Locale.ROOT, line, "occupancy", SimulationReport.percent(agentTime.occupancy()));
            out.printf(Locale.ROOT, line, "utilisation", SimulationReport.percent(agentTime.utilisation()));
            out.println();
            out.print(SimulationReport.simulatorLine(result));
        }
        out.flush();
        return ExitCodes.OK;
    }

    private int centre(Centre o) {
        PrintWriter err = spec.commandLine().getErr();
        CentreConfig config;
        NotReadyReasons reasons;
        switch (ConfigLoader.load(o.config)) {
            case ConfigResult.Valid v -> {
                config = v.config();
                reasons = v.server().notReadyReasons();
            }
            case ConfigResult.Invalid invalid -> {
                err.println("The configuration in " + o.config + " is invalid:");
                for (ConfigProblem p : invalid.problems()) {
                    err.println("  " + p);
                }
                err.flush();
                return ExitCodes.INVALID_CONFIG;
            }
        }
        TrafficProfile traffic;
        CentreSimulation simulation;
        try {
            traffic = TrafficFile.load(o.traffic);
            simulation = new CentreSimulation(config, traffic, seed, reasons);
        } catch (TrafficFileException e) {
            err.println(e.getMessage());
            err.flush();
            return ExitCodes.INVALID_CONFIG;
        } catch (TrafficMismatch e) {
            e.problems().forEach(p -> err.println(TrafficFile.problemAt(o.traffic, p.path(), p.reason())));
            err.flush();
            return ExitCodes.INVALID_CONFIG;
        } catch (IllegalArgumentException e) {
            err.println(o.traffic + ": " + e.getMessage());
            err.flush();
            return ExitCodes.INVALID_CONFIG;
        }
        Duration duration = ((ArrivalsEnd.After) traffic.arrivalsEnd()).duration();
        long intervalsInRun = intervalsIn(duration.plus(CentreSimulation.PLAY_OUT_LIMIT),
                config.settings().reportInterval());
        // one more than shown: the last kept may be one that begins as the run ends, left out below
        CentreStatistics stats = new CentreStatistics(config, (int) Math.min(intervalsInRun, MOST_INTERVALS + 1));
        simulation.notes().forEach(note -> err.println("note: " + note));
        err.flush();
        SimulationResult result = simulation.run(stats);
        Figures figures = stats.snapshot(result.endMillis());
        // the run's intervals, not one that begins as it ends
        List<Figures> run = stats.intervals(simulation.startMillis(), result.endMillis()).stream()
                .filter(f -> f.to() > f.from()).toList();
        List<Figures> intervals = run.subList(Math.max(0, run.size() - MOST_INTERVALS), run.size());
        if (intervalsInRun > MOST_INTERVALS && !intervals.isEmpty()
                && intervals.getFirst().from() > simulation.startMillis()) {
            err.printf(Locale.ROOT, "note: the interval figures are those of the last %,d intervals of the run, from "
                    + "%s (the figures of the whole run count every call)%n", MOST_INTERVALS,
                    Instant.ofEpochMilli(intervals.getFirst().from()).atZone(config.settings().zone())
                            .toOffsetDateTime());
            err.flush();
        }

        Map<String, Double> expected = new LinkedHashMap<>();
        traffic.businessTypes().forEach(t -> expected.put(t.businessType(),
                t.rate().expectedCalls(simulation.startMillis(), config.settings().zone(), duration)));
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            ObjectNode root = JsonNodeFactory.instance.objectNode();
            ObjectNode inputs = root.putObject("inputs");
            inputs.put("config", o.config.toString());
            inputs.put("traffic", o.traffic.toString());
            inputs.put("seed", seed);
            inputs.put("start", traffic.start().atZone(config.settings().zone()).toOffsetDateTime().toString());
            inputs.put("duration", SimulationReport.seconds(duration.toMillis()));
            SimulationReport.centreFigures(root, figures, simulation.startMillis());
            SimulationReport.intervals(root, intervals, simulation.startMillis(), config.settings().zone());
            SimulationReport.simulator(root, result);
            SimulationReport.businessTypes((ObjectNode) root.get("simulator"), result, expected);
            out.println(write(root));
        } else {
            out.printf(Locale.ROOT, "Centre %s with traffic %s: from %s for %s, seed %d%n%n", o.config, o.traffic,
                    traffic.start().atZone(config.settings().zone()).toOffsetDateTime(), Durations.format(duration), seed);
            out.print(SimulationReport.centreTable(figures, simulation.startMillis()));
            out.println();
            out.print(SimulationReport.intervalTable(intervals, simulation.startMillis(), config.settings().zone()));
            out.println();
            out.print(SimulationReport.simulatorLine(result));
            out.print(SimulationReport.businessTypesLine(result, expected));
        }
        out.flush();
        return ExitCodes.OK;
    }

    /**
     * The most reporting intervals whose figures a centre run keeps (the last ones of a longer run): every interval of
     * the longest run (a year) at 15 minutes (35,136), the last 333 days at 5 minutes, 66 at 1 minute; a bound on the
     * memory they take.
     */
    static final int MOST_INTERVALS = 96_000;

    /** At most how many reporting intervals of {@code length} a run of {@code span} touches (days end intervals). */
    static long intervalsIn(Duration span, Duration length) {
        long perDay = (86_400_000L + length.toMillis() - 1) / length.toMillis() + 1;
        long days = span.toMillis() / 86_400_000L + 2;
        return days > Long.MAX_VALUE / perDay ? Long.MAX_VALUE : days * perDay;
    }

    /**
     * About how many calls an overloaded queue holds at its fullest: the calls beyond the agents' share pile up at
     * (A - N) / AHT a second while they arrive, and with patience P leave at (waiting / P) a second, so the pile
     * approaches (A - N) / AHT x P (a fluid approximation: {@code (A - N) / AHT x P x (1 - e^(-D / P))} over the D
     * seconds of arrivals; without patience, all of D). 0 for a queue the agents keep up with.
     */
    static double waitingAtOnce(SingleQueue o) {
        if (o.erlangs <= o.agents) {
            return 0;
        }
        // (A - N) / AHT x D, written so that no product of extreme inputs overflows: never more than the calls
        double withoutPatience = o.calls * (1 - o.agents / o.erlangs);
        if (o.patienceSeconds == null) {
            return withoutPatience;
        }
        double x = arrivalSeconds(o) / o.patienceSeconds;
        return withoutPatience * -Math.expm1(-x) / x;
    }

    /** How long the calls take to arrive: {@code --calls} at A / AHT a second. */
    private static double arrivalSeconds(SingleQueue o) {
        return o.calls * o.ahtSeconds / o.erlangs;
    }

    /**
     * The most calls a run may leave waiting at once: {@link #MOST_WAITING}, or fewer when this JVM's heap holds fewer
     * at {@link #BYTES_PER_WAITING_CALL} each.
     */
    static long mostWaiting() {
        return Math.min(MOST_WAITING, Runtime.getRuntime().maxMemory() / BYTES_PER_WAITING_CALL);
    }

    /**
     * The calls left out of the figures: 5 % of them, or, when the centre is large, the calls of five handle times
     * ({@link #FILLING_HANDLE_TIMES}), which 5 % of a few million calls at tens of thousands of Erlangs is not
     * (occupancy read 93.5 % for 95 %); never more than half the calls.
     */
    static long warmUpCalls(long calls, double erlangs) {
        long share = (long) Math.floor(calls * WARM_UP_SHARE);
        long filling = (long) Math.min(Math.ceil(FILLING_HANDLE_TIMES * erlangs), Long.MAX_VALUE / 2.0);
        return Math.min(Math.max(share, filling), calls / 2);
    }

    private static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of plain values always serialises", e);
        }
    }

    private static Duration millis(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private void positive(String option, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': must be a finite number, got " + format(value));
        }
        if (!(value > 0)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': must be above 0, got " + format(value));
        }
    }

    private void atMost(String option, long value, long most, String why) {
        if (value > most) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option + "': must be at "
                    + "most " + most + " (" + why + "), got " + value);
        }
    }

    private void notNegative(String option, double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': must be a finite number, got " + format(value));
        }
        if (!(value >= 0)) {
            throw new ParameterException(spec.commandLine(),
                    "Invalid value for option '" + option + "': must be 0 or more, got " + format(value));
        }
    }

    /** A time in seconds the simulator's millisecond clock can tell from zero and count without overflow. */
    private void seconds(String option, double value, double least) {
        if (least > 0 && value < least) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option
                    + "': must be at least " + format(least) + " (" + Math.round(least * 1000) + " ms: times are "
                    + "counted in milliseconds), got " + format(value));
        }
        long most = SingleQueueScenario.LONGEST.toSeconds();
        if (value > most) {
            throw new ParameterException(spec.commandLine(), "Invalid value for option '" + option
                    + "': must be at most " + most + " (about 31 years), got " + format(value));
        }
    }

    /** As typed, mostly: 5 not 5.0, 0.0001 not 1.0E-4; a number too big or small for that in exponent form. */
    private static String format(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v) || v != 0 && (Math.abs(v) < 1e-6 || Math.abs(v) >= 1e15)) {
            return String.valueOf(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
