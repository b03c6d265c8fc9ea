package dev.hotline.server.journal;

import dev.hotline.acd.Decision;
import java.util.Optional;

/**
 * Completes a call's record with what the telephony side knew of the call (its inbound channel, its recording), when
 * the engine ends the call. Called on the engine's thread by the {@link JournalWriter}: it must be quick and must not
 * throw.
 */
@FunctionalInterface
public interface CallRecords {

    /** The engine's part alone: calls that never had a telephony side (the simulator, tests). */
    CallRecords ACD_ONLY = ended -> new JournalRecord.CallRecord(ended, Optional.empty(), Optional.empty());

    JournalRecord.CallRecord complete(Decision.CallEnded ended);
}
