package dev.hotline.bridge.ami;

import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;

class AmiSchedulerTest {

    @Test
    void workArrivingAfterTheConnectionClosedIsDroppedQuietly() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor();
        AmiScheduler scheduler = AmiScheduler.on(executor);
        executor.shutdownNow();

        // Asterisk-Java reports the socket it was told to close, from its own thread, after the close
        assertThatCode(() -> scheduler.execute(() -> { })).doesNotThrowAnyException();
        assertThatCode(() -> scheduler.schedule(Duration.ofSeconds(1), () -> { }).cancel())
                .doesNotThrowAnyException();
    }
}
