package dev.hotline.server.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A request must arrive whole within its deadline, however slowly its bytes trickle in. */
class RequestDeadlineTest {

    private static void trickle(EmbeddedChannel channel, String text) {
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.US_ASCII));
    }

    @Test
    void aClientTricklingARequestByteAfterByteIsDisconnectedAtTheDeadline() {
        EmbeddedChannel channel = new EmbeddedChannel(new RequestDeadline(30));
        trickle(channel, "G");
        channel.advanceTimeBy(29, TimeUnit.SECONDS);
        trickle(channel, "E");
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("29 s: a slow client, not yet too slow").isTrue();

        channel.advanceTimeBy(2, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void aRequestThatArrivedWholeStopsTheClockAndTheNextOneStartsItAgain() {
        RequestDeadline deadline = new RequestDeadline(30);
        EmbeddedChannel channel = new EmbeddedChannel(deadline);
        trickle(channel, "GET /health HTTP/1.1\r\n\r\n");
        deadline.requestComplete();
        channel.advanceTimeBy(60, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();
        assertThat(channel.isOpen()).as("a keep-alive connection between requests").isTrue();

        trickle(channel, "G");
        channel.advanceTimeBy(31, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isFalse();
    }

    @Test
    void anOpenEventStreamHasNoDeadline() {
        RequestDeadline deadline = new RequestDeadline(30);
        EmbeddedChannel channel = new EmbeddedChannel(deadline);
        trickle(channel, "GET /api/v1/agents/1001/events HTTP/1.1\r\n\r\n");
        deadline.streamOpened();
        trickle(channel, "x");
        channel.advanceTimeBy(3600, TimeUnit.SECONDS);
        channel.runScheduledPendingTasks();

        assertThat(channel.isOpen()).isTrue();
    }
}
