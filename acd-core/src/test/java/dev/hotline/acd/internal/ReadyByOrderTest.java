package dev.hotline.acd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.Skill;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A group's READY agents in skill-level, round-robin, fewest-calls, least-talk-time, linear and random order are the
 * same agents in the same order whether the group scans its few READY members or keeps an index per strategy while it
 * has many, and through every switch between the two.
 */
class ReadyByOrderTest {

    private static final Set<RoutingStrategy> ORDERED = EnumSet.of(RoutingStrategy.SKILL_LEVEL, RoutingStrategy.ROUND_ROBIN,
            RoutingStrategy.FEWEST_CALLS, RoutingStrategy.LEAST_TALK_TIME, RoutingStrategy.LINEAR,
            RoutingStrategy.RANDOM);

    @Test
    void theOrderIsTheSameWhetherTheGroupScansOrKeepsAnIndex() {
        Group group = new Group("sales");
        List<Agent> agents = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            Agent agent = new Agent(new AgentConfig("a" + i, null, "PJSIP/" + i, List.of(new Skill("sales", 1))));
            agent.order = i;
            agent.memberships = new Agent.Membership[] {new Agent.Membership(agent, group, 1 + i % 3)};
            agent.state = AgentState.NOT_READY;
            group.members.add(agent);
            group.count(agent.memberships[0], agent.state, 1);
            agents.add(agent);
        }
        // two indexes exist before any agent is READY, the others are built on the way, in either mode
        group.readyAgents(RoutingStrategy.ROUND_ROBIN);
        group.readyAgents(RoutingStrategy.SKILL_LEVEL);

        Random random = new Random(11);
        long now = 1_000;
        int keptStarted = 0;
        int keptDropped = 0;
        boolean kept = false;
        for (int step = 0; step < 20_000; step++) {
            now += random.nextInt(3);
            // mostly towards READY for the first half, then mostly away, so the count crosses both thresholds often
            boolean towardsReady = random.nextInt(100) < (step / 500 % 2 == 0 ? 80 : 10);
            Agent agent = agents.get(random.nextInt(agents.size()));
            if (towardsReady && agent.state == AgentState.NOT_READY) {
                // keys change only while the agent is out of the ready indexes
                agent.lastOfferSeq = random.nextInt(50) - 1;
                agent.answered = random.nextInt(5);
                agent.talkMillis = random.nextInt(4) * 1000L;
                move(group, agent, AgentState.READY, now);
            } else if (!towardsReady && agent.state == AgentState.READY) {
                move(group, agent, AgentState.NOT_READY, now);
            }
            if (step == 3_000) {
                group.readyAgents(RoutingStrategy.FEWEST_CALLS);
                group.readyAgents(RoutingStrategy.LEAST_TALK_TIME);
                group.readyAgents(RoutingStrategy.LINEAR);
                group.readyAgents(RoutingStrategy.RANDOM);
            }
            boolean keptNow = ((ReadyByOrder) group.readyAgents(RoutingStrategy.ROUND_ROBIN)).keeps();
            if (keptNow != kept) {
                if (keptNow) {
                    keptStarted++;
                } else {
                    keptDropped++;
                }
                kept = keptNow;
            }
            for (RoutingStrategy strategy : ORDERED) {
                ReadyIndex index = group.builtReadyIndex(strategy);
                if (index != null) {
                    assertMatchesTheStrategysOrder(group, agents, strategy, index, step);
                }
            }
        }
        assertThat(keptStarted).as("times the indexes were started").isGreaterThan(10);
        assertThat(keptDropped).as("times the indexes were dropped").isGreaterThan(10);
    }

    private static void move(Group group, Agent agent, AgentState to, long now) {
        group.count(agent.memberships[0], agent.state, -1);
        agent.state = to;
        if (to == AgentState.READY) {
            agent.readySince = now;
        }
        group.count(agent.memberships[0], agent.state, 1);
    }

    private static void assertMatchesTheStrategysOrder(Group group, List<Agent> agents, RoutingStrategy strategy,
            ReadyIndex index, int step) {
        Comparator<Agent> order = (a, b) -> StrategyOrder.compare(strategy, a, group, b, group);
        List<Agent> expected = agents.stream().filter(Agent::offerable).sorted(order).toList();
        String what = strategy + " at step " + step;
        index.checkStructure(what);
        assertThat(index.size()).as(what).isEqualTo(expected.size());
        assertThat(index.first()).as(what).isEqualTo(expected.isEmpty() ? null : expected.getFirst());
        List<Agent> inOrder = new ArrayList<>();
        index.forEach(inOrder::add);
        assertThat(inOrder).as(what).isEqualTo(expected);
        if (!expected.isEmpty()) {
            int middle = expected.size() / 2;
            assertThat(index.get(middle)).as(what).isSameAs(expected.get(middle));
        }
        for (Agent a : agents) {
            assertThat(index.contains(a.memberships[0])).as(what + ", " + a).isEqualTo(a.offerable());
        }
    }
}
