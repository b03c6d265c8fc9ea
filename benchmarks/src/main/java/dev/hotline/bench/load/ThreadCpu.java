package dev.hotline.bench.load;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * CPU time (user and system) spent by the threads of one server, picked by name: what the server itself cost, apart
 * from the simulated Asterisk that shares the machine. A thread that ends between two snapshots loses its time, so
 * the figure can only be too low, never too high.
 */
final class ThreadCpu {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final Predicate<String> threadName;
    private final Map<Long, Long> start;
    private final Map<Long, Long> userStart;

    private ThreadCpu(Predicate<String> threadName) {
        this.threadName = threadName;
        this.start = snapshot(threadName, false);
        this.userStart = snapshot(threadName, true);
    }

    /** Starts counting for the threads whose names {@code threadName} accepts (threads started later count too). */
    static ThreadCpu start(Predicate<String> threadName) {
        return new ThreadCpu(threadName);
    }

    /** Nanoseconds of CPU (user and system) those threads used since {@link #start}. */
    long elapsedNanos() {
        return elapsed(start, false);
    }

    /** The user-mode part of {@link #elapsedNanos()}; the rest is the kernel's, mostly its TCP work. */
    long elapsedUserNanos() {
        return elapsed(userStart, true);
    }

    private long elapsed(Map<Long, Long> since, boolean user) {
        long total = 0;
        for (Map.Entry<Long, Long> now : snapshot(threadName, user).entrySet()) {
            total += now.getValue() - since.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    private static Map<Long, Long> snapshot(Predicate<String> threadName, boolean user) {
        Map<Long, Long> cpu = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info != null && threadName.test(info.getThreadName())) {
                long nanos = user ? THREADS.getThreadUserTime(info.getThreadId())
                        : THREADS.getThreadCpuTime(info.getThreadId());
                if (nanos >= 0) {
                    cpu.put(info.getThreadId(), nanos);
                }
            }
        }
        return cpu;
    }
}
