package dev.hotline.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.server.Hotline;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigResult;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.journal.JournalSettings;
import dev.hotline.server.journal.JournalWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code hotline report} over a journal of two calls to the slimming-tea number, Monday 09:00 in Shanghai, one agent:
 * c1 is answered after 3 s of ringing and talks 100 s (then 30 s of wrap-up); c2 waits 30 s behind it and hangs up.
 * Ready again at 09:02:14, the agent takes a private call from 09:02:20 to 09:03:20: a minute not available for calls.
 */
class ReportCommandTest {
    private static final long T0 = Instant.parse("2026-11-23T01:00:00Z").toEpochMilli();
    private static final String FILE = "journal-2026-11-23-001.jsonl";

    @TempDir
    Path journal;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int report(String... options) {
        CommandLine cli = Hotline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = new String[options.length + 3];
        args[0] = "report";
        args[1] = "--journal";
        args[2] = journal.toString();
        System.arraycopy(options, 0, args, 3, options.length);
        return cli.execute(args);
    }

    @BeforeEach
    void twoCallsAndOneAgent() {
        ConfigResult loaded = ConfigLoader.load(Path.of(System.getProperty("hotline.config.dir", "../config")));
        CentreConfig config = ((ConfigResult.Valid) loaded).config();
        try (JournalWriter writer = JournalWriter.start(JournalSettings.in(journal), config,
                Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC))) {
            RoutingEngine engine = new RoutingEngine(config, T0, 1, writer);
            engine.handle(new AcdEvent.AgentLoggedIn(T0, "1001"));
            engine.handle(new AcdEvent.AgentReady(T0, "1001"));
            engine.handle(new AcdEvent.CallArrived(T0 + 1_000, "c1", "13900000001", "4008001001"));
            engine.handle(new AcdEvent.QueueRequested(T0 + 1_000, "c1", Optional.empty(), 0, Map.of()));
            engine.handle(new AcdEvent.OfferAnswered(T0 + 4_000, "c1", "1001"));
            engine.handle(new AcdEvent.CallArrived(T0 + 20_000, "c2", "13900000002", "4008001001"));
            engine.handle(new AcdEvent.QueueRequested(T0 + 20_000, "c2", Optional.empty(), 0, Map.of()));
            engine.handle(new AcdEvent.CallerHungUp(T0 + 50_000, "c2"));
            // the caller who gave up asks for a callback on a later call's IVR; nobody has called back yet
            writer.record(new JournalRecord.CallbackRequested(T0 + 60_000, "c3", "13900000002", "4008001001", "health-tea", Map.of()));
            engine.handle(new AcdEvent.AgentHungUp(T0 + 104_000, "c1"));
            engine.advanceTo(T0 + 140_000);
            engine.handle(new AcdEvent.PhoneStateChanged(T0 + 140_000, "1001", PhoneState.BUSY));
            engine.handle(new AcdEvent.PhoneStateChanged(T0 + 200_000, "1001", PhoneState.FREE));
            engine.advanceTo(T0 + 260_000);
        }
    }

    @Test
    void theTablesShowTheCentreEachQueueGroupAndAgent() {
        int exit = report();

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
        assertThat(out.toString()).contains(
                "Journal " + journal + ", 2026-11-23 09:00:00 to 2026-11-23 09:03:20 (Asia/Shanghai)\n",
                "  inbound 2, refused 0 (blacklist 0, unknown number 0, by queues 0), self-service 0,"
                        + " abandoned in IVR 0, ended in IVR 0\n",
                "  offered 2, answered 1, abandoned 1 (short 0), overflowed 0, waiting 0\n",
                "  connection rate 50.0 % (answer rate 50.0 %), service level 50.0 %, ASA 0:03, AHT 2:10,"
                        + " abandonment 50.0 %, occupancy 95.0 %, utilisation 65.0 %\n",
                "  offers to agents 1, missed 0 (no answer 0, failed 0)\n",
                "  agents logged in 0:03:20: ready 0:00:07; ringing 0:00:03; talking 0:01:40; wrap-up 0:00:30;"
                        + " ready, phone busy 0:01:00; ready, phone unreachable 0:00:00; not ready 0:00:00\n",
                "  messages left 0, callbacks requested 1, open callback requests 1, callbacks done 0, given up 0\n");
        assertThat(out.toString().lines())
                .anySatisfy(line -> assertThat(line.split(" +")).containsExactly("sales-health", "2", "1", "1",
                        "0", "0", "0", "0", "50.0", "%", "0:03", "2:10", "50.0", "%", "50.0", "%", "0:30"))
                .anySatisfy(line -> assertThat(line.split(" +")).containsExactly("1001", "1", "0", "1", "0:03", "1:40",
                        "2:10", "0:03:20", "0:00:07", "0:01:00", "0:00:00", "0:00:00", "95.0", "%", "65.0", "%"));
    }

    @Test
    void jsonCarriesTheCountsAndTheRatiosUnderTheirNames() throws IOException {
        int exit = report("--json");

        assertThat(exit).isZero();
        JsonNode json = new ObjectMapper().readTree(out.toString());
        JsonNode salesHealth = json.path("queues").path("sales-health");
        assertThat(salesHealth.path("offered").asLong()).isEqualTo(2);
        assertThat(salesHealth.path("serviceLevel").asDouble()).isEqualTo(0.5);
        assertThat(salesHealth.path("answers").path("ahtMillis").asDouble()).isEqualTo(130_000);
        assertThat(json.path("centre").path("connectionRate").asDouble()).isEqualTo(0.5);
        assertThat(json.path("queues").path("after-sales").path("serviceLevel").isNull()).as("no data").isTrue();
        assertThat(json.path("agents").path("1001").path("agentTime").path("talkMillis").asLong())
                .isEqualTo(100_000);
        assertThat(json.path("agents").path("1001").path("offers").path("offers").asLong()).isEqualTo(1);
        assertThat(json.path("agents").path("1001").path("offers").path("missedRate").asDouble()).isZero();
        JsonNode agentTime = json.path("agents").path("1001").path("agentTime");
        assertThat(agentTime.path("readyMillis").asLong()).as("available").isEqualTo(7_000);
        assertThat(agentTime.path("readyPhoneBusyMillis").asLong()).isEqualTo(60_000);
        assertThat(agentTime.path("readyPhoneUnreachableMillis").asLong()).isZero();
        assertThat(agentTime.path("occupancy").asDouble()).isEqualTo(133.0 / 140.0);
        assertThat(json.path("centre").path("agentTime").path("readyPhoneBusyMillis").asLong()).isEqualTo(60_000);
        assertThat(json.path("lostRecords").asLong()).isZero();
        assertThat(json.path("ivrRequests").path("callbacksOpen").asLong()).isEqualTo(1);
    }

    @Test
    void aPeriodInLocalTimeCountsOnlyWhatHappenedInIt() {
        int exit = report("--from", "2026-11-23T09:00:30", "--to", "2026-11-23T09:01:00+08:00", "--json");

        assertThat(exit).isZero();
        assertThat(out.toString()).contains("\"from\" : \"2026-11-23T01:00:30Z\"", "\"to\" : \"2026-11-23T01:01:00Z\"",
                "\"abandoned\" : 1", "\"inbound\" : 0");
    }

    @Test
    void aPeriodWhollyAfterTheJournalIsShownAsAskedAndSaidToHoldNothingOfIt() {
        int exit = report("--from", "2026-11-24");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Journal " + journal + ", 2026-11-24 00:00:00 to its end "
                + "(Asia/Shanghai): nothing of this period is in the journal\n");
        assertThat(err.toString()).contains("nothing of the period is in it");
    }

    @Test
    void aDamagedJournalIsNamedWithFileAndLineAndExitsOne() throws IOException {
        Files.writeString(journal.resolve(FILE), Files.readString(journal.resolve(FILE))
                .replaceFirst("\"type\":\"call-classified\"", "\"type\":\"call-clasified\""));

        int exit = report();

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString()).matches(FILE + ":\\d+: unknown type 'call-clasified'\\R");
    }

    @Test
    void aTornLastLineIsAWarningAndTheReportStillComes() throws IOException {
        Files.writeString(journal.resolve(FILE), "{\"v\":1,\"type\":\"call-arr", StandardOpenOption.APPEND);

        int exit = report();

        assertThat(exit).isZero();
        assertThat(err.toString()).as("said once, however often the file is read").matches("warning: " + FILE
                + ":\\d+: torn last line skipped \\(23 characters without a line end: cut short by a crash, a full "
                + "disk or a power cut\\)\\R");
        assertThat(out.toString()).contains("offered 2, answered 1");
    }

    @Test
    void aTimeThatIsNotOneIsAUsageError() {
        int exit = report("--from", "yesterday");

        assertThat(exit).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).startsWith("--from: 'yesterday' is not a time (2026-11-23T09:00:00+08:00, "
                + "2026-11-23T09:00 or 2026-11-23)");
    }

    @Test
    void aDirectoryWithoutAJournalExitsOne(@TempDir Path empty) {
        CommandLine cli = Hotline.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("report", "--journal", empty.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString()).isEqualTo(empty + ": no journal files (journal-YYYY-MM-DD-NNN.jsonl)"
                + System.lineSeparator());
    }

    @Test
    void aLocalTimeTheClocksSkipIsTheMomentTheySkipToAndOneTheyRepeatIsItsFirstOccurrence() {
        ZoneId newYork = ZoneId.of("America/New_York");

        // 8 March 2026: 02:00 EST becomes 03:00 EDT, which is 07:00 UTC
        assertThat(ReportCommand.instantOf(LocalDateTime.parse("2026-03-08T02:30"), newYork))
                .isEqualTo(Instant.parse("2026-03-08T07:00:00Z"));
        // 1 November 2026: 01:30 EDT (05:30 UTC), then 01:30 EST again an hour later
        assertThat(ReportCommand.instantOf(LocalDateTime.parse("2026-11-01T01:30"), newYork))
                .isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        assertThat(ReportCommand.instantOf(LocalDateTime.parse("2026-11-23T09:00"), ZoneId.of("Asia/Shanghai")))
                .isEqualTo(Instant.parse("2026-11-23T01:00:00Z"));
    }
}
