package dev.hotline.acd.stats.internal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.stats.AgentTimeFigures;
import dev.hotline.acd.stats.AnswerFigures;
import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.OfferFigures;
import dev.hotline.acd.stats.TreatmentFigures;
import java.util.HashMap;
import java.util.Map;

/**
 * The running counters of one scope (the centre, a queue, a group or an agent) over one period. Not every counter
 * means something for every scope; the figures built from it pick the ones that do.
 */
final class Tally {
    // calls that entered a queue
    long offered;
    long abandoned;
    long shortAbandoned;
    long abandonedAfterThreshold;
    long overflowed;
    long refused;
    /** Treated calls by cause, as {@link TreatmentFigures}. */
    long treatedClosed;
    long treatedFull;
    long treatedMaxWait;
    long treatedNoAgents;
    long treatedByEscalation;
    long treatedReconfigured;
    long handedBack;
    long longestWaitMillis;

    // answered and handled calls
    long answered;
    long answeredWithinThreshold;
    long answeredAfterWaiting;
    long answerWaitMillis;
    long handled;
    long handledTalkMillis;
    long handledWrapUpMillis;

    // offers made to agents, and those the agent missed
    long offers;
    long offersNotAnswered;
    long offersFailed;

    // agent time, per state (READY per phone state)
    long readyMillis;
    long readyPhoneBusyMillis;
    long readyPhoneUnreachableMillis;
    long reservedMillis;
    long talkingMillis;
    long wrapUpMillis;
    long notReadyMillis;
    final Map<String, Long> notReadyByReason = new HashMap<>();

    // the centre only
    long inbound;
    long refusedBlacklist;
    long refusedUnknownNumber;
    long selfService;
    long abandonedInIvr;
    long endedInIvr;

    void waited(long waitedMillis) {
        longestWaitMillis = Math.max(longestWaitMillis, waitedMillis);
    }

    void treated(Decision.TreatmentCause cause) {
        switch (cause) {
            case CLOSED -> treatedClosed++;
            case QUEUE_FULL -> treatedFull++;
            case MAX_WAIT -> treatedMaxWait++;
            case NO_AGENTS -> treatedNoAgents++;
            case ESCALATION -> treatedByEscalation++;
            case RECONFIGURED -> treatedReconfigured++;
        }
    }

    void addAgentTime(AgentState state, String reason, PhoneState phone, long millis) {
        switch (state) {
            case READY -> {
                switch (phone) {
                    case FREE -> readyMillis += millis;
                    case BUSY -> readyPhoneBusyMillis += millis;
                    case UNREACHABLE -> readyPhoneUnreachableMillis += millis;
                }
            }
            case RESERVED -> reservedMillis += millis;
            case TALKING -> talkingMillis += millis;
            case WRAP_UP -> wrapUpMillis += millis;
            case NOT_READY -> {
                notReadyMillis += millis;
                notReadyByReason.merge(reason, millis, Long::sum);
            }
            case LOGGED_OUT -> { }
        }
    }

    Tally copy() {
        Tally c = new Tally();
        c.offered = offered;
        c.abandoned = abandoned;
        c.shortAbandoned = shortAbandoned;
        c.abandonedAfterThreshold = abandonedAfterThreshold;
        c.overflowed = overflowed;
        c.refused = refused;
        c.treatedClosed = treatedClosed;
        c.treatedFull = treatedFull;
        c.treatedMaxWait = treatedMaxWait;
        c.treatedNoAgents = treatedNoAgents;
        c.treatedByEscalation = treatedByEscalation;
        c.treatedReconfigured = treatedReconfigured;
        c.handedBack = handedBack;
        c.longestWaitMillis = longestWaitMillis;
        c.answered = answered;
        c.answeredWithinThreshold = answeredWithinThreshold;
        c.answeredAfterWaiting = answeredAfterWaiting;
        c.answerWaitMillis = answerWaitMillis;
        c.handled = handled;
        c.handledTalkMillis = handledTalkMillis;
        c.handledWrapUpMillis = handledWrapUpMillis;
        c.offers = offers;
        c.offersNotAnswered = offersNotAnswered;
        c.offersFailed = offersFailed;
        c.readyMillis = readyMillis;
        c.readyPhoneBusyMillis = readyPhoneBusyMillis;
        c.readyPhoneUnreachableMillis = readyPhoneUnreachableMillis;
        c.reservedMillis = reservedMillis;
        c.talkingMillis = talkingMillis;
        c.wrapUpMillis = wrapUpMillis;
        c.notReadyMillis = notReadyMillis;
        c.notReadyByReason.putAll(notReadyByReason);
        c.inbound = inbound;
        c.refusedBlacklist = refusedBlacklist;
        c.refusedUnknownNumber = refusedUnknownNumber;
        c.selfService = selfService;
        c.abandonedInIvr = abandonedInIvr;
        c.endedInIvr = endedInIvr;
        return c;
    }

    AnswerFigures answers() {
        return new AnswerFigures(answered, answeredWithinThreshold, answeredAfterWaiting, answerWaitMillis, handled,
                handledTalkMillis, handledWrapUpMillis);
    }

    OfferFigures offerFigures() {
        return new OfferFigures(offers, offersNotAnswered, offersFailed);
    }

    CallFigures calls(long waiting, long longestCurrentWaitMillis) {
        return new CallFigures(offered, answers(), abandoned, shortAbandoned, abandonedAfterThreshold, overflowed,
                refused, new TreatmentFigures(treatedClosed, treatedFull, treatedMaxWait, treatedNoAgents,
                treatedByEscalation, treatedReconfigured, handedBack), waiting, longestWaitMillis,
                longestCurrentWaitMillis);
    }

    AgentTimeFigures agentTime() {
        long loggedIn = readyMillis + readyPhoneBusyMillis + readyPhoneUnreachableMillis + reservedMillis
                + talkingMillis + wrapUpMillis + notReadyMillis;
        return new AgentTimeFigures(loggedIn, readyMillis, readyPhoneBusyMillis, readyPhoneUnreachableMillis,
                reservedMillis, talkingMillis, wrapUpMillis, notReadyMillis, notReadyByReason);
    }
}
