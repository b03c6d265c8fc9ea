package dev.hotline.bench;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.RoutingEngine;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Routing events per second and per-event latency of one {@link RoutingEngine} on one thread, for centres of 100,
 * 10,000 and 100,000 agents with 1,000 queues, under the steady-state mix that {@link ScriptedWorld} records (see
 * docs/performance.md). The events are recorded before measuring and replayed into the engine; every decision goes
 * to a {@link Blackhole}. When the recording runs out, a fresh engine is brought back to the start of the steady state
 * outside the measured time. The forked JVM has a 4 GiB heap, to hold the recording, and a young generation of 256 MiB,
 * which gave 10-15% more events per second than the one G1 sizes from a 4 GiB heap (docs/performance.md).
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn256m"})
@Threads(1)
public class RoutingBenchmark {

    /** Events handled per measured invocation of {@link #routeEvents}. */
    static final int CHUNK = 100_000;
    /** Steady-state events recorded per centre size: 20 chunks. */
    static final int RECORDED = 20 * CHUNK;

    /** A centre and its recorded traffic, made once per fork. */
    @State(Scope.Thread)
    public static class Centre {
        @Param({"100", "10000", "100000"})
        public int agents;

        /**
         * Arrivals as a share of the agents' capacity. 1.05, the benchmark's figure, keeps a standing backlog, so a
         * freed agent usually takes a waiting call; {@code -p load=0.9} measures a centre where an arriving call
         * usually finds an idle agent (docs/performance.md compares the two).
         */
        @Param({"1.05"})
        public double load;

        RecordedTraffic traffic;

        @Setup(Level.Trial)
        public void record() {
            long started = System.nanoTime();
            traffic = RecordedTraffic.record(agents, RECORDED, load);
            System.out.printf("%n%,d agents, %,d queues, offered load %.2f: recorded %,d events (%,d before the"
                            + " steady state) in %.1f s; %s%n%s", agents, traffic.centre().queueCount(), load, traffic.events().length,
                    traffic.measuredFrom(), (System.nanoTime() - started) / 1e9, traffic.fingerprint(),
                    traffic.mix().describe());
        }
    }

    /** The engine being fed and how far into the recording it is. */
    @State(Scope.Thread)
    public static class Replay {
        RoutingEngine engine;
        AcdEvent[] events;
        int next;

        /** Outside the measured time: a fresh engine at the steady state when the next step would run out. */
        void ensure(Centre centre, Blackhole blackhole, int needed) {
            if (engine == null || next + needed > events.length) {
                engine = null;
                events = centre.traffic.events();
                engine = centre.traffic.engineAtSteadyState(blackhole::consume);
                next = centre.traffic.measuredFrom();
                // The old engine's garbage and the copying of the new one's objects out of the young generation
                // belong to this set-up, not to the events measured next: a running server never rebuilds its engine.
                System.gc();
            }
        }
    }

    /** For {@link #routeEvents}: room for one chunk, and the chunk as the list the engine takes. */
    @State(Scope.Thread)
    public static class ChunkReplay extends Replay {
        List<AcdEvent> chunk;

        @Setup(Level.Invocation)
        public void ensureChunk(Centre centre, Blackhole blackhole) {
            ensure(centre, blackhole, CHUNK);
            // a list of its own, as the server's backlog is: a view of the recording would add its checks to each get
            chunk = Arrays.asList(Arrays.copyOfRange(events, next, next + CHUNK));
        }
    }

    /**
     * For {@link #routeOneEvent}: at least half the recording ahead at the start of each iteration (an iteration of
     * 2 s rarely gets through it). No per-invocation fixture: its bookkeeping between two sampled events would
     * disturb what is measured. Should an iteration still run out, the fresh engine is made inside one sample, which
     * then shows as the maximum.
     */
    @State(Scope.Thread)
    public static class EventReplay extends Replay {
        Centre centre;
        Blackhole blackhole;

        @Setup(Level.Iteration)
        public void ensureHalf(Centre centre, Blackhole blackhole) {
            this.centre = centre;
            this.blackhole = blackhole;
            ensure(centre, blackhole, RECORDED / 2);
        }
    }

    /**
     * Events per second: {@link #CHUNK} consecutive events per invocation, reported per event, handed to the engine
     * together ({@link RoutingEngine#handleAll}) as the server hands it the backlog in its inbox: at a million events
     * a second the inbox is never empty.
     */
    @Benchmark
    @BenchmarkMode(Mode.Throughput)
    @OutputTimeUnit(TimeUnit.SECONDS)
    @OperationsPerInvocation(CHUNK)
    public void routeEvents(ChunkReplay replay) {
        replay.engine.handleAll(replay.chunk);
        replay.next += CHUNK;
    }

    /** Latency of one event (its timers, its decisions), sampled: p50 / p99 / p99.9. */
    @Benchmark
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.NANOSECONDS)
    public void routeOneEvent(EventReplay replay) {
        if (replay.next == replay.events.length) {
            replay.ensure(replay.centre, replay.blackhole, 1);
        }
        replay.engine.handle(replay.events[replay.next++]);
    }
}
