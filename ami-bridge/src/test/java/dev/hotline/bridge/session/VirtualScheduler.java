package dev.hotline.bridge.session;

import dev.hotline.bridge.engine.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Session timers in virtual time: due tasks run when the test advances the clock. */
final class VirtualScheduler implements SessionScheduler {

    private final ManualClock clock;
    private final List<Entry> entries = new ArrayList<>();
    private long seq;

    private record Entry(long due, long seq, Runnable task) {
    }

    VirtualScheduler(ManualClock clock) {
        this.clock = clock;
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        Entry entry = new Entry(clock.millis() + delay.toMillis(), seq++, task);
        entries.add(entry);
        return () -> entries.remove(entry);
    }

    /** Runs the tasks due at the clock's time, earliest first. */
    void runDue() {
        while (true) {
            Entry first = entries.stream().filter(e -> e.due() <= clock.millis())
                    .min(Comparator.comparingLong(Entry::due).thenComparingLong(Entry::seq)).orElse(null);
            if (first == null) {
                return;
            }
            entries.remove(first);
            first.task().run();
        }
    }

    int pending() {
        return entries.size();
    }
}
