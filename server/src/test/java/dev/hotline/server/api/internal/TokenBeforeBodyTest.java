package dev.hotline.server.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.server.api.ApiResponse;
import dev.hotline.server.api.ApiRoutes;
import dev.hotline.server.config.ApiSettings.Role;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpRequestDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A request's body is read for a good token only: without one it is dropped as it comes, so connections without a
 * token cannot make the server hold a body's worth of memory each, and the request goes on, empty, to be refused.
 */
class TokenBeforeBodyTest {
    private static final String TOKEN = "desk-token-0123456789";
    private static final String BODY = "x".repeat(60 * 1024);

    private final ApiRoutes routes = new ApiRoutes()
            .add(new ApiRoutes.Route("POST", "/api/v1/agents/{agentId}/not-ready", Set.of(Role.AGENT),
                    r -> CompletableFuture.completedFuture(ApiResponse.ok(java.util.Map.of()))))
            .add(new ApiRoutes.Route("GET", "/health", Set.of(),
                    r -> CompletableFuture.completedFuture(ApiResponse.ok(java.util.Map.of()))));
    private final TokensInForce tokens = new TokensInForce(new Tokens(List.of(new Tokens.Holder("desk", Role.AGENT,
            Optional.of("1001"), TOKEN.getBytes(StandardCharsets.UTF_8)))));
    private final EmbeddedChannel channel = new EmbeddedChannel(new HttpRequestDecoder(),
            new TokenBeforeBody(routes, tokens), new BodyAggregator(64 * 1024));

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    private FullHttpRequest send(String head, String body) {
        // the body in pieces, as a network delivers it
        channel.writeInbound(Unpooled.copiedBuffer(head + "\r\n\r\n", StandardCharsets.US_ASCII));
        for (int i = 0; i < body.length(); i += 8192) {
            channel.writeInbound(Unpooled.copiedBuffer(body.substring(i, Math.min(body.length(), i + 8192)),
                    StandardCharsets.US_ASCII));
        }
        return channel.readInbound();
    }

    @Test
    void aBodyWithoutATokenIsDroppedAsItArrivesAndTheRequestGoesOnEmpty() {
        FullHttpRequest request = send("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\nContent-Length: "
                + BODY.length(), BODY);

        assertThat(request.content().readableBytes()).isZero();
        assertThat(request.headers().get("Content-Length")).isEqualTo("0");
        request.release();
    }

    @Test
    void aBodyWithAnUnknownTokenOrTwoAuthorizationHeadersIsDroppedToo() {
        FullHttpRequest unknown = send("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\nAuthorization: "
                + "Bearer guess-0123456789\r\nContent-Length: " + BODY.length(), BODY);
        FullHttpRequest twice = send("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer "
                + TOKEN + "\r\nAuthorization: Bearer " + TOKEN + "\r\nContent-Length: " + BODY.length(), BODY);

        assertThat(unknown.content().readableBytes()).isZero();
        assertThat(twice.content().readableBytes()).isZero();
        unknown.release();
        twice.release();
    }

    @Test
    void aChunkedBodyWithoutATokenIsDroppedChunkByChunk() {
        String chunks = "2000\r\n" + "y".repeat(0x2000) + "\r\n" + "2000\r\n" + "y".repeat(0x2000) + "\r\n0\r\n\r\n";
        FullHttpRequest request = send("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\n"
                + "Transfer-Encoding: chunked", chunks);

        assertThat(request.content().readableBytes()).isZero();
        request.release();
    }

    @Test
    void aBrokenChunkedBodyWithoutATokenIsRefusedAsNotHttpNotAnsweredAsIfItWereWhole() {
        FullHttpRequest request = send("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\n"
                + "Transfer-Encoding: chunked", "zz\r\nabc\r\n");

        assertThat(request.decoderResult().isFailure()).isTrue();
        request.release();
    }

    @Test
    void aClientAskingExpect100ContinueWithoutATokenIsToldToGoOnAndItsBodyDropped() {
        FullHttpRequest request = send("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\n"
                + "Expect: 100-continue\r\nContent-Length: " + BODY.length(), BODY);

        io.netty.handler.codec.http.FullHttpResponse goOn = channel.readOutbound();
        assertThat(goOn.status().code()).isEqualTo(100);
        assertThat(request.content().readableBytes()).isZero();
        goOn.release();
        request.release();
    }

    @Test
    void aGoodTokensBodyIsReadWhole() {
        FullHttpRequest request = send("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\nAuthorization: "
                + "bearer " + TOKEN + "\r\nContent-Length: 16", "{\"reason\":\"tea\"}");

        assertThat(request.content().toString(StandardCharsets.UTF_8)).isEqualTo("{\"reason\":\"tea\"}");
        request.release();
    }

    @Test
    void anEndpointOpenToAllKeepsWhatWasSentAndTheNextRequestOnTheConnectionIsReadAsUsual() {
        FullHttpRequest health = send("GET /health HTTP/1.1\r\nHost: h\r\nContent-Length: 2", "{}");
        FullHttpRequest dropped = send("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\nContent-Length: 5",
                "lunch");
        FullHttpRequest next = send("POST /api/v1/agents/1001/not-ready HTTP/1.1\r\nHost: h\r\nAuthorization: "
                + "Bearer " + TOKEN + "\r\nContent-Length: 3", "tea");

        assertThat(health.content().toString(StandardCharsets.UTF_8)).isEqualTo("{}");
        assertThat(dropped.content().readableBytes()).isZero();
        assertThat(next.content().toString(StandardCharsets.UTF_8)).isEqualTo("tea");
        health.release();
        dropped.release();
        next.release();
    }
}
