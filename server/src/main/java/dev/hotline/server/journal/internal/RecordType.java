package dev.hotline.server.journal.internal;

import dev.hotline.acd.Decision;
import dev.hotline.server.journal.JournalRecord;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The {@code type} of every journal line. The names are the stable part of the format: a Java class may be renamed,
 * the name on disk may not. {@link #of} is an exhaustive switch, so a new kind of {@link Decision} does not compile
 * until it has a name here.
 */
public enum RecordType {
    JOURNAL_OPENED("journal-opened", JournalRecord.FileOpened.class),
    RECORDS_LOST("records-lost", JournalRecord.RecordsLost.class),
    CALL_REFUSED("call-refused", Decision.CallRefused.class),
    CALL_CLASSIFIED("call-classified", Decision.CallClassified.class),
    CALL_QUEUED("call-queued", Decision.CallQueued.class),
    CALL_OFFERED("call-offered", Decision.CallOffered.class),
    CALL_REQUEUED("call-requeued", Decision.CallRequeued.class),
    CALL_ANSWERED("call-answered", Decision.CallAnswered.class),
    CALL_ESCALATED("call-escalated", Decision.CallEscalated.class),
    CALL_REPLANNED("call-replanned", Decision.CallReplanned.class),
    ANNOUNCEMENT("announcement", Decision.Announcement.class),
    CALL_MOVED("call-moved", Decision.CallMoved.class),
    CALL_TREATED("call-treated", Decision.CallTreated.class),
    CALL_ENDED("call-ended", Decision.CallEnded.class),
    AGENT_STATE_CHANGED("agent-state-changed", Decision.AgentStateChanged.class),
    AGENT_AFTER_CALL("agent-after-call", Decision.AgentAfterCall.class),
    AGENT_PHONE_CHANGED("agent-phone-changed", Decision.AgentPhoneChanged.class),
    CONFIG_APPLIED("config-applied", Decision.ConfigApplied.class),
    EVENT_REJECTED("event-rejected", Decision.EventRejected.class),
    MESSAGE_LEFT("message-left", JournalRecord.MessageLeft.class),
    IVR_RESULTS("ivr-results", JournalRecord.IvrResults.class),
    CALLBACK_REQUESTED("callback-requested", JournalRecord.CallbackRequested.class),
    CALLBACK_ATTEMPTED("callback-attempted", JournalRecord.CallbackAttempted.class),
    CALLBACK_CLOSED("callback-closed", JournalRecord.CallbackClosed.class),
    CONFIG_RELOADED("config-reloaded", JournalRecord.ConfigReloaded.class);

    /**
     * Fields added to a type within format version 1, by type: a line written before them lacks them and reads with
     * their empty value ("" or null), where any other missing field is damage.
     */
    private static final Map<String, Set<String>> ADDED_IN_VERSION_1 = Map.of(
            "call-ended", Set.of("callerNumber", "dialledNumber", "endpoint", "channel", "recording"),
            "journal-opened", Set.of("phones"),
            "callback-requested", Set.of("dialledNumber"),
            "call-offered", Set.of("dialledNumber", "businessType", "vip"),
            "call-requeued", Set.of("offerEnd"));

    private static final Map<String, RecordType> BY_NAME =
            Arrays.stream(values()).collect(Collectors.toUnmodifiableMap(RecordType::typeName, Function.identity()));

    private final String typeName;
    private final Class<? extends Record> recordClass;

    RecordType(String typeName, Class<? extends Record> recordClass) {
        this.typeName = typeName;
        this.recordClass = recordClass;
    }

    /** The {@code type} field's value. */
    public String typeName() {
        return typeName;
    }

    /** The record the line's fields are read into. */
    public Class<? extends Record> recordClass() {
        return recordClass;
    }

    /** Whether {@code field} was added to this type within format version 1, so older lines may lack it. */
    public boolean addedLater(String field) {
        return ADDED_IN_VERSION_1.getOrDefault(typeName, Set.of()).contains(field);
    }

    public static Optional<RecordType> named(String typeName) {
        return Optional.ofNullable(BY_NAME.get(typeName));
    }

    /** The type of what {@code record} is written as (a decision is written as itself). */
    public static RecordType of(JournalRecord record) {
        return switch (record) {
            case JournalRecord.FileOpened o -> JOURNAL_OPENED;
            case JournalRecord.RecordsLost l -> RECORDS_LOST;
            case JournalRecord.Logged logged -> of(logged.decision());
            case JournalRecord.CallRecord c -> CALL_ENDED;
            case JournalRecord.MessageLeft m -> MESSAGE_LEFT;
            case JournalRecord.IvrResults r -> IVR_RESULTS;
            case JournalRecord.CallbackRequested c -> CALLBACK_REQUESTED;
            case JournalRecord.CallbackAttempted c -> CALLBACK_ATTEMPTED;
            case JournalRecord.CallbackClosed c -> CALLBACK_CLOSED;
            case JournalRecord.ConfigReloaded c -> CONFIG_RELOADED;
        };
    }

    public static RecordType of(Decision decision) {
        return switch (decision) {
            case Decision.CallRefused d -> CALL_REFUSED;
            case Decision.CallClassified d -> CALL_CLASSIFIED;
            case Decision.CallQueued d -> CALL_QUEUED;
            case Decision.CallOffered d -> CALL_OFFERED;
            case Decision.CallRequeued d -> CALL_REQUEUED;
            case Decision.CallAnswered d -> CALL_ANSWERED;
            case Decision.CallEscalated d -> CALL_ESCALATED;
            case Decision.CallReplanned d -> CALL_REPLANNED;
            case Decision.Announcement d -> ANNOUNCEMENT;
            case Decision.CallMoved d -> CALL_MOVED;
            case Decision.CallTreated d -> CALL_TREATED;
            case Decision.CallEnded d -> CALL_ENDED;
            case Decision.AgentStateChanged d -> AGENT_STATE_CHANGED;
            case Decision.AgentAfterCall d -> AGENT_AFTER_CALL;
            case Decision.AgentPhoneChanged d -> AGENT_PHONE_CHANGED;
            case Decision.ConfigApplied d -> CONFIG_APPLIED;
            case Decision.EventRejected d -> EVENT_REJECTED;
        };
    }
}
