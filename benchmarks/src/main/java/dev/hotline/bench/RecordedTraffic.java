package dev.hotline.bench;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.RoutingEngine;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * A synthetic centre and a recorded steady-state event stream for it. The engine is deterministic (same
 * configuration, start time, seed and events give the same decisions), so replaying the recording into a fresh engine
 * reproduces the scripted world's run exactly, without the world: the benchmark then measures the engine alone.
 *
 * @param centre       the centre the events were recorded against
 * @param events       every event, from the first login on
 * @param measuredFrom the index of the first steady-state event; before it, logins, the start-up burst, warm-up
 * @param mix          what the steady-state part contains
 * @param fingerprint  the recorded run's decision count and offer hash: equal for two builds of the engine only if
 *                     they made the same decisions (the world answers them, so one different decision changes the
 *                     traffic after it)
 */
record RecordedTraffic(SyntheticCentre centre, AcdEvent[] events, int measuredFrom, EventMix mix,
                       String fingerprint) {

    static final int QUEUES = 1_000;
    static final long CENTRE_SEED = 20_260_302L;
    static final long ENGINE_SEED = 7L;
    static final long WORLD_SEED = 42L;
    /** Monday 2 March 2026, 09:00 in the centre's zone. */
    static final long START_MILLIS = LocalDateTime.of(2026, 3, 2, 9, 0)
            .atZone(ZoneId.of("Asia/Shanghai")).toInstant().toEpochMilli();
    /** Steady traffic after the start-up burst before measuring: 1.5 mean handle times. */
    static final long WARM_UP_MILLIS = 300_000;

    /** {@link #record(int, int, double)} at the benchmark's usual {@link ScriptedWorld#OFFERED_LOAD}. */
    static RecordedTraffic record(int agents, int measuredEvents) {
        return record(agents, measuredEvents, ScriptedWorld.OFFERED_LOAD);
    }

    /**
     * Generates the centre, runs the scripted world with arrivals at {@code offeredLoad} of the agents' capacity and
     * checks that a replay gives the same decisions.
     */
    static RecordedTraffic record(int agents, int measuredEvents, double offeredLoad) {
        SyntheticCentre centre = SyntheticCentre.generate(agents, QUEUES, CENTRE_SEED);
        DecisionDigest recorded = new DecisionDigest();
        ScriptedWorld world = new ScriptedWorld(centre, WORLD_SEED, offeredLoad);
        ScriptedWorld.Recording run = world.run(START_MILLIS, ENGINE_SEED, recorded, WARM_UP_MILLIS,
                measuredEvents);
        RecordedTraffic traffic = new RecordedTraffic(centre, run.events(), run.measuredFrom(), run.mix(),
                "decisions " + recorded.count + ", offers hash " + Long.toHexString(recorded.hash));
        traffic.checkReplay(recorded);
        return traffic;
    }

    /** A fresh engine brought to the start of the measured part by replaying everything before it. */
    RoutingEngine engineAtSteadyState(DecisionListener listener) {
        RoutingEngine engine = new RoutingEngine(centre.config(), START_MILLIS, ENGINE_SEED, listener);
        for (int i = 0; i < measuredFrom; i++) {
            engine.handle(events[i]);
        }
        return engine;
    }

    int measuredEvents() {
        return events.length - measuredFrom;
    }

    /** Replays the whole recording and fails unless it gives the recorded run's decisions, none a rejection. */
    private void checkReplay(DecisionDigest recorded) {
        DecisionDigest replayed = replay();
        if (replayed.rejections > 0) {
            throw new IllegalStateException("the replay was rejected " + replayed.rejections + " times: "
                    + replayed.firstRejection);
        }
        if (replayed.count != recorded.count || replayed.hash != recorded.hash) {
            throw new IllegalStateException("the replay gave other decisions than the recorded run: "
                    + replayed.count + " vs " + recorded.count + " decisions");
        }
    }

    private DecisionDigest replay() {
        DecisionDigest digest = new DecisionDigest();
        RoutingEngine engine = new RoutingEngine(centre.config(), START_MILLIS, ENGINE_SEED, digest);
        for (AcdEvent event : events) {
            engine.handle(event);
        }
        return digest;
    }

    /** Counts decisions and folds who-got-which-call into a hash, to compare runs. */
    private static final class DecisionDigest implements DecisionListener {
        long count;
        long hash;
        long rejections;
        String firstRejection;

        @Override
        public void onDecision(Decision decision) {
            count++;
            hash = hash * 31 + decision.getClass().getSimpleName().hashCode();
            if (decision instanceof Decision.CallOffered o) {
                hash = hash * 31 + o.callId().hashCode() * 17 + o.agentId().hashCode();
            } else if (decision instanceof Decision.EventRejected r) {
                if (rejections++ == 0) {
                    firstRejection = r.message();
                }
            }
        }
    }
}
