package dev.hotline.server.journal;

import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.server.journal.internal.FileAppender;
import dev.hotline.server.journal.internal.JournalLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable journal of the engine's decisions: subscribe it to the engine and every decision becomes one line of
 * the journal (docs/journal.md).
 *
 * <p><b>The engine never waits for the disk.</b> {@link #onDecision} puts the decision into a bounded hand-off and
 * returns; one writer thread turns decisions into JSON, appends them to the current file, pushes them to the
 * operating system every {@link JournalSettings#flushEvery()} and forces them to the disk when a file is closed (by
 * size, by day, at {@link #close()}) and whenever a caller waits for a record to be durable ({@link #append}: one
 * force covers everything written before it, so waiting callers share it).
 *
 * <p><b>Back-pressure.</b> When the hand-off is full (the disk has not kept up for {@link JournalSettings#capacity()}
 * decisions), a decision is not journaled: routing goes on, because callers matter more than the record of them. The
 * loss is never silent: it is logged when it starts and when it ends, counted ({@link #lostRecords()}), the future of
 * an {@link #append} fails, and as soon as there is room a {@code records-lost} line marks the gap in the journal, with
 * how many decisions and between which times, so that a report over that period says it is incomplete. Records that
 * cannot be written because of a disk error are handled the same way, and the writer goes on in a new file.
 *
 * <p><b>Threads.</b> {@link #onDecision}, the {@code append}s and {@link #record} are called by one thread, the engine's
 * (like every {@link DecisionListener}); {@link #flush} by any thread; {@link #close} once the engine no longer feeds
 * it.
 */
public final class JournalWriter implements DecisionListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(JournalWriter.class);
    private static final int MAX_BATCH = 4096;
    /** The first wait after a write error before a new file is tried; it doubles while the errors go on. */
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofSeconds(30);

    private sealed interface Entry {
    }

    private record Append(JournalRecord record, CompletableFuture<Void> durable) implements Entry {
    }

    private record Flush(CompletableFuture<Void> done) implements Entry {
    }

    private record Close(CompletableFuture<Void> done) implements Entry {
    }

    private final BlockingQueue<Entry> handOff;
    private final int capacity;
    /** A reload may change it: the writer thread reads it after each flush. */
    private volatile long flushEveryNanos;
    private final FileAppender files;
    private final Path dir;
    private final CallRecords callRecords;
    private final Thread writerThread;
    private final AtomicLong lost = new AtomicLong();
    /** Set by the writer thread, read by health checks: see {@link #failing()}. */
    private volatile boolean failing;
    private volatile boolean closed;

    /** Decisions lost in a row by the hand-off, not yet marked in the journal (engine thread only). */
    private final Loss handOffLoss = new Loss();
    /** Records lost by write errors, not yet marked in the journal (writer thread only). */
    private final Loss writeLoss = new Loss();
    private final long firstRetryNanos;
    /** The wait before the next file after the last write error, 0 when writing works (writer thread only). */
    private long retryAfter;
    /** {@link System#nanoTime} before which no new file is tried (writer thread only). */
    private long retryAt;

    private JournalWriter(JournalSettings settings, FileAppender files, CallRecords callRecords,
                          ThreadFactory threads, Duration firstRetry) {
        this.callRecords = callRecords;
        this.firstRetryNanos = firstRetry.toNanos();
        this.handOff = new ArrayBlockingQueue<>(settings.capacity());
        this.capacity = settings.capacity();
        this.flushEveryNanos = settings.flushEvery().toNanos();
        this.files = files;
        this.dir = settings.dir();
        this.writerThread = threads.newThread(this::run);
    }

    /**
     * Opens a new journal file in {@code settings.dir()} (creating the directory), starting with {@code config}, and
     * starts the writer thread.
     *
     * @param clock tells the day (in the centre's zone) for daily files, and the time of the first file's first line
     * @throws UncheckedIOException if the directory or the file cannot be created: the server must not run blind;
     *                              {@link JournalInUse} if another running Hotline writes that directory
     */
    public static JournalWriter start(JournalSettings settings, CentreConfig config, Clock clock) {
        return start(settings, config, clock, CallRecords.ACD_ONLY);
    }

    /**
     * As {@link #start(JournalSettings, CentreConfig, Clock)}, completing every call's record ({@code call-ended})
     * with what {@code callRecords} knows of the call's telephony side.
     */
    public static JournalWriter start(JournalSettings settings, CentreConfig config, Clock clock,
                                      CallRecords callRecords) {
        return start(settings, config, clock, callRecords,
                r -> Thread.ofPlatform().name("hotline-journal").unstarted(r));
    }

    /**
     * Refuses a journal directory another running Hotline writes, before anything reads it: what that server's live
     * calls look like in its files (no end yet) would read as a crash of an earlier run.
     *
     * @throws JournalInUse saying so
     */
    public static void refuseIfInUse(Path dir) {
        Optional<String> why = JournalLock.heldElsewhere(dir);
        if (why.isPresent()) {
            throw new JournalInUse(why.get(), new JournalLock.JournalInUse(why.get()));
        }
    }

    static JournalWriter start(JournalSettings settings, CentreConfig config, Clock clock, ThreadFactory threads) {
        return start(settings, config, clock, CallRecords.ACD_ONLY, threads);
    }

    static JournalWriter start(JournalSettings settings, CentreConfig config, Clock clock, CallRecords callRecords,
                               ThreadFactory threads) {
        return start(settings, config, clock, callRecords, threads, FileAppender.Disk.FILE_SYSTEM, FIRST_RETRY);
    }

    /**
     * As the others, creating the journal's files on {@code disk} (tests: a disk that fills up), trying a new file
     * {@code firstRetry} after a write error at first.
     */
    static JournalWriter start(JournalSettings settings, CentreConfig config, Clock clock, CallRecords callRecords,
                               ThreadFactory threads, FileAppender.Disk disk, Duration firstRetry) {
        FileAppender files;
        try {
            files = new FileAppender(settings.dir(), settings.maxFileBytes(), clock, config, disk);
        } catch (JournalLock.JournalInUse e) {
            throw new JournalInUse(e.getMessage(), e);
        } catch (FileAlreadyExistsException e) {
            boolean dirItself = e.getFile() == null || Path.of(e.getFile()).equals(settings.dir());
            boolean inDir = !dirItself && settings.dir().equals(Path.of(e.getFile()).getParent());
            throw new UncheckedIOException("cannot open the journal in " + settings.dir() + ": " + (dirItself
                    ? "it is a file, not a directory"
                    : inDir ? e.getFile() + " is in the way: the journal's next file has that name, and something "
                            + "that is not a journal file (a directory?) is there; move it out of the journal directory"
                    : e.getFile() + " is a file, not a directory"), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the journal in " + settings.dir() + ": " + e, e);
        }
        JournalWriter writer = new JournalWriter(settings, files, callRecords, threads, firstRetry);
        writer.writerThread.start();
        return writer;
    }

    /**
     * Puts a reload's file size and flush interval in force: the file open now rotates by the new size, and the next
     * flush comes at the new interval after the one due now. The directory and the hand-off's capacity stay.
     *
     * @throws IllegalArgumentException if {@code next} names another directory or capacity: those take a restart
     */
    public void useLimits(JournalSettings next) {
        if (!next.dir().equals(dir) || next.capacity() != capacity) {
            throw new IllegalArgumentException("the journal stays in " + dir + " with room for " + capacity
                    + " decisions until a restart, not " + next.dir() + " with " + next.capacity());
        }
        files.useMaxFileBytes(next.maxFileBytes());
        flushEveryNanos = next.flushEvery().toNanos();
        log.info("journal: files now close at {} bytes, lines reach the system every {} ms", next.maxFileBytes(),
                next.flushEvery().toMillis());
    }

    /** Hands the decision to the writer thread; never waits. */
    @Override
    public void onDecision(Decision decision) {
        handOff(new Append(recordOf(decision), null));
    }

    /**
     * Hands a record that is not a decision (a message left, a callback requested) to the writer thread, in order
     * with the decisions; never waits. On the engine's thread, like {@link #onDecision}.
     */
    public void record(JournalRecord record) {
        handOff(new Append(record, null));
    }

    /** A call's end is written as its whole record; every other decision as itself. */
    private JournalRecord recordOf(Decision decision) {
        if (decision instanceof Decision.CallEnded ended) {
            try {
                return callRecords.complete(ended);
            } catch (RuntimeException e) {
                log.error("journal: the telephony part of call {}'s record is lost: {}", ended.callId(), e.toString());
                return CallRecords.ACD_ONLY.complete(ended);
            }
        }
        return new JournalRecord.Logged(decision);
    }

    /**
     * Like {@link #onDecision}, for a decision that must be on disk before it is acknowledged (a call's end record):
     * the future completes once its line is forced to the disk, and fails if the decision was lost or the write failed.
     * Never waits itself.
     */
    public CompletableFuture<Void> append(Decision decision) {
        return append(recordOf(decision));
    }

    /**
     * Like {@link #record}, for a record that must be on disk before it is acknowledged (a callback request the
     * caller is then told of): the future completes once its line is forced to the disk, and fails if the record
     * was lost or the write failed. On the engine's thread; never waits itself.
     */
    public CompletableFuture<Void> append(JournalRecord record) {
        CompletableFuture<Void> durable = new CompletableFuture<>();
        handOff(new Append(record, durable));
        return durable;
    }

    /**
     * Completes once every decision handed over before the call is written and pushed to the operating system. Waits
     * for room in the hand-off: not for the engine's thread.
     */
    public CompletableFuture<Void> flush() {
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            handOff.put(new Flush(done));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            done.completeExceptionally(e);
        }
        return done;
    }

    /** How many decisions may wait for the writer before they are lost (the hand-off's size). */
    public int capacity() {
        return capacity;
    }

    /** Decisions that never reached the journal since the start (a full hand-off or a write error). */
    public long lostRecords() {
        return lost.get();
    }

    /** Whether the journal cannot be written now: from a write error until a flush to a new file works again. */
    public boolean failing() {
        return failing;
    }

    /**
     * Writes everything handed over, marks any loss not yet marked, forces the file to the disk and closes it; waits
     * for all of that. Decisions handed over afterwards are lost and counted.
     */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        CompletableFuture<Void> done = new CompletableFuture<>();
        try {
            if (handOffLoss.count > 0) {
                handOff.put(new Append(handOffLoss.marker(), null));
                handOffLoss.reset();
            }
            handOff.put(new Close(done));
            done.join();
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            log.warn("journal: interrupted while closing {}; the last lines may not be on disk", dir);
        }
    }

    // ---- engine thread ----

    private void handOff(Append append) {
        if (closed) {
            lose(append, "journal: a decision arrived after the journal was closed; it is lost and counted");
            return;
        }
        if (handOffLoss.count > 0) {
            JournalRecord.RecordsLost marker = handOffLoss.marker();
            if (!handOff.offer(new Append(marker, null))) {
                lose(append, null);
                return;
            }
            log.warn("journal: the writer caught up; {} decisions from {} to {} were lost and are marked in the journal",
                    marker.count(), Instant.ofEpochMilli(marker.firstAt()), Instant.ofEpochMilli(marker.at()));
            handOffLoss.reset();
        }
        if (!handOff.offer(append)) {
            lose(append, handOffLoss.count == 0 ? "journal: the hand-off to the writer is full (" + capacity
                    + " decisions wait for the disk); decisions are lost and counted until it catches up" : null);
        }
    }

    private void lose(Append append, String firstWarning) {
        if (firstWarning != null) {
            log.warn(firstWarning);
        }
        handOffLoss.add(append.record().at());
        lost.incrementAndGet();
        if (append.durable() != null) {
            append.durable().completeExceptionally(new IOException("journal hand-off full or closed: the decision at "
                    + Instant.ofEpochMilli(append.record().at()) + " was not journaled"));
        }
    }

    // ---- writer thread ----

    private void run() {
        List<Entry> batch = new ArrayList<>();
        List<CompletableFuture<Void>> durable = new ArrayList<>();
        List<CompletableFuture<Void>> flushed = new ArrayList<>();
        long nextFlush = System.nanoTime() + flushEveryNanos;
        while (true) {
            Entry first;
            try {
                first = handOff.poll(Math.max(0, nextFlush - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                // nobody but close() stops the writer: lines still waiting must reach the disk
                log.warn("journal: the writer thread was interrupted; it goes on until the journal is closed");
                continue;
            }
            if (first != null) {
                batch.add(first);
                handOff.drainTo(batch, MAX_BATCH - 1);
            }
            Close close = null;
            if (!batch.isEmpty() && batch.getLast() instanceof Close && !files.isOpen()) {
                // the last records (the stop's logouts) and the mark of a loss try the disk now, wait or not
                retryAt = System.nanoTime();
            }
            for (Entry entry : batch) {
                switch (entry) {
                    case Append a -> {
                        if (write(a.record(), a.durable()) && a.durable() != null) {
                            durable.add(a.durable());
                        }
                    }
                    case Flush f -> flushed.add(f.done());
                    case Close c -> close = c;
                }
            }
            batch.clear();
            if (!durable.isEmpty()) {
                settle(durable, this::syncOrDropFile);
            }
            long now = System.nanoTime();
            if (!flushed.isEmpty() || now >= nextFlush) {
                retryWhenDue();
                settle(flushed, this::flushOrDropFile);
                nextFlush = now + flushEveryNanos;
            }
            if (close != null) {
                if (writeLoss.count > 0) {
                    // lost to a write error within the wait before a retry: marked now, or said to stay unmarked
                    long unmarked = writeLoss.count;
                    try {
                        appendLossMark();
                        files.sync();
                    } catch (IOException | RuntimeException e) {
                        files.abandonFile(); // removed if nothing of it reached the disk
                        log.error("journal: the {} records lost to write errors could not be marked at close: {}",
                                unmarked, e.toString());
                    }
                }
                try {
                    files.close();
                    close.done().complete(null);
                } catch (IOException e) {
                    log.error("journal: cannot close {}: {}", files.currentFile(), e.toString());
                    close.done().complete(null);
                }
                return;
            }
        }
    }

    /**
     * Writes one record; on a write error counts it lost and lets a later record start a new file. After a write error
     * no file is opened before {@link #retryAt}: a full disk would otherwise get a new file for every record.
     */
    private boolean write(JournalRecord record, CompletableFuture<Void> durable) {
        if (!files.isOpen() && System.nanoTime() - retryAt < 0) {
            return lostToWriteError(record, durable, new IOException("the journal cannot be written (a write "
                    + "error); it tries again in " + TimeUnit.NANOSECONDS.toMillis(retryAt - System.nanoTime())
                    + " ms"));
        }
        try {
            if (writeLoss.count > 0) {
                appendLossMark();
            }
            files.append(record);
            return true;
        } catch (IOException | RuntimeException e) {
            // the writer thread must outlive any failure: a dead writer would leave close() and append() waiting
            if (writeLoss.count == 0) {
                log.error("journal: cannot write to {} ({}); records are lost and counted until writing works again",
                        files.currentFile(), e.toString());
            }
            dropFile(e);
            return lostToWriteError(record, durable, e);
        }
    }

    /**
     * After a write error, once the wait before a new file is over, opens one (marking the loss, if any) without
     * waiting for the next decision: a quiet centre's journal (and {@code /health}) would otherwise stay failing after
     * the disk has room again, until the next call. The flush that follows tells whether writing works.
     */
    private void retryWhenDue() {
        if (!failing || files.isOpen() || System.nanoTime() - retryAt < 0) {
            return;
        }
        try {
            if (writeLoss.count > 0) {
                appendLossMark();
            } else {
                files.reopen();
            }
        } catch (IOException | RuntimeException e) {
            dropFile(e);
        }
    }

    /** Writes the mark of the records lost to write errors (opening a new file): the first line after them. */
    private void appendLossMark() throws IOException {
        files.append(writeLoss.marker());
        log.warn("journal: trying again, in {}; the {} records lost to write errors are marked first",
                files.currentFile(), writeLoss.count);
        writeLoss.reset();
    }

    /** Counts {@code record} lost to a write error, to be marked in the next file; false, as {@link #write} is. */
    private boolean lostToWriteError(JournalRecord record, CompletableFuture<Void> durable, Exception why) {
        writeLoss.add(record.at());
        lost.incrementAndGet();
        if (durable != null) {
            durable.completeExceptionally(why);
        }
        return false;
    }

    /**
     * Drops the file after a write error: what its buffer held is counted lost, and no new file is tried before a
     * wait that doubles with each failure in a row ({@link #FIRST_RETRY} to {@link #LAST_RETRY}; a first wait of 0
     * stays 0).
     */
    private void dropFile(Exception why) {
        failing = true;
        FileAppender.Unflushed unwritten = files.abandonFile();
        // gaps marked in the dropped buffer need marking again (their records were counted when lost)
        writeLoss.add(unwritten.markedFirstAt(), unwritten.markedLastAt(), unwritten.marked());
        writeLoss.add(unwritten.firstAt(), unwritten.lastAt(), unwritten.count());
        lost.addAndGet(unwritten.count());
        retryAfter = retryAfter == 0 ? firstRetryNanos : Math.min(2 * retryAfter, LAST_RETRY.toNanos());
        retryAt = System.nanoTime() + retryAfter;
        log.warn("journal: the next file is tried in {} ms ({}){}", TimeUnit.NANOSECONDS.toMillis(retryAfter), why,
                unwritten.count() > 0 ? "; " + unwritten.count() + " records in the dropped file's buffer are lost"
                        : "");
    }

    private interface DiskStep {
        void run() throws IOException;
    }

    private void settle(List<CompletableFuture<Void>> waiting, DiskStep step) {
        try {
            step.run();
            waiting.forEach(f -> f.complete(null));
        } catch (IOException e) {
            waiting.forEach(f -> f.completeExceptionally(e));
        }
        waiting.clear();
    }

    private void syncOrDropFile() throws IOException {
        try {
            files.sync();
            writingWorks();
        } catch (IOException e) {
            log.error("journal: cannot force {} to the disk: {}", files.currentFile(), e.toString());
            dropFile(e);
            throw e;
        }
    }

    /** After a flush or force that succeeded: if a file took the lines, the next write error waits from the start. */
    private void writingWorks() {
        if (files.isOpen()) {
            // with no file open, nothing was tried
            retryAfter = 0;
            failing = false;
        }
    }

    private void flushOrDropFile() throws IOException {
        try {
            files.flush();
            writingWorks();
        } catch (IOException e) {
            log.error("journal: cannot flush {}: {}", files.currentFile(), e.toString());
            dropFile(e);
            throw e;
        }
    }

    /** Consecutive losses, as the {@code records-lost} line that marks them. */
    private static final class Loss {
        long count;
        long firstAt;
        long lastAt;

        void add(long at) {
            add(at, at, 1);
        }

        /** {@code n} records, from {@code from} to {@code to}. */
        void add(long from, long to, long n) {
            if (n <= 0) {
                return;
            }
            firstAt = count == 0 ? from : Math.min(firstAt, from);
            lastAt = count == 0 ? to : Math.max(lastAt, to);
            count += n;
        }

        JournalRecord.RecordsLost marker() {
            return new JournalRecord.RecordsLost(lastAt, count, firstAt);
        }

        void reset() {
            count = 0;
        }
    }
}
