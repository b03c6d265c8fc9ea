package dev.hotline.server.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A body over the limit is never gathered; one announced with Expect: 100-continue is refused before it comes. */
class BodyAggregatorTest {

    @Test
    void aBodyOverTheLimitAnnouncedWithExpectContinueIsRefusedAtOnceWithJsonAndTheConnectionClosed() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(), new BodyAggregator(64 * 1024));
        channel.writeInbound(Unpooled.copiedBuffer("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\n"
                + "Expect: 100-continue\r\nContent-Length: 70000\r\n\r\n", StandardCharsets.US_ASCII));
        channel.runPendingTasks();

        FullHttpResponse refused = channel.readOutbound();
        assertThat(refused.status().code()).isEqualTo(413);
        assertThat(refused.content().toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":\"the body is over 65536 bytes; no endpoint takes more than a few fields\"}");
        assertThat(refused.headers().get("Connection")).isEqualTo("close");
        assertThat(channel.isOpen()).as("what the client sends anyway is never read as a request").isFalse();
        refused.release();
        channel.finishAndReleaseAll();
    }

    @Test
    void aBodyOverTheLimitIsHandedOnAsAnOversizedRequestToBeAnsweredInItsTurn() {
        EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(), new BodyAggregator(16));
        channel.writeInbound(Unpooled.copiedBuffer("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\n"
                + "Content-Length: 20\r\n\r\n" + "x".repeat(20), StandardCharsets.US_ASCII));

        BodyAggregator.OversizedRequest oversized = channel.readInbound();
        assertThat(oversized).isEqualTo(new BodyAggregator.OversizedRequest("POST",
                "/api/v1/agents/1001/not-ready", true, 16));
        channel.finishAndReleaseAll();
    }
}
