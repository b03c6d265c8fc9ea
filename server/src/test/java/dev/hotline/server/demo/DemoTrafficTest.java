package dev.hotline.server.demo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.VipEntry;
import dev.hotline.bridge.simulator.SimulatedCaller;
import dev.hotline.server.config.ConfigReloader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The demo's callers on the shipped configuration: its own numbers, its VIPs and blacklist, the same for a seed. */
class DemoTrafficTest {
    private static final int CALLERS = 4_000;
    private static final CentreConfig SHIPPED = switch (ConfigReloader.start(
            Path.of(System.getProperty("hotline.config.dir", "../config")))) {
        case ConfigReloader.Startup.Started s -> s.reloader().current().config();
        case ConfigReloader.Startup.Refused r -> throw new AssertionError(r.problems());
    };

    @Test
    void everyCallerDialsANumberOfTheConfigurationAndOnlyIvrNumbersGetKeyPresses() {
        List<SimulatedCaller> callers = callers(1);

        assertThat(callers).allSatisfy(c -> assertThat(c.dialled()).matches(
                "400800100[1-5]|40080020\\d\\d|40080030\\d\\d|4008008888|4008000000"));
        assertThat(callers).filteredOn(c -> !c.presses().isEmpty())
                .allSatisfy(c -> assertThat(c.dialled()).isEqualTo("4008008888"));
        assertThat(callers).extracting(SimulatedCaller::dialled).contains("4008001001", "4008008888", "4008000000");
        assertThat(callers).allSatisfy(c -> assertThat(c.patience()).hasValueSatisfying(
                p -> assertThat(p).isGreaterThanOrEqualTo(Duration.ofSeconds(5))));
    }

    @Test
    void aTenthOfTheCallersAreVipsAndOneInTwentyIsBlacklisted() {
        Set<String> vips = SHIPPED.vips().stream().map(VipEntry::number).collect(Collectors.toSet());
        List<SimulatedCaller> callers = callers(2);

        double vipShare = callers.stream().filter(c -> vips.contains(c.callerId())).count() / (double) CALLERS;
        double blacklistedShare = callers.stream().filter(c -> c.callerId().equals("13800138000")
                || c.callerId().startsWith("1700") || c.callerId().equals("15912345678")).count() / (double) CALLERS;

        // binomial, 4,000 draws: standard errors 0.5 and 0.35 percentage points
        assertThat(vipShare).isBetween(0.08, 0.12);
        assertThat(blacklistedShare).isBetween(0.035, 0.065);
    }

    @Test
    void theSameSeedPlacesTheSameCallsAndGapsAverageTheRate() {
        assertThat(callers(3)).isEqualTo(callers(3)).isNotEqualTo(callers(4));
        DemoTraffic traffic = new DemoTraffic(SHIPPED, 5);
        double meanSeconds = IntStream.range(0, CALLERS).mapToDouble(i -> traffic.nextGap(6).toNanos() / 1e9)
                .average().orElseThrow();
        // exponential gaps of mean 10 s: standard error 0.16 s
        assertThat(meanSeconds).isBetween(9.4, 10.6);
    }

    private static List<SimulatedCaller> callers(long seed) {
        DemoTraffic traffic = new DemoTraffic(SHIPPED, seed);
        return IntStream.range(0, CALLERS).mapToObj(i -> traffic.nextCaller()).toList();
    }
}
