package dev.hotline.server.serve;

/**
 * The server could not start because its journal cannot be used: the directory cannot be created or written (it is a
 * file, or not writable), or the callback requests a previous run left open cannot be read from it (a damaged line:
 * those requests were promised to callers, so the start stops rather than forget them). Nothing was started; the
 * message names the directory or the file and line, and the reason.
 */
public final class JournalUnavailable extends IllegalStateException {
    JournalUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
