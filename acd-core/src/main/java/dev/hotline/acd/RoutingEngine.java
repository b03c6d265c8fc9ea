package dev.hotline.acd;

import dev.hotline.acd.internal.Engine;
import dev.hotline.acd.model.CentreConfig;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The ACD: events in ({@link AcdEvent}), decisions out ({@link Decision}, to the listener, in order). It decides which
 * business a call belongs to, whether it is refused, which queue it waits in, when it escalates and which agent gets
 * it, and says why. See docs/routing.md for the rules.
 *
 * <p><b>One writer.</b> All state is owned by the thread that first calls a state-changing method; with assertions on
 * ({@code -ea}) any other thread calling one fails. There are no locks: the server feeds the engine from a queue.
 *
 * <p><b>Virtual time.</b> The engine never reads a clock: time comes with the events, and timers (ring timeout,
 * wrap-up, escalation steps, maximum wait) fire when the engine is advanced past them. The same events and seed give
 * the same decisions.
 *
 * <p><b>Survives bad events.</b> An event that cannot be applied is answered by {@link Decision.EventRejected} naming
 * the agent or call, its state and what was asked; the engine goes on.
 */
public final class RoutingEngine {

    private final Engine engine;

    /**
     * @param config      the centre's configuration (already validated); no agent is logged in yet
     * @param startMillis the engine's time before the first event
     * @param seed        the seed of the {@code RANDOM} routing strategy
     * @param listener    receives every decision, on the engine's thread
     * @throws IllegalArgumentException if the number plan cannot be classified with (a malformed pattern, a route to
     *                                  an unknown business type, a business type of an unknown queue), naming it
     */
    public RoutingEngine(CentreConfig config, long startMillis, long seed, DecisionListener listener) {
        this.engine = new Engine(config, startMillis, seed, listener);
    }

    /**
     * Fires every timer due at or before {@code event.at()}, then applies the event. A {@link AcdEvent.ConfigChanged}
     * whose number plan could not be classified with is rejected the same way as at construction, naming the
     * problem, and the configuration in force stays. An event stamped earlier than
     * the engine's time is applied at the engine's time: time never goes backwards.
     */
    public void handle(AcdEvent event) {
        engine.handle(event);
    }

    /**
     * Applies the events in order, exactly as {@link #handle} one at a time would: the same decisions, in the same
     * order, a failed event answered by its {@link Decision.EventRejected} and the others applied. For a backlog
     * (the server drains its inbox this way): in a large centre it loads the calls of the next few events together
     * before handling them, which cuts the wait for memory that most events of a big centre start with.
     */
    public void handleAll(List<? extends AcdEvent> events) {
        engine.handleAll(events);
    }

    /** Fires the timers due at or before {@code nowMillis} in deadline order (ties: scheduling order). */
    public void advanceTo(long nowMillis) {
        engine.advanceTo(nowMillis);
    }

    /** The earliest pending timer, {@link Long#MAX_VALUE} if none. */
    public long nextDeadline() {
        return engine.nextDeadline();
    }

    /** The engine's time: the latest event or timer it has processed, or its start. */
    public long now() {
        return engine.now();
    }

    /** The configuration in force. */
    public CentreConfig config() {
        return engine.config();
    }

    /**
     * From now on, an agent a missed call makes not ready (the offer rang out, or the phone was busy or could not be
     * rung) is made ready again {@code after} that long, unless they change state first (a break asked for, a
     * logout, ready): with agents logged in by the server and no desktop to say ready from, nobody else would. Zero,
     * the default, leaves them not ready until they say ready. Agents already on such a break keep theirs.
     *
     * @throws IllegalArgumentException if {@code after} is negative
     */
    public void readyAfterMissedCall(Duration after) {
        engine.readyAfterMissedCall(after);
    }

    /**
     * Takes up the count of today's calls and talk an earlier run of the engine made for the agent (read back from
     * its journal by a restarted server), so that FEWEST_CALLS and LEAST_TALK_TIME go on from where it stopped rather
     * than treating everyone as new to the day. Only for an agent of the configuration who has not logged in yet in
     * this run; call it before the agents log in. The counts of an agent the configuration does not have are kept for
     * a configuration change that adds them the same day.
     *
     * @return whether the counts were taken up now
     */
    public boolean restoreDayCounts(String agentId, int answered, long talkMillis) {
        return engine.restoreDayCounts(agentId, answered, talkMillis);
    }

    /** The call's place in its queue while it waits; empty when it is not waiting (unknown, in the IVR, ringing...). */
    public Optional<WaitingCall> waitingCall(String callId) {
        return engine.waitingCall(callId);
    }

    /** The agent's state, call and counters; empty for an agent the configuration does not know. */
    public Optional<AgentView> agent(String agentId) {
        return engine.agent(agentId);
    }

    /**
     * The queue's live figures.
     *
     * @throws IllegalArgumentException if there is no such queue
     */
    public QueueView queue(String queueId) {
        return engine.queue(queueId);
    }

    /**
     * Every queue's live figures: the configuration's queues in its order, then retired ones (removed by a change)
     * that still serve the calls they hold.
     */
    public List<QueueView> queues() {
        return engine.queues();
    }

    /** Every agent's state, call and counters: the configuration's in its order, then removed ones still on a call. */
    public List<AgentView> agents() {
        return engine.agents();
    }

    /**
     * Checks that every index agrees with the calls and agents (O(size of the centre), for tests).
     *
     * @throws IllegalStateException naming the broken invariant
     */
    public void validateInternalState() {
        engine.validateInternalState();
    }
}
