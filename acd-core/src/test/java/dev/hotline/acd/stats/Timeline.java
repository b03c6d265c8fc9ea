package dev.hotline.acd.stats;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.AssignmentReason;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.Treatment;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes the decisions the routing engine would take for calls and agents, in seconds after a start time, e.g.
 * {@code call("c1").arrives(0, "sales").offeredTo("1001", 12).answered(15).ends(195).wrapUp(30)}. Each story is
 * written in its own order; {@link #decisions()} merges them in time order (stable for equal times).
 */
final class Timeline {
    private final long start;
    private final List<Decision> decisions = new ArrayList<>();

    Timeline(long start) {
        this.start = start;
    }

    long at(double seconds) {
        return start + Math.round(seconds * 1000);
    }

    CallStory call(String callId) {
        return new CallStory(callId);
    }

    AgentStory agent(String agentId) {
        return new AgentStory(agentId);
    }

    Timeline refused(String callId, Decision.RefusalCause cause, double second) {
        long at = at(second);
        decisions.add(new Decision.CallRefused(at, callId, "13800000000", "4008001001", cause, "busy", cause.name()));
        decisions.add(new Decision.CallEnded(at, callId, Outcome.REFUSED, Optional.empty(), Optional.empty(), 0, 0,
                cause.name().toLowerCase(), "13800000000", "4008001001", Optional.empty()));
        return this;
    }

    Timeline add(Decision decision) {
        decisions.add(decision);
        return this;
    }

    List<Decision> decisions() {
        return decisions.stream().sorted(Comparator.comparingLong(Decision::at)).toList();
    }

    void playInto(DecisionListener listener) {
        decisions().forEach(listener::onDecision);
    }

    final class AgentStory {
        private final String agentId;

        private AgentStory(String agentId) {
            this.agentId = agentId;
        }

        AgentStory logsIn(double second) {
            return change(second, AgentState.LOGGED_OUT, AgentState.READY, "login");
        }

        AgentStory notReady(double second, String reason) {
            return change(second, AgentState.READY, AgentState.NOT_READY, reason);
        }

        AgentStory readyAgain(double second) {
            return change(second, AgentState.NOT_READY, AgentState.READY, "ready");
        }

        AgentStory logsOut(double second) {
            return change(second, AgentState.READY, AgentState.LOGGED_OUT, "logout");
        }

        /** The agent's phone is busy with a call the ACD did not give from {@code from} to {@code to}. */
        AgentStory privateCall(double from, double to) {
            return phone(from, PhoneState.FREE, PhoneState.BUSY).phone(to, PhoneState.BUSY, PhoneState.FREE);
        }

        /** The agent's phone is not registered from {@code from} to {@code to}. */
        AgentStory unreachable(double from, double to) {
            return phone(from, PhoneState.FREE, PhoneState.UNREACHABLE).phone(to, PhoneState.UNREACHABLE,
                    PhoneState.FREE);
        }

        AgentStory phone(double second, PhoneState from, PhoneState to) {
            decisions.add(new Decision.AgentPhoneChanged(at(second), agentId, from, to));
            return this;
        }

        private AgentStory change(double second, AgentState from, AgentState to, String reason) {
            decisions.add(new Decision.AgentStateChanged(at(second), agentId, from, to, reason));
            return this;
        }
    }

    final class CallStory {
        private final String callId;
        private String queue;
        private long queuedAt = -1;
        /** As the engine's record of a call a queue sent to an IVR flow: that queue and the wait until then. */
        private Optional<String> leftForIvr = Optional.empty();
        private long waitedBeforeIvr;
        private String agent;
        private long answeredAt = -1;
        private long endedAt;
        private boolean ringing;

        private CallStory(String callId) {
            this.callId = callId;
        }

        /** Classified for {@code queue} and queued at once. */
        CallStory arrives(double second, String queue) {
            return arrivesInIvr(second, queue).queued(second);
        }

        /** Classified for {@code queue}, first to the IVR. */
        CallStory arrivesInIvr(double second, String queue) {
            this.queue = queue;
            decisions.add(new Decision.CallClassified(at(second), callId, "13800000000", "4008001001", queue, queue,
                    Optional.of("menu"), "exact 4008001001", Optional.empty()));
            return this;
        }

        CallStory queued(double second) {
            long at = at(second);
            if (queuedAt < 0) {
                queuedAt = at;
            }
            decisions.add(new Decision.CallQueued(at, callId, queue, 0, List.of(), 1, 0));
            return this;
        }

        CallStory completesSelfService(double second) {
            return end(second, Outcome.SELF_SERVICE, leftForIvr, waitedBeforeIvr, "self-service");
        }

        CallStory endedByIvr(double second) {
            return end(second, Outcome.ENDED_IN_IVR, leftForIvr, waitedBeforeIvr,
                    "flow menu ended the call (closed-hours)");
        }

        CallStory handedBackFromIvr(double second) {
            return end(second, Outcome.OVERFLOWED, Optional.empty(), 0,
                    "handed back to Asterisk's dialplan: Hotline stopped");
        }

        /** The waiting (or ringing) call goes back to Asterisk's dialplan: no treatment, out of the ACD all the same. */
        CallStory handedBackFromQueue(double second) {
            return end(second, Outcome.OVERFLOWED, Optional.of(queue), at(second) - queuedAt,
                    "handed back to Asterisk's dialplan: Hotline stopped");
        }

        CallStory hangsUpInIvr(double second) {
            return end(second, Outcome.ABANDONED, leftForIvr, waitedBeforeIvr, "caller hung up in the IVR");
        }

        CallStory offeredTo(String agentId, double second) {
            long at = at(second);
            agent = agentId;
            ringing = true;
            decisions.add(new Decision.CallOffered(at, callId, agentId, "PJSIP/" + agentId, queue, 20_000,
                    at - queuedAt, "13800000000", "4008001001", "tea", Optional.empty(), Map.of(),
                    new AssignmentReason(queue, firstGroup(), Optional.empty(), RoutingStrategy.LONGEST_IDLE, "test")));
            decisions.add(new Decision.AgentStateChanged(at, agentId, AgentState.READY, AgentState.RESERVED, callId));
            return this;
        }

        /** The agent's phone rang out: the call goes back to its queue and the agent is set not ready. */
        CallStory notAnswered(double second) {
            return offerEnded(second, "ring-no-answer", OfferEnd.NO_ANSWER, AgentState.NOT_READY, "no answer");
        }

        /** The agent's phone could not take the offer (busy): the call goes back, the agent is set not ready. */
        CallStory offerFailed(double second) {
            return offerEnded(second, "BUSY", OfferEnd.FAILED, AgentState.NOT_READY, "BUSY");
        }

        /** The offer is taken back before it rang (the caller's line never came free): the agent is ready again. */
        CallStory offerTakenBack(double second) {
            return offerEnded(second, "line not free", OfferEnd.TAKEN_BACK, AgentState.READY, "offer withdrawn");
        }

        private CallStory offerEnded(double second, String cause, OfferEnd end, AgentState then, String reason) {
            long at = at(second);
            ringing = false;
            decisions.add(new Decision.CallRequeued(at, callId, agent, queue, cause, end));
            decisions.add(new Decision.AgentStateChanged(at, agent, AgentState.RESERVED, then, reason));
            return this;
        }

        /** Answered through the first skill group of the queue's agent (sales-team, or vip-team in the vip queue). */
        CallStory answered(double second) {
            return answeredThrough(firstGroup(), second);
        }

        private String firstGroup() {
            return queue.equals("vip") ? "vip-team" : "sales-team";
        }

        CallStory answeredThrough(String group, double second) {
            answeredAt = at(second);
            ringing = false;
            decisions.add(new Decision.CallAnswered(answeredAt, callId, agent, queue, group, answeredAt - queuedAt));
            decisions.add(new Decision.AgentStateChanged(answeredAt, agent, AgentState.RESERVED, AgentState.TALKING,
                    callId));
            return this;
        }

        /** The conversation ends; the agent goes into wrap-up. */
        CallStory ends(double second) {
            endedAt = at(second);
            decisions.add(new Decision.CallEnded(endedAt, callId, Outcome.ANSWERED, Optional.of(queue),
                    Optional.of(agent), answeredAt - queuedAt, endedAt - answeredAt, "agent hung up", "13800000000",
                    "4008001001", Optional.of("PJSIP/" + agent)));
            decisions.add(new Decision.AgentStateChanged(endedAt, agent, AgentState.TALKING, AgentState.WRAP_UP,
                    callId));
            return this;
        }

        /** The agent's after-call work lasts {@code seconds}, then the agent is ready again. */
        CallStory wrapUp(double seconds) {
            decisions.add(new Decision.AgentStateChanged(endedAt + Math.round(seconds * 1000), agent,
                    AgentState.WRAP_UP, AgentState.READY, "wrap-up over"));
            return this;
        }

        CallStory abandons(double second) {
            long at = at(second);
            if (ringing) {
                decisions.add(new Decision.AgentStateChanged(at, agent, AgentState.RESERVED, AgentState.READY,
                        "caller hung up"));
            }
            return end(second, Outcome.ABANDONED, Optional.of(queue), at - queuedAt, "caller hung up");
        }

        /** An overflow treatment or escalation step moves the waiting call to {@code target}. */
        CallStory movedTo(String target, double second) {
            long at = at(second);
            decisions.add(new Decision.CallTreated(at, callId, queue, new Treatment.Overflow(target),
                    Decision.TreatmentCause.ESCALATION));
            decisions.add(new Decision.CallMoved(at, callId, queue, target, "vip-overflow"));
            queue = target;
            decisions.add(new Decision.CallQueued(at, callId, target, 10, List.of(), 1, 0));
            return this;
        }

        /**
         * The queue applies {@code treatment}: the call leaves the ACD (refused, or overflowed out of it to voicemail),
         * or, sent to an IVR flow, leaves the queue and goes on in the flow until the flow ends it.
         */
        CallStory treated(Treatment treatment, Decision.TreatmentCause cause, double second) {
            long at = at(second);
            decisions.add(new Decision.CallTreated(at, callId, queue, treatment, cause));
            if (treatment instanceof Treatment.IvrFlow) {
                leftForIvr = Optional.of(queue);
                waitedBeforeIvr = at - queuedAt;
                return this;
            }
            Outcome outcome = treatment instanceof Treatment.Hangup ? Outcome.REFUSED : Outcome.OVERFLOWED;
            return end(second, outcome, Optional.of(queue), at - queuedAt, cause.name().toLowerCase());
        }

        private CallStory end(double second, Outcome outcome, Optional<String> lastQueue, long waited, String cause) {
            decisions.add(new Decision.CallEnded(at(second), callId, outcome, lastQueue, Optional.empty(), waited, 0,
                    cause, "13800000000", "4008001001", Optional.empty()));
            return this;
        }
    }
}
