package dev.hotline.acd.model;

import java.util.List;
import java.util.Objects;

/**
 * An agent the centre knows. Whether the agent is logged in and ready is runtime state, not configuration.
 *
 * @param id       stable identifier (usually the agent's login number)
 * @param name     display name
 * @param endpoint where calls are put through to, in Asterisk's terms (e.g. {@code PJSIP/1001})
 * @param skills   the groups the agent serves, with levels
 */
public record AgentConfig(String id, String name, String endpoint, List<Skill> skills) {
    public AgentConfig {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
        Objects.requireNonNull(endpoint, "endpoint");
        skills = List.copyOf(skills);
    }
}
