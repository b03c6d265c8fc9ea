package dev.hotline.bridge.ami.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AmiValuesTest {

    @Test
    void carriageReturnsLineFeedsAndNulsAreRemovedSoAValueStaysOneHeader() {
        assertThat(AmiValues.header("a\r\nAction: Hangup\nb\rc\0d")).isEqualTo("aAction: Hangupbcd");
    }

    @Test
    void anOrdinaryValueIsLeftAlone() {
        String callerId = "\"Test Caller\" <13800138000>";
        assertThat(AmiValues.header(callerId)).isSameAs(callerId);
    }

    @Test
    void theBackOffDoublesFromTheMinimumAndStopsAtTheMaximum() {
        var backoff = new ReconnectBackoff(java.time.Duration.ofSeconds(1), java.time.Duration.ofSeconds(30));
        assertThat(java.util.stream.IntStream.of(0, 1, 2, 3, 4, 5, 6, 40).mapToObj(backoff::delayAfter)
                .map(java.time.Duration::toSeconds).toList()).containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L);
    }
}
