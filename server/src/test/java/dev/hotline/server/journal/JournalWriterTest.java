package dev.hotline.server.journal;

import static dev.hotline.server.journal.JournalFixtures.NINE_AM;
import static dev.hotline.server.journal.JournalFixtures.SHANGHAI;
import static dev.hotline.server.journal.JournalFixtures.shippedConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.server.journal.internal.FileAppender;
import dev.hotline.server.journal.internal.JournalCodec;
import dev.hotline.server.journal.internal.JournalFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JournalWriterTest {
    private static final CentreConfig CONFIG = shippedConfig();

    @TempDir
    Path dir;

    private final SettableClock clock = new SettableClock(Instant.ofEpochMilli(NINE_AM));

    private static Decision.CallRequeued requeued(long at, String callId) {
        return new Decision.CallRequeued(at, callId, "1001", "sales-health", "ring-no-answer", OfferEnd.NO_ANSWER);
    }

    private List<JournalRecord> readAll() {
        List<JournalRecord> records = new ArrayList<>();
        new JournalReader(dir, w -> { }).read(Long.MIN_VALUE, records::add);
        return records;
    }

    private List<String> fileNames() throws IOException {
        return JournalFiles.list(dir).stream().map(f -> f.path().getFileName().toString()).toList();
    }

    @Test
    void theJournalItCreatesIsReadableByItsOwnUserOnlyForItHoldsCallersNumbersAndAccountData() throws IOException {
        Path journalDir = dir.resolve("journal");
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(journalDir), CONFIG, clock)) {
            journal.onDecision(requeued(NINE_AM + 1, "c1"));
        }

        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(journalDir))).isEqualTo("rwx------");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(java.nio.file.Files.getPosixFilePermissions(
                journalDir.resolve("journal-2026-11-23-001.jsonl")))).isEqualTo("rw-------");
    }

    @Test
    void aSecondServerIsRefusedTheJournalAnotherWritesBeforeItWritesALineAndTakesItOnceTheFirstCloses()
            throws IOException {
        try (JournalWriter first = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock)) {
            first.onDecision(requeued(NINE_AM + 1, "c1"));

            assertThatThrownBy(() -> JournalWriter.start(JournalSettings.in(dir), CONFIG, clock))
                    .isInstanceOf(JournalInUse.class)
                    .hasMessageStartingWith("the journal in " + dir + " is in use by another running Hotline")
                    .hasMessageEndingWith(": two servers writing one journal would mix their records");
            assertThat(fileNames()).containsExactly("journal-2026-11-23-001.jsonl");
        }
        try (JournalWriter next = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock)) {
            next.onDecision(requeued(NINE_AM + 2, "c2"));
        }

        assertThat(fileNames()).containsExactly("journal-2026-11-23-001.jsonl", "journal-2026-11-23-002.jsonl");
        assertThat(readAll()).filteredOn(r -> r instanceof JournalRecord.Logged).hasSize(2);
    }

    @Test
    void aJournalInUseIsRefusedBeforeAStartReadsItAndAFreeOneIsLeftFreeByTheCheck() throws IOException {
        JournalWriter.refuseIfInUse(dir);
        try (JournalWriter first = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock)) {
            assertThatThrownBy(() -> JournalWriter.refuseIfInUse(dir)).isInstanceOf(JournalInUse.class)
                    .hasMessageStartingWith("the journal in " + dir + " is in use by another running Hotline");
            first.onDecision(requeued(NINE_AM + 1, "c1"));
        }
        JournalWriter.refuseIfInUse(dir);
        try (JournalWriter next = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock)) {
            next.onDecision(requeued(NINE_AM + 2, "c2"));
        }

        assertThat(readAll()).filteredOn(r -> r instanceof JournalRecord.Logged).hasSize(2);
    }

    @Test
    void everyFileStartsWithTheConfigurationInForceAndDecisionsFollowInOrder() throws IOException {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock)) {
            journal.onDecision(requeued(NINE_AM + 1, "c1"));
            journal.onDecision(requeued(NINE_AM + 2, "c2"));
        }

        assertThat(fileNames()).containsExactly("journal-2026-11-23-001.jsonl");
        assertThat(readAll()).containsExactly(
                new JournalRecord.FileOpened(NINE_AM, JournalRecord.OpenCause.START, CONFIG, List.of()),
                new JournalRecord.Logged(requeued(NINE_AM + 1, "c1")),
                new JournalRecord.Logged(requeued(NINE_AM + 2, "c2")));
    }

    @Test
    void aFileThatWouldGrowPastItsLimitIsClosedAndTheNextCarriesTheAgentsOnDuty() throws IOException {
        var ready = new Decision.AgentStateChanged(NINE_AM + 1, "1001", AgentState.LOGGED_OUT, AgentState.READY,
                "logged in");
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir).withMaxFileBytes(1), CONFIG, clock)) {
            journal.onDecision(ready);
            journal.onDecision(requeued(NINE_AM + 2, "c1"));
        }

        assertThat(fileNames()).containsExactly("journal-2026-11-23-001.jsonl", "journal-2026-11-23-002.jsonl");
        assertThat(readAll()).containsExactly(
                new JournalRecord.FileOpened(NINE_AM, JournalRecord.OpenCause.START, CONFIG, List.of()),
                new JournalRecord.Logged(ready),
                new JournalRecord.FileOpened(NINE_AM + 1, JournalRecord.OpenCause.SIZE, CONFIG, List.of(ready)),
                new JournalRecord.Logged(requeued(NINE_AM + 2, "c1")));
    }

    @Test
    void aFileSizeLoweredByAReloadRotatesTheFileOpenNow() throws IOException {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock)) {
            journal.onDecision(requeued(NINE_AM + 1, "c1"));
            journal.flush().join();

            journal.useLimits(JournalSettings.in(dir).withMaxFileBytes(1));
            journal.onDecision(requeued(NINE_AM + 2, "c2"));
        }

        assertThat(fileNames()).containsExactly("journal-2026-11-23-001.jsonl", "journal-2026-11-23-002.jsonl");
        assertThat(readAll()).contains(new JournalRecord.Logged(requeued(NINE_AM + 2, "c2")));
    }

    @Test
    void anotherDirectoryOrCapacityTakesARestart() {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock)) {
            assertThatThrownBy(() -> journal.useLimits(JournalSettings.in(dir.resolve("elsewhere"))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the journal stays in " + dir + " with room for 65536 decisions until a restart, not "
                            + dir.resolve("elsewhere") + " with 65536");
        }
    }

    @Test
    void aNewFileSaysWhichPhonesWereInUseWhenItBegan() throws IOException {
        var busy = new Decision.AgentPhoneChanged(NINE_AM + 1, "1001", PhoneState.FREE, PhoneState.BUSY);
        var unreachable = new Decision.AgentPhoneChanged(NINE_AM + 2, "1002", PhoneState.FREE, PhoneState.UNREACHABLE);
        var freeAgain = new Decision.AgentPhoneChanged(NINE_AM + 3, "1002", PhoneState.UNREACHABLE, PhoneState.FREE);
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir).withMaxFileBytes(1), CONFIG, clock)) {
            journal.onDecision(busy);
            journal.onDecision(unreachable);
            journal.onDecision(freeAgain);
        }

        List<JournalRecord.FileOpened> opened = readAll().stream()
                .filter(JournalRecord.FileOpened.class::isInstance).map(JournalRecord.FileOpened.class::cast).toList();
        assertThat(opened).extracting(JournalRecord.FileOpened::phones).containsExactly(
                List.of(), List.of(busy), List.of(busy, unreachable));
    }

    @Test
    void aFileWrittenBeforePhonesWereRepeatedReadsAsEveryPhoneFree() throws Exception {
        String line = new JournalCodec().write(new JournalRecord.FileOpened(NINE_AM, JournalRecord.OpenCause.START,
                CONFIG, List.of()), SHANGHAI).replace(",\"phones\":[]", "");

        assertThat(line).doesNotContain("phones");
        assertThat(new JournalCodec().read(line)).isEqualTo(
                new JournalRecord.FileOpened(NINE_AM, JournalRecord.OpenCause.START, CONFIG, List.of(), List.of()));
    }

    @Test
    void aNewDayInTheCentresZoneOpensANewFileNumberedFromOne() throws IOException {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock)) {
            journal.onDecision(requeued(NINE_AM + 1, "c1"));
            journal.flush().join();
            // midnight in Shanghai is 16:00 UTC
            clock.set(Instant.parse("2026-11-23T16:00:00Z"));
            journal.onDecision(requeued(NINE_AM + 2, "c2"));
        }

        assertThat(fileNames()).containsExactly("journal-2026-11-23-001.jsonl", "journal-2026-11-24-001.jsonl");
        assertThat(readAll().get(2)).isEqualTo(
                new JournalRecord.FileOpened(NINE_AM + 1, JournalRecord.OpenCause.DAY, CONFIG, List.of()));
    }

    @Test
    void aRestartNeverAppendsToAnOldFileButOpensTheNextNumber() throws IOException {
        JournalWriter.start(JournalSettings.in(dir), CONFIG, clock).close();
        JournalWriter.start(JournalSettings.in(dir), CONFIG, clock).close();

        assertThat(fileNames()).containsExactly("journal-2026-11-23-001.jsonl", "journal-2026-11-23-002.jsonl");
    }

    @Test
    void aDirectoryWithTheNextFilesNameIsSteppedOverAndTheReaderSaysItIsNotRead() throws IOException {
        JournalWriter.start(JournalSettings.in(dir), CONFIG, clock).close();
        Files.createDirectory(dir.resolve("journal-2026-11-23-002.jsonl"));

        JournalWriter.start(JournalSettings.in(dir), CONFIG, clock).close();

        assertThat(fileNames()).as("the directory in the way is no file").containsExactly(
                "journal-2026-11-23-001.jsonl", "journal-2026-11-23-003.jsonl");
        List<String> warnings = new ArrayList<>();
        new JournalReader(dir, warnings::add).read(Long.MIN_VALUE, record -> { });
        assertThat(warnings).containsExactly("journal-2026-11-23-002.jsonl has a journal file's name but is not a "
                + "file (a directory?): not read");
    }

    @Test
    void aCallEndCanBeAwaitedUntilItsLineIsOnDisk() throws IOException {
        var ended = new Decision.CallEnded(NINE_AM + 5, "c1", Outcome.ANSWERED, Optional.of("sales-health"),
                Optional.of("1001"), 12_000, 95_000, "agent hung up", "13911112222", "4008001001",
                Optional.of("PJSIP/1001"));
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock)) {
            journal.append(ended).join();

            assertThat(Files.readAllLines(dir.resolve("journal-2026-11-23-001.jsonl")))
                    .hasSize(2).last().asString().contains("\"type\":\"call-ended\"", "\"callId\":\"c1\"");
        }
    }

    @Test
    void whenTheHandOffIsFullDecisionsAreCountedLostAndTheGapIsMarkedInTheJournal() throws IOException {
        CountDownLatch diskStalls = new CountDownLatch(1);
        ThreadFactory stalledWriter = r -> new Thread(() -> {
            awaitUninterruptibly(diskStalls);
            r.run();
        });
        JournalWriter journal = JournalWriter.start(JournalSettings.in(dir).withCapacity(2), CONFIG, clock,
                stalledWriter);
        journal.onDecision(requeued(NINE_AM + 1, "c1"));
        journal.onDecision(requeued(NINE_AM + 2, "c2"));
        journal.onDecision(requeued(NINE_AM + 3, "c3"));
        var lostEnd = journal.append(requeued(NINE_AM + 4, "c4"));

        assertThat(journal.lostRecords()).isEqualTo(2);
        assertThatThrownBy(lostEnd::join).isInstanceOf(CompletionException.class)
                .hasMessageContaining("journal hand-off full or closed");

        diskStalls.countDown();
        journal.flush().join();
        journal.onDecision(requeued(NINE_AM + 5, "c5"));
        journal.close();

        assertThat(readAll()).extracting(JournalRecord::at).containsExactly(
                NINE_AM, NINE_AM + 1, NINE_AM + 2, NINE_AM + 4, NINE_AM + 5);
        assertThat(readAll().get(3)).isEqualTo(new JournalRecord.RecordsLost(NINE_AM + 4, 2, NINE_AM + 3));
        assertThat(journal.lostRecords()).isEqualTo(2);
    }

    /**
     * A disk that is full while {@code full} is set: the file is created (its name takes a number), but its bytes go to
     * /dev/full, where every write fails with "No space left on device".
     */
    private FileAppender.Disk fillingDisk(AtomicBoolean full, AtomicInteger created) {
        return file -> {
            created.incrementAndGet();
            if (!full.get()) {
                return FileAppender.Disk.FILE_SYSTEM.create(file);
            }
            Files.createFile(file);
            return FileChannel.open(Path.of("/dev/full"), StandardOpenOption.WRITE);
        };
    }

    @Test
    void aFullDiskLosesRecordsCountedWithoutAFilePerRecordAndLeavesNoEmptyFiles() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "Linux's /dev/full");
        AtomicBoolean full = new AtomicBoolean(true);
        AtomicInteger created = new AtomicInteger();
        JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock, CallRecords.ACD_ONLY,
                Thread::new, fillingDisk(full, created), Duration.ofMinutes(1));

        var first = journal.append(requeued(NINE_AM + 1, "c1"));
        assertThatThrownBy(first::join).isInstanceOf(CompletionException.class)
                .hasMessageContaining("No space left on device");
        for (int i = 2; i <= 50; i++) {
            journal.onDecision(requeued(NINE_AM + i, "c" + i));
        }
        journal.flush().join();

        assertThat(journal.lostRecords()).isEqualTo(50);
        assertThat(created.get()).as("files tried: the first, none while waiting to retry").isEqualTo(1);
        assertThat(fileNames()).as("nothing of it reached the disk: no empty file left").isEmpty();
        journal.close();
    }

    @Test
    void whenTheDiskHasRoomAgainTheNextFileMarksWhatTheFullDiskLost() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "Linux's /dev/full");
        AtomicBoolean full = new AtomicBoolean(true);
        JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock, CallRecords.ACD_ONLY,
                Thread::new, fillingDisk(full, new AtomicInteger()), Duration.ZERO);
        journal.onDecision(requeued(NINE_AM + 1, "c1"));
        journal.onDecision(requeued(NINE_AM + 2, "c2"));
        journal.flush().exceptionally(e -> null).join();
        assertThat(journal.failing()).as("what /health says").isTrue();
        // still full: the next file's mark of c1-c2 is lost with c3, and must be made again
        journal.onDecision(requeued(NINE_AM + 3, "c3"));
        journal.flush().exceptionally(e -> null).join();

        full.set(false);
        journal.onDecision(requeued(NINE_AM + 4, "c4"));
        journal.flush().join();
        assertThat(journal.failing()).as("writing works again").isFalse();
        journal.close();

        assertThat(journal.lostRecords()).isEqualTo(3);
        assertThat(readAll()).extracting(r -> r.getClass().getSimpleName() + "@" + (r.at() - NINE_AM)).containsExactly(
                "FileOpened@3", "RecordsLost@3", "Logged@4");
        assertThat(readAll().get(1)).isEqualTo(new JournalRecord.RecordsLost(NINE_AM + 3, 3, NINE_AM + 1));
    }

    @Test
    void aQuietJournalMarksTheLossAndWritesAgainWithoutWaitingForTheNextDecision() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "Linux's /dev/full");
        AtomicBoolean full = new AtomicBoolean(true);
        JournalWriter journal = JournalWriter.start(roundsWhenAsked(), CONFIG, clock, CallRecords.ACD_ONLY,
                Thread::new, fillingDisk(full, new AtomicInteger()), Duration.ZERO);
        journal.onDecision(requeued(NINE_AM + 1, "c1"));
        journal.flush().exceptionally(e -> null).join();
        assertThat(journal.failing()).isTrue();

        full.set(false);
        // no decision: the writer's round (its flush timer, or as here a flush asked for) tries a new file once the
        // wait is over
        journal.flush().join();

        assertThat(journal.failing()).as("what /health says").isFalse();
        assertThat(readAll()).extracting(r -> r.getClass().getSimpleName()).containsExactly("FileOpened",
                "RecordsLost");
        journal.close();
    }

    @Test
    void aStopWithinTheWaitAfterAWriteErrorMarksTheLossOnceTheDiskHasRoom() throws IOException {
        assumeTrue(Files.exists(Path.of("/dev/full")), "Linux's /dev/full");
        AtomicBoolean full = new AtomicBoolean(true);
        JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock, CallRecords.ACD_ONLY,
                Thread::new, fillingDisk(full, new AtomicInteger()), Duration.ofHours(1));
        journal.onDecision(requeued(NINE_AM + 1, "c1"));
        journal.flush().exceptionally(e -> null).join();

        full.set(false);
        journal.close();

        assertThat(readAll()).extracting(r -> r.getClass().getSimpleName()).containsExactly("FileOpened",
                "RecordsLost");
        assertThat(readAll().get(1)).isEqualTo(new JournalRecord.RecordsLost(NINE_AM + 1, 1, NINE_AM + 1));
    }

    /** The journal in {@code dir}, its writer going round only when a flush asks: the test says which round finds what. */
    private JournalSettings roundsWhenAsked() {
        JournalSettings settings = JournalSettings.in(dir);
        return new JournalSettings(dir, settings.maxFileBytes(), Duration.ofHours(1), settings.capacity());
    }

    @Test
    void aForceToDiskThatFailsWithNothingLostIsRetriedWithoutADecisionSoHealthRecovers() throws IOException {
        AtomicBoolean fsyncFails = new AtomicBoolean(false);
        JournalWriter journal = JournalWriter.start(roundsWhenAsked(), CONFIG, clock, CallRecords.ACD_ONLY,
                Thread::new, file -> new ForceFailingChannel(FileAppender.Disk.FILE_SYSTEM.create(file), fsyncFails),
                Duration.ZERO);
        journal.onDecision(requeued(NINE_AM + 1, "c1"));
        journal.flush().join();
        fsyncFails.set(true);
        var durable = journal.append(requeued(NINE_AM + 2, "c2"));
        assertThatThrownBy(durable::join).isInstanceOf(CompletionException.class);
        assertThat(journal.failing()).isTrue();

        fsyncFails.set(false);
        journal.flush().join();

        assertThat(journal.failing()).as("a new file took the writer's round, though no decision came").isFalse();
        assertThat(fileNames()).hasSize(2);
        journal.close();
    }

    @Test
    void aJournalDirectoryRemovedWhileWritingIsFoundAtTheNextFlushAndWritingGoesOnInANewOne() throws IOException {
        JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock, CallRecords.ACD_ONLY,
                Thread::new, FileAppender.Disk.FILE_SYSTEM, Duration.ZERO);
        journal.onDecision(requeued(NINE_AM + 1, "c1"));
        journal.flush().join();
        try (var files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }

        journal.onDecision(requeued(NINE_AM + 2, "c2"));
        assertThatThrownBy(() -> journal.flush().join()).hasMessageContaining("removed while being written");
        journal.onDecision(requeued(NINE_AM + 3, "c3"));
        journal.flush().join();
        assertThat(dir.resolve("hotline.lock")).as("the lock taken again with the directory").exists();
        assertThatThrownBy(() -> JournalWriter.start(JournalSettings.in(dir), CONFIG, clock))
                .as("a second server is still refused").isInstanceOf(JournalInUse.class);
        journal.close();

        assertThat(journal.lostRecords()).as("c1 and c2 went with the removed file").isEqualTo(2);
        assertThat(fileNames()).containsExactly("journal-2026-11-23-001.jsonl");
        assertThat(readAll()).extracting(r -> r.getClass().getSimpleName() + "@" + (r.at() - NINE_AM)).containsExactly(
                "FileOpened@2", "RecordsLost@2", "Logged@3");
        assertThat(readAll().get(1)).isEqualTo(new JournalRecord.RecordsLost(NINE_AM + 2, 2, NINE_AM + 1));
    }

    @Test
    void aJournalFileRemovedWhileTheLineIsQuietIsFoundAtTheWritersNextRoundAndWhatItHeldIsCountedLost()
            throws IOException {
        JournalWriter journal = JournalWriter.start(roundsWhenAsked(), CONFIG, clock, CallRecords.ACD_ONLY,
                Thread::new, FileAppender.Disk.FILE_SYSTEM, Duration.ZERO);
        journal.onDecision(requeued(NINE_AM + 1, "c1"));
        journal.flush().join();
        Files.delete(dir.resolve("journal-2026-11-23-001.jsonl"));

        // no decision: the writer's rounds (here asked by flushes) find the file gone, then open the next
        assertThatThrownBy(() -> journal.flush().join()).hasMessageContaining("removed while being written");
        journal.flush().join();

        assertThat(journal.lostRecords()).as("c1 went with the removed file").isEqualTo(1);
        assertThat(journal.failing()).isFalse();
        assertThat(readAll()).extracting(r -> r.getClass().getSimpleName()).containsExactly("FileOpened",
                "RecordsLost");
        journal.close();
    }

    @Test
    void aLossStillUnmarkedAtCloseIsMarkedBeforeTheFileCloses() {
        CountDownLatch diskStalls = new CountDownLatch(1);
        JournalWriter journal = JournalWriter.start(JournalSettings.in(dir).withCapacity(1), CONFIG, clock,
                (ThreadFactory) r -> new Thread(() -> {
                    awaitUninterruptibly(diskStalls);
                    r.run();
                }));
        journal.onDecision(requeued(NINE_AM + 1, "c1"));
        journal.onDecision(requeued(NINE_AM + 2, "c2"));
        diskStalls.countDown();
        journal.close();

        assertThat(readAll()).last().isEqualTo(new JournalRecord.RecordsLost(NINE_AM + 2, 1, NINE_AM + 2));
    }

    @Test
    void aDecisionAfterCloseIsCountedLost() {
        JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG, clock);
        journal.close();

        journal.onDecision(requeued(NINE_AM + 1, "c1"));

        assertThat(journal.lostRecords()).isEqualTo(1);
    }

    @Test
    void settingsRefuseLimitsThatCannotWork() {
        assertThatThrownBy(() -> new JournalSettings(dir, 0, Duration.ofMillis(200), 10))
                .hasMessage("journal maxFileBytes must be positive: 0");
        assertThatThrownBy(() -> new JournalSettings(dir, 10, Duration.ZERO, 10))
                .hasMessage("journal flushEvery must be positive: PT0S");
        assertThatThrownBy(() -> new JournalSettings(dir, 10, Duration.ofMillis(200), 0))
                .hasMessage("journal capacity must be positive: 0");
    }

    private static void awaitUninterruptibly(CountDownLatch latch) {
        while (true) {
            try {
                latch.await();
                return;
            } catch (InterruptedException e) {
                // the test decides when the disk comes back
            }
        }
    }

    /** A clock the test moves: the writer reads the day from it. */
    static final class SettableClock extends Clock {
        private volatile Instant now;

        SettableClock(Instant now) {
            this.now = now;
        }

        void set(Instant instant) {
            now = instant;
        }

        @Override
        public ZoneId getZone() {
            return SHANGHAI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException("the journal reads instants only");
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
