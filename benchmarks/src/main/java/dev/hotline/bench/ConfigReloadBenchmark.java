package dev.hotline.bench;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.RoutingEngine;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;

/**
 * How long a configuration reload holds up routing: the engine applies a {@code ConfigChanged} on its one thread, so
 * every event behind it waits that long. Measured on a running centre (the steady state of {@link RoutingBenchmark}'s
 * recorded traffic: agents busy, calls waiting and ringing, timers pending) of 100, 10,000 and 100,000 agents with
 * 1,000 queues, re-applying the configuration in force, which re-resolves every plan, recounts every group set and
 * re-files every waiting call, as any reload does.
 */
@Fork(value = 1, jvmArgsAppend = {"-Xms4g", "-Xmx4g", "-Xmn256m"})
@Threads(1)
public class ConfigReloadBenchmark {

    /** A running centre, made once per fork. */
    @State(Scope.Thread)
    public static class RunningCentre {
        @Param({"100", "10000", "100000"})
        public int agents;

        RoutingEngine engine;
        AcdEvent.ConfigChanged reload;

        @Setup(Level.Trial)
        public void start() {
            // a short recording: only its steady-state start is used
            RecordedTraffic traffic = RecordedTraffic.record(agents, 1_000);
            engine = traffic.engineAtSteadyState(DecisionListener.NONE);
            reload = new AcdEvent.ConfigChanged(engine.now(), traffic.centre().config());
            System.out.printf("%n%,d agents, %,d queues: %,d calls waiting at the steady state%n", agents,
                    traffic.centre().queueCount(), traffic.centre().config().queues().stream()
                    .mapToInt(q -> engine.queue(q.id()).waiting()).sum());
        }
    }

    /** One reload of the configuration in force. */
    @Benchmark
    @BenchmarkMode(Mode.AverageTime)
    @OutputTimeUnit(TimeUnit.MILLISECONDS)
    public void reload(RunningCentre centre) {
        centre.engine.handle(centre.reload);
    }
}
