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
import java.util.Set;

/**
 * The one writer of a journal directory: a lock on {@code hotline.lock} in it, held while the journal is open. Two
 * servers writing one journal would interleave their records and clocks, and {@code report} could no longer read
 * either run; the second is refused before it writes a line. The operating system lets the lock go when the process
 * ends, however it ends, so a crash never leaves the directory locked.
 */
public final class JournalLock implements AutoCloseable {

    /** The lock file's name; the journal's readers only read files named like journal files. */
    public static final String FILE = "hotline.lock";

    private final FileChannel channel;
    private final FileLock lock;

    private JournalLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
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
            throw new JournalInUse("the journal in " + dir + " is in use by another running Hotline"
                    + (holder.isEmpty() ? "" : " (" + holder + ")") + ": two servers writing one journal would mix"
                    + " their records");
        }
        try {
            channel.truncate(0);
            channel.write(ByteBuffer.wrap(("process " + ProcessHandle.current().pid() + "\n")
                    .getBytes(StandardCharsets.UTF_8)), 0);
        } catch (IOException e) {
            // the lock holds all the same; the note of who holds it is only for the message
        }
        return new JournalLock(channel, lock);
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
        }
    }

    /** Another process holds the journal directory. */
    public static final class JournalInUse extends IOException {
        JournalInUse(String message) {
            super(message);
        }
    }
}
