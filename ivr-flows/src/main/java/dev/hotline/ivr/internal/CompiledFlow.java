package dev.hotline.ivr.internal;

import dev.hotline.ivr.Flow;
import dev.hotline.ivr.Node;
import dev.hotline.ivr.VarType;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated flow ready to run: its nodes, their compiled expressions, its tables indexed by key and the types of
 * every variable a session of it can hold (its own and those of the subflows it calls). Immutable.
 */
public final class CompiledFlow {
    private final Flow flow;
    private final Map<String, NodeExprs> exprs;
    private final Map<String, Map<String, Map<String, String>>> tables;
    private final Map<String, VarType> variables;
    private final Map<String, Pattern> patterns = new HashMap<>();
    private final Map<String, Object> initialVariables;

    CompiledFlow(Flow flow, Map<String, NodeExprs> exprs, Map<String, Map<String, Map<String, String>>> tables,
                 Map<String, VarType> variables) {
        this.flow = flow;
        this.exprs = Map.copyOf(exprs);
        this.tables = Map.copyOf(tables);
        this.variables = Map.copyOf(variables);
        Map<String, Object> initial = new HashMap<>();
        variables.forEach((name, type) -> initial.put(name, switch (type) {
            case STRING -> "";
            case INT -> 0L;
            case DOUBLE -> 0.0;
            case BOOL -> false;
            case RECORD -> Map.of();
        }));
        this.initialVariables = Map.copyOf(initial);
        for (Node node : flow.nodes().values()) {
            if (node instanceof Node.Collect collect && collect.pattern().isPresent()) {
                patterns.put(collect.id(), Pattern.compile(collect.pattern().get()));
            }
        }
    }

    /** Whether an entry matches a collect node's pattern (true when it has none). */
    public boolean matchesPattern(String nodeId, String entry) {
        Pattern pattern = patterns.get(nodeId);
        return pattern == null || pattern.matcher(entry).matches();
    }

    public Flow flow() {
        return flow;
    }

    public Node node(String id) {
        Node node = flow.nodes().get(id);
        if (node == null) {
            throw new IllegalStateException("flow '" + flow.name() + "' has no node '" + id + "'");
        }
        return node;
    }

    public NodeExprs exprs(String nodeId) {
        return exprs.getOrDefault(nodeId, NodeExprs.NONE);
    }

    /** The row of a table source whose key column equals {@code key}. */
    public Optional<Map<String, String>> tableRow(String source, String key) {
        return Optional.ofNullable(tables.getOrDefault(source, Map.of()).get(key));
    }

    /** Every variable at its default (so an expression never meets an unset variable). */
    public Map<String, Object> initialVariables() {
        return initialVariables;
    }

    /** Every variable a session of this flow can hold, with its type. */
    public Map<String, VarType> variables() {
        return variables;
    }

    /**
     * The compiled expressions of one node.
     *
     * @param main   say: value; lookup (table): key; callback: number
     * @param second queue and callback: business type
     * @param items  branch: rule conditions; set: assignments; lookup (HTTP): parameters; queue, voicemail, callback:
     *               attached data - in file order
     */
    public record NodeExprs(Optional<Expr> main, Optional<Expr> second, List<Expr> items) {
        static final NodeExprs NONE = new NodeExprs(Optional.empty(), Optional.empty(), List.of());

        public NodeExprs {
            items = List.copyOf(items);
        }
    }
}
