package dev.hotline.server.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.VipEntry;
import dev.hotline.server.simulation.SingleQueueScenario;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CallerNumbersTest {
    private static final long NOW = Instant.parse("2026-11-20T12:00:00Z").toEpochMilli();
    private final SplittableRandom random = new SplittableRandom(1);

    private static CallerNumbers numbers(List<BlacklistEntry> blacklist, List<VipEntry> vips) {
        CentreConfig c = new SingleQueueScenario(1, 0.5, Duration.ofMinutes(1), Duration.ofSeconds(20), 1,
                Optional.empty()).centreConfig();
        return new CallerNumbers(new CentreConfig(c.settings(), c.numbers(), c.businessTypes(), c.queues(),
                c.groups(), c.agents(), blacklist, c.vipPolicy(), vips), NOW);
    }

    private static BlacklistEntry blocked(String number, MatchKind kind, Optional<Instant> expires) {
        return new BlacklistEntry(number, kind, expires, "test", Optional.empty());
    }

    @Test
    void aVipCallerCallsFromANumberOnTheVipList() {
        CallerNumbers n = numbers(List.of(), List.of(new VipEntry("13912345678", "Ms. Qian", "platinum"),
                new VipEntry("02161234567", "Huamei", "platinum")));

        for (int i = 0; i < 100; i++) {
            assertThat(n.vip(random)).isIn("13912345678", "02161234567");
        }
    }

    @Test
    void aBlacklistedCallerOfAPrefixEntryCallsFromANumberUnderThatPrefix() {
        CallerNumbers n = numbers(List.of(blocked("1700", MatchKind.PREFIX, Optional.empty())), List.of());

        for (int i = 0; i < 100; i++) {
            assertThat(n.blacklisted(random)).startsWith("1700").hasSize(11).containsOnlyDigits();
        }
    }

    @Test
    void anEntryThatHasExpiredIsNotDrawn() {
        CallerNumbers n = numbers(List.of(blocked("15912345678", MatchKind.EXACT,
                Optional.of(Instant.parse("2026-07-01T00:00:00Z")))), List.of());

        assertThat(n.hasBlacklist()).isFalse();
    }

    @Test
    void anOrdinaryCallerIsOnNeitherList() {
        // a prefix that covers a tenth of the ordinary numbers: some draws must be redrawn
        CallerNumbers n = numbers(List.of(blocked("135", MatchKind.PREFIX, Optional.empty())),
                List.of(new VipEntry("13912345678", "Ms. Qian", "platinum")));

        for (int i = 0; i < 1_000; i++) {
            assertThat(n.ordinary(random)).doesNotStartWith("135").isNotEqualTo("13912345678").hasSize(11);
        }
    }
}
