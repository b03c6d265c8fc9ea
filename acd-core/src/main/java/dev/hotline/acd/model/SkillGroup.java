package dev.hotline.acd.model;

import java.util.Objects;

/**
 * A group of agents with one skill (a product line, a language, VIP service). Agents belong to several groups, each
 * with a skill level.
 *
 * @param id   stable identifier
 * @param name display name
 */
public record SkillGroup(String id, String name) {
    public SkillGroup {
        Objects.requireNonNull(id, "id");
        name = name == null ? id : name;
    }
}
