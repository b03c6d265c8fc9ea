package dev.hotline.server.serve.internal;

import dev.hotline.acd.stats.AnswerFigures;
import dev.hotline.server.journal.JournalReader;
import dev.hotline.server.journal.JournalReplay;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Each agent's calls and talk of the day so far, as an earlier run of Hotline journaled them: what a restarted server
 * hands the routing engine ({@code RoutingEngine.restoreDayCounts}), so that FEWEST_CALLS and LEAST_TALK_TIME go on
 * where the day was rather than taking everyone for new to it. Counted as the engine counts them live, and as
 * {@code hotline report} does for the day: a call on the day it was answered, its talk on the day the conversation
 * ended; a conversation a crash cut short ends at the crashed run's last record.
 *
 * @param answered   by agent, calls answered today
 * @param talkMillis by agent, the talk of their conversations that ended today
 */
public record TodaysCounts(Map<String, Integer> answered, Map<String, Long> talkMillis) {

    public TodaysCounts {
        answered = Map.copyOf(answered);
        talkMillis = Map.copyOf(talkMillis);
    }

    /**
     * The counts from {@code dayStart} (local midnight) on, read from {@code reader}; {@code warnings} hears of a last
     * run that did not stop cleanly.
     *
     * @throws dev.hotline.server.journal.JournalException for a damaged line
     */
    public static TodaysCounts read(JournalReader reader, long dayStart, Consumer<String> warnings) {
        Map<String, Integer> answered = new HashMap<>();
        Map<String, Long> talk = new HashMap<>();
        JournalReplay.Report day = JournalReplay.beforeRestart(reader, Instant.ofEpochMilli(dayStart), warnings);
        day.figures().agents().forEach((agent, figures) -> {
            AnswerFigures answers = figures.answers();
            if (answers.answered() > 0 || answers.talkMillis() > 0) {
                answered.put(agent, Math.toIntExact(answers.answered()));
                talk.put(agent, answers.talkMillis());
            }
        });
        return new TodaysCounts(answered, talk);
    }
}
