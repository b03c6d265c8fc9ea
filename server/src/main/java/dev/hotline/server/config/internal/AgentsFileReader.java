package dev.hotline.server.config.internal;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.Skill;
import dev.hotline.acd.model.SkillGroup;
import dev.hotline.server.config.DeviceNames;
import dev.hotline.server.config.internal.Fields.Item;
import dev.hotline.server.config.internal.YamlNode.Entry;
import dev.hotline.server.config.internal.YamlNode.MapNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads {@code agents.yaml}: the skill groups and the agents with their skills. */
public final class AgentsFileReader {
    private static final Set<String> FILE_KEYS = Fields.known("groups", "agents");
    private static final Set<String> GROUP_KEYS = Fields.known("id", "name");
    private static final Set<String> AGENT_KEYS = Fields.known("id", "name", "endpoint", "skills");
    /** Asterisk's dial string for a device: technology, slash, resource (PJSIP/1001, SIP/agent7, IAX2/desk). */
    /** TECH/resource in ASCII: Asterisk names devices so (a full-width 1002 would be a device nobody can dial). */
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z][A-Za-z0-9]*/[\\x21-\\x7E&&[^,|&]]+");

    /** What {@code agents.yaml} holds, every entry sound (unsound ones were reported and left out). */
    public record AgentsFile(List<SkillGroup> groups, List<AgentConfig> agents) {
    }

    private AgentsFileReader() {
    }

    public static AgentsFile read(Where top, YamlNode root, LoadContext ctx) {
        Optional<Fields> file = Fields.of(ctx.problems(), top, root, FILE_KEYS);
        if (file.isEmpty()) {
            return new AgentsFile(List.of(), List.of());
        }
        List<SkillGroup> groups = new ArrayList<>();
        for (Item item : file.get().requiredList("groups", "id")) {
            group(item, ctx).ifPresent(groups::add);
        }
        List<AgentConfig> agents = new ArrayList<>();
        FirstSeen<String> agentIds = new FirstSeen<>();
        FirstSeen<String> endpoints = new FirstSeen<>();
        for (Item item : file.get().requiredList("agents", "id")) {
            agent(item, ctx, agentIds, endpoints).ifPresent(agents::add);
        }
        return new AgentsFile(groups, agents);
    }

    private static Optional<SkillGroup> group(Item item, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), GROUP_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> id = f.requiredText("id");
        boolean unique = id.map(i -> ctx.ids().declare(Ids.Kind.SKILL_GROUP, i, f.at("id"), ctx.problems()))
                .orElse(false);
        Optional<String> name = f.text("name");
        if (!unique || f.has("name") && name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new SkillGroup(id.get(), name.orElse(null)));
    }

    private static Optional<AgentConfig> agent(Item item, LoadContext ctx, FirstSeen<String> agentIds,
                                               FirstSeen<String> endpoints) {
        Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), AGENT_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> id = f.requiredText("id");
        boolean unique = id.map(i -> agentIds.firstTime(i, f.at("id"), ctx.problems(), "agent id '" + i + "'"))
                .orElse(false);
        if (unique) {
            // for server.yaml's agent tokens, which name their agent
            ctx.ids().declare(Ids.Kind.AGENT, id.get(), f.at("id"), ctx.problems());
        }
        Optional<String> name = f.text("name");
        Optional<String> endpoint = f.requiredText("endpoint").filter(e -> soundEndpoint(e, f.at("endpoint"), ctx))
                // the technology in any case is one device: pjsip/1001 is PJSIP/1001's phone
                .filter(e -> endpoints.firstTime(DeviceNames.key(e), f.at("endpoint"), ctx.problems(),
                        "endpoint '" + e + "'"));
        Optional<List<Skill>> skills = f.required("skills").flatMap(n -> skills(f.at("skills"), n, ctx));
        if (!unique || endpoint.isEmpty() || skills.isEmpty() || f.has("name") && name.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AgentConfig(id.get(), name.orElse(null), endpoint.get(), skills.get()));
    }

    private static boolean soundEndpoint(String endpoint, Where at, LoadContext ctx) {
        if (ENDPOINT.matcher(endpoint).matches()) {
            return true;
        }
        ctx.problems().add(at, "endpoint '" + endpoint + "' is not an Asterisk device: write TECH/resource, e.g. "
                + "PJSIP/1001" + (endpoint.chars().anyMatch(c -> c > '~') ? " (ASCII letters, digits and punctuation only)"
                : ""));
        return false;
    }

    private static Optional<List<Skill>> skills(Where at, YamlNode node, LoadContext ctx) {
        if (!(node instanceof MapNode map)) {
            ctx.problems().add(at, "expected a map of skill group to level (e.g. {sales-tea: 5}), got " + node.describe());
            return Optional.empty();
        }
        if (map.entries().isEmpty()) {
            ctx.problems().add(at, "an agent needs at least one skill: a skill group with a level from "
                    + Skill.MIN_LEVEL + " to " + Skill.MAX_LEVEL);
            return Optional.empty();
        }
        List<Skill> skills = new ArrayList<>();
        boolean sound = true;
        for (Entry e : Fields.uniqueEntries(ctx.problems(), at, map).values()) {
            Where levelAt = at.key(e.key(), e.value().mark());
            ctx.ids().refer(Ids.Kind.SKILL_GROUP, e.key(), at.key(e.key(), e.keyMark()));
            Optional<Integer> level = Fields.integer(ctx.problems(), levelAt, e.value());
            if (level.isPresent() && (level.get() < Skill.MIN_LEVEL || level.get() > Skill.MAX_LEVEL)) {
                ctx.problems().add(levelAt, "skill level must be from " + Skill.MIN_LEVEL + " to " + Skill.MAX_LEVEL
                        + ", got " + level.get());
                level = Optional.empty();
            }
            if (level.isEmpty()) {
                sound = false;
            } else {
                skills.add(new Skill(e.key(), level.get()));
            }
        }
        return sound && skills.size() == map.entries().size() ? Optional.of(skills) : Optional.empty();
    }
}
