package dev.hotline.server.journal.internal;

import dev.hotline.acd.Decision;
import dev.hotline.acd.Outcome;
import dev.hotline.acd.stats.AgentTimeFigures;
import dev.hotline.acd.stats.AnswerFigures;
import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.CentreFigures;
import dev.hotline.acd.stats.Figures;
import dev.hotline.acd.stats.OfferFigures;
import dev.hotline.acd.stats.StaffFigures;
import dev.hotline.acd.stats.TreatmentFigures;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of a period as the running figures at its end minus those at its start: so a call counts where each of
 * its events happened (offered before the period and abandoned in it: abandoned in it, not offered), as in the
 * statistics' reporting intervals, and agent time is exactly the time spent in the period.
 *
 * <p>Two figures are not differences. The calls waiting and the longest current wait are the present at the period's
 * end. The longest wait of answered and abandoned calls is a maximum, so the period's own is followed here from the
 * decisions of the period: the wait of each answer and of each abandon from a queue, by queue and for the centre.
 */
public final class PeriodFigures {
    private final Map<String, Long> longestWaitByQueue = new HashMap<>();
    private long longestWait;

    /** Follows a decision stamped in the period. */
    public void follow(Decision decision) {
        switch (decision) {
            case Decision.CallAnswered a -> waited(a.queue(), a.waitedMillis());
            case Decision.CallEnded e when e.outcome() == Outcome.ABANDONED && e.queue().isPresent() ->
                    waited(e.queue().get(), e.waitedMillis());
            default -> { }
        }
    }

    private void waited(String queue, long millis) {
        longestWaitByQueue.merge(queue, millis, Math::max);
        longestWait = Math.max(longestWait, millis);
    }

    /** {@code end} minus {@code start}, for the period from {@code from} to {@code end.to()}. */
    public Figures between(long from, Figures start, Figures end) {
        CentreFigures s = start.centre();
        CentreFigures e = end.centre();
        CentreFigures centre = new CentreFigures(e.inbound() - s.inbound(),
                e.refusedBlacklist() - s.refusedBlacklist(), e.refusedUnknownNumber() - s.refusedUnknownNumber(),
                e.selfService() - s.selfService(), e.abandonedInIvr() - s.abandonedInIvr(),
                e.endedInIvr() - s.endedInIvr(),
                calls(s.calls(), e.calls(), longestWait), e.offers().since(s.offers()),
                agentTime(s.agentTime(), e.agentTime()));
        return new Figures(from, end.to(), centre,
                each(start.queues(), end.queues(), zeroCalls(),
                        (id, a, b) -> calls(a, b, longestWaitByQueue.getOrDefault(id, 0L))),
                each(start.groups(), end.groups(), zeroStaff(), (id, a, b) -> staff(a, b)),
                each(start.agents(), end.agents(), zeroStaff(), (id, a, b) -> staff(a, b)));
    }

    private interface Difference<T> {
        T of(String id, T start, T end);
    }

    /** Every id of the end (a superset of the start's: ids are never forgotten), minus its start or zero. */
    private static <T> Map<String, T> each(Map<String, T> start, Map<String, T> end, T zero, Difference<T> minus) {
        Map<String, T> result = new TreeMap<>();
        end.forEach((id, e) -> result.put(id, minus.of(id, start.getOrDefault(id, zero), e)));
        return result;
    }

    private static CallFigures calls(CallFigures s, CallFigures e, long longestWait) {
        return new CallFigures(e.offered() - s.offered(), answers(s.answers(), e.answers()),
                e.abandoned() - s.abandoned(), e.shortAbandoned() - s.shortAbandoned(),
                e.abandonedAfterThreshold() - s.abandonedAfterThreshold(), e.overflowed() - s.overflowed(),
                e.refused() - s.refused(), e.treated().since(s.treated()), e.waiting(), longestWait,
                e.longestCurrentWaitMillis());
    }

    private static AnswerFigures answers(AnswerFigures s, AnswerFigures e) {
        return new AnswerFigures(e.answered() - s.answered(),
                e.answeredWithinThreshold() - s.answeredWithinThreshold(),
                e.answeredAfterWaiting() - s.answeredAfterWaiting(), e.answerWaitMillis() - s.answerWaitMillis(),
                e.handled() - s.handled(), e.talkMillis() - s.talkMillis(), e.wrapUpMillis() - s.wrapUpMillis());
    }

    private static StaffFigures staff(StaffFigures s, StaffFigures e) {
        return new StaffFigures(answers(s.answers(), e.answers()), e.offers().since(s.offers()),
                agentTime(s.agentTime(), e.agentTime()));
    }

    private static AgentTimeFigures agentTime(AgentTimeFigures s, AgentTimeFigures e) {
        Map<String, Long> notReady = new TreeMap<>();
        e.notReadyByReason().forEach((reason, millis) ->
                notReady.put(reason, millis - s.notReadyByReason().getOrDefault(reason, 0L)));
        notReady.values().removeIf(millis -> millis == 0);
        return new AgentTimeFigures(e.loggedInMillis() - s.loggedInMillis(), e.readyMillis() - s.readyMillis(),
                e.readyPhoneBusyMillis() - s.readyPhoneBusyMillis(),
                e.readyPhoneUnreachableMillis() - s.readyPhoneUnreachableMillis(),
                e.reservedMillis() - s.reservedMillis(), e.talkMillis() - s.talkMillis(),
                e.wrapUpMillis() - s.wrapUpMillis(), e.notReadyMillis() - s.notReadyMillis(), notReady);
    }

    private static CallFigures zeroCalls() {
        return new CallFigures(0, zeroAnswers(), 0, 0, 0, 0, 0, TreatmentFigures.NONE, 0, 0, 0);
    }

    private static AnswerFigures zeroAnswers() {
        return new AnswerFigures(0, 0, 0, 0, 0, 0, 0);
    }

    private static StaffFigures zeroStaff() {
        return new StaffFigures(zeroAnswers(), new OfferFigures(0, 0, 0),
                new AgentTimeFigures(0, 0, 0, 0, 0, 0, 0, 0, Map.of()));
    }
}
