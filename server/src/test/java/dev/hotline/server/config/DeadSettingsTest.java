package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Settings valid file by file that can never take effect together are warned about, with where they are. */
class DeadSettingsTest {
    @TempDir
    Path dir;
    ConfigFixture config;

    @BeforeEach
    void smallValidCentre() {
        config = new ConfigFixture(dir);
    }

    @Test
    void theFixtureHasNothingToWarnAbout() {
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aQueueNoAgentHasASkillForIsWarnedAbout() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    treatments: {closed: {overflow: nobody}}
                  - id: nobody
                    groups: [sales-b]
                """);

        assertThat(config.warnings()).containsExactly("queues.yaml:5:9: queues[nobody].id: queue 'nobody': no agent "
                + "of agents.yaml has a skill in the groups that serve it (sales-b), nor in those its steps add: "
                + "every call gets its no-agents treatment");
    }

    @Test
    void aQueueNoBusinessTypeLeadsToAndNoQueueOverflowsIntoReceivesNoCalls() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                  - id: forgotten
                    groups: [sales-a]
                """);

        assertThat(config.warnings()).containsExactly("queues.yaml:4:9: queues[forgotten].id: queue 'forgotten' "
                + "receives no calls: no business type of numbers.yaml leads to it and no queue overflows into it");
    }

    @Test
    void aStepThatAddsAGroupNobodyWorksInBringsNobody() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    escalation:
                      - after: 30s
                        name: help
                        addGroups: [sales-b]
                """);

        assertThat(config.warnings()).containsExactly("queues.yaml:2:9: queues[sales].id: queue 'sales': step 'help' "
                + "adds skill group 'sales-b', in which no agent of agents.yaml has a skill: the step brings nobody");
    }

    @Test
    void aWrapUpOfMinutesWrittenForSecondsIsWarnedAbout() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    wrapUp: 30m
                """);

        assertThat(config.warnings()).containsExactly("queues.yaml:2:9: queues[sales].id: queue 'sales': wrapUp 30m "
                + "keeps every agent from calls that long after each call (minutes written for seconds?)");
    }

    @Test
    void aGroupAStepAddsStaffsTheQueueAndReachesItsAgents() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-b]
                    escalation:
                      - after: 30s
                        addGroups: [sales-a]
                """);

        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void anAgentWhoseGroupsServeNoQueueIsNeverOfferedACall() {
        config.with("agents.yaml", ConfigFixture.AGENTS + """
                  - id: "1002"
                    endpoint: PJSIP/1002
                    skills: {sales-b: 5}
                """);

        assertThat(config.warnings()).containsExactly("agents.yaml:8:9: agents[1002].id: agent 1002 is never offered a "
                + "call: none of their groups (sales-b) serves a queue, is added by an escalation step or is the VIP "
                + "group");
    }

    @Test
    void aVipGroupNoAgentHasASkillInIsWarnedAbout() {
        config.with("centre.yaml", ConfigFixture.CENTRE + "vip: {group: sales-b, escalateAfter: 10s}\n");

        assertThat(config.warnings()).containsExactly("agents.yaml:3:9: groups[sales-b].id: skill group 'sales-b' is "
                + "the VIP group (centre.yaml vip) but no agent has a skill in it: every VIP caller waits "
                + "escalateAfter for nobody before the queue's groups may take the call");
    }

    @Test
    void queuesThatOverflowIntoOneAnotherAreWarnedAboutOnce() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    maxWaiting: 10
                    treatments:
                      full: {overflow: spare}
                  - id: spare
                    groups: [sales-a]
                    escalation:
                      - after: 60s
                        overflowTo: {overflow: sales}
                """);

        assertThat(config.warnings()).containsExactly("queues.yaml:2:9: queues[sales].id: queues sales -> spare -> "
                + "sales overflow into one another: a call that comes round to a queue it was in is refused with the "
                + "busy prompt instead (docs/routing.md), so give the last of them a treatment that ends the round "
                + "(voicemail, an IVR flow, a hang-up)");
    }

    @Test
    void aTreatmentForALimitTheQueueDoesNotSetIsNeverUsedAndWarnedAbout() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    treatments:
                      full: {voicemail: sales}
                      maxWait: {voicemail: sales}
                """);

        assertThat(config.warnings()).containsExactly(
                "queues.yaml:5:13: queues[sales].treatments.full: queue 'sales' has a full treatment but no "
                        + "maxWaiting: the queue is never full, so it is never used; give the queue a maxWaiting, or "
                        + "remove the treatment",
                "queues.yaml:6:16: queues[sales].treatments.maxWait: queue 'sales' has a maxWait treatment but no "
                        + "maxWait: no call ever waits the maximum, so it is never used; give the queue a maxWait, "
                        + "or remove the treatment");
    }

    @Test
    void aQueueThatNeverOpensIsWarnedAbout() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    hours:
                      weekly: {daily: []}
                """);

        assertThat(config.warnings()).containsExactly("queues.yaml:2:9: queues[sales].id: queue 'sales' never opens: "
                + "its hours list no open period, so every call gets its closed treatment");
    }
}
