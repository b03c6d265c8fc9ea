package dev.hotline.ivr;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One IVR flow as written in its YAML file (see docs/ivr.md for the language).
 *
 * @param name        the flow's name, used by number routes and subflow nodes
 * @param source      the name the text was loaded under, used in messages
 * @param subflow     whether the flow is a reusable piece, entered only from subflow nodes and left by return nodes
 * @param start       the first node
 * @param agentEscape the flow-wide "press 0 for an agent" key, available in every menu that does not turn it off
 * @param constants   named text values conditions may use (e.g. the business type of the after-sales queue)
 * @param variables   the declared variables and their types
 * @param sources     lookup sources by name
 * @param calendar    time zone and holidays for calendar conditions
 * @param maxSteps    the most inputs a session may take before the caller is handed to an agent (callers lost in
 *                    menus)
 * @param nodes       the nodes by id, in file order
 */
public record Flow(String name, String source, boolean subflow, String start, Optional<AgentEscape> agentEscape,
                   Map<String, String> constants, Map<String, VarType> variables, Map<String, LookupSource> sources,
                   BusinessCalendar calendar, int maxSteps, Map<String, Node> nodes) {
    public Flow {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(agentEscape, "agentEscape");
        constants = Map.copyOf(constants);
        variables = Map.copyOf(variables);
        sources = Map.copyOf(sources);
        Objects.requireNonNull(calendar, "calendar");
        nodes = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(nodes));
    }

    /**
     * The key that takes a caller to a person from any menu.
     *
     * @param key    the key, usually "0"
     * @param target the node it leads to (typically a queue node)
     */
    public record AgentEscape(String key, String target) {
        public AgentEscape {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(target, "target");
        }
    }
}
