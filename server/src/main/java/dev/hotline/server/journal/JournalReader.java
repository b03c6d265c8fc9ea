package dev.hotline.server.journal;

import dev.hotline.server.journal.internal.BoundedLines;
import dev.hotline.server.journal.internal.JournalCodec;
import dev.hotline.server.journal.internal.JournalFiles;
import dev.hotline.server.journal.internal.JournalFiles.FileId;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a journal directory's records in order: files by day and number, lines in order.
 *
 * <p>A file whose last line has no line end and is not a whole record was cut short by a crash: the line is skipped
 * with a warning naming file and line, and reading goes on. Any other line that is not a record stops the reading with
 * a {@link JournalException} naming file and line: figures rebuilt around damage would be wrong without saying so.
 */
public final class JournalReader {
    private final Path dir;
    private final Consumer<String> warnings;
    private final JournalCodec codec = new JournalCodec();

    /**
     * @param dir      the journal directory
     * @param warnings receives one message per torn line skipped, once however often its file is read
     */
    public JournalReader(Path dir, Consumer<String> warnings) {
        this.dir = Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(warnings, "warnings");
        Set<String> said = new HashSet<>();
        this.warnings = warning -> {
            if (said.add(warning)) {
                warnings.accept(warning);
            }
        };
    }

    /**
     * Hands every record to {@code sink}, starting with the file in which {@code fromMillis - }{@link #CALLS_LAST}
     * falls, or the later file that began at a restart at or before {@code fromMillis}: earlier files are skipped,
     * because the next one's first line carries everything in force (configuration, agents on duty) and the calls
     * going on at {@code fromMillis} began after it. The records before {@code fromMillis} that {@code sink}
     * receives are those it needs to know the calls and agents at {@code fromMillis}; it decides what to do with them.
     *
     * @throws JournalException     for a damaged line, or when the directory holds no journal file
     * @throws UncheckedIOException when a file cannot be read
     */
    public void read(long fromMillis, Consumer<JournalRecord> sink) {
        read(fromMillis, Long.MAX_VALUE, sink);
    }

    /**
     * As {@link #read(long, Consumer)}, stopping after the first record at or after {@code toMillis}: what follows
     * is not needed, and a later run written into the same directory with its clock set back (which stops a reading
     * that gets to it) is not read for a period before its start.
     */
    public void read(long fromMillis, long toMillis, Consumer<JournalRecord> sink) {
        read(fromMillis, toMillis, null, sink);
    }

    /**
     * As {@link #read(long, Consumer)}, going on past a start stamped before the record preceding it (a server started
     * with its clock set back, or after a {@code hotline demo} that wrote the directory with its simulated clock):
     * each run's records are in order, one after the other, and {@code clockChanges} is told where the time steps
     * back. For what a run owes the next (the callback requests it left open), not for figures, which would be fed
     * backwards in time.
     */
    public void readAcrossClockChanges(long fromMillis, Consumer<String> clockChanges, Consumer<JournalRecord> sink) {
        read(fromMillis, Long.MAX_VALUE, Objects.requireNonNull(clockChanges, "clockChanges"), sink);
    }

    private void read(long fromMillis, long toMillis, Consumer<String> clockChanges, Consumer<JournalRecord> sink) {
        boolean acrossClockChanges = clockChanges != null;
        List<FileId> files = files();
        long readFrom = fromMillis < Long.MIN_VALUE + CALLS_LAST ? Long.MIN_VALUE : fromMillis - CALLS_LAST;
        int start = 0;
        JournalRecord startHeader = null;
        for (int i = files.size() - 1; i > 0; i--) {
            Optional<JournalRecord> header = firstRecord(files.get(i).path());
            boolean started = header.orElse(null) instanceof JournalRecord.FileOpened opened
                    && opened.cause() == JournalRecord.OpenCause.START;
            // nothing carries over a restart: from the start before fromMillis, every call is known
            if (header.isPresent() && (header.get().at() < readFrom || started && header.get().at() <= fromMillis)) {
                start = i;
                startHeader = header.get();
                break;
            }
        }
        if (acrossClockChanges) {
            // time steps back at a start: an earlier file may run past the later start chosen, and its records count
            while (start > 0 && lastRecordAt(files.get(start - 1).path()) >= readFrom) {
                start--;
            }
        } else if (startHeader instanceof JournalRecord.FileOpened opened) {
            sayIfOverlapping(files.get(start - 1).path(), files.get(start).path(), opened);
        }
        InOrder inOrder = new InOrder(clockChanges);
        boolean[] past = {false};
        for (FileId file : files.subList(start, files.size())) {
            readLines(file.path(), (record, line) -> {
                inOrder.check(file.path(), line, record);
                sink.accept(record);
                past[0] = record.at() >= toMillis;
                return !past[0];
            });
            if (past[0]) {
                return;
            }
        }
    }

    /**
     * A file skipped because reading begins at a later start ({@code first}, opened by {@code opened}) may still hold
     * records after that start: two runs overlap in time (a server started with its clock set back, or two servers
     * writing one directory), and what the skipped file holds from then on would be left out of the figures without
     * a word.
     */
    private void sayIfOverlapping(Path skipped, Path first, JournalRecord.FileOpened opened) {
        long skippedEnds = lastRecordAt(skipped);
        if (skippedEnds > opened.at() + TOLERATED_STEP_BACK) {
            ZoneId zone = opened.config().settings().zone();
            warnings.accept(skipped.getFileName() + " runs to " + JournalCodec.formatAt(skippedEnds, zone) + ", after "
                    + first.getFileName() + " began at " + JournalCodec.formatAt(opened.at(), zone) + " (two runs "
                    + "overlap: a server started with its clock set back, or two servers writing one directory): the "
                    + "figures are of the later run only; report the earlier from a directory holding its files only");
        }
    }

    /** The time of a file's last readable record, {@link Long#MIN_VALUE} when it has none: read from its tail. */
    private long lastRecordAt(Path file) {
        long last = Long.MIN_VALUE;
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long from = Math.max(0, f.length() - TAIL_BYTES);
            byte[] tail = new byte[(int) (f.length() - from)];
            f.seek(from);
            f.readFully(tail);
            String[] lines = new String(tail, StandardCharsets.UTF_8).split("\n");
            // the first piece may be the end of a line cut by the seek, the last one a torn line: neither parses
            for (int i = from == 0 ? 0 : 1; i < lines.length; i++) {
                try {
                    last = Math.max(last, codec.read(lines[i]).at());
                } catch (JournalCodec.MalformedRecordException e) {
                    // not a whole record: skipped
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
        return last;
    }

    /** How much of a file's end {@link #lastRecordAt} reads: many records, beside the longest (a file's first). */
    private static final int TAIL_BYTES = 256 * 1024;

    /**
     * Records follow one another in time: the engine stamps them on its one thread with a clock that never steps
     * back. A record much older than the one before it is damage (a line edited or copied in, a clock set back
     * between two runs), and the figures of a statistics fed backwards in time would be nonsense, so reading stops
     * there, naming both lines. A step back within {@link #TOLERATED_STEP_BACK} changes no figure that matters and
     * is let through.
     */
    private static final class InOrder {
        private long lastAt = Long.MIN_VALUE;
        private String lastWhere = "";
        /** The centre's zone as the last file's first line gave it: times are shown as the lines around write them. */
        private ZoneId zone = ZoneOffset.UTC;
        /** Where a start stamped back in time is told, when reading goes on past it; null when it stops reading. */
        private final Consumer<String> clockChanges;

        InOrder(Consumer<String> clockChanges) {
            this.clockChanges = clockChanges;
        }

        void check(Path file, long line, JournalRecord record) {
            String where = file.getFileName() + ":" + line;
            if (record instanceof JournalRecord.FileOpened opened) {
                zone = opened.config().settings().zone();
            }
            if (lastAt != Long.MIN_VALUE && record.at() < lastAt - TOLERATED_STEP_BACK) {
                boolean restart = record instanceof JournalRecord.FileOpened opened
                        && opened.cause() == JournalRecord.OpenCause.START;
                if (restart && clockChanges != null) {
                    clockChanges.accept(where + ": the server started at " + JournalCodec.formatAt(record.at(), zone)
                            + ", before the record at " + lastWhere + " (" + JournalCodec.formatAt(lastAt, zone)
                            + "): the clock was set back between two runs; both runs are read, one after the other");
                    lastAt = record.at();
                    lastWhere = where;
                    return;
                }
                throw new JournalException(where + ": " + (restart ? "the server started at " : "this record is of ")
                        + JournalCodec.formatAt(record.at(), zone) + ", before the record at " + lastWhere + " ("
                        + JournalCodec.formatAt(lastAt, zone) + "): " + (restart
                        ? "the clock was set back between two runs; report the later run with --from at or after "
                                + "this start, and the earlier one from a directory holding only its files (up to "
                                + lastWhere.substring(0, lastWhere.lastIndexOf(':')) + "): its records may lie after "
                                + "this start's time, where no period reaches them here"
                        : "one of the two lines is damaged (time in the journal only goes forward)"));
            }
            if (record.at() >= lastAt) {
                lastAt = record.at();
                lastWhere = where;
            }
        }
    }

    /** The time of the journal's first record (its oldest file's first line); empty when it cannot be read. */
    public Optional<Long> beginsAt() {
        return firstRecord(files().getFirst().path()).map(JournalRecord::at);
    }

    /**
     * The time of the journal's last record (its newest file with a record read through: a file a crash left empty
     * just after it was opened has none); empty when it has none.
     */
    public Optional<Long> endsAt() {
        List<FileId> files = files();
        long[] last = {Long.MIN_VALUE};
        for (int i = files.size() - 1; i >= 0 && last[0] == Long.MIN_VALUE; i--) {
            readLines(files.get(i).path(), (record, line) -> {
                last[0] = Math.max(last[0], record.at());
                return true;
            });
        }
        return last[0] == Long.MIN_VALUE ? Optional.empty() : Optional.of(last[0]);
    }

    /**
     * As {@link #endsAt()}, read from the newest file's tail: quick on a large file. A tail with no whole record (one
     * very long line) has the file read through.
     */
    public Optional<Long> endsAtFromTail() {
        long last = lastRecordAt(files().getLast().path());
        return last == Long.MIN_VALUE ? endsAt() : Optional.of(last);
    }

    /** The journal files, oldest first. */
    public List<FileId> files() {
        List<FileId> files;
        try {
            files = Files.isDirectory(dir) ? JournalFiles.list(dir) : List.of();
            if (Files.isDirectory(dir)) {
                JournalFiles.notFiles(dir).forEach(path -> warnings.accept(path.getFileName() + " has a journal "
                        + "file's name but is not a file (a directory?): not read"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the journal directory " + dir + ": " + e, e);
        }
        if (files.isEmpty()) {
            throw new JournalException(dir + (Files.isDirectory(dir) ? ": no journal files (journal-YYYY-MM-DD-NNN.jsonl)"
                    : Files.exists(dir) ? ": not a directory (give the journal's directory, server.yaml's journal.directory)"
                    : ": no such directory"));
        }
        return files;
    }

    /**
     * The centre's time zone as the newest file's first line has it, to read local times given by people.
     *
     * @throws JournalException when no file has a readable first line
     */
    public ZoneId latestZone() {
        List<FileId> files = files();
        for (int i = files.size() - 1; i >= 0; i--) {
            if (firstRecord(files.get(i).path()).orElse(null) instanceof JournalRecord.FileOpened opened) {
                return opened.config().settings().zone();
            }
        }
        throw new JournalException(dir + ": no journal file starts with a readable journal-opened line (newest: "
                + files.getLast().path().getFileName() + "; docs/journal.md)");
    }

    private Optional<JournalRecord> firstRecord(Path file) {
        JournalRecord[] first = new JournalRecord[1];
        // a file's first line is short enough to read whole; a torn one (a crash at once) gives nothing
        readLines(file, (record, line) -> {
            first[0] = record;
            return false;
        });
        return Optional.ofNullable(first[0]);
    }

    /**
     * How long before a period's start the journal is read: a file's first line carries the configuration and the
     * agents on duty but not the calls in progress, so a call that began before the first file read and ended in the
     * period would be unknown to the statistics (its answer counted as a new offer, its abandon lost). Calls longer
     * than this are not a centre's; the next file that began by a restart is read from instead when it is later.
     */
    static final long CALLS_LAST = 4 * 3_600_000L;

    /**
     * The longest line read as a record: beyond the longest a journal writes (a {@code journal-opened} line carries the
     * configuration and the agents on duty, some 280 characters an agent: about 30 million at 100,000 agents, the
     * largest centre measured; this limit is reached at about 240,000), far below what would exhaust the heap.
     */
    static final int LONGEST_LINE = 64 * 1024 * 1024;

    /** How far a record may be older than the one before it: a step back beyond this is damage. */
    static final long TOLERATED_STEP_BACK = 1_000;

    private interface LineSink {
        /** @return whether to go on reading */
        boolean accept(JournalRecord record, long line);
    }

    private void readLines(Path file, LineSink sink) {
        boolean endsWithLineEnd = endsWithLineEnd(file);
        // a torn line may end inside a multi-byte character: the reader's decoder replaces it rather than failing
        try (Reader reader = new InputStreamReader(Files.newInputStream(file), StandardCharsets.UTF_8)) {
            BoundedLines in = new BoundedLines(reader, LONGEST_LINE);
            BoundedLines.Line line = in.next();
            long number = 0;
            while (line != null) {
                number++;
                BoundedLines.Line next = in.next();
                boolean last = next == null;
                JournalRecord record;
                try {
                    if (line.overlong()) {
                        throw new JournalCodec.MalformedRecordException("a line of " + line.length() + " characters, "
                                + "more than a record ever has (" + LONGEST_LINE + "): not a journal record");
                    }
                    record = codec.read(line.text());
                } catch (JournalCodec.MalformedRecordException e) {
                    if (last && !endsWithLineEnd) {
                        warnings.accept(file.getFileName() + ":" + number + ": torn last line skipped ("
                                + line.length() + " characters without a line end: cut short by a crash, a full disk "
                                + "or a power cut)");
                        return;
                    }
                    throw new JournalException(file.getFileName() + ":" + number + ": " + e.getMessage());
                }
                if (!sink.accept(record, number)) {
                    return;
                }
                line = next;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }

    private static boolean endsWithLineEnd(Path file) {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            if (f.length() == 0) {
                return true;
            }
            f.seek(f.length() - 1);
            return f.read() == '\n';
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e, e);
        }
    }
}
