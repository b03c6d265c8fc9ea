package dev.hotline.server.callback;

import static dev.hotline.server.journal.CallbackOutcome.AGENT_ANSWERED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision;
import dev.hotline.acd.Outcome;
import dev.hotline.server.journal.JournalFixtures;
import dev.hotline.server.journal.JournalReader;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.journal.JournalSettings;
import dev.hotline.server.journal.JournalWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A restart rings the customers the last run still owed a callback, and no one else. */
class OpenCallbacksTest {
    private static final long NINE_AM = JournalFixtures.NINE_AM;
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    private void journal(JournalRecord... records) {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), JournalFixtures.shippedConfig(),
                Clock.fixed(Instant.ofEpochMilli(NINE_AM), ZoneId.of("Asia/Shanghai")))) {
            for (JournalRecord record : records) {
                if (record instanceof JournalRecord.CallRecord call) {
                    journal.onDecision(call.ended());
                } else {
                    journal.record(record);
                }
            }
        }
    }

    private void journalWithClockAt(long at, JournalRecord... records) {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), JournalFixtures.shippedConfig(),
                Clock.fixed(Instant.ofEpochMilli(at), ZoneId.of("Asia/Shanghai")))) {
            for (JournalRecord record : records) {
                journal.record(record);
            }
        }
    }

    private static JournalRecord.CallbackRequested requested(long at, String id, String number) {
        return new JournalRecord.CallbackRequested(at, id, number, "4008001001", "health-tea",
                Map.of("order", "A-" + id));
    }

    private static JournalRecord.CallRecord answered(long at, String callId, String caller) {
        return new JournalRecord.CallRecord(new Decision.CallEnded(at, callId, Outcome.ANSWERED,
                Optional.of("sales-health"), Optional.of("1001"), 1_000, 60_000, "agent hung up", caller,
                "4008001001", Optional.of("PJSIP/1001")), Optional.empty(), Optional.empty());
    }

    private List<OpenCallbacks.Restored> open(long since) {
        return OpenCallbacks.read(new JournalReader(dir, w -> { }), since);
    }

    @Test
    void theRequestsStillOpenAreReadBackOldestFirstWithTheirAttempts() {
        journal(requested(NINE_AM + MINUTE, "c1", "13811110000"),
                requested(NINE_AM + 2 * MINUTE, "c2", "13822220000"),
                requested(NINE_AM + 3 * MINUTE, "c3", "13833330000"),
                requested(NINE_AM + 4 * MINUTE, "c4", "13844440000"),
                new JournalRecord.CallbackAttempted(NINE_AM + 5 * MINUTE, "c2", "13822220000", 1, "no-answer", ""),
                new JournalRecord.CallbackAttempted(NINE_AM + 6 * MINUTE, "c2", "13822220000", 1,
                        "no-manager-interface", "not connected"),
                new JournalRecord.CallbackClosed(NINE_AM + 7 * MINUTE, "c3", "13833330000", AGENT_ANSWERED, 1,
                        "c9"),
                answered(NINE_AM + 8 * MINUTE, "c10", "13844440000"));

        List<OpenCallbacks.Restored> open = open(NINE_AM);

        assertThat(open).extracting(r -> r.request().id()).containsExactly("c1", "c2");
        assertThat(open.getFirst().request()).isEqualTo(new CallbackRequest("c1", "13811110000", "4008001001",
                "health-tea", Map.of("order", "A-c1"), NINE_AM + MINUTE));
        assertThat(open.get(1).attempts()).isEqualTo(1);
        assertThat(open.get(1).lastAttemptAt()).isEqualTo(NINE_AM + 5 * MINUTE);
    }

    @Test
    void anOrderTakenBySalesDoesNotSettleTheAfterSalesProblemTheCustomerAskedToBeCalledBackAbout() {
        journal(new JournalRecord.CallbackRequested(NINE_AM + MINUTE, "c1", "13811110000", "4008008888",
                        "after-sales", Map.of()),
                answered(NINE_AM + 2 * MINUTE, "c2", "13811110000"));
        assertThat(open(NINE_AM)).extracting(r -> r.request().id()).containsExactly("c1");

        journal(new JournalRecord.CallRecord(new Decision.CallEnded(NINE_AM + 3 * MINUTE, "c3", Outcome.ANSWERED,
                Optional.of("after-sales"), Optional.of("1008"), 1_000, 60_000, "agent hung up", "13811110000",
                "4008008888", Optional.of("PJSIP/1008")), Optional.empty(), Optional.empty()));
        assertThat(open(NINE_AM)).isEmpty();
    }

    @Test
    void aStartWithTheClockSetBackForgetsNoRequestOfTheRunBeforeIt() {
        // a demo's simulated afternoon, then a server started in the morning: both runs' requests are owed
        journalWithClockAt(NINE_AM + 300 * MINUTE, requested(NINE_AM + 301 * MINUTE, "c1", "13811110000"));
        journalWithClockAt(NINE_AM, requested(NINE_AM + MINUTE, "c2", "13822220000"));
        List<String> warnings = new ArrayList<>();

        List<OpenCallbacks.Restored> open = OpenCallbacks.read(new JournalReader(dir, w -> { }), NINE_AM,
                warnings::add);

        assertThat(open).extracting(r -> r.request().id()).containsExactly("c1", "c2");
        assertThat(warnings).singleElement().asString().contains("the clock was set back between two runs");
    }

    @Test
    void requestsOlderThanTheExpiryAndRequestsWithoutABusinessTypeAreNotReadBack() {
        journal(requested(NINE_AM + MINUTE, "c1", "13811110000"),
                requested(NINE_AM + 3 * MINUTE, "c2", "13822220000"),
                new JournalRecord.CallbackRequested(NINE_AM + 4 * MINUTE, "c3", "13833330000", "", "", Map.of()));

        assertThat(open(NINE_AM + 2 * MINUTE)).extracting(r -> r.request().id()).containsExactly("c2");
    }
}
