package dev.hotline.acd.model;

import java.util.List;
import java.util.Objects;

/**
 * Everything the routing engine is configured with. Immutable: a live change is a new {@code CentreConfig} handed to
 * the engine, which moves waiting calls and agents over without losing any.
 *
 * <p>The engine trusts it to be consistent (every id named exists, no duplicates); the server's loader checks that
 * and reports every problem with file and line before a config ever reaches the engine.
 */
public record CentreConfig(
        CentreSettings settings,
        List<NumberRoute> numbers,
        List<BusinessType> businessTypes,
        List<QueueConfig> queues,
        List<SkillGroup> groups,
        List<AgentConfig> agents,
        List<BlacklistEntry> blacklist,
        VipPolicy vipPolicy,
        List<VipEntry> vips) {

    public CentreConfig {
        Objects.requireNonNull(settings, "settings");
        numbers = List.copyOf(numbers);
        businessTypes = List.copyOf(businessTypes);
        queues = List.copyOf(queues);
        groups = List.copyOf(groups);
        agents = List.copyOf(agents);
        blacklist = List.copyOf(blacklist);
        Objects.requireNonNull(vipPolicy, "vipPolicy");
        vips = List.copyOf(vips);
    }
}
