package dev.hotline.server.journal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Where and how the journal is written.
 *
 * @param dir          the journal directory (created if missing)
 * @param maxFileBytes a file that would grow past this is closed and the next one opened (a file holds at least its
 *                     first line and one record)
 * @param flushEvery   how often written lines are pushed to the operating system when no one asks sooner
 * @param capacity     how many decisions may wait for the writer thread; beyond that they are lost and counted
 */
public record JournalSettings(Path dir, long maxFileBytes, Duration flushEvery, int capacity) {
    public static final long DEFAULT_MAX_FILE_BYTES = 64L * 1024 * 1024;
    public static final Duration DEFAULT_FLUSH_EVERY = Duration.ofMillis(200);
    /** About a minute of a busy centre's decisions, a few tens of megabytes at most. */
    public static final int DEFAULT_CAPACITY = 65_536;

    public JournalSettings {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(flushEvery, "flushEvery");
        if (maxFileBytes < 1) {
            throw new IllegalArgumentException("journal maxFileBytes must be positive: " + maxFileBytes);
        }
        if (flushEvery.isNegative() || flushEvery.isZero()) {
            throw new IllegalArgumentException("journal flushEvery must be positive: " + flushEvery);
        }
        if (capacity < 1) {
            throw new IllegalArgumentException("journal capacity must be positive: " + capacity);
        }
    }

    /** {@code dir} with the default limits. */
    public static JournalSettings in(Path dir) {
        return new JournalSettings(dir, DEFAULT_MAX_FILE_BYTES, DEFAULT_FLUSH_EVERY, DEFAULT_CAPACITY);
    }

    public JournalSettings withMaxFileBytes(long bytes) {
        return new JournalSettings(dir, bytes, flushEvery, capacity);
    }

    public JournalSettings withCapacity(int records) {
        return new JournalSettings(dir, maxFileBytes, flushEvery, records);
    }
}
