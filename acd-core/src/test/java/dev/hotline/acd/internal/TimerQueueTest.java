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

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026})
    void timersFireInDeadlineThenSchedulingOrderWhateverIsCancelledInBetween(long seed) {
        Random random = new Random(seed);
        TimerQueue queue = new TimerQueue();
        TreeSet<Timer> pending = new TreeSet<>(FIRING_ORDER);
        List<Timer> scheduled = new ArrayList<>();
        long now = 0;
        for (int step = 0; step < 20_000; step++) {
            int op = random.nextInt(10);
            if (op < 5) {
                // few distinct deadlines, so ties are common
                Timer t = queue.schedule(now + random.nextInt(50), Timer.Kind.RING, null, null);
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
    }
}
