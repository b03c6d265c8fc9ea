package dev.hotline.server.journal;

import dev.hotline.acd.Decision;
import dev.hotline.acd.model.CentreConfig;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One line of the journal. The format is documented in docs/journal.md: one JSON object per line with a format
 * version {@code v}, a {@code type}, the time as ISO-8601 ({@code at}) and as epoch milliseconds ({@code atMillis}).
 */
public sealed interface JournalRecord {

    /** The format version this code writes and reads; a change that renames or removes a field raises it. */
    int FORMAT_VERSION = 1;

    /** Epoch milliseconds, engine time. Records of a journal never go back in time. */
    long at();

    /** A decision of the routing engine, as the engine made it. */
    record Logged(Decision decision) implements JournalRecord {
        public Logged {
            Objects.requireNonNull(decision, "decision");
        }

        @Override
        public long at() {
            return decision.at();
        }
    }

    /**
     * A call's record (the {@code call-ended} line, the call's CDR): the engine's {@link Decision.CallEnded} with what
     * the telephony side knew of the call. The journal writes every {@code CallEnded} as one of these.
     *
     * @param ended     the engine's end of the call
     * @param channel   the inbound channel (Asterisk's name, {@code PJSIP/trunk-0000001a}); empty when the call did not
     *                  come through a call session (the simulator) or the session was gone
     * @param recording the recording file ({@code hotline-<call id>.wav}) when the call was recorded
     */
    record CallRecord(Decision.CallEnded ended, Optional<String> channel, Optional<String> recording)
            implements JournalRecord {
        public CallRecord {
            Objects.requireNonNull(ended, "ended");
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(recording, "recording");
        }

        @Override
        public long at() {
            return ended.at();
        }
    }

    /**
     * A caller left a message in the IVR (a voicemail for people to listen to).
     *
     * @param file         the recording as Asterisk wrote it, without extension (wav)
     * @param attachedData what the flow attached (order number, account...)
     */
    record MessageLeft(long at, String callId, String callerNumber, String mailbox, String file,
                       Map<String, String> attachedData) implements JournalRecord {
        public MessageLeft {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(callerNumber, "callerNumber");
            Objects.requireNonNull(mailbox, "mailbox");
            Objects.requireNonNull(file, "file");
            attachedData = Map.copyOf(attachedData);
        }
    }

    /**
     * A caller asked in the IVR to be called back. It stays open until a later call from {@code number} is answered
     * by an agent (placing the callback is not Hotline's yet: docs/journal.md).
     *
     * @param number       the number to call back (the caller's, or one the caller entered)
     * @param businessType what to call back about, "" for the dialled number's business
     * @param attachedData what the flow attached
     */
    record CallbackRequested(long at, String callId, String number, String businessType,
                             Map<String, String> attachedData) implements JournalRecord {
        public CallbackRequested {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(businessType, "businessType");
            attachedData = Map.copyOf(attachedData);
        }
    }

    /**
     * The first line of every journal file: what was in force when the file was opened, so that a file can be read
     * without the ones before it.
     *
     * @param at     the time of the state described: the writer's start, or the last record before the rotation
     * @param cause  why the file was opened
     * @param config the configuration in force
     * @param agents the latest state change of every agent not logged out, by agent id (empty at a start: a new
     *               engine has nobody logged in)
     * @param phones the latest change of every agent's phone that is not {@code FREE} (busy with a private call,
     *               unreachable), by agent id; empty at a start (a new engine takes every phone as free) and in
     *               files written before the field was added (read as all free)
     */
    record FileOpened(long at, OpenCause cause, CentreConfig config, List<Decision.AgentStateChanged> agents,
                      List<Decision.AgentPhoneChanged> phones) implements JournalRecord {
        public FileOpened {
            Objects.requireNonNull(cause, "cause");
            Objects.requireNonNull(config, "config");
            agents = List.copyOf(agents);
            phones = phones == null ? List.of() : List.copyOf(phones);
        }

        /** A file opened while every phone is free. */
        public FileOpened(long at, OpenCause cause, CentreConfig config, List<Decision.AgentStateChanged> agents) {
            this(at, cause, config, agents, List.of());
        }
    }

    /** Why a journal file was opened. */
    enum OpenCause {
        /** The writer started (the server started): nothing carries over from the files before. */
        START,
        /** The previous file reached its size limit. */
        SIZE,
        /** A new day began in the centre's time zone. */
        DAY,
        /** The previous file could not be written to (disk full, I/O error); what was in force carries over. */
        WRITE_ERROR
    }

    /**
     * Decisions that never reached the journal because the hand-off to the writer was full (see docs/journal.md,
     * back-pressure). Written as soon as there is room again, where the lost records would have been.
     *
     * @param at      the time of the last lost decision
     * @param count   how many decisions were lost
     * @param firstAt the time of the first lost decision
     */
    record RecordsLost(long at, long count, long firstAt) implements JournalRecord {
    }
}
