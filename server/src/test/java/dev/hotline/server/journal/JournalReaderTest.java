package dev.hotline.server.journal;

import static dev.hotline.server.journal.JournalFixtures.NINE_AM;
import static dev.hotline.server.journal.JournalFixtures.shippedConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.acd.Decision;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.model.CentreConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalReaderTest {
    private static final CentreConfig CONFIG = shippedConfig();
    private static final String FIRST = "journal-2026-11-23-001.jsonl";

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private void writeJournal(int decisions) {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(NINE_AM), ZoneOffset.UTC))) {
            for (int i = 1; i <= decisions; i++) {
                journal.onDecision(new Decision.CallRequeued(NINE_AM + i, "c" + i, "1001", "q", "ring-no-answer",
                        OfferEnd.NO_ANSWER));
            }
        }
    }

    /** A server started with its clock an hour behind the first run's start: its file comes after, its times before. */
    private void aSecondRunStartsAnHourEarlier() {
        JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(NINE_AM - HOUR), ZoneOffset.UTC)).close();
    }

    private List<JournalRecord> read(long from) {
        List<JournalRecord> records = new ArrayList<>();
        new JournalReader(dir, warnings::add).read(from, records::add);
        return records;
    }

    @Test
    void aLastLineCutShortByACrashIsSkippedWithAWarningNamingFileAndLine() throws IOException {
        writeJournal(2);
        Files.writeString(dir.resolve(FIRST), "{\"v\":1,\"type\":\"call-requeued\",\"at\":\"2026-11-",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);

        assertThat(read(Long.MIN_VALUE)).hasSize(3);
        assertThat(warnings).containsExactly(
                FIRST + ":4: torn last line skipped (44 characters without a line end: cut short by a crash, a "
                        + "full disk or a power cut)");
    }

    @Test
    void aTailOfZerosLongerThanAnyRecordIsSkippedAsATornLineWithoutReadingItIntoMemory() throws IOException {
        writeJournal(2);
        long zeros = JournalReader.LONGEST_LINE + 1L;
        try (var f = new java.io.RandomAccessFile(dir.resolve(FIRST).toFile(), "rw")) {
            f.setLength(f.length() + zeros); // what a file system may leave after a power cut
        }

        assertThat(read(Long.MIN_VALUE)).hasSize(3);
        assertThat(warnings).containsExactly(FIRST + ":4: torn last line skipped (" + zeros + " characters without a "
                + "line end: cut short by a crash, a full disk or a power cut)");
    }

    @Test
    void aLineLongerThanAnyRecordInsideAFileIsDamageNamedByFileAndLine() throws IOException {
        writeJournal(1);
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(FIRST)));
        lines.add(1, "x".repeat(JournalReader.LONGEST_LINE + 1));
        Files.write(dir.resolve(FIRST), lines);

        assertThatThrownBy(() -> read(Long.MIN_VALUE)).isInstanceOf(JournalException.class)
                .hasMessage(FIRST + ":2: a line of " + (JournalReader.LONGEST_LINE + 1) + " characters, more than a "
                        + "record ever has (" + JournalReader.LONGEST_LINE + "): not a journal record");
    }

    @Test
    void aTornLineInsideAMultiByteCharacterIsSkippedToo() throws IOException {
        writeJournal(1);
        byte[] cut = "{\"v\":1,\"type\":\"call-refused\",\"prompt\":\"系".getBytes(StandardCharsets.UTF_8);
        Files.write(dir.resolve(FIRST), java.util.Arrays.copyOf(cut, cut.length - 1), StandardOpenOption.APPEND);

        assertThat(read(Long.MIN_VALUE)).hasSize(2);
        assertThat(warnings).hasSize(1);
    }

    @Test
    void aDamagedLineElsewhereStopsTheReadingNamingFileAndLine() throws IOException {
        writeJournal(2);
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(FIRST)));
        lines.set(1, lines.get(1).replace("\"callId\":\"c1\",", ""));
        Files.write(dir.resolve(FIRST), lines);

        assertThatThrownBy(() -> read(Long.MIN_VALUE)).isInstanceOf(JournalException.class)
                .hasMessage(FIRST + ":2: call-requeued: missing field 'callId'");
    }

    @Test
    void aCutLineThatIsNotTheLastIsDamageNotATornEnd() throws IOException {
        writeJournal(1);
        Files.writeString(dir.resolve(FIRST), "{\"v\":1,\"type\":\"call-req\n", StandardOpenOption.APPEND);

        assertThatThrownBy(() -> read(Long.MIN_VALUE))
                .hasMessageStartingWith(FIRST + ":3: not JSON: ");
    }

    private static final long HOUR = 3_600_000;

    @Test
    void filesThatEndedLongerThanACallLastsBeforeThePeriodAreNotRead() {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir).withMaxFileBytes(1), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(NINE_AM), ZoneOffset.UTC))) {
            for (int i = 1; i <= 4; i++) {
                journal.onDecision(new Decision.CallRequeued(NINE_AM + 3 * i * HOUR, "c" + i, "1001", "q",
                        "ring-no-answer", OfferEnd.NO_ANSWER));
            }
        }

        // files: [open@0, c1@3h] [open@3h, c2@6h] [open@6h, c3@9h] [open@9h, c4@12h]; a call going on at 9h began
        // after 5h, in the file opened at 3h (whose first line holds what was in force then)
        assertThat(read(NINE_AM + 9 * HOUR)).extracting(r -> (r.at() - NINE_AM) / HOUR)
                .containsExactly(3L, 6L, 6L, 9L, 9L, 12L);
    }

    @Test
    void nothingBeforeARestartIsReadForAPeriodAfterIt() {
        writeJournal(2);
        JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(NINE_AM + HOUR), ZoneOffset.UTC)).close();

        assertThat(read(NINE_AM + HOUR + 1)).singleElement().isInstanceOfSatisfying(JournalRecord.FileOpened.class,
                opened -> assertThat(opened.cause()).isEqualTo(JournalRecord.OpenCause.START));
    }

    @Test
    void aRecordOlderThanTheOneBeforeItIsDamageNamingBothLines() throws IOException {
        writeJournal(3);
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(FIRST)));
        lines.set(2, lines.get(2).replace("\"atMillis\":" + (NINE_AM + 2), "\"atMillis\":1893459600002"));
        Files.write(dir.resolve(FIRST), lines);

        assertThatThrownBy(() -> read(Long.MIN_VALUE)).isInstanceOf(JournalException.class)
                .hasMessage(FIRST + ":4: this record is of 2026-11-23T09:00:00.003+08:00, before the record at " + FIRST
                        + ":3 (2030-01-01T09:00:00.002+08:00): one of the two lines is damaged (time in the journal only "
                        + "goes forward)");
    }

    @Test
    void aServerStartedWithItsClockSetBackBeforeThePreviousRunIsSaidWithHowToReportTheRunsApart() {
        writeJournal(1);
        aSecondRunStartsAnHourEarlier();

        assertThatThrownBy(() -> read(Long.MIN_VALUE)).isInstanceOf(JournalException.class)
                .hasMessageContaining(":1: the server started at 2026-11-23T08:00:00.000+08:00, before the record at " + FIRST
                        + ":2").hasMessageEndingWith("report the later run with --from at or after this start, and the "
                        + "earlier one from a directory holding only its files (up to " + FIRST + "): its records may "
                        + "lie after this start's time, where no period reaches them here");
    }

    @Test
    void whatARunOwesTheNextIsReadRunAfterRunAcrossAStartWithTheClockSetBackWithAWarning() {
        writeJournal(2);
        aSecondRunStartsAnHourEarlier();
        List<JournalRecord> records = new ArrayList<>();

        new JournalReader(dir, w -> { }).readAcrossClockChanges(Long.MIN_VALUE, warnings::add, records::add);

        assertThat(records).extracting(JournalRecord::at)
                .containsExactly(NINE_AM, NINE_AM + 1, NINE_AM + 2, NINE_AM - HOUR);
        assertThat(warnings).containsExactly("journal-2026-11-23-002.jsonl:1: the server started at "
                + "2026-11-23T08:00:00.000+08:00, before the record at " + FIRST + ":3 (2026-11-23T09:00:00.002+08:00): "
                + "the clock was set back between two runs; both runs are read, one after the other");
    }

    @Test
    void readingAcrossClockChangesStillStopsAtARecordOlderThanTheOneBeforeItWithinARun() throws IOException {
        writeJournal(2);
        List<String> lines = new ArrayList<>(Files.readAllLines(dir.resolve(FIRST)));
        lines.set(1, lines.get(1).replace("\"atMillis\":" + (NINE_AM + 1), "\"atMillis\":1893459600001"));
        Files.write(dir.resolve(FIRST), lines);

        assertThatThrownBy(() -> new JournalReader(dir, warnings::add).readAcrossClockChanges(Long.MIN_VALUE, c -> { }, r -> { }))
                .isInstanceOf(JournalException.class).hasMessageContaining("one of the two lines is damaged");
    }

    @Test
    void aPeriodThatEndsBeforeALaterRunsSetBackStartIsReadWithoutIt() {
        writeJournal(3);
        aSecondRunStartsAnHourEarlier();
        List<JournalRecord> records = new ArrayList<>();

        new JournalReader(dir, warnings::add).read(Long.MIN_VALUE, NINE_AM + 2, records::add);

        assertThat(records).extracting(JournalRecord::at).as("up to the first record at or after the period's end")
                .containsExactly(NINE_AM, NINE_AM + 1, NINE_AM + 2);
        assertThat(warnings).isEmpty();
    }

    @Test
    void aPeriodInALaterRunThatOverlapsAnEarlierOneSaysTheEarlierIsLeftOut() {
        writeJournal(3);
        aSecondRunStartsAnHourEarlier();

        assertThat(read(NINE_AM - HOUR + 1)).singleElement().isInstanceOf(JournalRecord.FileOpened.class);
        assertThat(warnings).containsExactly(FIRST + " runs to 2026-11-23T09:00:00.003+08:00, after "
                + "journal-2026-11-23-002.jsonl began at 2026-11-23T08:00:00.000+08:00 (two runs overlap: a server "
                + "started with its clock set back, or two servers writing one directory): the figures are of the "
                + "later run only; report the earlier from a directory holding its files only");
    }

    @Test
    void aJournalDirectoryThatDoesNotExistIsSaidSo() {
        assertThatThrownBy(() -> new JournalReader(dir.resolve("nowhere"), warnings::add).read(Long.MIN_VALUE,
                r -> { })).hasMessage(dir.resolve("nowhere") + ": no such directory");
    }

    @Test
    void aDirectoryWithoutJournalFilesIsAnErrorNamingIt() {
        assertThatThrownBy(() -> read(Long.MIN_VALUE))
                .hasMessage(dir + ": no journal files (journal-YYYY-MM-DD-NNN.jsonl)");
    }
}
