package dev.hotline.server.journal;

/**
 * The journal cannot be read: a damaged line that is not the torn end of a file, or no journal at all. The message
 * names the file and line ({@code journal-2026-11-23-001.jsonl:17: call-ended: missing field 'callId'}).
 */
public final class JournalException extends RuntimeException {
    public JournalException(String message) {
        super(message);
    }
}
