package dev.hotline.bench;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.QueueConfig;
import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javax.management.ObjectName;

/**
 * Heap per waiting call: fills a routing engine with waiting calls (agents logged in but NOT_READY, so nobody takes
 * them) and reports the heap retained per call, measured as used heap after full collections before and after, with
 * the classes that make it up (a class histogram diff). Every call brings fresh strings for its id, caller number and
 * dialled number, as calls decoded from the network would; they are counted, since the engine keeps them.
 *
 * <p>Run: {@code java -XX:+UseSerialGC -cp benchmarks/target/benchmarks.jar dev.hotline.bench.WaitingCallFootprint
 * [calls]} (default 100,000). Four cases: the calls spread over 1,000 queues or all in one, and queues with the
 * synthetic centre's escalation step and maximum wait (two pending timers per call) or without.
 */
public final class WaitingCallFootprint {

    private static final int AGENTS = 1_000;

    private WaitingCallFootprint() {
    }

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        System.out.printf(Locale.ROOT, "%s %s, %s, max heap %,d MB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.version"),
                ManagementFactory.getGarbageCollectorMXBeans().get(0).getName(),
                Runtime.getRuntime().maxMemory() >> 20);
        for (int queues : new int[] {1_000, 1}) {
            for (boolean timed : new boolean[] {true, false}) {
                measure(calls, queues, timed);
            }
        }
    }

    private static void measure(int calls, int queues, boolean timed) throws Exception {
        SyntheticCentre centre = SyntheticCentre.generate(AGENTS, 1_000, RecordedTraffic.CENTRE_SEED);
        CentreConfig config = timed ? centre.config() : withoutTimers(centre.config());
        RoutingEngine engine = new RoutingEngine(config, RecordedTraffic.START_MILLIS, RecordedTraffic.ENGINE_SEED,
                DecisionListener.NONE);
        long at = RecordedTraffic.START_MILLIS;
        for (AgentConfig a : config.agents()) {
            engine.handle(new AcdEvent.AgentLoggedIn(at, a.id()));
        }
        Map<String, Long> before = histogram();
        long usedBefore = usedHeapAfterGc();

        for (int i = 0; i < calls; i++) {
            int queue = (int) ((long) i * 1_000 / calls) % queues;
            // calls arrive within one second: no escalation step or maximum wait comes due
            long t = at + i * 1_000L / calls;
            String callId = new String("c" + i);
            String caller = String.format(Locale.ROOT, "13%09d", i);
            String dialled = centre.prefixRouted()[queue]
                    ? centre.dialledNumbers()[queue] + String.format(Locale.ROOT, "%02d", i % 100)
                    : new String(centre.dialledNumbers()[queue]);
            engine.handle(new AcdEvent.CallArrived(t, callId, caller, dialled));
            engine.handle(new AcdEvent.QueueRequested(t, callId, Optional.empty(), 0, Map.of()));
        }
        int waiting = 0;
        for (QueueConfig q : config.queues()) {
            waiting += engine.queue(q.id()).waiting();
        }
        if (waiting != calls) {
            throw new IllegalStateException(calls + " calls were queued but " + waiting + " wait");
        }
        long usedAfter = usedHeapAfterGc();
        Map<String, Long> after = histogram();

        System.out.printf(Locale.ROOT, "%n%,d waiting calls in %,d queue(s), %s: %,d bytes retained, %.0f bytes per "
                        + "waiting call%n", calls, queues,
                timed ? "escalation step + max wait (2 timers per call)" : "no escalation, no max wait",
                usedAfter - usedBefore, (double) (usedAfter - usedBefore) / calls);
        List<Map.Entry<String, Long>> diff = new ArrayList<>();
        for (Map.Entry<String, Long> e : after.entrySet()) {
            long d = e.getValue() - before.getOrDefault(e.getKey(), 0L);
            if (d > calls / 10) {
                diff.add(Map.entry(e.getKey(), d));
            }
        }
        diff.sort((x, y) -> Long.compare(y.getValue(), x.getValue()));
        for (Map.Entry<String, Long> e : diff) {
            System.out.printf(Locale.ROOT, "  %7.1f B/call  %s%n", (double) e.getValue() / calls, e.getKey());
        }
        // everything that existed before the calls stays reachable until both measurements are taken
        Reference.reachabilityFence(engine);
        Reference.reachabilityFence(centre);
        Reference.reachabilityFence(config);
    }

    private static CentreConfig withoutTimers(CentreConfig c) {
        List<QueueConfig> queues = new ArrayList<>();
        for (QueueConfig q : c.queues()) {
            queues.add(new QueueConfig(q.id(), q.name(), q.groups(), q.strategy(), q.basePriority(),
                    q.serviceLevelThreshold(), q.ringTimeout(), q.wrapUp(), q.maxWaiting(), Optional.empty(),
                    List.of(), q.hours(), q.treatments()));
        }
        return new CentreConfig(c.settings(), c.numbers(), c.businessTypes(), queues, c.groups(), c.agents(),
                c.blacklist(), c.vipPolicy(), c.vips());
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            Thread.sleep(100);
            used = Math.min(used, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    /** Bytes per class name of live objects (the JVM's GC.class_histogram, which collects first). */
    private static Map<String, Long> histogram() throws Exception {
        String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> bytes = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            // "  1:   12345   678900  java.lang.String (java.base@25)"
            if (f.length >= 4 && f[0].endsWith(":")) {
                bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
            }
        }
        return bytes;
    }
}
