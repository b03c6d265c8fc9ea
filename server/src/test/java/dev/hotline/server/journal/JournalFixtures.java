package dev.hotline.server.journal;

import static dev.hotline.server.journal.CallbackOutcome.AGENT_ANSWERED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.AssignmentReason;
import dev.hotline.acd.Decision;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.Treatment;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigResult;
import dev.hotline.server.journal.internal.RecordType;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The shipped configuration and one example of every kind of journal record. */
public final class JournalFixtures {
    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Monday 23 November 2026, 09:00 in Shanghai. */
    public static final long NINE_AM = Instant.parse("2026-11-23T01:00:00Z").toEpochMilli();

    private JournalFixtures() {
    }

    /** The TV-shopping centre of config/: every kind of treatment, escalation step, hours and holidays. */
    public static CentreConfig shippedConfig() {
        ConfigResult result = ConfigLoader.load(Path.of(System.getProperty("hotline.config.dir", "../config")));
        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config();
    }

    /** An example of {@code type}; exhaustive, so a new record type does not compile without one. */
    static JournalRecord example(RecordType type, CentreConfig config) {
        long at = NINE_AM + 1234;
        return switch (type) {
            case JOURNAL_OPENED -> new JournalRecord.FileOpened(at, JournalRecord.OpenCause.DAY, config,
                    List.of(new Decision.AgentStateChanged(at - 60_000, "1001", AgentState.NOT_READY,
                            AgentState.READY, "ready")),
                    List.of(new Decision.AgentPhoneChanged(at - 30_000, "1002", PhoneState.FREE, PhoneState.BUSY)));
            case RECORDS_LOST -> new JournalRecord.RecordsLost(at, 17, at - 500);
            case CALL_REFUSED -> logged(new Decision.CallRefused(at, "c1", "13800000000", "4008001001",
                    Decision.RefusalCause.BLACKLISTED, "hotline/system-busy-try-later", "prefix 1380000 (fraud)"));
            case CALL_CLASSIFIED -> logged(new Decision.CallClassified(at, "c2", "13911112222", "4008001001",
                    "health-tea", "sales-health", Optional.of("welcome"), "exact 4008001001",
                    Optional.of("王女士 (gold)")));
            case CALL_QUEUED -> logged(new Decision.CallQueued(at, "c2", "sales-health", 5,
                    List.of("health", "general"), 3, 45_000));
            case CALL_OFFERED -> logged(new Decision.CallOffered(at, "c2", "1001", "PJSIP/1001", "sales-health",
                    15_000, 12_000, "13911112222", "4008001001", "slimming-tea", Optional.of("Gold customers (gold)"),
                    Map.of("order", "A-77", "language", "zh"),
                    new AssignmentReason("sales-health", "health", Optional.of("after-30s"),
                            RoutingStrategy.LONGEST_IDLE, "Call c2 waited 12 s in queue sales-health; group health "
                            + "was made eligible by escalation step after-30s; LONGEST_IDLE picked agent 1001: idle "
                            + "45 s, longest.")));
            case CALL_REQUEUED -> logged(new Decision.CallRequeued(at, "c2", "1001", "sales-health",
                    "ring-no-answer", OfferEnd.NO_ANSWER));
            case CALL_ANSWERED -> logged(new Decision.CallAnswered(at, "c2", "1002", "sales-health", "health",
                    31_000));
            case CALL_ESCALATED -> logged(new Decision.CallEscalated(at, "c3", "after-sales", "vip-escalation",
                    List.of("after-sales"), 15));
            case CALL_REPLANNED -> logged(new Decision.CallReplanned(at, "c3", "sales-health", 17,
                    List.of("vip", "health")));
            case ANNOUNCEMENT -> logged(new Decision.Announcement(at, "c3", "hotline/still-busy-thank-you-for-waiting",
                    2, 60_000));
            case CALL_MOVED -> logged(new Decision.CallMoved(at, "c4", "sales-health", "general",
                    "the call waited the maximum of 180 s in queue sales-health"));
            case CALL_TREATED -> logged(new Decision.CallTreated(at, "c5", "after-sales",
                    new Treatment.Voicemail("after-sales", "vm/leave-message"), Decision.TreatmentCause.CLOSED));
            case CALL_ENDED -> new JournalRecord.CallRecord(new Decision.CallEnded(at, "c2", Outcome.ANSWERED,
                    Optional.of("sales-health"), Optional.of("1002"), 31_000, 185_000, "agent hung up", "13911112222",
                    "4008001001", Optional.of("PJSIP/1002")), Optional.of("PJSIP/trunk-0000001a"),
                    Optional.of("hotline-1795395601.26.wav"));
            case AGENT_STATE_CHANGED -> logged(new Decision.AgentStateChanged(at, "1002", AgentState.TALKING,
                    AgentState.WRAP_UP, "call c2 ended"));
            case AGENT_AFTER_CALL -> logged(new Decision.AgentAfterCall(at, "1002", AgentState.TALKING,
                    AgentState.NOT_READY, "lunch"));
            case AGENT_PHONE_CHANGED -> logged(new Decision.AgentPhoneChanged(at, "1001", PhoneState.FREE,
                    PhoneState.BUSY));
            case CONFIG_APPLIED -> logged(new Decision.ConfigApplied(at, config));
            case EVENT_REJECTED -> logged(new Decision.EventRejected(at,
                    new AcdEvent.QueueRequested(at - 5, "c9", Optional.of("health-tea"), 2, Map.of("pin", "ok")),
                    "call c9 cannot be queued: it is TALKING"));
            case IVR_RESULTS -> new JournalRecord.IvrResults(at, "c8", "satisfaction-survey", "survey-answered",
                    Map.of("rating", "4"));
            case MESSAGE_LEFT -> new JournalRecord.MessageLeft(at, "c6", "13911112222", "after-sales",
                    "hotline/messages/after-sales-c6", Map.of("order", "A-77"));
            case CALLBACK_REQUESTED -> new JournalRecord.CallbackRequested(at, "c7", "13911112222", "4008001001",
                    "health-tea", Map.of("order", "A-77"));
            case CALLBACK_ATTEMPTED -> new JournalRecord.CallbackAttempted(at, "c7", "13911112222", 1, "no-answer",
                    "Asterisk reason 3");
            case CALLBACK_CLOSED -> new JournalRecord.CallbackClosed(at, "c7", "13911112222", AGENT_ANSWERED, 2,
                    "1795413048.9");
            case CONFIG_RELOADED -> new JournalRecord.ConfigReloaded(at, "API token admins", false, List.of(),
                    List.of("queues.yaml:3:14: queues[sales-health].groups[0]: unknown skill group 'vip-gold' (known: "
                            + "vip, sales-health)"));
        };
    }

    private static JournalRecord logged(Decision decision) {
        return new JournalRecord.Logged(decision);
    }
}
