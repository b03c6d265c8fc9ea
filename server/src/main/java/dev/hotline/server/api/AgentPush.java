package dev.hotline.server.api;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.server.api.internal.ApiJson;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Pushes to each agent's desktop what concerns them, the moment the routing engine decides it: the offer of a call
 * with its screen pop ({@code offer}: the caller, the number they dialled and what it is about, VIP, what the IVR
 * attached, why this agent), their state ({@code state}), their phone ({@code phone}) and the end of their call
 * ({@code call-ended}). The offer goes out in the same step that hands the call session the order to ring the agent's
 * phone, so the screen pops as the phone rings.
 *
 * <p>A decision listener of the engine: it runs on the engine's thread, writes each event once as JSON and only for
 * agents someone follows, and hands it to the streams without waiting (a client that falls behind is disconnected by
 * its stream, never waited for).
 */
public final class AgentPush implements DecisionListener {
    private final Map<String, Set<EventSink>> followers = new ConcurrentHashMap<>();
    /**
     * Each agent's offer while it rings or is talked on: a desktop that connects again mid-call (EventSource does at
     * every network hiccup) gets the screen pop again instead of a bare call id. Kept for every agent, followed or
     * not, as the stream may open later; gone when the agent is READY, NOT_READY or LOGGED_OUT again.
     */
    private final Map<String, Decision.CallOffered> offers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    /** {@code sink} receives {@code agentId}'s events from now until its client is gone. */
    public void follow(String agentId, EventSink sink) {
        // added inside compute, so a last follower's concurrent close cannot drop the set this sink joins
        followers.compute(agentId, (id, sinks) -> {
            Set<EventSink> joined = sinks == null ? ConcurrentHashMap.newKeySet() : sinks;
            joined.add(sink);
            return joined;
        });
        sink.onClose(() -> followers.computeIfPresent(agentId, (id, sinks) -> {
            sinks.remove(sink);
            return sinks.isEmpty() ? null : sinks;
        }));
    }

    /** Sends one event to {@code sink} alone: the picture a new follower starts with. */
    public void greet(EventSink sink, String event, Object payload) {
        sink.send(event, ids.incrementAndGet(), ApiJson.write(payload));
    }

    private void send(String agentId, String event, Object payload) {
        Set<EventSink> sinks = followers.get(agentId);
        if (sinks == null || sinks.isEmpty()) {
            return;
        }
        String text = ApiJson.write(payload);
        long id = ids.incrementAndGet();
        sinks.removeIf(sink -> !sink.send(event, id, text));
    }

    /** The offer of {@code callId} to {@code agentId}, while the agent's phone rings for it or they talk on it. */
    public Optional<Decision.CallOffered> offerOf(String agentId, String callId) {
        return Optional.ofNullable(offers.get(agentId)).filter(o -> o.callId().equals(callId));
    }

    /** How many streams follow {@code agentId}. */
    public int followers(String agentId) {
        Set<EventSink> sinks = followers.get(agentId);
        return sinks == null ? 0 : sinks.size();
    }

    @Override
    public void onDecision(Decision decision) {
        switch (decision) {
            case Decision.CallOffered offer -> {
                offers.put(offer.agentId(), offer);
                send(offer.agentId(), "offer", offer);
            }
            case Decision.AgentStateChanged state -> {
                if (state.to() != AgentState.RESERVED && state.to() != AgentState.TALKING) {
                    offers.remove(state.agentId());
                }
                send(state.agentId(), "state", state);
            }
            case Decision.AgentAfterCall after -> send(after.agentId(), "after-call", after);
            // the offer rang out or the phone failed: which call the desktop's screen pop was for, and why it went
            case Decision.CallRequeued requeued -> send(requeued.agentId(), "offer-ended", requeued);
            case Decision.AgentPhoneChanged phone -> send(phone.agentId(), "phone", phone);
            case Decision.CallEnded ended when ended.agentId().isPresent() ->
                    send(ended.agentId().get(), "call-ended", ended);
            default -> { }
        }
    }
}
