package dev.hotline.server.journal;

import static dev.hotline.server.journal.CallbackOutcome.AGENT_ANSWERED;
import static dev.hotline.server.journal.CallbackOutcome.GAVE_UP;
import static dev.hotline.server.journal.JournalFixtures.NINE_AM;
import static dev.hotline.server.journal.JournalFixtures.shippedConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.model.CentreConfig;
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

/**
 * What callers leave in the IVR is durable: messages and callback requests are journal records, read back whole,
 * and {@code hotline report} counts them; a callback request stays open until a later call from its number is
 * answered by an agent.
 */
class IvrRequestsInTheJournalTest {
    private static final CentreConfig CONFIG = shippedConfig();
    private static final long MINUTE = 60_000;

    @TempDir
    Path dir;

    private static Decision.CallEnded answered(long at, String callId, String caller) {
        return new Decision.CallEnded(at, callId, Outcome.ANSWERED, Optional.of("sales-health"), Optional.of("1001"),
                10_000, 60_000, "agent hung up", caller, "4008001001", Optional.of("PJSIP/1001"));
    }

    private void journal(Object... entries) {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), CONFIG,
                Clock.fixed(Instant.ofEpochMilli(NINE_AM), ZoneId.of("Asia/Shanghai")))) {
            for (Object entry : entries) {
                if (entry instanceof Decision d) {
                    journal.onDecision(d);
                } else {
                    journal.record((JournalRecord) entry);
                }
            }
        }
    }

    @Test
    void aMessageAndACallbackRequestAreReadBackWithEverythingTheCallerLeft() {
        var message = new JournalRecord.MessageLeft(NINE_AM + 1, "c1", "13911112222", "after-sales",
                "hotline/messages/after-sales-c1", Map.of("order", "A-77"));
        var callback = new JournalRecord.CallbackRequested(NINE_AM + 2, "c2", "13833334444", "4008001001",
                "health-tea", Map.of("language", "zh"));
        journal(message, callback);

        List<JournalRecord> read = new ArrayList<>();
        new JournalReader(dir, w -> { }).read(Long.MIN_VALUE, read::add);

        assertThat(read).contains(message, callback);
    }

    @Test
    void theReportCountsMessagesAndCallbackRequestsAndThoseStillOpen() {
        journal(
                new JournalRecord.MessageLeft(NINE_AM + MINUTE, "c1", "13911112222", "after-sales", "m-c1", Map.of()),
                callback(NINE_AM + 2 * MINUTE, "c2", "13833334444"),
                callback(NINE_AM + 3 * MINUTE, "c3", "13855556666"),
                // the first number calls again and gets through: nobody left to call back
                answered(NINE_AM + 10 * MINUTE, "c4", "13833334444"));

        JournalReplay.Report report = JournalReplay.of(dir, null, null, w -> { });

        assertThat(report.requests()).isEqualTo(new JournalReplay.IvrRequests(1, 2, 1, 1, 0));
    }

    @Test
    void anOrderTakenBySalesLeavesTheAfterSalesCallbackRequestOpenInTheReport() {
        journal(new JournalRecord.CallbackRequested(NINE_AM + MINUTE, "c1", "13833334444", "4008008888",
                        "after-sales", Map.of()),
                answered(NINE_AM + 10 * MINUTE, "c2", "13833334444"));

        JournalReplay.Report report = JournalReplay.of(dir, null, null, w -> { });

        assertThat(report.requests()).isEqualTo(new JournalReplay.IvrRequests(0, 1, 1, 0, 0));
    }

    @Test
    void aRequestHotlinesCallbackClosedIsNoLongerOpenWhetherItReachedAnAgentOrWasGivenUp() {
        journal(callback(NINE_AM + MINUTE, "c1", "13811110000"),
                callback(NINE_AM + 2 * MINUTE, "c2", "13822220000"),
                callback(NINE_AM + 3 * MINUTE, "c3", "13833330000"),
                new JournalRecord.CallbackAttempted(NINE_AM + 4 * MINUTE, "c1", "13811110000", 1, "answered", ""),
                new JournalRecord.CallbackClosed(NINE_AM + 6 * MINUTE, "c1", "13811110000", AGENT_ANSWERED, 1,
                        "c9"),
                new JournalRecord.CallbackClosed(NINE_AM + 7 * MINUTE, "c2", "13822220000", GAVE_UP, 3, ""));

        assertThat(JournalReplay.of(dir, null, null, w -> { }).requests())
                .isEqualTo(new JournalReplay.IvrRequests(0, 3, 1, 1, 1));
    }

    @Test
    void aCallAnsweredBeforeTheRequestDoesNotCloseIt() {
        journal(answered(NINE_AM + MINUTE, "c1", "13833334444"),
                callback(NINE_AM + 2 * MINUTE, "c2", "13833334444"));

        assertThat(JournalReplay.of(dir, null, null, w -> { }).requests().callbacksOpen()).isEqualTo(1);
    }

    @Test
    void aPeriodCountsTheRequestsMadeInItOpenAtItsEnd() {
        journal(callback(NINE_AM + MINUTE, "c1", "13811110000"),
                callback(NINE_AM + 20 * MINUTE, "c2", "13822220000"),
                answered(NINE_AM + 40 * MINUTE, "c3", "13822220000"));

        JournalReplay.Report firstHalfHour = JournalReplay.of(dir, Instant.ofEpochMilli(NINE_AM + 10 * MINUTE),
                Instant.ofEpochMilli(NINE_AM + 30 * MINUTE), w -> { });

        assertThat(firstHalfHour.requests()).isEqualTo(new JournalReplay.IvrRequests(0, 1, 1, 0, 0));
    }

    private static JournalRecord.CallbackRequested callback(long at, String callId, String number) {
        return new JournalRecord.CallbackRequested(at, callId, number, "4008001001", "health-tea", Map.of());
    }
}
