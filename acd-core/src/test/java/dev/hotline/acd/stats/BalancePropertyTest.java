package dev.hotline.acd.stats;

import static dev.hotline.acd.stats.Centres.NINE_AM;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.Decision;
import dev.hotline.acd.Decision.RefusalCause;
import dev.hotline.acd.Decision.TreatmentCause;
import dev.hotline.acd.model.Treatment;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToLongFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * For random well-formed decision sequences, every call that entered a queue is accounted for at every step:
 * offered = answered + abandoned + overflowed + refused by treatment + still waiting, per queue and for the centre.
 */
class BalancePropertyTest {
    private static final List<String> QUEUES = List.of("sales", "vip", "support");
    private static final List<String> AGENTS = List.of("1001", "1002", "2001");

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 42, 2026, 8_000_100})
    void everyCallThatEnteredAQueueIsAccountedForAfterEveryDecision(long seed) {
        Random random = new Random(seed);
        Timeline timeline = new Timeline(NINE_AM);
        Map<String, Long> freeAt = new LinkedHashMap<>();
        AGENTS.forEach(a -> {
            timeline.agent(a).logsIn(0);
            freeAt.put(a, 0L);
        });
        int inbound = 0;
        double second = 0;
        for (int i = 0; i < 300; i++) {
            second += random.nextInt(20);
            inbound++;
            writeRandomCall(random, timeline, "c" + i, second, freeAt);
        }
        CentreStatistics stats = new CentreStatistics(Centres.standard());

        for (Decision decision : timeline.decisions()) {
            stats.onDecision(decision);
            checkBalance(stats.snapshot(decision.at()));
        }

        long end = timeline.at(second + 3_600);
        Figures running = stats.snapshot(end);
        assertThat(running.centre().inbound()).isEqualTo(inbound);
        List<Figures> intervals = stats.intervals(end);
        assertThat(sum(intervals, f -> f.centre().calls().offered())).isEqualTo(running.centre().calls().offered());
        assertThat(sum(intervals, f -> f.centre().agentTime().loggedInMillis()))
                .isEqualTo(running.centre().agentTime().loggedInMillis());
        assertThat(sum(intervals, f -> f.centre().calls().answers().handled()))
                .isEqualTo(running.centre().calls().answers().handled());
    }

    private static void writeRandomCall(Random random, Timeline timeline, String callId, double arrival,
                                        Map<String, Long> freeAt) {
        switch (random.nextInt(10)) {
            case 0 -> timeline.refused(callId, random.nextBoolean() ? RefusalCause.BLACKLISTED
                    : RefusalCause.UNKNOWN_NUMBER, arrival);
            case 1 -> timeline.call(callId).arrivesInIvr(arrival, "sales").completesSelfService(arrival + 30);
            case 2 -> timeline.call(callId).arrivesInIvr(arrival, "sales").hangsUpInIvr(arrival + 10);
            default -> {
                Timeline.CallStory call = timeline.call(callId);
                String queue = QUEUES.get(random.nextInt(QUEUES.size()));
                if (random.nextBoolean()) {
                    call.arrives(arrival, queue);
                } else {
                    call.arrivesInIvr(arrival, queue).queued(arrival + 15);
                    arrival += 15;
                }
                double t = arrival + random.nextInt(40);
                for (int moves = random.nextInt(3); moves > 0; moves--) {
                    call.movedTo(QUEUES.get(random.nextInt(QUEUES.size())), t);
                    t += random.nextInt(30);
                }
                finish(random, timeline, call, t, freeAt);
            }
        }
    }

    private static void finish(Random random, Timeline timeline, Timeline.CallStory call, double t,
                               Map<String, Long> freeAt) {
        switch (random.nextInt(6)) {
            case 0, 1 -> {
                String agent = freeAt.entrySet().stream().filter(e -> e.getValue() <= timeline.at(t))
                        .map(Map.Entry::getKey).findFirst().orElse(null);
                if (agent == null) {
                    call.abandons(t);
                    return;
                }
                double end = t + 3 + random.nextInt(300);
                double wrapUp = random.nextInt(40);
                call.offeredTo(agent, t).answered(t + 3).ends(end).wrapUp(wrapUp);
                freeAt.put(agent, timeline.at(end + wrapUp) + 1);
            }
            case 2 -> call.abandons(t + random.nextInt(8));
            case 3 -> call.treated(new Treatment.Hangup("full"), TreatmentCause.QUEUE_FULL, t);
            case 4 -> call.treated(new Treatment.Voicemail("100", ""), TreatmentCause.MAX_WAIT, t);
            default -> { } // still waiting at the end of the sequence
        }
    }

    private static void checkBalance(Figures figures) {
        figures.queues().forEach((queue, calls) -> assertThat(accountedFor(calls)).as(queue).isEqualTo(calls.offered()));
        CallFigures centre = figures.centre().calls();
        assertThat(accountedFor(centre)).as("centre").isEqualTo(centre.offered());
        assertThat(centre.answers().answered())
                .isEqualTo(figures.queues().values().stream().mapToLong(q -> q.answers().answered()).sum());
        assertThat(centre.waiting()).isEqualTo(figures.queues().values().stream().mapToLong(CallFigures::waiting).sum());
        AgentTimeFigures agents = figures.centre().agentTime();
        assertThat(agents.loggedInMillis()).isEqualTo(agents.readyMillis() + agents.readyPhoneBusyMillis()
                + agents.readyPhoneUnreachableMillis() + agents.reservedMillis()
                + agents.talkMillis() + agents.wrapUpMillis() + agents.notReadyMillis());
    }

    private static long accountedFor(CallFigures calls) {
        return calls.answers().answered() + calls.abandoned() + calls.overflowed() + calls.refused() + calls.waiting();
    }

    private static long sum(List<Figures> intervals, ToLongFunction<Figures> figure) {
        return intervals.stream().mapToLong(figure).sum();
    }
}
