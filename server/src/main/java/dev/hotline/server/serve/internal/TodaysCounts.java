package dev.hotline.server.serve.internal;

import dev.hotline.acd.Outcome;
import dev.hotline.server.journal.JournalReader;
import dev.hotline.server.journal.JournalRecord;
import java.util.HashMap;
import java.util.Map;

/**
 * Each agent's calls and talk of the day so far, as an earlier run of Hotline journaled them: what a restarted server
 * hands the routing engine ({@code RoutingEngine.restoreDayCounts}), so that FEWEST_CALLS and LEAST_TALK_TIME go on
 * where the day was rather than taking everyone for new to it. A call counts when its conversation ended (its
 * {@code call-ended} record), with its talk.
 *
 * @param answered   by agent, calls answered and ended today
 * @param talkMillis by agent, their talk
 */
public record TodaysCounts(Map<String, Integer> answered, Map<String, Long> talkMillis) {

    public TodaysCounts {
        answered = Map.copyOf(answered);
        talkMillis = Map.copyOf(talkMillis);
    }

    /**
     * The counts of the calls that ended from {@code dayStart} (local midnight) on, read from {@code reader}.
     *
     * @throws dev.hotline.server.journal.JournalException for a damaged line
     */
    public static TodaysCounts read(JournalReader reader, long dayStart) {
        Map<String, Integer> answered = new HashMap<>();
        Map<String, Long> talk = new HashMap<>();
        reader.read(dayStart, record -> {
            if (record.at() >= dayStart && record instanceof JournalRecord.CallRecord call
                    && call.ended().outcome() == Outcome.ANSWERED) {
                call.ended().agentId().ifPresent(agent -> {
                    answered.merge(agent, 1, Integer::sum);
                    talk.merge(agent, call.ended().talkMillis(), Long::sum);
                });
            }
        });
        return new TodaysCounts(answered, talk);
    }
}
