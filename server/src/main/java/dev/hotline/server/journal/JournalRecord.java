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
     * What an IVR flow recorded when it ended (a hangup node's {@code record}): a survey's rating, an order number.
     *
     * @param flow        the flow (or subflow) whose end node recorded them
     * @param disposition the end node's disposition ({@code survey-answered})
     * @param results     variable name to value, as the node lists them
     */
    record IvrResults(long at, String callId, String flow, String disposition, Map<String, String> results)
            implements JournalRecord {
        public IvrResults {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(flow, "flow");
            Objects.requireNonNull(disposition, "disposition");
            results = Map.copyOf(results);
        }
    }

    /**
     * A caller asked in the IVR to be called back. It stays open until a callback reaches an agent, a later call from
     * {@code number} is answered by an agent, or Hotline closes it ({@link CallbackClosed}).
     *
     * @param callId        the call that asked; it names the request in the records that follow
     * @param number        the number to call back (the caller's, or one the caller entered)
     * @param dialledNumber the number the caller dialled ("" in lines written before it was recorded)
     * @param businessType  what to call back about ("" in lines written before it was recorded: the dialled
     *                      number's)
     * @param attachedData  what the flow attached
     */
    record CallbackRequested(long at, String callId, String number, String dialledNumber, String businessType,
                             Map<String, String> attachedData) implements JournalRecord {
        public CallbackRequested {
            Objects.requireNonNull(callId, "callId");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(dialledNumber, "dialledNumber");
            Objects.requireNonNull(businessType, "businessType");
            attachedData = Map.copyOf(attachedData);
        }
    }

    /**
     * Hotline rang a customer back (an AMI Originate) and learnt how it went.
     *
     * @param requestId the request ({@link CallbackRequested#callId()})
     * @param attempt   1 for the first attempt
     * @param result    {@code answered}, {@code no-answer}, {@code busy}, {@code failed} (congestion, no route, a
     *                  refusal) or {@code no-manager-interface} (no AMI server connected: not rung, not counted)
     * @param detail    what Asterisk said (its Reason), or why it was not rung
     */
    record CallbackAttempted(long at, String requestId, String number, int attempt, String result, String detail)
            implements JournalRecord {
        public CallbackAttempted {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(result, "result");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /**
     * A callback request is over.
     *
     * @param requestId the request ({@link CallbackRequested#callId()})
     * @param outcome   {@code agent-answered} (the callback's call reached an agent: {@code callId} names it),
     *                  {@code customer-called} (a later call from the number was answered by an agent),
     *                  {@code gave-up} (every attempt failed), {@code expired} (not done within
     *                  {@code callbacks.expireAfter}), {@code not-served} (the callback's call ended without an agent
     *                  by Hotline's rules: refused, a queue treatment)
     * @param attempts  how many times the customer was rung
     * @param callId    the call that closed it (the callback's, or the customer's own); "" for none
     */
    record CallbackClosed(long at, String requestId, String number, CallbackOutcome outcome, int attempts,
                          String callId)
            implements JournalRecord {
        public CallbackClosed {
            Objects.requireNonNull(requestId, "requestId");
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(outcome, "outcome");
            Objects.requireNonNull(callId, "callId");
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

    /**
     * A reload of the configuration, applied or refused: the audit trail of who changed the centre's configuration
     * when, and what it did. An applied one follows its {@code config-applied} line (the whole configuration put in
     * force).
     *
     * @param by       who asked: {@code API token <name>}, {@code SIGHUP}, or {@code in process}
     * @param applied  whether it was put in force; a refused one leaves the running configuration as it was
     * @param changes  what it changed and did to calls, as the reload's answer says it (applied only)
     * @param problems why it was refused, each with its file and line (refused only)
     */
    record ConfigReloaded(long at, String by, boolean applied, List<String> changes, List<String> problems)
            implements JournalRecord {
        public ConfigReloaded {
            Objects.requireNonNull(by, "by");
            changes = List.copyOf(changes);
            problems = List.copyOf(problems);
        }
    }
}
