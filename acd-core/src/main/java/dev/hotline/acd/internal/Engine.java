package dev.hotline.acd.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.AgentView;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.QueueView;
import dev.hotline.acd.WaitingCall;
import dev.hotline.acd.model.CentreConfig;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The routing loop behind {@link dev.hotline.acd.RoutingEngine}: one thread applies each event and each due timer by
 * handing it to the part of the engine whose job it is (classification, queue admission, escalation, dispatch, agent
 * lifecycle, call endings, live configuration). A bad event becomes {@link Decision.EventRejected}; the loop goes
 * on. Public only so that the facade in the parent package can reach it.
 */
public final class Engine {

    private static final Logger LOG = LoggerFactory.getLogger(Engine.class);

    private final Centre centre;
    private final CallClassifier classifier;
    private final QueueAdmission admission;
    private final Escalation escalation;
    private final Dispatch dispatch;
    private final AgentLifecycle lifecycle;
    private final CallEnding ending;
    private final LiveConfiguration configuration;
    private final CentreViews views;
    private final Lookahead lookahead;
    private Thread owner;

    public Engine(CentreConfig config, long startMillis, long seed, DecisionListener listener) {
        centre = new Centre(Objects.requireNonNull(listener, "listener"), startMillis);
        classifier = new CallClassifier(centre);
        admission = new QueueAdmission(centre);
        escalation = new Escalation(centre);
        dispatch = new Dispatch(centre, new SplittableRandom(seed));
        lifecycle = new AgentLifecycle(centre);
        admission.connect(escalation);
        escalation.connect(dispatch, admission);
        dispatch.connect(escalation, lifecycle, admission);
        lifecycle.connect(dispatch, admission);
        ending = new CallEnding(centre, lifecycle);
        configuration = new LiveConfiguration(centre, escalation, dispatch, lifecycle, admission);
        views = new CentreViews(centre);
        lookahead = new Lookahead(centre.calls);
        configuration.start(Objects.requireNonNull(config, "config"));
    }

    public void handle(AcdEvent event) {
        assert onOwnerThread() : ownerViolation();
        advanceTo(event.at());
        try {
            apply(event);
        } catch (Rejection r) {
            LOG.debug("rejected {}: {}", event, r.getMessage());
            centre.emit(new Decision.EventRejected(centre.now, event, r.getMessage()));
        } catch (RuntimeException e) {
            LOG.error("could not apply {}", event, e);
            centre.emit(new Decision.EventRejected(centre.now, event, "internal error applying "
                    + event.getClass().getSimpleName() + ": " + e));
        }
    }

    public void handleAll(List<? extends AcdEvent> events) {
        int size = events.size();
        // asked once a backlog: looking ahead is a hint, and a backlog that crosses the threshold loses little
        if (!lookahead.pays()) {
            for (int i = 0; i < size; i++) {
                handle(events.get(i));
            }
            return;
        }
        for (int from = 0; from < size; from += Lookahead.GROUP) {
            int to = Math.min(size, from + Lookahead.GROUP);
            if (to - from > 1) {
                lookahead.load(events, from, to);
            }
            for (int i = from; i < to; i++) {
                handle(events.get(i));
            }
        }
    }

    public void advanceTo(long time) {
        assert onOwnerThread() : ownerViolation();
        Timer timer;
        while ((timer = centre.timers.pollDue(time)) != null) {
            while (timer.deadline >= centre.nextDayStart) {
                newDay();
            }
            centre.now = Math.max(centre.now, timer.deadline);
            try {
                fire(timer);
            } catch (RuntimeException e) {
                LOG.error("timer {} failed", timer, e);
            }
        }
        while (time >= centre.nextDayStart) {
            newDay();
        }
        centre.now = Math.max(centre.now, time);
    }

    /** Local midnight passed: in order with the timers around it, the agents on duty begin the day's counts. */
    private void newDay() {
        centre.now = Math.max(centre.now, centre.nextDayStart);
        centre.newDay();
    }

    private void apply(AcdEvent event) {
        switch (event) {
            case AcdEvent.CallArrived e -> classifier.arrived(e);
            case AcdEvent.QueueRequested e -> admission.queueRequested(e);
            case AcdEvent.SelfServiceCompleted e -> ending.selfServiceCompleted(e);
            case AcdEvent.IvrEnded e -> ending.ivrEnded(e);
            case AcdEvent.CallerHungUp e -> ending.callerHungUp(e);
            case AcdEvent.CallHandedBack e -> ending.handedBack(e);
            case AcdEvent.AgentHungUp e -> ending.agentHungUp(e);
            case AcdEvent.OfferDelayed e -> dispatch.delayed(e);
            case AcdEvent.OfferRinging e -> dispatch.ringing(e);
            case AcdEvent.OfferAnswered e -> dispatch.answered(e);
            case AcdEvent.OfferFailed e -> dispatch.failed(e);
            case AcdEvent.AgentLoggedIn e -> lifecycle.loggedIn(e);
            case AcdEvent.AgentLoggedOut e -> lifecycle.loggedOut(e);
            case AcdEvent.AgentReady e -> lifecycle.ready(e);
            case AcdEvent.AgentNotReady e -> lifecycle.notReady(e);
            case AcdEvent.PhoneStateChanged e -> lifecycle.phoneChanged(e);
            case AcdEvent.ConfigChanged e -> configuration.changed(e.config());
        }
    }

    private void fire(Timer timer) {
        switch (timer.kind) {
            case RING -> dispatch.ringDue(timer);
            case LINE_WAIT -> dispatch.lineWaitDue(timer);
            case WRAP_UP -> lifecycle.wrapUpDue(timer);
            case STEP -> escalation.stepDue(timer);
            case MAX_WAIT -> escalation.maxWaitDue(timer);
            case MISSED_CALL_BREAK -> lifecycle.missedCallBreakDue(timer);
        }
    }

    public long nextDeadline() {
        return centre.timers.nextDeadline();
    }

    public long now() {
        return centre.now;
    }

    public CentreConfig config() {
        return centre.config;
    }

    public void readyAfterMissedCall(Duration after) {
        if (after.isNegative()) {
            throw new IllegalArgumentException("readyAfterMissedCall must not be negative: " + after);
        }
        centre.missedCallBreakMillis = after.toMillis();
    }

    /**
     * Takes up an earlier run's count of the agent's day: for an agent the configuration has who has not logged in
     * this run (once logged in, this run counts); for one it does not have, kept for a change that adds them today,
     * as for an agent removed and put back; nothing for any other.
     */
    public boolean restoreDayCounts(String agentId, int answered, long talkMillis) {
        Agent agent = centre.agents.get(agentId);
        if (agent == null) {
            centre.countsOfRemoved.putIfAbsent(agentId, new Agent.DayCounts(centre.today(), answered, talkMillis));
            return false;
        }
        if (agent.state != AgentState.LOGGED_OUT || agent.countsDay != Long.MIN_VALUE) {
            return false;
        }
        agent.countsDay = centre.today();
        agent.answered = answered;
        agent.talkMillis = talkMillis;
        return true;
    }

    public Optional<WaitingCall> waitingCall(String callId) {
        return views.waitingCall(callId);
    }

    public Optional<AgentView> agent(String agentId) {
        return views.agent(agentId);
    }

    public QueueView queue(String queueId) {
        return views.queue(queueId);
    }

    public List<QueueView> queues() {
        return views.queues();
    }

    public List<AgentView> agents() {
        return views.agents();
    }

    /** Checks every index against the calls and agents; throws {@link IllegalStateException} naming the breach. */
    public void validateInternalState() {
        new InvariantCheck(centre.calls, centre.agents, centre.agentOrder, centre.groups, centre.queues).run();
    }

    private boolean onOwnerThread() {
        Thread current = Thread.currentThread();
        if (owner == null) {
            owner = current;
        }
        return owner == current;
    }

    private String ownerViolation() {
        return "the routing engine is owned by thread " + owner.getName() + " but was called from "
                + Thread.currentThread().getName();
    }
}
