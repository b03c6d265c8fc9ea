package dev.hotline.bench.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * One measured round: {@code calls} short calls against one FastAGI port, {@code concurrency} at a time (each
 * simulated Asterisk channel a virtual thread that starts the next call when its call ends).
 */
final class LoadRound {

    /**
     * What a round did.
     *
     * @param calls     calls whose every command came as expected
     * @param commands  commands answered in those calls
     * @param nanos     wall time of the round
     * @param serverCpuNanos CPU time of the server's own threads during the round
     * @param serverUserNanos the user-mode part of it
     * @param failures  calls that failed, with the first few reasons
     */
    record Result(int calls, long commands, long nanos, long serverCpuNanos, long serverUserNanos, int failures,
                  List<String> firstFailures) {

        double commandsPerSecond() {
            return commands * 1e9 / nanos;
        }

        double callsPerSecond() {
            return calls * 1e9 / nanos;
        }

        /** Calls per second of the server's own CPU time: its cost, whatever the simulated Asterisk costs. */
        double callsPerServerCpuSecond() {
            return calls * 1e9 / serverCpuNanos;
        }
    }

    private static final int REASONS_KEPT = 5;

    private LoadRound() {
    }

    /** @param serverThreads picks the server's threads by name, whose CPU time the round reports */
    static Result run(int port, int calls, int concurrency, List<String> expected, AtomicLong sequence,
                      Predicate<String> serverThreads) throws InterruptedException {
        AtomicInteger remaining = new AtomicInteger(calls);
        AtomicInteger completed = new AtomicInteger();
        AtomicLong commands = new AtomicLong();
        AtomicInteger failures = new AtomicInteger();
        ConcurrentLinkedQueue<String> reasons = new ConcurrentLinkedQueue<>();
        ThreadCpu serverCpu = ThreadCpu.start(serverThreads);
        long start = System.nanoTime();
        try (ExecutorService channels = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < concurrency; i++) {
                channels.execute(() -> {
                    while (remaining.getAndDecrement() > 0) {
                        try {
                            commands.addAndGet(ScriptedCall.play(port, sequence.incrementAndGet(), expected));
                            completed.incrementAndGet();
                        } catch (Exception e) {
                            if (failures.incrementAndGet() <= REASONS_KEPT) {
                                reasons.add(e.toString());
                            }
                        }
                    }
                });
            }
        } // close() waits for every channel
        long nanos = System.nanoTime() - start;
        return new Result(completed.get(), commands.get(), nanos, serverCpu.elapsedNanos(),
                serverCpu.elapsedUserNanos(), failures.get(), new ArrayList<>(reasons));
    }
}
