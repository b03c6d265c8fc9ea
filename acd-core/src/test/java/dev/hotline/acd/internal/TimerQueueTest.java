package dev.hotline.acd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Timers fire in deadline order, ties in scheduling order, and a cancelled timer never fires. */
class TimerQueueTest {

    private static final Comparator<Timer> FIRING_ORDER =
            Comparator.comparingLong((Timer t) -> t.deadline).thenComparingLong(t -> t.seq);

    /** A centre's few configured times: most timers join the tail of their lane. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void timersOfAFewDurationsFireInDeadlineThenSchedulingOrder(long seed) {
        run(seed, (random, now) -> now + new long[] {0, 5, 10, 20, 45}[random.nextInt(5)], now -> now);
    }

    /** Deadlines anywhere (few distinct ones, so ties are common) and lanes that see a duration once. */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void timersFireInDeadlineThenSchedulingOrderWhateverIsCancelledInBetween(long seed) {
        run(seed, (random, now) -> now + random.nextInt(50), now -> now);
    }

    /**
     * Deadlines kept across a configuration change are earlier than their lane's tail: they walk back to their place.
     * Here the "now" a timer is scheduled at says nothing about its deadline, so lanes are in no useful order.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void timersWhoseDeadlinesAreEarlierThanTheirLanesTailStillFireInOrder(long seed) {
        Random scheduledAt = new Random(seed * 31);
        run(seed, (random, now) -> now + random.nextInt(50), now -> now - scheduledAt.nextInt(3) * 20L);
    }

    /** Thousands of distinct durations: lanes come and go, and the emptied ones are dropped without losing a timer. */
    @ParameterizedTest
    @ValueSource(longs = {7, 8})
    void manyDistinctDurationsKeepTheOrder(long seed) {
        run(seed, (random, now) -> now + random.nextInt(5_000), now -> now);
    }

    private interface Deadlines {
        long next(Random random, long now);
    }

    private interface ScheduledAt {
        long at(long now);
    }

    private static void run(long seed, Deadlines deadlines, ScheduledAt scheduledAt) {
        Random random = new Random(seed);
        TimerQueue queue = new TimerQueue();
        TreeSet<Timer> pending = new TreeSet<>(FIRING_ORDER);
        List<Timer> scheduled = new ArrayList<>();
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(10);
            if (op < 5) {
                Timer t = queue.schedule(scheduledAt.at(now), deadlines.next(random, now), Timer.Kind.RING, null, null);
                assertThat(t.pending()).isTrue();
                pending.add(t);
                scheduled.add(t);
            } else if (op < 8 && !scheduled.isEmpty()) {
                Timer t = scheduled.get(random.nextInt(scheduled.size()));
                queue.cancel(t);
                pending.remove(t);
                assertThat(t.pending()).isFalse();
            } else {
                now += random.nextInt(5);
                Timer due;
                while ((due = queue.pollDue(now)) != null) {
                    assertThat(due).isSameAs(pending.pollFirst());
                    assertThat(due.deadline).isLessThanOrEqualTo(now);
                    assertThat(due.pending()).isFalse();
                }
                assertThat(pending.isEmpty() || pending.first().deadline > now).isTrue();
            }
            assertThat(queue.nextDeadline()).isEqualTo(pending.isEmpty() ? Long.MAX_VALUE : pending.first().deadline);
        }
        for (Timer t : scheduled) {
            assertThat(t.pending()).isEqualTo(pending.contains(t));
        }
        Timer due;
        while ((due = queue.pollDue(Long.MAX_VALUE)) != null) {
            assertThat(due).isSameAs(pending.pollFirst());
        }
        assertThat(pending).isEmpty();
        assertThat(queue.nextDeadline()).isEqualTo(Long.MAX_VALUE);
    }
}
