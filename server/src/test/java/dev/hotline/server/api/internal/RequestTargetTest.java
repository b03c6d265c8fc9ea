package dev.hotline.server.api.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The path a request names, in either form RFC 9112 lets a client send to a server. */
class RequestTargetTest {

    @Test
    void anOriginFormTargetIsItsPathWithoutTheQuery() {
        assertThat(RequestTarget.path("/api/v1/queues?x=1")).isEqualTo("/api/v1/queues");
        assertThat(RequestTarget.path("/api/v1/agents/a%2Fb")).as("as sent").isEqualTo("/api/v1/agents/a%2Fb");
    }

    @Test
    void anAbsoluteFormTargetIsThePathAfterItsAuthority() {
        assertThat(RequestTarget.path("http://127.0.0.1:8080/api/v1/queues?x=1")).isEqualTo("/api/v1/queues");
        assertThat(RequestTarget.path("HTTPS://hotline.example/health")).isEqualTo("/health");
        assertThat(RequestTarget.path("http://hotline.example")).isEqualTo("/");
    }

    @Test
    void aPathThatOnlyLooksLikeAUrlFurtherOnIsLeftAlone() {
        assertThat(RequestTarget.path("/go/http://elsewhere/x")).isEqualTo("/go/http://elsewhere/x");
    }
}
