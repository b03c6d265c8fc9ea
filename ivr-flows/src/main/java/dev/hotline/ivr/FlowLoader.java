package dev.hotline.ivr;

import dev.hotline.ivr.internal.FlowCompiler;

import java.util.Map;

/**
 * Loads and validates flows from their texts. Reading files is the caller's job: pass the contents of config/ivr/
 * (flows by file name, tables by the name sources use, such as "tables/orders.csv").
 *
 * <p>Every flow is checked: form (unknown keys, missing keys, bad values), unknown node targets, unreachable nodes,
 * menus without timeout or invalid-input handling, collects without a bound, expressions that do not type-check or
 * name unknown variables, missing or circular subflows, loops without caller input, unknown lookup sources and
 * tables. All problems of all flows come back at once; nothing is loaded unless everything is valid, so a bad flow on
 * reload leaves the running set in place.
 */
public final class FlowLoader {
    private FlowLoader() {
    }

    /**
     * @param flows  flow YAML texts by source name (the file name, used in messages)
     * @param tables lookup table texts (CSV with a header row or a YAML list) by the name sources use
     */
    public static FlowLoadResult load(Map<String, String> flows, Map<String, String> tables) {
        FlowCompiler.Result result = FlowCompiler.compile(flows, tables);
        return result.errors().isEmpty()
                ? new FlowLoadResult.Loaded(new FlowSet(result.flows(), tables))
                : new FlowLoadResult.Rejected(result.errors());
    }
}
