package dev.hotline.server.simulation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class RandomStreamsTest {

    @Test
    void theSameSeedAndPurposeGiveTheSameStream() {
        assertThat(draws(new RandomStreams(7).stream("arrivals/tea")))
                .containsExactly(draws(new RandomStreams(7).stream("arrivals/tea")));
    }

    @Test
    void eachPurposeHasItsOwnStream() {
        RandomStreams streams = new RandomStreams(7);
        assertThat(draws(streams.stream("arrivals/tea"))).doesNotContain(draws(streams.stream("arrivals/pan")));
    }

    @Test
    void neighbouringSeedsGiveUnrelatedStreams() {
        long[] a = draws(new RandomStreams(7).stream("arrivals/tea"));
        long[] b = draws(new RandomStreams(8).stream("arrivals/tea"));
        assertThat(a).doesNotContain(b);
    }

    private static long[] draws(SplittableRandom r) {
        return LongStream.generate(r::nextLong).limit(100).toArray();
    }
}
