package dev.hotline.server.journal;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Another running Hotline writes the journal directory a second server was given: the second one must not write a
 * line to it (two runs interleaved in one journal cannot be reported), so it does not start.
 */
public final class JournalInUse extends UncheckedIOException {
    JournalInUse(String message, IOException cause) {
        super(message, cause);
    }
}
