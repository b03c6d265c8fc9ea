package dev.hotline.server.serve;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The server's time goes on with the monotonic clock whatever is done to the system's wall clock. */
class SteadyClockTest {
    private final AtomicLong wall = new AtomicLong(1_795_000_000_000L);
    private final AtomicLong monotonic = new AtomicLong(42_000_000_000L);
    private final SteadyClock clock = SteadyClock.of(wall::get, monotonic::get);

    private void elapse(long millis) {
        wall.addAndGet(millis);
        monotonic.addAndGet(millis * 1_000_000);
    }

    @Test
    void itReadsTheWallClockAtStartAndRunsWithTheMonotonicOne() {
        elapse(15_000);

        assertThat(clock.millis()).isEqualTo(1_795_000_015_000L);
    }

    @Test
    void aWallClockSetBackAnHourDoesNotStopTimeSoRingTimeoutsStillFallDue() {
        elapse(10_000);
        wall.addAndGet(-3_600_000);
        elapse(15_000);

        assertThat(clock.millis()).as("25 s after the start, not an hour before it").isEqualTo(1_795_000_025_000L);
    }

    @Test
    void aWallClockSetForwardIsFollowed() {
        elapse(10_000);
        wall.addAndGet(3_600_000);

        assertThat(clock.millis()).isEqualTo(1_795_003_610_000L);
        elapse(5_000);
        assertThat(clock.millis()).isEqualTo(1_795_003_615_000L);
    }

    @Test
    void driftUnderASecondIsNotAStep() {
        elapse(10_000);
        wall.addAndGet(900);

        assertThat(clock.millis()).isEqualTo(1_795_000_010_000L);
    }

    @Test
    void aViewInAnotherZoneReadsTheSameTime() {
        elapse(1_000);

        assertThat(clock.withZone(ZoneId.of("Asia/Shanghai")).millis()).isEqualTo(clock.millis());
    }
}
