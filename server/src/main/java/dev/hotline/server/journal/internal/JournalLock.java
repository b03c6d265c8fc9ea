package dev.hotline.server.journal.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one writer of a journal directory: a lock on {@code hotline.lock} in it, held while the journal is open. Two
 * servers writing one journal would interleave their records and clocks, and {@code report} could no longer read
 * either run; the second is refused before it writes a line. The operating system lets the lock go when the process
 * ends, however it ends, so a crash never leaves the directory locked.
 */
public final class JournalLock implements AutoCloseable {

    /** The lock file's name; the journal's readers only read files named like journal files. */
    public static final String FILE = "hotline.lock";

    /**
     * The lock files this process holds: {@link #heldElsewhere} must not open and close one of them, since closing any
     * channel of a file may release every lock the process has on it.
     */
    private static final Set<Path> HELD_HERE = ConcurrentHashMap.newKeySet();

    private final FileChannel channel;
    private final FileLock lock;
    private final Path file;

    private JournalLock(FileChannel channel, FileLock lock, Path file) {
        this.channel = channel;
        this.lock = lock;
        this.file = file;
    }

    /**
     * Why {@code dir} cannot be taken now, when another running Hotline (or a journal of this one) holds it: the
     * message {@link #take} would give, said before a start reads what earlier runs journaled (a live server's calls
     * would read as a crash's). Empty when it is free or cannot be told; {@link #take} decides in the end.
     */
    public static Optional<String> heldElsewhere(Path dir) {
        Path file = dir.resolve(FILE).toAbsolutePath().normalize();
        if (HELD_HERE.contains(file)) {
            return Optional.of(inUse(dir, holder(file)));
        }
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return Optional.of(inUse(dir, holder(file)));
            }
            lock.release();
            return Optional.empty();
        } catch (IOException | OverlappingFileLockException e) {
            return Optional.empty();
        }
    }

    private static String inUse(Path dir, String holder) {
        return "the journal in " + dir + " is in use by another running Hotline" + (holder.isEmpty() ? ""
                : " (" + holder + ")") + ": two servers writing one journal would mix their records";
    }

    /**
     * Takes the lock of {@code dir}, which exists, and writes this process's id in the lock file for the next one.
     *
     * @throws JournalInUse if another process (or another journal of this one) holds it
     */
    public static JournalLock take(Path dir, List<FileAttribute<?>> attributes) throws IOException {
        Path file = dir.resolve(FILE);
        FileChannel channel = FileChannel.open(file, Set.of(StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE), attributes.toArray(new FileAttribute<?>[0]));
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
        if (lock == null) {
            String holder = holder(file);
            channel.close();
            throw new JournalInUse(inUse(dir, holder));
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // the lock holds all the same; the note of who holds it is only for the message
        }
        Path held = file.toAbsolutePath().normalize();
        HELD_HERE.add(held);
        return new JournalLock(channel, lock, held);
    }

    /** What the lock file says of its holder ("process 1234"), empty if it cannot be read. */
    private static String holder(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8).strip();
            return text.matches("process \\d+") ? text : "";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Lets the directory go (the file stays: the next server takes its lock). */
    @Override
    public void close() throws IOException {
        try {
            lock.release();
        } finally {
            channel.close();
            HELD_HERE.remove(file);
        }
    }

    /** Another process holds the journal directory. */
    public static final class JournalInUse extends IOException {
        public JournalInUse(String message) {
            super(message);
        }
    }
}
