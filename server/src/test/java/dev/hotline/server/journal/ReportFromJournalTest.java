package dev.hotline.server.journal;

import static dev.hotline.server.journal.JournalFixtures.shippedConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.CentreSettings;
import dev.hotline.acd.stats.AgentTimeFigures;
import dev.hotline.acd.stats.AnswerFigures;
import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.CentreFigures;
import dev.hotline.acd.stats.CentreStatistics;
import dev.hotline.acd.stats.Figures;
import dev.hotline.acd.stats.StaffFigures;
import dev.hotline.server.journal.internal.JournalFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The figures rebuilt from a journal are the figures the live statistics computed. */
class ReportFromJournalTest {
    private static final CentreConfig CONFIG = shippedConfig();
    /** Monday 23 November 2026, 20:00 in Shanghai: the evening TV slots; sales closes at midnight. */
    private static final long EIGHT_PM = Instant.parse("2026-11-23T12:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    /** A clock that reads the virtual time the run has reached (the writer thread reads it for the day). */
    private static Clock clockOf(AtomicLong virtualNow) {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneId.of("UTC");
            }

            @Override
            public Clock withZone(ZoneId zone) {
                throw new UnsupportedOperationException();
            }

            @Override
            public Instant instant() {
                return Instant.ofEpochMilli(virtualNow.get());
            }
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void aReportOfTheWholeJournalEqualsTheStatisticsFedDirectly(long seed) throws IOException {
        CentreStatistics live = new CentreStatistics(CONFIG);
        AtomicLong virtualNow = new AtomicLong(EIGHT_PM);
        CentreRun run = new CentreRun(CONFIG, seed, virtualNow);
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir).withMaxFileBytes(64 * 1024), CONFIG,
                clockOf(virtualNow))) {
            run.run(EIGHT_PM, Duration.ofMinutes(4 * 60 + 20).toMillis(), DecisionListener.all(live, journal));
        }

        JournalReplay.Report report = JournalReplay.of(dir, null, null, warnings::add);

        Figures expected = live.snapshot(run.lastDecisionAt());
        assertThat(expected.centre().calls().answers().answered()).as("a busy evening").isGreaterThan(40);
        assertThat(report.figures()).isEqualTo(expected);
        assertThat(report.lostRecords()).isZero();
        assertThat(warnings).isEmpty();
        assertThat(JournalFiles.list(dir)).extracting(f -> f.day().toString())
                .as("rotated by size and at midnight in Shanghai").contains("2026-11-23", "2026-11-24")
                .hasSizeGreaterThan(3);
    }

    @Test
    void aReportOfTheWholeJournalCountsReadyTimeWithABusyOrUnreachablePhoneAsTheLiveStatisticsDo() {
        CentreStatistics live = new CentreStatistics(CONFIG);
        AtomicLong virtualNow = new AtomicLong(EIGHT_PM);
        CentreRun run = new CentreRun(CONFIG, 5, virtualNow).withPrivateCalls();
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir).withMaxFileBytes(64 * 1024), CONFIG,
                clockOf(virtualNow))) {
            run.run(EIGHT_PM, Duration.ofHours(3).toMillis(), DecisionListener.all(live, journal));
        }

        JournalReplay.Report report = JournalReplay.of(dir, null, null, warnings::add);

        Figures expected = live.snapshot(run.lastDecisionAt());
        AgentTimeFigures agents = expected.centre().agentTime();
        assertThat(agents.readyPhoneBusyMillis()).as("private calls while ready").isPositive();
        assertThat(agents.readyPhoneUnreachableMillis()).as("an unregistered phone while ready").isPositive();
        assertThat(report.figures()).isEqualTo(expected);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPeriodCountsEachEventWhereItHappenedLikeTheStatisticsReportingInterval() {
        CentreStatistics live = new CentreStatistics(CONFIG);
        AtomicLong virtualNow = new AtomicLong(EIGHT_PM);
        CentreRun run = new CentreRun(CONFIG, 4, virtualNow);
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir).withMaxFileBytes(64 * 1024), CONFIG,
                clockOf(virtualNow))) {
            run.run(EIGHT_PM, Duration.ofHours(2).toMillis(), DecisionListener.all(live, journal));
        }
        long nineFifteen = EIGHT_PM + Duration.ofMinutes(75).toMillis();
        long nineThirty = nineFifteen + Duration.ofMinutes(15).toMillis();

        Figures period = JournalReplay.of(dir, Instant.ofEpochMilli(nineFifteen), Instant.ofEpochMilli(nineThirty),
                warnings::add).figures();

        Figures interval = live.interval(nineFifteen, run.lastDecisionAt()).orElseThrow();
        assertThat(interval.centre().calls().abandoned()).as("a busy interval").isPositive();
        assertThat(comparable(period)).isEqualTo(comparable(interval));
        assertThat(period.from()).isEqualTo(nineFifteen);
        assertThat(period.to()).isEqualTo(nineThirty);
    }

    @Test
    void aDailyReportFromMidnightKnowsTheCallsInProgressAtMidnightThoughTheDaysFileBeginsThen() throws IOException {
        // a centre whose day begins in New York while its queues keep Shanghai's hours: busy at its midnight
        CentreSettings shanghai = CONFIG.settings();
        CentreConfig config = new CentreConfig(new CentreSettings(ZoneId.of("America/New_York"),
                shanghai.reportInterval(), shanghai.shortAbandon(), shanghai.busyPrompt(),
                shanghai.defaultBusinessType()), CONFIG.numbers(), CONFIG.businessTypes(), CONFIG.queues(),
                CONFIG.groups(), CONFIG.agents(), CONFIG.blacklist(), CONFIG.vipPolicy(), CONFIG.vips());
        long midnight = Instant.parse("2026-11-24T05:00:00Z").toEpochMilli();   // 13:00 in Shanghai
        long start = midnight - Duration.ofMinutes(15).toMillis();
        CentreStatistics live = new CentreStatistics(config);
        AtomicLong virtualNow = new AtomicLong(start);
        CentreRun run = new CentreRun(config, 6, virtualNow);
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), config, clockOf(virtualNow))) {
            run.run(start, Duration.ofMinutes(30).toMillis(), DecisionListener.all(live, journal));
        }
        long quarterPast = midnight + Duration.ofMinutes(15).toMillis();

        Figures period = JournalReplay.of(dir, Instant.ofEpochMilli(midnight), Instant.ofEpochMilli(quarterPast),
                warnings::add).figures();

        Figures interval = live.interval(midnight, run.lastDecisionAt()).orElseThrow();
        assertThat(JournalFiles.list(dir)).extracting(f -> f.day().toString())
                .as("the day's file begins at midnight in New York").containsExactly("2026-11-23", "2026-11-24");
        assertThat(interval.centre().calls().answers().handled()).as("calls answered before midnight, ended after")
                .isPositive();
        assertThat(interval.centre().calls().abandoned()).as("calls queued before midnight, abandoned after %s", interval.centre().calls()).isPositive();
        assertThat(comparable(period)).isEqualTo(comparable(interval));
    }

    @Test
    void aCallQueuedBeforeMidnightAndAbandonedAfterIsAbandonedInTheNextDaysReportNotLostNorOfferedAgain()
            throws IOException {
        long midnight = Instant.parse("2026-11-23T16:00:00Z").toEpochMilli();   // in Shanghai
        AtomicLong virtualNow = new AtomicLong(midnight - 10_000);
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clockOf(virtualNow))) {
            journal.onDecision(new Decision.CallClassified(midnight - 10_000, "c1", "13911112222", "4008001001",
                    "slimming-tea", "sales-health", Optional.empty(), "exact 4008001001", Optional.empty()));
            journal.onDecision(new Decision.CallQueued(midnight - 10_000, "c1", "sales-health", 0,
                    List.of("health"), 1, 30_000));
            virtualNow.set(midnight + 10_000);
            journal.onDecision(new Decision.CallEnded(midnight + 10_000, "c1", Outcome.ABANDONED,
                    Optional.of("sales-health"), Optional.empty(), 20_000, 0, "caller hung up while waiting",
                    "13911112222", "4008001001", Optional.empty()));
        }
        assertThat(JournalFiles.list(dir)).as("a file a day").hasSize(2);

        CallFigures before = JournalReplay.of(dir, null, Instant.ofEpochMilli(midnight), warnings::add).figures()
                .centre().calls();
        CallFigures after = JournalReplay.of(dir, Instant.ofEpochMilli(midnight), null, warnings::add).figures()
                .centre().calls();

        assertThat(before.offered()).isEqualTo(1);
        assertThat(before.abandoned()).isZero();
        assertThat(after.offered()).isZero();
        assertThat(after.abandoned()).isEqualTo(1);
    }

    @Test
    void aJournalWhoseFirstFileContinuesOneArchivedAwaySaysTheCallsThenAreNotKnown() throws IOException {
        long midnight = Instant.parse("2026-11-23T16:00:00Z").toEpochMilli();   // in Shanghai
        AtomicLong virtualNow = new AtomicLong(midnight - 10_000);
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clockOf(virtualNow))) {
            journal.onDecision(new Decision.CallClassified(midnight - 10_000, "c1", "13911112222", "4008001001",
                    "slimming-tea", "sales-health", Optional.empty(), "exact 4008001001", Optional.empty()));
            virtualNow.set(midnight + 10_000);
            journal.onDecision(new Decision.CallQueued(midnight + 10_000, "c2", "sales-health", 0,
                    List.of("health"), 1, 30_000));
        }
        java.nio.file.Files.delete(JournalFiles.list(dir).getFirst().path());   // the day before, archived

        JournalReplay.of(dir, null, null, warnings::add);

        assertThat(warnings).singleElement().asString().startsWith("the journal's first file continues an earlier "
                + "one that is not in " + dir + " (its first line, of 2026-11-23T23:59:50.000+08:00, says it began at "
                + "a new day): the calls in progress then are not known");
    }

    @Test
    void aPeriodOutsideTheJournalSaysSoAndCountsNothing() {
        long t = EIGHT_PM;
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(t), ZoneId.of("UTC")))) {
            journal.onDecision(new Decision.CallRequeued(t + 1, "c1", "1001", "sales-health", "ring-no-answer",
                    OfferEnd.NO_ANSWER));
        }
        Instant dayBefore = Instant.ofEpochMilli(t).minus(Duration.ofDays(1));
        Instant yearAfter = Instant.ofEpochMilli(t).plus(Duration.ofDays(365));

        Figures before = JournalReplay.of(dir, dayBefore, dayBefore.plus(Duration.ofHours(1)), warnings::add)
                .figures();
        assertThat(before.centre().inbound()).isZero();
        assertThat(warnings).containsExactly("the journal begins at 2026-11-23T20:00:00.000+08:00, after the period's start: "
                + "nothing of the period is in it");
        warnings.clear();
        JournalReplay.of(dir, yearAfter, yearAfter.plus(Duration.ofHours(1)), warnings::add);
        assertThat(warnings).containsExactly("the journal ends at 2026-11-23T20:00:00.001+08:00, before the period's "
                + "start: nothing of the period is in it");
        warnings.clear();
        JournalReplay.of(dir, yearAfter, null, warnings::add);
        assertThat(warnings).as("from a time after it, to its end").containsExactly("the journal ends at "
                + "2026-11-23T20:00:00.001+08:00, before the period's start: nothing of the period is in it");
        warnings.clear();
        JournalReplay.of(dir, null, dayBefore, warnings::add);
        assertThat(warnings).as("from its start to a time before it").containsExactly("the journal begins at "
                + "2026-11-23T20:00:00.000+08:00, at or after the period's end: nothing of the period is in it");
    }

    @Test
    void aJournalFileMissingBetweenTwoOthersIsSaidAsAGapInTheRecords() throws IOException {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir).withMaxFileBytes(1), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(EIGHT_PM), ZoneId.of("UTC")))) {
            for (int i = 1; i <= 3; i++) {
                journal.onDecision(new Decision.CallRequeued(EIGHT_PM + i * 60_000, "c" + i, "1001", "sales-health",
                        "ring-no-answer", OfferEnd.NO_ANSWER));
            }
        }
        // files: [open@0, c1@1m] [open@1m, c2@2m] [open@2m, c3@3m]; the middle one is deleted
        java.nio.file.Files.delete(JournalFiles.list(dir).get(1).path());

        JournalReplay.of(dir, null, null, warnings::add);

        assertThat(warnings).containsExactly("the journal has no records from 2026-11-23T20:01:00.000+08:00 to "
                + "2026-11-23T20:02:00.000+08:00, where the next file says it went on: a file is missing or cut short, and the "
                + "figures of that time are incomplete");
    }

    @Test
    void callsARunLostWithoutACleanStopEndWhereItsJournalEndsNotWaitingForEver() {
        long eight = EIGHT_PM - Duration.ofHours(12).toMillis();
        long crash = eight + 60_000;
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(eight), ZoneId.of("UTC")))) {
            journal.onDecision(new Decision.AgentStateChanged(eight, "1001", AgentState.LOGGED_OUT,
                    AgentState.READY, "logged in"));
            for (String call : List.of("talking", "waiting")) {
                journal.onDecision(new Decision.CallClassified(eight, call, "13911112222", "4008001001",
                        "slimming-tea", "sales-health", Optional.empty(), "exact 4008001001", Optional.empty()));
                journal.onDecision(new Decision.CallQueued(eight, call, "sales-health", 0, List.of("health"), 1,
                        30_000));
            }
            journal.onDecision(new Decision.CallAnswered(eight + 10_000, "talking", "1001", "sales-health", "health",
                    10_000));
            journal.onDecision(new Decision.AgentStateChanged(crash, "1002", AgentState.LOGGED_OUT,
                    AgentState.READY, "logged in"));
        }
        // killed after its last record; started again an hour later, knowing nothing of the two calls
        JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(eight + 3_600_000), ZoneId.of("UTC"))).close();

        CallFigures calls = JournalReplay.of(dir, null, null, warnings::add).figures().queues().get("sales-health");

        assertThat(calls.waiting()).isZero();
        assertThat(calls.longestCurrentWaitMillis()).isZero();
        assertThat(calls.answers().answered()).isEqualTo(1);
        assertThat(calls.answers().handled()).as("ended at the crash, talk known to then").isEqualTo(1);
        assertThat(calls.answers().talkMillis()).isEqualTo(50_000);
        assertThat(calls.overflowed()).as("Asterisk's dialplan took the waiting call back").isEqualTo(1);
        assertThat(warnings).singleElement().asString().contains("stopped with 2 call(s) in progress (")
                .contains("), as a crash leaves them");
    }

    @Test
    void theTimeTheServerWasDownIsNobodysTimeOnDuty() {
        long eight = EIGHT_PM - Duration.ofHours(12).toMillis();
        long nine = eight + Duration.ofHours(1).toMillis();
        long ten = nine + Duration.ofHours(1).toMillis();
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(eight), ZoneId.of("UTC")))) {
            journal.onDecision(new Decision.AgentStateChanged(eight, "1001", AgentState.LOGGED_OUT,
                    AgentState.READY, "logged in"));
            journal.onDecision(new Decision.CallRequeued(eight + 30 * 60_000, "c1", "1001", "sales-health",
                    "ring-no-answer", OfferEnd.NO_ANSWER));
        }
        // the server stopped after its 08:30 record and started again at 10:00: nobody logged in since
        JournalWriter.start(JournalSettings.in(dir), CONFIG, Clock.fixed(Instant.ofEpochMilli(ten), ZoneId.of("UTC")))
                .close();

        StaffFigures downtime = JournalReplay.of(dir, Instant.ofEpochMilli(nine), Instant.ofEpochMilli(ten),
                warnings::add).figures().agents().get("1001");
        StaffFigures whole = JournalReplay.of(dir, null, null, warnings::add).figures().agents().get("1001");

        assertThat(downtime.agentTime().loggedInMillis()).isZero();
        assertThat(whole.agentTime().loggedInMillis()).as("08:00 to the last record at 08:30")
                .isEqualTo(30 * 60_000);
    }

    @Test
    void aPeriodCountsReadyTimeOnAPrivateCallThatBeganBeforeItsFileAsTheStatisticsIntervalDoes() throws IOException {
        CentreStatistics live = new CentreStatistics(CONFIG);
        AtomicLong virtualNow = new AtomicLong(EIGHT_PM);
        CentreRun run = new CentreRun(CONFIG, 5, virtualNow).withPrivateCalls();
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir).withMaxFileBytes(16 * 1024), CONFIG,
                clockOf(virtualNow))) {
            run.run(EIGHT_PM, Duration.ofHours(1).toMillis(), DecisionListener.all(live, journal));
        }
        long eightFifteen = EIGHT_PM + Duration.ofMinutes(15).toMillis();
        long eightThirty = eightFifteen + Duration.ofMinutes(15).toMillis();

        Figures period = JournalReplay.of(dir, Instant.ofEpochMilli(eightFifteen), Instant.ofEpochMilli(eightThirty),
                warnings::add).figures();

        Figures interval = live.interval(eightFifteen, run.lastDecisionAt()).orElseThrow();
        assertThat(interval.centre().agentTime().readyPhoneBusyMillis()).as("private calls in the interval")
                .isPositive();
        assertThat(JournalFiles.list(dir)).as("files that begin during private calls").hasSizeGreaterThan(3);
        // agents' time only: a short window also holds calls that the two count apart by definition (see comparable)
        assertThat(period.centre().agentTime()).isEqualTo(interval.centre().agentTime());
        interval.groups().forEach((id, g) -> assertThat(period.groups().get(id).agentTime()).as("group " + id)
                .isEqualTo(g.agentTime()));
        interval.agents().forEach((id, a) -> assertThat(period.agents().get(id).agentTime()).as("agent " + id)
                .isEqualTo(a.agentTime()));
    }

    /**
     * Without what the two define apart: calls waiting now (a period's end is its present, an interval that is over
     * has none) and handled calls' wrap-up (an interval counts it whole where it ends, a period the part in it).
     */
    private static Figures comparable(Figures f) {
        Map<String, CallFigures> queues = new TreeMap<>();
        f.queues().forEach((id, q) -> queues.put(id, comparable(q)));
        Map<String, StaffFigures> groups = new TreeMap<>();
        f.groups().forEach((id, g) -> groups.put(id, new StaffFigures(comparable(g.answers()), g.offers(),
                g.agentTime())));
        Map<String, StaffFigures> agents = new TreeMap<>();
        f.agents().forEach((id, a) -> agents.put(id, new StaffFigures(comparable(a.answers()), a.offers(),
                a.agentTime())));
        CentreFigures c = f.centre();
        return new Figures(0, 0, new CentreFigures(c.inbound(), c.refusedBlacklist(), c.refusedUnknownNumber(),
                c.selfService(), c.abandonedInIvr(), c.endedInIvr(), comparable(c.calls()), c.offers(), c.agentTime()),
                queues,
                groups, agents);
    }

    private static CallFigures comparable(CallFigures q) {
        return new CallFigures(q.offered(), comparable(q.answers()), q.abandoned(), q.shortAbandoned(),
                q.abandonedAfterThreshold(), q.overflowed(), q.refused(), q.treated(), 0, q.longestWaitMillis(), 0);
    }

    private static AnswerFigures comparable(AnswerFigures a) {
        return new AnswerFigures(a.answered(), a.answeredWithinThreshold(), a.answeredAfterWaiting(),
                a.answerWaitMillis(), a.handled(), a.talkMillis(), 0);
    }

    @Test
    void anAgentOnDutyBeforeThePeriodCountsFromItsStartInTheStateTheJournalKnows() {
        long eight = EIGHT_PM - Duration.ofHours(12).toMillis();
        long nine = eight + Duration.ofHours(1).toMillis();
        long ten = nine + Duration.ofHours(1).toMillis();
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(eight), ZoneId.of("UTC")))) {
            journal.onDecision(new Decision.AgentStateChanged(eight, "1001", AgentState.LOGGED_OUT,
                    AgentState.READY, "logged in"));
            journal.onDecision(new Decision.AgentStateChanged(nine + 45 * 60_000, "1001", AgentState.READY,
                    AgentState.NOT_READY, "break"));
            journal.onDecision(new Decision.AgentStateChanged(ten + 60_000, "1001", AgentState.NOT_READY,
                    AgentState.READY, "ready"));
        }

        StaffFigures agent = JournalReplay.of(dir, Instant.ofEpochMilli(nine), Instant.ofEpochMilli(ten),
                warnings::add).figures().agents().get("1001");

        assertThat(agent.agentTime().readyMillis()).isEqualTo(45 * 60_000);
        assertThat(agent.agentTime().notReadyByReason()).containsEntry("break", 15 * 60_000L);
        assertThat(agent.agentTime().loggedInMillis()).isEqualTo(60 * 60_000);
    }

    /**
     * A journal whose first file has one decision, at EIGHT_PM + 1, and whose second file was opened after a write error
     * at EIGHT_PM + 9, followed by {@code after} (the mark of the loss, if any).
     */
    private void journalWithAWriteErrorFile(JournalRecord... after) throws IOException {
        long t = EIGHT_PM;
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(t), ZoneId.of("UTC")))) {
            journal.onDecision(new Decision.CallRequeued(t + 1, "c1", "1001", "sales-health", "ring-no-answer",
                    OfferEnd.NO_ANSWER));
        }
        var codec = new dev.hotline.server.journal.internal.JournalCodec();
        ZoneId zone = ZoneId.of("Asia/Shanghai");
        StringBuilder second = new StringBuilder(codec.write(new JournalRecord.FileOpened(t + 9,
                JournalRecord.OpenCause.WRITE_ERROR, CONFIG, List.of()), zone)).append('\n');
        for (JournalRecord record : after) {
            second.append(codec.write(record, zone)).append('\n');
        }
        Files.writeString(dir.resolve("journal-2026-11-23-002.jsonl"), second);
    }

    @Test
    void theGapBeforeAFileOpenedAfterAWriteErrorIsTheLossItMarksNotAMissingFile() throws IOException {
        // a full disk lost the decisions from t + 2; the next file, opened at the last of them, marks the loss first
        journalWithAWriteErrorFile(new JournalRecord.RecordsLost(EIGHT_PM + 9, 40, EIGHT_PM + 2));

        JournalReplay.of(dir, null, null, warnings::add);

        assertThat(warnings).containsExactly("the journal lost 40 decisions from 2026-11-23T20:00:00.002+08:00 to "
                + "2026-11-23T20:00:00.009+08:00: the figures of that time are incomplete");
    }

    @Test
    void aFileOpenedAfterAWriteErrorWhoseLossMarkEndsBeforeItsOwnStartStillSaysAFileIsMissing() throws IOException {
        // the mark covers t + 2 to t + 5; what happened up to t + 9, where the file says the journal went on, is not
        // known
        journalWithAWriteErrorFile(new JournalRecord.RecordsLost(EIGHT_PM + 5, 3, EIGHT_PM + 2));

        JournalReplay.of(dir, null, null, warnings::add);

        assertThat(warnings).first().asString().startsWith("the journal has no records from "
                + "2026-11-23T20:00:00.001+08:00 to 2026-11-23T20:00:00.009+08:00, where the next file says it went on");
    }

    @Test
    void aReportEndingWithinAWriteErrorsLossSaysSoNotThatAFileIsMissing() throws IOException {
        journalWithAWriteErrorFile(new JournalRecord.RecordsLost(EIGHT_PM + 9, 40, EIGHT_PM + 2));

        JournalReplay.of(dir, null, Instant.ofEpochMilli(EIGHT_PM + 5), warnings::add);

        assertThat(warnings).containsExactly("the journal has no records from 2026-11-23T20:00:00.001+08:00 to the "
                + "period's end: a write error lost decisions from then on (the journal marks the loss after the "
                + "period), and the figures of that time are incomplete");
    }

    @Test
    void aReportEndingBetweenAWriteErrorFilesFirstLineAndItsLossMarkCountsTheLossThatBeganWithinIt()
            throws IOException {
        // the mark, at t + 12, of decisions lost from t + 2: the period ends at t + 10, after the file's first line
        journalWithAWriteErrorFile(new JournalRecord.RecordsLost(EIGHT_PM + 12, 40, EIGHT_PM + 2));

        JournalReplay.Report report = JournalReplay.of(dir, null, Instant.ofEpochMilli(EIGHT_PM + 10), warnings::add);

        assertThat(report.lostRecords()).isEqualTo(40);
        assertThat(warnings).containsExactly("the journal lost 40 decisions from 2026-11-23T20:00:00.002+08:00 to "
                + "2026-11-23T20:00:00.012+08:00, past the period's end: the figures of the period are incomplete "
                + "from 2026-11-23T20:00:00.002+08:00");
    }

    @Test
    void aFileOpenedAfterAWriteErrorWithoutALossMarkStillSaysAFileIsMissing() throws IOException {
        // no mark of a loss after the first line: whatever happened between is not known
        journalWithAWriteErrorFile();

        JournalReplay.of(dir, null, null, warnings::add);

        assertThat(warnings).containsExactly("the journal has no records from 2026-11-23T20:00:00.001+08:00 to "
                + "2026-11-23T20:00:00.009+08:00, where the next file says it went on: a file is missing or cut "
                + "short, and the figures of that time are incomplete");
    }

    @Test
    void aPeriodWithLostDecisionsSaysSo() {
        long t = EIGHT_PM;
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(t), ZoneId.of("UTC")))) {
            journal.onDecision(new Decision.CallRequeued(t + 1, "c1", "1001", "sales-health", "ring-no-answer",
                    OfferEnd.NO_ANSWER));
        }
        // what the writer appends after a full hand-off
        JournalWriter.start(JournalSettings.in(dir), CONFIG, Clock.fixed(Instant.ofEpochMilli(t), ZoneId.of("UTC")))
                .close();
        try (var writer = new java.io.FileWriter(dir.resolve("journal-2026-11-23-002.jsonl").toFile(), true)) {
            writer.write(new dev.hotline.server.journal.internal.JournalCodec().write(
                    new JournalRecord.RecordsLost(t + 9, 40, t + 2), ZoneId.of("Asia/Shanghai")) + "\n");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }

        JournalReplay.Report report = JournalReplay.of(dir, null, null, warnings::add);

        assertThat(report.lostRecords()).isEqualTo(40);
        assertThat(warnings).containsExactly("the journal lost 40 decisions from 2026-11-23T20:00:00.002+08:00 to "
                + "2026-11-23T20:00:00.009+08:00: the figures of that time are incomplete");
    }
}
