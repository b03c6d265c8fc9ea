package dev.hotline.server.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotline.server.Hotline;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class SimulateCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SMALL_QUEUE = {"simulate", "--agents", "11", "--erlangs", "10", "--aht", "180",
            "--sl-threshold", "20", "--calls", "5000", "--seed", "3"};

    private StringWriter out = new StringWriter();
    private StringWriter err = new StringWriter();

    private int run(String... args) {
        out = new StringWriter();
        err = new StringWriter();
        CommandLine cli = Hotline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String[] with(String[] args, String... more) {
        String[] all = java.util.Arrays.copyOf(args, args.length + more.length);
        System.arraycopy(more, 0, all, args.length, more.length);
        return all;
    }

    private static String config() {
        return System.getProperty("hotline.config.dir", "../config");
    }

    @Test
    void withJsonTheSingleQueuePrintsOneJsonObjectWithTheFiguresAndTheInputs() throws IOException {
        assertThat(run(with(SMALL_QUEUE, "--json"))).isZero();

        JsonNode root = onlyJsonObject(out.toString());
        assertThat(root.get("offered").asLong()).isEqualTo(4_750); // 5,000 calls less the 5 % warm-up
        assertThat(root.get("answered").asLong()).isEqualTo(4_750);
        assertThat(root.get("abandoned").asLong()).isZero();
        for (String fraction : new String[] {"serviceLevel", "pWait", "occupancy"}) {
            assertThat(root.get(fraction).isNumber()).as(fraction).isTrue();
            assertThat(root.get(fraction).asDouble()).as(fraction).isBetween(0.0, 1.0);
        }
        assertThat(root.get("asa").asDouble()).as("ASA in seconds").isPositive();
        // 4,750 exponential handle times of mean 180 s: standard error 2.6 s
        assertThat(root.get("aht").asDouble()).as("AHT in seconds").isBetween(170.0, 190.0);
        JsonNode inputs = root.get("inputs");
        assertThat(inputs.get("agents").asInt()).isEqualTo(11);
        assertThat(inputs.get("erlangs").asDouble()).isEqualTo(10.0);
        assertThat(inputs.get("aht").asDouble()).isEqualTo(180.0);
        assertThat(inputs.get("slThreshold").asDouble()).isEqualTo(20.0);
        assertThat(inputs.get("calls").asLong()).isEqualTo(5_000);
        assertThat(inputs.get("warmUpCalls").asLong()).isEqualTo(250);
        assertThat(inputs.get("seed").asLong()).isEqualTo(3);
        assertThat(inputs.get("patience").isNull()).isTrue();
        assertThat(root.at("/simulator/rejectedEvents").asLong()).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void aLargeCentreIsLeftToFillForFiveHandleTimesBeforeItsFiguresAreRead() throws IOException {
        // 19,000 Erlangs: 5 % of the calls is one handle time, when the busy agents are only 63 % of the way
        assertThat(run("simulate", "--agents", "20000", "--erlangs", "19000", "--aht", "60", "--sl-threshold", "20",
                "--calls", "400000", "--seed", "1", "--json")).isZero();

        JsonNode root = onlyJsonObject(out.toString());
        assertThat(root.at("/inputs/warmUpCalls").asLong()).isEqualTo(95_000);
        assertThat(root.get("occupancy").asDouble()).as("A / N = 0.95").isBetween(0.945, 0.955);
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void tooFewCallsForALargeCentreToFillAreSaidToReadAsACentreFillingUp() {
        assertThat(run("simulate", "--agents", "2000", "--erlangs", "1900", "--aht", "10", "--calls", "4000",
                "--seed", "1")).isZero();

        assertThat(err.toString()).isEqualTo("note: 4000 calls are too few for 1900.0 Erlangs to reach a steady "
                + "state (the first 9500 fill the empty centre): the figures read as a centre filling up; give "
                + "--calls 19000 or more" + System.lineSeparator());
        assertThat(SimulateCommand.warmUpCalls(4_000, 1_900)).as("at most half the calls").isEqualTo(2_000);
        assertThat(SimulateCommand.warmUpCalls(5_000, 10)).as("5 % of a small centre's calls").isEqualTo(250);
    }

    @Test
    void theSameSeedPrintsTheSameOutputByteForByte() {
        run(with(SMALL_QUEUE, "--json"));
        String first = out.toString();
        run(with(SMALL_QUEUE, "--json"));

        assertThat(out.toString()).isEqualTo(first);
    }

    @Test
    void anotherSeedMeetsOtherCallers() {
        run(with(SMALL_QUEUE, "--json"));
        String seed3 = out.toString();
        String[] seed4 = SMALL_QUEUE.clone();
        seed4[seed4.length - 1] = "4";
        run(with(seed4, "--json"));

        assertThat(out.toString()).isNotEqualTo(seed3);
    }

    @Test
    void occupancyIsReadOverTheSteadyStateNotTheDrainAfterTheLastCall() throws IOException {
        // 1,000 agents at 980 Erlangs: the drain after the last arrival is long next to the run, and would pull the
        // whole run's occupancy down to about 0.92
        assertThat(run("simulate", "--agents", "1000", "--erlangs", "980", "--aht", "180", "--calls", "50000",
                "--json")).isZero();

        JsonNode root = onlyJsonObject(out.toString());
        assertThat(root.get("occupancy").asDouble()).isCloseTo(0.98, within(0.01));
    }

    @Test
    void impatientCallersAbandonAndTheServiceLevelCountsThoseWhoWaitedLongerThanTheThreshold() throws IOException {
        assertThat(run(with(SMALL_QUEUE, "--patience", "60", "--json"))).isZero();

        JsonNode root = onlyJsonObject(out.toString());
        assertThat(root.get("abandoned").asLong()).isPositive();
        assertThat(root.get("answered").asLong() + root.get("abandoned").asLong()).isEqualTo(4_750);
        assertThat(root.at("/inputs/patience").asDouble()).isEqualTo(60.0);
    }

    @Test
    void withoutJsonTheFiguresArePrintedAsATable() {
        assertThat(run(SMALL_QUEUE)).isZero();

        assertThat(out.toString()).startsWith("One queue: 11 agents, 10.0 Erlangs, AHT 180.0 s, service-level "
                + "threshold 20.0 s, 5000 calls (first 250 warm-up), callers never abandon, seed 3")
                .containsPattern("(?m)^service level +\\d+\\.\\d %$")
                .containsPattern("(?m)^ASA +\\d+\\.\\d s$")
                .containsPattern("(?m)^P\\(wait\\) +\\d+\\.\\d %$");
    }

    @Test
    void zeroAgentsIsAUsageErrorThatSaysWhichOptionAndValue() {
        assertThat(run("simulate", "--agents", "0", "--erlangs", "10", "--aht", "180")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).startsWith("Invalid value for option '--agents': must be above 0, got 0");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void moreAgentsOrCallsThanTheSimulatorTakesAreUsageErrorsNotAnHourLongRunThatRunsOutOfMemory() {
        assertThat(run("simulate", "--agents", "10000000", "--erlangs", "1", "--aht", "100", "--calls", "10"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("Invalid value for option '--agents': must be at most 100000 (the "
                + "largest centre the engine is measured at), got 10000000");
        err.getBuffer().setLength(0);
        assertThat(run("simulate", "--agents", "5", "--erlangs", "4", "--aht", "100", "--calls",
                "9223372036854775807")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("Invalid value for option '--calls': must be at most 100000000");
    }

    @Test
    void anInfiniteOrNotANumberValueIsSaidToBeNoFiniteNumber() {
        assertThat(run("simulate", "--agents", "5", "--erlangs", "Infinity", "--aht", "100")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("Invalid value for option '--erlangs': must be a finite number, got "
                + "Infinity");
    }

    @Test
    void anOverloadedQueueThatWouldHoldMillionsOfCallsAtOnceIsRefusedSayingWhatToGive() {
        assertThat(run("simulate", "--agents", "5", "--erlangs", "1e6", "--aht", "1", "--calls", "30000000"))
                .isEqualTo(ExitCodes.USAGE);

        // the most is 10,000,000, or fewer when the test JVM's heap holds fewer
        assertThat(err.toString()).startsWith("Invalid options: 1000000.0 Erlangs on 5 agents with no --patience "
                + "leaves about 29999850 of the 30000000 calls waiting at once (at most "
                + SimulateCommand.mostWaiting());
        assertThat(err.toString()).contains("): give --patience, more --agents or fewer --calls");
    }

    @Test
    void aPatienceLongerThanTheRunDoesNotGetAnOverloadedQueuePastTheLimitOfCallsWaitingAtOnce() {
        // 31 years of patience: nobody runs out of it, and 18 million calls would wait at once
        assertThat(run("simulate", "--agents", "10", "--erlangs", "100", "--aht", "180", "--calls", "20000000",
                "--patience", "1000000000")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).startsWith("Invalid options: 100.0 Erlangs on 10 agents with a mean patience of "
                + "1000000000 s leaves about 17679853 of the 20000000 calls waiting at once (at most");
        assertThat(err.toString()).contains("): give a shorter --patience, more --agents or fewer --calls");
    }

    @Test
    void anOverloadedQueueWhoseCallersDoRunOutOfPatienceHoldsFewCallsAndRuns() {
        // 12 Erlangs on 10 agents: 2/180 calls a second beyond the agents' share, gone after 60 s: about 0.7 waiting
        assertThat(SimulateCommand.waitingAtOnce(singleQueue(10, 12, 180, 100_000, 60.0))).isCloseTo(2.0 / 180 * 60,
                within(1e-6));
        assertThat(SimulateCommand.waitingAtOnce(singleQueue(10, 12, 180, 100_000, null)))
                .isCloseTo(100_000 * (1 - 10 / 12.0), within(1e-6));
        assertThat(SimulateCommand.waitingAtOnce(singleQueue(11, 10, 180, 100_000, null))).isZero();
        assertThat(SimulateCommand.waitingAtOnce(singleQueue(10, 1e305, 1, 100_000, 1e9)))
                .as("extreme inputs: never more calls than there are").isBetween(99_999.0, 100_000.0);

        assertThat(run("simulate", "--agents", "10", "--erlangs", "12", "--aht", "180", "--calls", "2000",
                "--patience", "60")).isZero();
    }

    private static SimulateCommand.SingleQueue singleQueue(int agents, double erlangs, double aht, long calls,
                                                           Double patience) {
        SimulateCommand.SingleQueue q = new SimulateCommand.SingleQueue();
        q.agents = agents;
        q.erlangs = erlangs;
        q.ahtSeconds = aht;
        q.calls = calls;
        q.patienceSeconds = patience;
        return q;
    }

    @Test
    void aPatienceLongerThanTheArrivalsOfAnOverloadedQueueIsSaidToLeaveItWithoutASteadyState() {
        // 200 calls at 2/10 a second arrive in 1,000 s; callers wait 10,000 s on average
        assertThat(run("simulate", "--agents", "1", "--erlangs", "2", "--aht", "10", "--calls", "200", "--patience",
                "10000")).isZero();

        assertThat(err.toString()).contains("note: 2.0 Erlangs on 1 agent is more than all the work they can do, "
                + "and a mean patience of 10000 s is longer than the 1000 s in which the calls arrive: few callers "
                + "run out of it, so the queue only grows");
    }

    @Test
    void callsStillWaitingWhenAnOverloadedRunStopsAreCountedAsWaitingSoTheFiguresBalance() throws IOException {
        // 3 Erlangs on 1 agent: the queue grows by 2 calls a handle time, and is played out for 24 hours at most
        assertThat(run("simulate", "--agents", "1", "--erlangs", "3", "--aht", "3600", "--calls", "200", "--json"))
                .isZero();

        JsonNode root = onlyJsonObject(out.toString());
        long waiting = root.get("waiting").asLong();
        assertThat(waiting).isPositive();
        assertThat(root.get("offered").asLong()).isEqualTo(root.get("answered").asLong()
                + root.get("abandoned").asLong() + root.get("overflowed").asLong() + root.get("refused").asLong()
                + waiting);
        assertThat(root.get("longestCurrentWait").asDouble()).as("the longest wait of a call still waiting").isPositive();
        assertThat(err.toString()).contains("note: " + waiting + " calls were still waiting when the run stopped "
                + "(24h after the last arrival, or when nothing could end them): they are in no outcome, and ASA, "
                + "service level and longest wait leave them out");

        assertThat(run("simulate", "--agents", "1", "--erlangs", "3", "--aht", "3600", "--calls", "200")).isZero();
        assertThat(out.toString()).containsPattern("still waiting +" + waiting + "\\R")
                .containsPattern("longest still waiting +\\d+\\.\\d s\\R");
    }

    @Test
    void aNegativeServiceLevelThresholdIsAUsageError() {
        assertThat(run("simulate", "--agents", "3", "--erlangs", "2", "--aht", "180", "--sl-threshold", "-5"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).startsWith("Invalid value for option '--sl-threshold': must be 0 or more, got -5");
    }

    @Test
    void aServiceLevelThresholdUnderAMillisecondIsAUsageErrorNotSilentlyZero() {
        assertThat(run("simulate", "--agents", "3", "--erlangs", "2", "--aht", "180", "--sl-threshold", "0.0004"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).startsWith("Invalid value for option '--sl-threshold': must be 0 or at least 0.001 "
                + "(1 ms: times are counted in milliseconds), got 0.0004");
    }

    @Test
    void asManyErlangsAsAgentsIsSaidToBeAllTheirWorkWithoutASteadyState() {
        assertThat(run("simulate", "--agents", "1", "--erlangs", "1", "--aht", "10", "--calls", "200")).isZero();

        assertThat(err.toString()).contains("note: 1.0 Erlangs on 1 agent is all the work they can do: with nobody "
                + "abandoning the queue has no steady state");
    }

    @Test
    void aHandleTimeShorterThanTheClockCanTellIsAUsageError() {
        assertThat(run("simulate", "--agents", "3", "--erlangs", "2", "--aht", "0.001")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).startsWith("Invalid value for option '--aht': must be at least 1 (1000 ms: times "
                + "are counted in milliseconds), got 0.001");
    }

    @Test
    void aHandleTimePatienceOrThresholdBeyondAnyRealCallIsAUsageErrorNotAnOverflow() {
        assertThat(run("simulate", "--agents", "3", "--erlangs", "2", "--aht", "1e308")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith(
                "Invalid value for option '--aht': must be at most 1000000000 (about 31 years), got 1.0E308");

        assertThat(run("simulate", "--agents", "3", "--erlangs", "2", "--aht", "180", "--patience", "1e300"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith(
                "Invalid value for option '--patience': must be at most 1000000000 (about 31 years), got 1.0E300");

        assertThat(run("simulate", "--agents", "3", "--erlangs", "2", "--aht", "180", "--sl-threshold", "2e9"))
                .isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("Invalid value for option '--sl-threshold': must be at most 1000000000"
                + " (about 31 years), got 2000000000");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void trafficSoThinThatTheCallsWouldTakeEonsToArriveIsAUsageError() {
        assertThat(run("simulate", "--agents", "3", "--erlangs", "1e-300", "--aht", "180", "--calls", "100"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).startsWith("Invalid options: 100 calls at 1.0E-300 Erlangs with a mean handle time"
                + " of 180.0 s would take about 5.70e+296 years of simulated time to arrive, more than the simulator's"
                + " 10,000: raise the Erlangs or lower the calls");
    }

    @Test
    void eonsTooLongForMillisecondsAreStillSaidInYears() {
        assertThat(run("simulate", "--agents", "11", "--erlangs", "1e-300", "--aht", "180")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("would take about 5.70e+299 years of simulated time to arrive");
    }

    @Test
    void aValueThatIsNoNumberIsAUsageError() {
        assertThat(run("simulate", "--agents", "3", "--erlangs", "ten", "--aht", "180")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).startsWith("Invalid value for option '--erlangs': 'ten' is not a number (write "
                + "it like 10 or 9.5)");
        assertThat(run("simulate", "--agents", "three", "--erlangs", "2", "--aht", "180")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("Invalid value for option '--agents': 'three' is not a whole number");
    }

    @Test
    void timesAreSecondsOrDurationsAndAJavaNumberSuffixIsNoUnit() throws IOException {
        assertThat(run("simulate", "--agents", "11", "--erlangs", "10", "--aht", "3m", "--patience", "1m30s",
                "--sl-threshold", "20s", "--calls", "2000", "--json")).isZero();
        JsonNode inputs = onlyJsonObject(out.toString()).get("inputs");
        assertThat(inputs.get("aht").asDouble()).isEqualTo(180.0);
        assertThat(inputs.get("patience").asDouble()).isEqualTo(90.0);
        assertThat(inputs.get("slThreshold").asDouble()).isEqualTo(20.0);

        // Java reads 3d as the double 3.0: here it is three days, a duration
        assertThat(run("simulate", "--agents", "11", "--erlangs", "10", "--aht", "3d", "--calls", "200", "--json"))
                .isZero();
        assertThat(onlyJsonObject(out.toString()).at("/inputs/aht").asDouble()).isEqualTo(259_200.0);
        assertThat(run("simulate", "--agents", "11", "--erlangs", "10f", "--aht", "180")).isEqualTo(ExitCodes.USAGE);
        assertThat(run("simulate", "--agents", "11", "--erlangs", "10", "--aht", "3 min")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("Invalid value for option '--aht': '3 min' is neither a number of "
                + "seconds (like 180 or 2.5) nor a duration (like 3m or 1m30s)");
    }

    @Test
    void theSingleQueueAndAConfiguredCentreCannotBeAskedForAtOnce() {
        assertThat(run("simulate", "--agents", "3", "--erlangs", "2", "--aht", "180", "--config", config(),
                "--traffic", config() + "/traffic.yaml")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("simulate runs one queue (--agents, --erlangs, --aht; --sl-threshold, "
                + "--calls, --patience) or a configured centre (--config, --traffic), not both: got --agents, "
                + "--erlangs, --aht and --config, --traffic");
    }

    @Test
    void anOptionOfOneQueueWithAConfiguredCentreIsSaidToBelongToTheOtherMode() {
        assertThat(run("simulate", "--config", config(), "--traffic", config() + "/traffic.yaml", "--sl-threshold",
                "30")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("not both: got --sl-threshold and --config, --traffic (in a centre the "
                + "service-level thresholds come from queues.yaml, the patience from the traffic file)")
                .doesNotContain("Missing required");
    }

    @Test
    void whatEachModeLacksIsNamedInItsOwnWords() {
        assertThat(run("simulate", "--agents", "11", "--erlangs", "10")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("one queue needs --agents, --erlangs and --aht: missing --aht");
        err.getBuffer().setLength(0);

        assertThat(run("simulate", "--config", config())).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("a configured centre needs --config and --traffic: missing --traffic");
        err.getBuffer().setLength(0);

        assertThat(run("simulate")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("give the options of one");
    }

    @Test
    void anOptionGivenTwiceIsSaidSo() {
        assertThat(run("simulate", "--agents", "11", "--erlangs", "10", "--aht", "180", "--agents", "12"))
                .isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains("option '--agents' (N) should be specified only once");
    }

    @Test
    void aMissingTrafficFileIsNamedAndExitsOne(@TempDir Path dir) {
        Path missing = dir.resolve("missing.yaml");

        assertThat(run("simulate", "--config", config(), "--traffic", missing.toString()))
                .isEqualTo(ExitCodes.INVALID_CONFIG);

        assertThat(err.toString()).isEqualTo(missing + ": no such file" + System.lineSeparator());
    }

    @Test
    void trafficForABusinessTypeTheConfigurationDoesNotHaveIsNamed(@TempDir Path dir) throws IOException {
        Path traffic = Files.writeString(dir.resolve("traffic.yaml"), """
                start: 2026-11-20T20:00
                duration: 1h
                businessTypes:
                  slimming-coffee:
                    callsPerHour: 10
                    handleTime: {distribution: exponential, mean: 2m}
                """);

        assertThat(run("simulate", "--config", config(), "--traffic", traffic.toString()))
                .isEqualTo(ExitCodes.INVALID_CONFIG);

        assertThat(err.toString()).isEqualTo(traffic + ":4:3: businessTypes.slimming-coffee: the configuration has no "
                + "such business type (it has after-sales, general-enquiry, knife-set, massage-chair, "
                + "skincare-set, slimming-tea)" + System.lineSeparator());
    }

    @Test
    void aQueueWhereNoCallWasAnsweredOrAbandonedHasNoLongestWait(@TempDir Path dir) throws IOException {
        Path traffic = Files.writeString(dir.resolve("traffic.yaml"), """
                start: 2026-11-20T20:00
                duration: 10m
                businessTypes:
                  knife-set:
                    callsPerHour: 30
                    handleTime: {distribution: exponential, mean: 2m}
                """);

        assertThat(run("simulate", "--config", config(), "--traffic", traffic.toString(), "--json")).isZero();

        JsonNode beauty = onlyJsonObject(out.toString()).at("/queues/sales-beauty");
        assertThat(beauty.get("offered").asLong()).as("sales-beauty had no calls").isZero();
        assertThat(beauty.get("longestWait").isNull()).isTrue();
    }

    @Test
    void aCentresFiguresComeAlsoPerReportingIntervalSoABurstShowsWhenItCame(@TempDir Path dir) throws IOException {
        // nobody calls but in the quarter hour after the 20:00 advertisement
        Path traffic = Files.writeString(dir.resolve("traffic.yaml"), """
                start: 2026-11-20T19:50
                duration: 40m
                businessTypes:
                  knife-set:
                    callsPerHour: {00:00: 0, 20:00: 240, 20:15: 0}
                    handleTime: {distribution: exponential, mean: 1m}
                """);

        assertThat(run("simulate", "--config", config(), "--traffic", traffic.toString(), "--json")).isZero();

        JsonNode root = onlyJsonObject(out.toString());
        JsonNode intervals = root.get("intervals");
        assertThat(intervals).isNotEmpty();
        long inbound = 0;
        for (JsonNode interval : intervals) {
            long calls = interval.at("/centre/inbound").asLong();
            inbound += calls;
            if (!interval.get("from").asText().startsWith("2026-11-20T20:00+08:00")) {
                assertThat(calls).as("callers in the interval from %s", interval.get("from").asText()).isZero();
            }
        }
        assertThat(inbound).isEqualTo(root.at("/centre/inbound").asLong()).isPositive();
        // the first interval from the run's start, a queue's figures too, and nothing of what waits at its end
        assertThat(intervals.get(0).get("from").asText()).isEqualTo("2026-11-20T19:50+08:00");
        assertThat(intervals.get(1).at("/queues/sales-home/offered").asLong()).isEqualTo(inbound);
        assertThat(intervals.get(1).at("/groups/sales-home").has("occupancy")).isTrue();
        assertThat(intervals.get(1).get("centre").has("waiting")).isFalse();
        // the callers the curve made, beside the 60 it makes on average (240 an hour for a quarter hour)
        assertThat(root.at("/simulator/businessTypes/knife-set/calls").asLong()).isEqualTo(inbound);
        assertThat(root.at("/simulator/businessTypes/knife-set/expected").asDouble()).isEqualTo(60.0);

        assertThat(run("simulate", "--config", config(), "--traffic", traffic.toString())).isZero();
        assertThat(out.toString()).containsPattern("(?m)^INTERVAL +inbound +offered +answered +abandoned +short "
                + "+overflow +refused +abandon +SL +ASA +P\\(wait\\) +agents +not rdy +occupancy$")
                .containsPattern("(?m)^2026-11-20 19:50-20:00 +0 ")
                .containsPattern("(?m)^2026-11-20 20:00-20:15 +" + inbound + " ")
                .contains("callers by business type (expected from the rates): knife-set " + inbound + " (60.0)");
    }

    @Test
    void theStaffingAShiftRosterGivesIsShownPerIntervalAndTheAgentsInNoShiftAreNamed(@TempDir Path dir)
            throws IOException {
        // the day shift leaves at 20:15, the evening shift of two comes in at 20:00
        Path traffic = Files.writeString(dir.resolve("traffic.yaml"), """
                start: 2026-11-20T19:45
                duration: 1h
                agents:
                  shifts:
                    day: {from: 09:00, to: 20:15, agents: ["1001", "1002", "1003", "1004"]}
                    evening: {from: 20:00, to: 24:00, agents: ["1005", "1006"],
                              breaks: [{from: 20:30, to: 20:40, reason: coaching}]}
                businessTypes:
                  knife-set:
                    callsPerHour: 30
                    handleTime: {distribution: exponential, mean: 1m}
                """);

        assertThat(run("simulate", "--config", config(), "--traffic", traffic.toString(), "--json")).isZero();

        assertThat(err.toString()).startsWith("note: 6 agents are in no shift of agents.shifts and stay logged out "
                + "throughout: 1007, 1008, 1009, 1010, 1011, 1012");
        JsonNode root = onlyJsonObject(out.toString());
        JsonNode intervals = root.get("intervals");
        assertThat(intervals.get(0).get("from").asText()).isEqualTo("2026-11-20T19:45+08:00");
        // the evening's two take their ten-minute coaching in full, one perhaps after a call: 1,200 agent-seconds
        assertThat(root.at("/centre/agentsNotReadyByReason/coaching").asDouble()
                * root.at("/simulator/simulatedSeconds").asDouble()).isCloseTo(1200.0, within(5.0));
        assertThat(intervals.get(3).at("/centre/agentsNotReady").asDouble()).isPositive();
        assertThat(intervals.get(0).at("/centre/agentsLoggedIn").asDouble()).isEqualTo(4.0);
        assertThat(intervals.get(1).at("/centre/agentsLoggedIn").asDouble()).isEqualTo(6.0);
        // after 20:15 the evening's two, and any day agent still finishing a call
        assertThat(intervals.get(2).at("/centre/agentsLoggedIn").asDouble()).isBetween(2.0, 2.5);
        assertThat(intervals.get(3).at("/centre/agentsLoggedIn").asDouble()).isBetween(2.0, 2.5);
        // of sales-home's members 1003 works the day, 1005 and 1006 the evening
        assertThat(intervals.get(0).at("/groups/sales-home/agentsLoggedIn").asDouble()).isEqualTo(1.0);
        assertThat(intervals.get(1).at("/groups/sales-home/agentsLoggedIn").asDouble()).isEqualTo(3.0);

        assertThat(run("simulate", "--config", config(), "--traffic", traffic.toString())).isZero();
        assertThat(out.toString()).containsPattern("(?m)^2026-11-20 20:00(:00)?-20:15(:00)? .* 6\\.0 +0\\.0 +[0-9.]+ %$")
                .containsPattern("(?m)^GROUP +offers +missed +answered +ASA +AHT +agents +occupancy +utilisation$")
                .containsPattern("agents logged in [0-9.]+ on average \\(not ready [0-9.]+: coaching [0-9.]+\\), ");
    }

    @Test
    void callsLostToAQueueNobodyStaffedAreToldApartFromThoseLostToClosedHours(@TempDir Path dir) throws IOException {
        // after-sales closes at 21:00 (its closed treatment sends callers to the IVR); before 20:30 nobody is on duty
        // (its noAgents treatment takes a message)
        Path traffic = Files.writeString(dir.resolve("traffic.yaml"), """
                start: 2026-11-20T20:00
                duration: 1h30m
                agents:
                  shifts:
                    late: {from: 20:30, to: 24:00, agents: ["1007", "1008", "1009"]}
                businessTypes:
                  after-sales:
                    callsPerHour: 60
                    handleTime: {distribution: exponential, mean: 2m}
                """);

        assertThat(run("simulate", "--config", config(), "--traffic", traffic.toString(), "--json")).isZero();

        JsonNode root = onlyJsonObject(out.toString());
        JsonNode afterSales = root.at("/queues/after-sales");
        JsonNode treated = afterSales.get("treated");
        assertThat(treated.get("noAgents").asLong()).isPositive();
        assertThat(treated.get("closed").asLong()).isPositive();
        assertThat(treated.get("noAgents").asLong() + treated.get("closed").asLong())
                .isEqualTo(afterSales.get("overflowed").asLong() + afterSales.get("refused").asLong());
        JsonNode intervals = root.get("intervals");
        assertThat(intervals.get(0).at("/queues/after-sales/treated/noAgents").asLong())
                .as("20:00-20:15, before the late shift").isPositive();
        assertThat(intervals.get(4).at("/queues/after-sales/treated/noAgents").asLong()).as("21:00-21:15").isZero();
        assertThat(intervals.get(4).at("/queues/after-sales/treated/closed").asLong()).isPositive();

        assertThat(run("simulate", "--config", config(), "--traffic", traffic.toString())).isZero();
        assertThat(out.toString()).containsPattern("(?m)^treated by queues \\(let go without an agent, by why\\): "
                + "after-sales closed [0-9]+, no agents [0-9]+$");
    }

    @Test
    void aBreakForAReasonTheCentreDoesNotTakeIsNamedForNoAgentCouldGiveIt(@TempDir Path dir) throws IOException {
        // server.yaml lists break, lunch, training, meeting, coaching, system-problem; "break" is a break's default
        Path traffic = Files.writeString(dir.resolve("traffic.yaml"), """
                start: 2026-11-20T19:45
                duration: 1h
                agents:
                  shifts:
                    evening:
                      from: 19:00
                      to: 24:00
                      agents: ["1005", "1006"]
                      breaks: [{from: 20:00, to: 20:10}, {from: 20:30, to: 20:40, reason: tea}]
                businessTypes:
                  knife-set:
                    callsPerHour: 30
                    handleTime: {distribution: exponential, mean: 1m}
                """);

        assertThat(run("simulate", "--config", config(), "--traffic", traffic.toString())).isEqualTo(1);

        assertThat(err.toString().lines()).containsExactly(traffic + ":9:67: agents.shifts.evening.breaks[1].reason: "
                + "'tea' is not one of the centre's not-ready reasons (server.yaml agents.notReadyReasons): break, "
                + "lunch, training, meeting, coaching, system-problem: an agent could not give it for this break");
    }

    @Test
    void everyIntervalOfTheRunHasARowThoseInWhichNothingHappenedAndNobodyWorkedToo(@TempDir Path dir)
            throws IOException {
        // nobody on duty and nobody calling before 08:00; one agent 08:00 to 08:30, callers 08:00 to 08:15
        Path traffic = Files.writeString(dir.resolve("traffic.yaml"), """
                start: 2026-11-20T07:00
                duration: 2h
                agents:
                  shifts:
                    early: {from: 08:00, to: 08:30, agents: ["1005"]}
                businessTypes:
                  knife-set:
                    callsPerHour: {00:00: 0, 08:00: 20, 08:15: 0}
                    handleTime: {distribution: exponential, mean: 1m}
                """);

        assertThat(run("simulate", "--config", config(), "--traffic", traffic.toString(), "--json")).isZero();

        JsonNode intervals = onlyJsonObject(out.toString()).get("intervals");
        assertThat(intervals).hasSize(8);
        assertThat(intervals.get(0).get("from").asText()).isEqualTo("2026-11-20T07:00+08:00");
        assertThat(intervals.get(0).at("/centre/inbound").asLong()).isZero();
        assertThat(intervals.get(0).at("/centre/agentsLoggedIn").asDouble()).isZero();
        assertThat(intervals.get(4).at("/centre/agentsLoggedIn").asDouble()).isEqualTo(1.0);
        assertThat(intervals.get(7).get("to").asText()).isEqualTo("2026-11-20T09:00+08:00");
        assertThat(intervals.get(7).at("/centre/agentsLoggedIn").asDouble()).isZero();
    }

    @Test
    void everyIntervalOfALongRunIsKeptNotOnlyTheLastWeeksWorth(@TempDir Path dir) throws IOException {
        // three days of 5-minute intervals: 864 and more, beyond the 672 a server keeps
        dev.hotline.server.ConfigCopy.tree(dev.hotline.server.ConfigCopy.shipped(), dir);
        Path centre = dir.resolve("centre.yaml");
        Files.writeString(centre, Files.readString(centre).replace("reportInterval: 15m", "reportInterval: 5m"));
        Path traffic = Files.writeString(dir.resolve("traffic.yaml"), """
                start: 2026-11-20T19:55
                duration: 72h
                businessTypes:
                  knife-set:
                    callsPerHour: {00:00: 2, 20:00: 60, 20:15: 2}
                    handleTime: {distribution: exponential, mean: 1m}
                """);

        assertThat(run("simulate", "--config", dir.toString(), "--traffic", traffic.toString(), "--json")).isZero();

        JsonNode root = onlyJsonObject(out.toString());
        long inbound = 0;
        for (JsonNode interval : root.get("intervals")) {
            inbound += interval.at("/centre/inbound").asLong();
        }
        assertThat(root.get("intervals").size()).isGreaterThanOrEqualTo(864);
        assertThat(root.get("intervals").get(0).get("from").asText()).isEqualTo("2026-11-20T19:55+08:00");
        assertThat(inbound).isEqualTo(root.at("/centre/inbound").asLong());
    }

    @Test
    void anInvalidConfigurationIsReportedAsValidateWouldAndExitsOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("centre.yaml"), "settings:\n  zone: Asia/Shangai\n");

        assertThat(run("simulate", "--config", dir.toString(), "--traffic", config() + "/traffic.yaml"))
                .isEqualTo(ExitCodes.INVALID_CONFIG);

        assertThat(err.toString()).startsWith("The configuration in " + dir + " is invalid:")
                .contains("centre.yaml:2:9: settings.zone: unknown time zone 'Asia/Shangai'");
    }

    /** The text holds exactly one JSON value, an object, and nothing else. */
    private static JsonNode onlyJsonObject(String text) throws IOException {
        try (JsonParser parser = JSON.createParser(text)) {
            JsonNode root = JSON.readTree(parser);
            assertThat(root.isObject()).as("a JSON object").isTrue();
            assertThat(parser.nextToken()).as("anything after the object").isNull();
            return root;
        }
    }
}
