package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.Skill;
import dev.hotline.acd.model.SkillGroup;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentsFileTest {
    @TempDir
    Path dir;
    ConfigFixture config;

    @BeforeEach
    void smallValidCentre() {
        config = new ConfigFixture(dir);
    }

    @Test
    void groupsAndAgentsWithTheirSkillsAreRead() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                    name: Sales A
                agents:
                  - id: 1001
                    name: Wang Fang
                    endpoint: PJSIP/1001
                    skills: {sales-a: 9}
                """);

        assertThat(config.valid().groups()).containsExactly(new SkillGroup("sales-a", "Sales A"));
        assertThat(config.valid().agents()).containsExactly(
                new AgentConfig("1001", "Wang Fang", "PJSIP/1001", List.of(new Skill("sales-a", 9))));
    }

    @Test
    void aCentreOfFortyThousandAgentsIsReadThoughItsFileIsOverSnakeYamlsDefaultThreeMegabytes() {
        StringBuilder agents = new StringBuilder("groups:\n  - id: sales-a\nagents:\n");
        for (int i = 0; i < 40_000; i++) {
            agents.append("  - id: \"").append(100_000 + i).append("\"\n    name: Agent ").append(i)
                    .append(" of the evening shift\n    endpoint: PJSIP/").append(100_000 + i)
                    .append("\n    skills: {sales-a: 5}\n");
        }
        assertThat(agents.length()).isGreaterThan(3 * 1024 * 1024);
        config.with("agents.yaml", agents.toString());

        assertThat(config.valid().agents()).hasSize(40_000)
                .last().isEqualTo(new AgentConfig("139999", "Agent 39999 of the evening shift", "PJSIP/139999",
                        List.of(new Skill("sales-a", 5))));
    }

    @Test
    void aSkillGroupIdUsedTwiceIsReported() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                  - id: sales-a
                agents: []
                """);

        assertThat(config.problems()).containsExactly(
                "agents.yaml:3:9: groups[sales-a].id: duplicate skill group id 'sales-a' (first at line 2)");
    }

    @Test
    void anIdLongerThanSixtyFourCharactersIsReported() {
        String longId = "sales-" + "x".repeat(59);
        config.with("agents.yaml", "groups:\n  - id: " + longId + "\nagents: []\n");

        assertThat(config.problems()).contains("agents.yaml:2:9: groups[" + longId + "].id: skill group id '"
                + longId.substring(0, 20) + "...' is 65 characters long: an id is at most 64 (it names the skill group"
                + " in logs, reports and the API)");
    }

    @Test
    void anIdWithASpaceOrAnInvisibleCharacterIsReportedWithItWrittenOut() {
        config.with("agents.yaml", """
                groups:
                  - id: "sales\u200b-a"
                  - id: "sales b"
                agents: []
                """);

        assertThat(config.problems()).contains(
                "agents.yaml:2:9: groups[sales\u200b-a].id: skill group id 'sales\\u200b-a' holds a space or an "
                        + "invisible character: an id is one word of visible characters",
                "agents.yaml:3:9: groups[sales b].id: skill group id 'sales b' holds a space or an invisible "
                        + "character: an id is one word of visible characters");
    }

    @Test
    void anIdRefusedWhereItIsDeclaredIsNotAlsoReportedAsUnknownWhereItIsNamed() {
        config.with("agents.yaml", """
                groups:
                  - id: "sales a"
                agents:
                  - id: "1001"
                    endpoint: PJSIP/1001
                    skills: {"sales a": 5}
                """).with("queues.yaml", """
                queues:
                  - id: sales
                    groups: ["sales a"]
                """);

        assertThat(config.problems()).containsExactly("agents.yaml:2:9: groups[sales a].id: skill group id 'sales a' "
                + "holds a space or an invisible character: an id is one word of visible characters");
    }

    @Test
    void anAgentIdOrEndpointUsedTwiceIsReported() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                agents:
                  - id: "1001"
                    endpoint: PJSIP/1001
                    skills: {sales-a: 5}
                  - id: "1001"
                    endpoint: PJSIP/1002
                    skills: {sales-a: 5}
                  - id: "1003"
                    endpoint: PJSIP/1001
                    skills: {sales-a: 5}
                  - id: "1004"
                    endpoint: pjsip/1001
                    skills: {sales-a: 5}
                """);

        assertThat(config.problems()).containsExactly(
                "agents.yaml:7:9: agents[1001].id: duplicate agent id '1001' (first at line 4)",
                "agents.yaml:11:15: agents[1003].endpoint: duplicate endpoint 'PJSIP/1001' (first at line 5)",
                "agents.yaml:14:15: agents[1004].endpoint: duplicate endpoint 'pjsip/1001' (first at line 5)");
    }

    @Test
    void skillLevelsRunFromOneToTen() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                  - id: sales-b
                agents:
                  - id: "1001"
                    endpoint: PJSIP/1001
                    skills: {sales-a: 0, sales-b: 11}
                """);

        assertThat(config.problems()).containsExactly(
                "agents.yaml:7:23: agents[1001].skills.sales-a: skill level must be from 1 to 10, got 0",
                "agents.yaml:7:35: agents[1001].skills.sales-b: skill level must be from 1 to 10, got 11");
    }

    @Test
    void anAgentWithoutSkillsCannotBeOfferedAnyCall() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                agents:
                  - id: "1001"
                    endpoint: PJSIP/1001
                    skills: {}
                """);

        assertThat(config.problems()).containsExactly("agents.yaml:6:13: agents[1001].skills: an agent needs at "
                + "least one skill: a skill group with a level from 1 to 10");
    }

    @Test
    void anAgentsSkillMustBeAKnownGroup() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                agents:
                  - id: "1001"
                    endpoint: PJSIP/1001
                    skills: {sales-a: 5, sales-c: 5}
                """);

        assertThat(config.problems()).containsExactly(
                "agents.yaml:6:26: agents[1001].skills.sales-c: unknown skill group 'sales-c' (known: sales-a)");
    }

    @Test
    void aGroupWrittenWithACyrillicLetterThatLooksLatinIsPointedOutWhereItIsUnknown() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                  - id: \u043Everflow
                agents:
                  - id: "1001"
                    endpoint: PJSIP/1001
                    skills: {overflow: 5}
                """);

        assertThat(config.problems()).containsExactly("agents.yaml:7:14: agents[1001].skills.overflow: unknown skill "
                + "group 'overflow' (known: sales-a, \u043Everflow); '\u043Everflow' looks the same but is written with U+043E "
                + "at position 1");
    }

    @Test
    void skillsAreAMapOfGroupToLevel() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                agents:
                  - id: "1001"
                    endpoint: PJSIP/1001
                    skills: [sales-a]
                """);

        assertThat(config.problems()).containsExactly("agents.yaml:6:13: agents[1001].skills: expected a map of "
                + "skill group to level (e.g. {sales-tea: 5}), got a list");
    }

    /** One agent, 1001 of group sales-a, with {@code endpoint}. */
    private void withEndpoint(String endpoint) {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                agents:
                  - id: "1001"
                    endpoint: "%s"
                    skills: {sales-a: 5}
                """.formatted(endpoint));
    }

    @Test
    void anEndpointIsAnAsteriskDevice() {
        withEndpoint("1001");

        assertThat(config.problems()).containsExactly("agents.yaml:5:15: agents[1001].endpoint: endpoint '1001' "
                + "is not an Asterisk device: write TECH/resource, e.g. PJSIP/1001");

        withEndpoint("PJSIP/\uFF11\uFF10\uFF10\uFF12");
        assertThat(config.problems()).containsExactly("agents.yaml:5:15: agents[1001].endpoint: endpoint "
                + "'PJSIP/\uFF11\uFF10\uFF10\uFF12' is not an Asterisk device: write TECH/resource, e.g. PJSIP/1001 "
                + "(ASCII letters, digits and punctuation only)");
    }
}
