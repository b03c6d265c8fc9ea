package dev.hotline.server.serve.internal;

import static dev.hotline.server.journal.JournalFixtures.NINE_AM;
import static dev.hotline.server.journal.JournalFixtures.shippedConfig;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision;
import dev.hotline.acd.Outcome;
import dev.hotline.server.journal.JournalReader;
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

/** A restarted server takes up each agent's calls and talk of the day from the journal of the run before. */
class TodaysCountsTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final long HOUR = 3_600_000;
    /** Midnight before nine, in the centre's zone. */
    private static final long MIDNIGHT = Instant.ofEpochMilli(NINE_AM).atZone(SHANGHAI).toLocalDate()
            .atStartOfDay(SHANGHAI).toInstant().toEpochMilli();

    @TempDir
    Path dir;

    private static Decision.CallEnded ended(long at, String callId, Outcome outcome, String agent, long talkMillis) {
        return new Decision.CallEnded(at, callId, outcome, Optional.of("sales-health"), Optional.ofNullable(agent),
                20_000, talkMillis, "agent hung up", "13800000000", "4008001001",
                Optional.ofNullable(agent).map(a -> "PJSIP/" + a));
    }

    private static Decision.CallClassified classified(long at, String callId) {
        return new Decision.CallClassified(at, callId, "13800000000", "4008001001", "slimming-tea", "sales-health",
                Optional.empty(), "number 4008001001", Optional.empty());
    }

    private static Decision.CallAnswered answered(long at, String callId, String agent) {
        return new Decision.CallAnswered(at, callId, agent, "sales-health", "sales-health", 20_000);
    }

    @Test
    void aCallCountsOnTheDayItWasAnsweredAndItsTalkOnTheDayItEndedAsTheEngineCountsThemLive() {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), shippedConfig(),
                Clock.fixed(Instant.ofEpochMilli(MIDNIGHT - 3 * HOUR), SHANGHAI))) {
            journal.onDecision(answered(MIDNIGHT - 2 * HOUR - 600_000, "y1", "1001"));
            journal.onDecision(ended(MIDNIGHT - 2 * HOUR, "y1", Outcome.ANSWERED, "1001", 600_000));
            // answered before midnight, ended after it: yesterday's call, today's talk
            journal.onDecision(answered(MIDNIGHT - 60_000, "y2", "1003"));
            journal.onDecision(ended(MIDNIGHT + 60_000, "y2", Outcome.ANSWERED, "1003", 120_000));
            journal.onDecision(answered(NINE_AM - 60_000, "c1", "1001"));
            journal.onDecision(answered(NINE_AM - 45_000, "c2", "1002"));
            journal.onDecision(ended(NINE_AM, "c1", Outcome.ANSWERED, "1001", 60_000));
            journal.onDecision(ended(NINE_AM + 1_000, "c2", Outcome.ANSWERED, "1002", 45_000));
            journal.onDecision(answered(NINE_AM + 2_000, "c4", "1001"));
            journal.onDecision(ended(NINE_AM + 3_000, "c3", Outcome.ABANDONED, null, 0));
            journal.onDecision(ended(NINE_AM + 32_000, "c4", Outcome.ANSWERED, "1001", 30_000));
        }

        TodaysCounts counts = TodaysCounts.read(new JournalReader(dir, warning -> { }), MIDNIGHT, warning -> { });

        assertThat(counts.answered()).isEqualTo(Map.of("1001", 2, "1002", 1, "1003", 0));
        assertThat(counts.talkMillis()).isEqualTo(Map.of("1001", 90_000L, "1002", 45_000L, "1003", 120_000L));
    }

    @Test
    void aConversationACrashCutShortCountsWithItsTalkUpToTheCrashedRunsLastRecordAndTheCrashIsSaid() {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), shippedConfig(),
                Clock.fixed(Instant.ofEpochMilli(NINE_AM - HOUR), SHANGHAI))) {
            journal.onDecision(classified(NINE_AM - 20_000, "c1"));
            journal.onDecision(classified(NINE_AM - 10_000, "c2"));
            journal.onDecision(answered(NINE_AM, "c1", "1001"));
            journal.onDecision(answered(NINE_AM + 10_000, "c2", "1002"));
            journal.onDecision(ended(NINE_AM + 40_000, "c2", Outcome.ANSWERED, "1002", 30_000));
            // killed: c1 never ends in this run
        }
        List<String> warnings = new ArrayList<>();

        TodaysCounts counts = TodaysCounts.read(new JournalReader(dir, warning -> { }), MIDNIGHT, warnings::add);

        assertThat(counts.answered()).isEqualTo(Map.of("1001", 1, "1002", 1));
        assertThat(counts.talkMillis()).isEqualTo(Map.of("1001", 40_000L, "1002", 30_000L));
        assertThat(warnings).singleElement().asString().contains("stopped with 1 call(s) in progress (c1 talking to "
                + "agent 1001), as a crash leaves them");
    }

    @Test
    void aCrashOfAnEarlierRunIsNotSaidAgainAtALaterStartAfterACleanStop() {
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), shippedConfig(),
                Clock.fixed(Instant.ofEpochMilli(NINE_AM - HOUR), SHANGHAI))) {
            journal.onDecision(classified(NINE_AM - 20_000, "c1"));
            journal.onDecision(answered(NINE_AM, "c1", "1001"));
            journal.onDecision(answered(NINE_AM + 10_000, "c0", "1002"));
            // killed: c1 never ends in this run
        }
        // the next run starts, takes a call and stops cleanly
        try (JournalWriter journal = JournalWriter.start(JournalSettings.in(dir), shippedConfig(),
                Clock.fixed(Instant.ofEpochMilli(NINE_AM + HOUR), SHANGHAI))) {
            journal.onDecision(classified(NINE_AM + HOUR, "c2"));
            journal.onDecision(answered(NINE_AM + HOUR + 5_000, "c2", "1002"));
            journal.onDecision(ended(NINE_AM + HOUR + 65_000, "c2", Outcome.ANSWERED, "1002", 60_000));
        }
        List<String> warnings = new ArrayList<>();

        TodaysCounts counts = TodaysCounts.read(new JournalReader(dir, warning -> { }), MIDNIGHT, warnings::add);

        assertThat(warnings).as("said at the start after the crash").isEmpty();
        assertThat(counts.answered()).isEqualTo(Map.of("1001", 1, "1002", 2));
        assertThat(counts.talkMillis().get("1001")).as("c1 ends at the crashed run's last record").isEqualTo(10_000);
    }
}
