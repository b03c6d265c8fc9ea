package dev.hotline.ivr;

import dev.hotline.ivr.internal.CompiledFlow;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated, immutable set of flows, as produced by {@link FlowLoader}. Running sessions keep the set they started
 * with; a reload produces a new set and only new sessions use it.
 */
public final class FlowSet {
    private final Map<String, CompiledFlow> flows;

    FlowSet(Map<String, CompiledFlow> flows) {
        this.flows = Map.copyOf(flows);
    }

    /** The names of all flows, subflows included. */
    public Set<String> names() {
        return flows.keySet();
    }

    /** A flow as written. */
    public Optional<Flow> flow(String name) {
        return Optional.ofNullable(flows.get(name)).map(CompiledFlow::flow);
    }

    CompiledFlow compiled(String name) {
        CompiledFlow flow = flows.get(name);
        if (flow == null) {
            throw new IllegalArgumentException("no flow named '" + name + "' (flows: " + names() + ")");
        }
        return flow;
    }
}
