package dev.hotline.server.journal.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.server.journal.JournalRecord;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Appends journal lines to the current file and opens the next one by size or day. Owned by the journal's writer
 * thread (its constructor runs before that thread starts).
 *
 * <p>It follows what it writes ({@code ConfigApplied}, agent state changes, agents' phone changes) so that each new
 * file starts with the configuration, agent states and phones in force: a file can be read without the ones before
 * it.
 */
public final class FileAppender implements AutoCloseable {
    private static final int BUFFER_BYTES = 64 * 1024;

    private final Path dir;
    /** A reload may change it (the writer thread reads it for each line). */
    private volatile long maxFileBytes;
    private final Clock clock;
    private final JournalCodec codec = new JournalCodec();

    private CentreConfig config;
    private final Map<String, Decision.AgentStateChanged> agentsOnDuty = new TreeMap<>();
    /** Phones not free, by agent: as the engine's {@code AgentView.phone}, which starts free for every agent. */
    private final Map<String, Decision.AgentPhoneChanged> phonesInUse = new TreeMap<>();
    private long lastAt;

    private FileChannel channel;
    private OutputStream out;
    private Path file;
    private LocalDate day;
    private long fileBytes;
    private long headerBytes;
    private boolean dirty;

    /**
     * The journal holds callers' numbers and what the IVR attached (account numbers): on a POSIX file system the
     * directory Hotline creates and every file it writes are its own user's only (0700, 0600), whatever the umask.
     */
    private static final List<FileAttribute<?>> OWNER_ONLY_FILE = posix()
            ? List.of(PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))) : List.of();
    private static final List<FileAttribute<?>> OWNER_ONLY_DIRECTORY = posix()
            ? List.of(PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------"))) : List.of();

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    /** Creates the directory, owner-only, if it is not there; one that exists keeps its permissions. */
    private static void createDirectory(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            Files.createDirectories(dir, OWNER_ONLY_DIRECTORY.toArray(new FileAttribute<?>[0]));
        }
    }

    /** Where a new journal file is created: the disk itself, or in tests one that fills up. */
    public interface Disk {
        /** The disk of the file system: creates {@code file}, which must not exist yet, for writing. */
        Disk FILE_SYSTEM = file -> FileChannel.open(file, Set.of(StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE), OWNER_ONLY_FILE.toArray(new FileAttribute<?>[0]));

        FileChannel create(Path file) throws IOException;
    }

    /**
     * What was written to the buffer since the last successful flush, lost if the file must be dropped: records
     * ({@code count}, from {@code firstAt} to {@code lastAt}), and {@code records-lost} lines, which stand for
     * {@code marked} records lost before (from {@code markedFirstAt}) that would then need marking again.
     */
    public record Unflushed(long count, long firstAt, long lastAt, long marked, long markedFirstAt,
                            long markedLastAt) {
        static final Unflushed NONE = new Unflushed(0, 0, 0, 0, 0, 0);

        Unflushed and(JournalRecord record) {
            if (record instanceof JournalRecord.RecordsLost lost) {
                return new Unflushed(count, firstAt, lastAt, marked + lost.count(),
                        marked == 0 ? lost.firstAt() : markedFirstAt, lost.at());
            }
            return new Unflushed(count + 1, count == 0 ? record.at() : firstAt, record.at(), marked, markedFirstAt,
                    markedLastAt);
        }
    }

    private final Disk disk;
    /** This server's hold on the directory, from the first file to {@link #close}. */
    private JournalLock lock;
    private Unflushed unflushed = Unflushed.NONE;
    /** What the current file holds besides its first line: all of it is lost if the file is removed under us. */
    private Unflushed inFile = Unflushed.NONE;

    /** Opens the first file, with the cause {@link JournalRecord.OpenCause#START}. */
    public FileAppender(Path dir, long maxFileBytes, Clock clock, CentreConfig config) throws IOException {
        this(dir, maxFileBytes, clock, config, Disk.FILE_SYSTEM);
    }

    /** As {@link #FileAppender(Path, long, Clock, CentreConfig)}, creating files on {@code disk}. */
    public FileAppender(Path dir, long maxFileBytes, Clock clock, CentreConfig config, Disk disk) throws IOException {
        this.disk = disk;
        this.dir = dir;
        this.maxFileBytes = maxFileBytes;
        this.clock = clock;
        this.config = config;
        this.lastAt = clock.millis();
        createDirectory(dir);
        lock = JournalLock.take(dir, OWNER_ONLY_FILE);
        try {
            open(JournalRecord.OpenCause.START);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Files from now on close before they would grow past {@code bytes} (the one open now too). */
    public void useMaxFileBytes(long bytes) {
        this.maxFileBytes = bytes;
    }

    /** The file lines go to now. */
    public Path currentFile() {
        return file;
    }

    /** Writes {@code record} (to a new file first when the day changed or the current one is full). */
    public void append(JournalRecord record) throws IOException {
        if (channel == null) {
            open(JournalRecord.OpenCause.WRITE_ERROR);
        }
        byte[] line = (codec.write(record, zone()) + "\n").getBytes(StandardCharsets.UTF_8);
        if (!today().equals(day)) {
            rotate(JournalRecord.OpenCause.DAY);
        } else if (fileBytes > headerBytes && fileBytes + line.length > maxFileBytes) {
            rotate(JournalRecord.OpenCause.SIZE);
        }
        write(line);
        unflushed = unflushed.and(record);
        inFile = inFile.and(record);
        follow(record);
    }

    /** Opens a new file after {@link #abandonFile()} without a record to write (a retry): nothing if one is open. */
    public void reopen() throws IOException {
        if (channel == null) {
            open(JournalRecord.OpenCause.WRITE_ERROR);
        }
    }

    /** Whether a file is open: after {@link #abandonFile()}, none until the next record. */
    public boolean isOpen() {
        return channel != null;
    }

    /** Pushes buffered lines to the operating system (they survive a crash of the process, not of the machine). */
    public void flush() throws IOException {
        if (out != null && !Files.exists(file)) {
            // removed by hand (rm -r journal/): the lines would go on into a file nobody can read; looked for at every
            // flush, lines to push or not, so that a quiet centre finds it out (and counts what the file held) at once
            throw new NoSuchFileException(file.toString(), null, "removed while being written");
        }
        if (dirty && out != null) {
            out.flush();
            dirty = false;
        }
        unflushed = Unflushed.NONE;
    }

    /** Flushes and forces the file's content to the disk (survives a power cut). */
    public void sync() throws IOException {
        flush();
        if (channel != null) {
            channel.force(false);
        }
    }

    /**
     * Drops the current file after a write error, so that the next record opens a new one rather than appending
     * behind a line that may be half written; a file of which nothing reached the disk is removed (a full disk would
     * otherwise leave an empty file per attempt).
     *
     * @return the records written since the last successful flush: lost with the file's buffer (at most: some may
     *         have reached the disk before the error); every record of the file if it was removed
     */
    public Unflushed abandonFile() {
        boolean removed = channel != null && file != null && !Files.exists(file);
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException ignored) {
            // the file is already broken; the write error was reported
        }
        if (channel != null && file != null) {
            try {
                if (Files.size(file) == 0) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException ignored) {
                // it stays, empty; the reader skips a file without lines
            }
        }
        channel = null;
        out = null;
        Unflushed lost = removed ? inFile : unflushed;
        unflushed = Unflushed.NONE;
        inFile = Unflushed.NONE;
        return lost;
    }

    /** Closes the journal for good: the file open now, then the directory's lock for the next server. */
    @Override
    public void close() throws IOException {
        try {
            closeFile();
        } finally {
            if (lock != null) {
                lock.close();
            }
        }
    }

    /** Flushes, forces and closes the file open now, if one is. */
    private void closeFile() throws IOException {
        if (channel != null) {
            flush();
            channel.force(true);
            channel.close();
            channel = null;
            out = null;
        }
    }

    private void follow(JournalRecord record) {
        lastAt = Math.max(lastAt, record.at());
        if (record instanceof JournalRecord.Logged(Decision d)) {
            // a call's end (a CallRecord) changes neither the configuration nor an agent's state
            switch (d) {
                case Decision.ConfigApplied c -> config = c.config();
                case Decision.AgentStateChanged s when s.to() == AgentState.LOGGED_OUT ->
                        agentsOnDuty.remove(s.agentId());
                case Decision.AgentStateChanged s -> agentsOnDuty.put(s.agentId(), s);
                case Decision.AgentPhoneChanged p when p.to() == PhoneState.FREE -> phonesInUse.remove(p.agentId());
                case Decision.AgentPhoneChanged p -> phonesInUse.put(p.agentId(), p);
                default -> { }
            }
        }
    }

    private void rotate(JournalRecord.OpenCause cause) throws IOException {
        closeFile();
        open(cause);
    }

    private void open(JournalRecord.OpenCause cause) throws IOException {
        day = today();
        // again each time: a directory removed while the server runs comes back with the next file
        createDirectory(dir);
        if (lock == null || !Files.exists(dir.resolve(JournalLock.FILE))) {
            // removed with its lock (rm -r journal/): taken again, or a second server could now write here too;
            // one that did meanwhile keeps it, and this server's records are lost (logged) rather than mixed in
            JournalLock held = lock;
            lock = null;
            if (held != null) {
                held.close();
            }
            lock = JournalLock.take(dir, OWNER_ONLY_FILE);
        }
        file = dir.resolve(JournalFiles.name(day, JournalFiles.nextSequence(dir, day)));
        // never append to an old file: its last line may be torn by a crash
        channel = disk.create(file);
        out = new BufferedOutputStream(Channels.newOutputStream(channel), BUFFER_BYTES);
        fileBytes = 0;
        inFile = Unflushed.NONE;
        syncDirectory();
        var header = new JournalRecord.FileOpened(lastAt, cause, config, new ArrayList<>(agentsOnDuty.values()),
                new ArrayList<>(phonesInUse.values()));
        write((codec.write(header, zone()) + "\n").getBytes(StandardCharsets.UTF_8));
        headerBytes = fileBytes;
    }

    /** Makes the new file's name durable, not only its content (Linux; elsewhere it is a no-op or refused). */
    private void syncDirectory() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // some platforms cannot open a directory; the file's data is still forced on rotation and close
        }
    }

    private void write(byte[] line) throws IOException {
        out.write(line);
        fileBytes += line.length;
        dirty = true;
    }

    private ZoneId zone() {
        return config.settings().zone();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone());
    }
}
