package dev.hotline.server.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.Skill;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a reload says it changed in the centre: agents, queues, groups and numbers added or removed, by id. */
class ConfigChangesTest {
    private static final CentreConfig SHIPPED = ((ConfigResult.Valid) ConfigLoader.load(
            Path.of(System.getProperty("hotline.config.dir", "../config")))).config();

    @Test
    void theSameConfigurationChangesNothing() {
        assertThat(ConfigChanges.between(SHIPPED, SHIPPED)).isEmpty();
    }

    @Test
    void anAgentAddedAndOneRemovedAreNamed() {
        List<AgentConfig> agents = new ArrayList<>(SHIPPED.agents());
        AgentConfig removed = agents.removeFirst();
        agents.add(new AgentConfig("1013", "Zhou Lin", "PJSIP/1013", List.of(new Skill("after-sales", 5))));
        CentreConfig after = new CentreConfig(SHIPPED.settings(), SHIPPED.numbers(), SHIPPED.businessTypes(),
                SHIPPED.queues(), SHIPPED.groups(), agents, SHIPPED.blacklist(), SHIPPED.vipPolicy(), SHIPPED.vips());

        assertThat(ConfigChanges.between(SHIPPED, after)).containsExactly("agents added: 1013",
                "agents removed: " + removed.id());
    }
}
