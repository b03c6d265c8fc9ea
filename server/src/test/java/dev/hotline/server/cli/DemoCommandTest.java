package dev.hotline.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotline.server.Hotline;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hotline demo} for a few seconds on the shipped configuration: the server beside the simulated Asterisk
 * takes the random calls, prints pictures of the centre, stops by itself, and leaves a journal the report rebuilds.
 */
class DemoCommandTest {
    private static final Pattern FIGURES = Pattern.compile(
            "inbound (\\d+), refused (\\d+), self-service (\\d+), answered (\\d+), abandoned (\\d+);");

    @TempDir
    Path journal;

    @Test
    void aShortDemoAnswersCallsPrintsThePictureAndLeavesAJournalTheReportReads() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = run(out, err, "demo", "--config", config(), "--duration", "5s", "--speed", "10", "--rate", "30",
                "--every", "1s", "--seed", "7", "--journal", journal.toString());

        assertThat(exit).as(err.toString()).isZero();
        String printed = out.toString();
        assertThat(printed).contains("Hotline demo: " + config() + ", FastAGI on 127.0.0.1:",
                "30 calls a minute at random, time x10, journal in " + journal + ". Stops after 5s.",
                "   sales-health ", "   agents: 1001 ", " still on the line ",
                "Stopped. The journal is in " + journal);
        assertThat(printed).as("server.yaml has an api section: the demo serves it on a free port, and says whether"
                        + " a token opens it").containsPattern(System.getenv("HOTLINE_SUPERVISOR_TOKEN") == null
                        ? "the API on 127\\.0\\.0\\.1:\\d+ \\(no token in force: set HOTLINE_SUPERVISOR_TOKEN to 16"
                        + " or more characters before the demo to use it\\)"
                        : "the API on 127\\.0\\.0\\.1:\\d+ \\(tokens: supervisors \\(supervisor\\)\\)");
        List<long[]> pictures = FIGURES.matcher(printed).results()
                .map(m -> new long[] {count(m, 1), count(m, 4)}).toList();
        assertThat(pictures).as("pictures printed").hasSizeGreaterThanOrEqualTo(2);
        long[] last = pictures.getLast();
        assertThat(last[0]).as("inbound calls").isPositive();
        assertThat(last[1]).as("answered calls").isPositive();

        StringWriter report = new StringWriter();
        assertThat(run(report, err, "report", "--journal", journal.toString(), "--json")).isZero();
        JsonNode figures = new ObjectMapper().readTree(report.toString());
        assertThat(figures.toString()).contains("\"answered\":");
        assertThat(figures.findValues("answered")).anySatisfy(n -> assertThat(n.asLong()).isPositive());
    }

    @Test
    void aDemoThatStopsAsAPictureIsDueShowsThatPictureOnceNotTwice() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = run(out, err, "demo", "--config", config(), "--duration", "2s", "--every", "1s", "--seed", "7",
                "--journal", journal.toString());

        assertThat(exit).as(err.toString()).isZero();
        assertThat(out.toString().lines().filter(line -> line.startsWith("-- "))).as(out.toString()).hasSize(2);
    }

    @Test
    void aSpeedThatIsNotPositiveIsAUsageError() {
        StringWriter err = new StringWriter();

        assertThat(run(new StringWriter(), err, "demo", "--config", config(), "--speed", "0")).isEqualTo(2);
        assertThat(err.toString()).contains("--rate and --speed must be positive numbers: --rate 4.0, --speed 0.0");
    }

    @Test
    void aSpeedBeyondWhatTheServerCanFollowIsAUsageError() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        assertThat(run(out, err, "demo", "--config", config(), "--speed", "1e9")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("--speed must be at most 1000, got 1000000000");
    }

    @Test
    void aStartThatIsNoTimeOfDayIsAUsageErrorThatSaysHowToWriteIt() {
        StringWriter err = new StringWriter();

        assertThat(run(new StringWriter(), err, "demo", "--config", config(), "--start-at", "25:00")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--start-at must be a time of day HH:MM from 00:00 to 23:59: '25:00'");
    }

    @Test
    void aJournalThatIsAFileStopsTheDemoBeforeItStartsWithExitSix() throws Exception {
        Path file = Files.writeString(journal.resolve("journal.txt"), "a file\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = run(out, err, "demo", "--config", config(), "--duration", "5s", "--journal", file.toString());

        assertThat(exit).isEqualTo(ExitCodes.CANNOT_JOURNAL);
        assertThat(err.toString().lines()).containsExactly(
                "cannot open the journal in " + file + ": it is a file, not a directory",
                "the demo did not start: give --journal a directory Hotline can write (or leave it out)");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void aJournalDirectoryThatHoldsAnEarlierRunIsAUsageError() throws Exception {
        Files.writeString(journal.resolve("journal-2026-12-07-001.jsonl"), "{}\n");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();

        int exit = run(out, err, "demo", "--config", config(), "--duration", "5s", "--journal", journal.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("--journal " + journal + " already holds a journal "
                + "(journal-2026-12-07-001.jsonl): a demo's clock starts at --start-at again, so two runs in one "
                + "directory could not be reported; give a new or empty directory, or leave --journal out for a "
                + "temporary one");
        assertThat(out.toString()).isEmpty();
    }

    private static long count(MatchResult m, int group) {
        return Long.parseLong(m.group(group));
    }

    private static int run(StringWriter out, StringWriter err, String... args) {
        CommandLine cli = Hotline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String config() {
        return System.getProperty("hotline.config.dir", "../config");
    }
}
