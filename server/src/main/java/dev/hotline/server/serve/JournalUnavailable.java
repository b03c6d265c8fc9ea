package dev.hotline.server.serve;

import dev.hotline.server.journal.JournalException;
import dev.hotline.server.journal.JournalInUse;

/**
 * The server could not start because its journal cannot be used: the directory cannot be created or written (it is a
 * file, or not writable), another running Hotline writes it ({@link #inUse}), or the callback requests a previous run
 * left open cannot be read from it (a damaged line: those requests were promised to callers, so the start stops
 * rather than forget them). Nothing was started; the message names the directory or the file and line, and the
 * reason.
 */
public final class JournalUnavailable extends IllegalStateException {
    private final boolean inUse;
    private final boolean damaged;

    JournalUnavailable(String message, Throwable cause) {
        super(message, cause);
        this.inUse = cause instanceof JournalInUse;
        this.damaged = cause instanceof JournalException;
    }

    /** Whether a line of the journal cannot be read (the message names file and line); the directory is usable. */
    public boolean damaged() {
        return damaged;
    }

    /** Whether another running Hotline writes the directory (rather than it being unusable). */
    public boolean inUse() {
        return inUse;
    }
}
