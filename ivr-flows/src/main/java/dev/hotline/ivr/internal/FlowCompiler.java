package dev.hotline.ivr.internal;

import dev.cel.common.types.CelType;
import dev.cel.common.types.SimpleType;
import dev.hotline.ivr.Flow;
import dev.hotline.ivr.FlowError;
import dev.hotline.ivr.LookupSource;
import dev.hotline.ivr.Node;
import dev.hotline.ivr.VarType;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads a whole set of flows: parses each, checks the graph of every flow and the calls between them, builds each
 * flow's variable environment and compiles its expressions. All problems of all flows are reported at once.
 */
public final class FlowCompiler {
    private static final Set<CelType> ANY_SCALAR = Set.of(SimpleType.STRING, SimpleType.INT, SimpleType.DOUBLE,
            SimpleType.BOOL);

    private final List<FlowError> errors = new ArrayList<>();
    private final Map<String, Flow> flows = new LinkedHashMap<>();
    private final Map<String, List<Map<String, String>>> tables = new HashMap<>();
    /** Tables that are there but could not be read: their problem is said once, not again by each source. */
    private final Set<String> unreadableTables = new HashSet<>();
    private final Map<String, Map<String, VarType>> ownVariables = new HashMap<>();
    private final Map<String, Map<String, VarType>> environments = new HashMap<>();

    private FlowCompiler() {
    }

    /** The outcome of compiling: the flows by name when {@code errors} is empty. */
    public record Result(Map<String, CompiledFlow> flows, List<FlowError> errors) {
    }

    /**
     * @param flowTexts  flow YAML texts by source name (file name)
     * @param tableTexts lookup table texts by the name sources use (e.g. "tables/orders.csv")
     */
    public static Result compile(Map<String, String> flowTexts, Map<String, String> tableTexts) {
        return new FlowCompiler().run(new TreeMap<>(flowTexts), new TreeMap<>(tableTexts));
    }

    private Result run(Map<String, String> flowTexts, Map<String, String> tableTexts) {
        tableTexts.forEach((name, text) -> Tables.read(name, text, errors).ifPresentOrElse(
                rows -> tables.put(name, rows), () -> unreadableTables.add(name)));
        Map<String, List<Flow>> byName = new LinkedHashMap<>();
        flowTexts.forEach((source, text) -> FlowParser.parse(text, new Problems(source, errors)).ifPresent(
                flow -> byName.computeIfAbsent(flow.name(), name -> new ArrayList<>()).add(flow)));
        byName.forEach((name, named) -> {
            // of two files with one flow name, the one named after it is the flow (a copy is the mistake), so the
            // other flows are checked against it and the problem is said of the copy
            Flow kept = named.stream().filter(f -> baseName(f.source()).equals(name)).findFirst()
                    .orElse(named.getFirst());
            flows.put(name, kept);
            named.stream().filter(f -> f != kept).forEach(copy -> errors.add(new FlowError(copy.source(),
                    Optional.empty(), Optional.of("flow"), "flow name '" + name + "' is already used by "
                    + kept.source())));
        });
        for (Flow flow : flows.values()) {
            checkGraph(flow, new Problems(flow.source(), errors));
        }
        checkSubflowCalls();
        for (Flow flow : flows.values()) {
            ownVariables.put(flow.name(), ownVariables(flow, new Problems(flow.source(), errors)));
        }
        Map<String, CompiledFlow> compiled = new LinkedHashMap<>();
        for (Flow flow : flows.values()) {
            Problems problems = new Problems(flow.source(), errors);
            Map<String, VarType> environment = environment(flow, new HashSet<>(), problems);
            Expressions expressions = new Expressions(environment, flow.constants().keySet());
            Map<String, CompiledFlow.NodeExprs> exprs = new HashMap<>();
            for (Node node : flow.nodes().values()) {
                problems.inNode(node.id());
                exprs.put(node.id(), compileNode(node, expressions, environment, problems));
            }
            compiled.put(flow.name(), new CompiledFlow(flow, exprs, indexTables(flow, problems), environment));
        }
        // Per file, problems stay in the order found (form, then graph, then expressions).
        List<FlowError> byFile = new ArrayList<>(errors);
        byFile.sort(java.util.Comparator.comparing(FlowError::source));
        return new Result(errors.isEmpty() ? compiled : Map.of(), List.copyOf(byFile));
    }

    private static String baseName(String source) {
        int dot = source.lastIndexOf('.');
        return dot < 0 ? source : source.substring(0, dot);
    }

    // ---- the graph of one flow ------------------------------------------------------------------------------

    private void checkGraph(Flow flow, Problems problems) {
        Map<String, Node> nodes = flow.nodes();
        // nodes written in the file that could not be read (an unknown type): their own problem says why, and a
        // reference to one is no second problem
        Set<String> unread = new HashSet<>();
        errors.stream().filter(e -> e.source().equals(flow.source())).forEach(e -> e.node()
                .filter(id -> !nodes.containsKey(id)).ifPresent(unread::add));
        boolean[] broken = {!unread.isEmpty()};
        if (!flow.start().isEmpty() && !nodes.containsKey(flow.start())) {
            broken[0] = true;
            if (!unread.contains(flow.start())) {
                problems.addAt("start", "start node '" + flow.start() + "' does not exist");
            }
        }
        flow.agentEscape().ifPresent(escape -> {
            if (!escape.target().isEmpty() && !nodes.containsKey(escape.target())) {
                broken[0] = true;
                if (!unread.contains(escape.target())) {
                    problems.addAt("agent-escape.target", "agent-escape target '" + escape.target()
                            + "' does not exist");
                }
            }
        });
        for (Node node : nodes.values()) {
            node.exits().forEach((exit, target) -> {
                if (!target.isEmpty() && !nodes.containsKey(target)) {
                    broken[0] = true;
                    if (!unread.contains(target)) {
                        problems.addForNode(node.id(), "exit '" + exit + "' leads to unknown node '" + target + "'");
                    }
                } else if (target.isEmpty() && requiresExit(node)) {
                    problems.addForNode(node.id(), "missing key '" + keyOfExit(node, exit) + "' (where callers go "
                            + "next)");
                }
            });
            checkNode(flow, node, problems);
        }
        // behind a broken link every later node looks unreachable: one problem, not a screenful; a node that really
        // is unreachable is said once the link is mended
        if (!broken[0]) {
            reportUnreachable(flow, problems);
        }
        reportLoopsWithoutInput(flow, problems);
    }

    private static boolean requiresExit(Node node) {
        return !(node instanceof Node.Menu) && !(node instanceof Node.Collect) && !(node instanceof Node.Branch)
                && !(node instanceof Node.Lookup);
    }

    /** The node's type as a flow file writes it. */
    private static String typeOf(Node node) {
        return switch (node) {
            case Node.SetVariables ignored -> "set";
            case Node.LanguageChoice ignored -> "language";
            default -> node.getClass().getSimpleName().toLowerCase(java.util.Locale.ROOT);
        };
    }

    private static String keyOfExit(Node node, String exit) {
        return node instanceof Node.Goto ? "target" : exit;
    }

    private void checkNode(Flow flow, Node node, Problems problems) {
        switch (node) {
            case Node.Menu menu -> {
                flow.agentEscape().ifPresent(escape -> {
                    if (menu.agentEscape() && menu.options().containsKey(escape.key())) {
                        problems.addForNode(node.id(), "option '" + escape.key() + "' hides the flow's agent escape "
                                + "key; use another key or set agent-escape: false on this menu");
                    }
                });
                menu.onHangUp().filter(t -> flow.nodes().containsKey(t) && !(flow.nodes().get(t) instanceof Node.Hangup))
                        .ifPresent(t -> problems.addForNode(node.id(), "on-hang-up '" + t + "' is a "
                                + typeOf(flow.nodes().get(t)) + " node: it names the hangup node whose disposition "
                                + "(and self-service) a caller hanging up here ends with"));
            }
            case Node.Subflow call -> {
                Flow callee = flows.get(call.flow());
                if (callee == null) {
                    problems.addForNode(node.id(), "subflow '" + call.flow() + "' does not exist");
                } else if (!callee.subflow()) {
                    problems.addForNode(node.id(), "flow '" + call.flow() + "' is not a subflow (mark it "
                            + "subflow: true and end it with return nodes)");
                }
            }
            case Node.Return ignored -> {
                if (!flow.subflow()) {
                    problems.addForNode(node.id(), "a return node belongs in a subflow (this flow is not marked "
                            + "subflow: true)");
                }
            }
            case Node.Lookup lookup -> checkLookup(flow, lookup, problems);
            case Node.Say say -> {
                if (say.as() == Node.SayAs.MONEY && !say.currency().isEmpty()
                        && !say.currency().matches("[a-z]{3}")) {
                    problems.addForNode(node.id(), "currency '" + say.currency() + "': expected an ISO code in "
                            + "lower case such as cny or usd (it names the prompts money/cny-major, ...)");
                }
            }
            case Node.LanguageChoice choice -> {
                if (!choice.defaultLanguage().isEmpty() && !choice.options().containsValue(choice.defaultLanguage())) {
                    problems.addForNode(node.id(), "default language '" + choice.defaultLanguage()
                            + "' is not one of the options " + choice.options().values());
                }
            }
            default -> {
            }
        }
    }

    private void checkLookup(Flow flow, Node.Lookup lookup, Problems problems) {
        LookupSource source = flow.sources().get(lookup.source());
        if (source == null) {
            if (!lookup.source().isEmpty()) {
                problems.addForNode(lookup.id(), "source '" + lookup.source() + "' is not declared under sources "
                        + "(declared: " + String.join(", ", flow.sources().keySet()) + ")");
            }
            return;
        }
        switch (source) {
            case LookupSource.Table table -> {
                if (lookup.key().isEmpty()) {
                    problems.addForNode(lookup.id(), "missing key 'key' (the expression matched against column '"
                            + table.keyColumn() + "' of " + table.table() + ")");
                }
                if (!lookup.parameters().isEmpty()) {
                    problems.addForNode(lookup.id(), "key 'parameters' is for HTTP sources; table source '"
                            + table.name() + "' takes a 'key'");
                }
            }
            case LookupSource.Http http -> {
                if (lookup.key().isPresent()) {
                    problems.addForNode(lookup.id(), "key 'key' is for table sources; HTTP source '" + http.name()
                            + "' takes 'parameters'");
                }
            }
        }
    }

    private static void reportUnreachable(Flow flow, Problems problems) {
        Set<String> reached = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.add(flow.start());
        flow.agentEscape().ifPresent(escape -> {
            if (flow.nodes().values().stream().anyMatch(n -> n instanceof Node.Menu m && m.agentEscape()
                    || n instanceof Node.Collect)) {
                todo.add(escape.target());
            }
        });
        while (!todo.isEmpty()) {
            String id = todo.pop();
            Node node = flow.nodes().get(id);
            if (node != null && reached.add(id)) {
                todo.addAll(node.exits().values());
            }
        }
        for (String id : flow.nodes().keySet()) {
            if (!reached.contains(id)) {
                problems.addForNode(id, "unreachable: no path from start node '" + flow.start() + "' leads here");
            }
        }
    }

    /**
     * A cycle through nodes that never wait for the caller (play, say, branch, set, goto, ...) would run forever
     * without the caller doing anything; it is rejected whatever its conditions, because they cannot be proven false.
     */
    private static void reportLoopsWithoutInput(Flow flow, Problems problems) {
        Map<String, Integer> state = new HashMap<>();
        for (String id : flow.nodes().keySet()) {
            findLoop(flow, id, state, new ArrayList<>(), problems);
        }
    }

    private static void findLoop(Flow flow, String id, Map<String, Integer> state, List<String> path,
                                 Problems problems) {
        Node node = flow.nodes().get(id);
        if (node == null || node.waitsForCaller()) {
            return;
        }
        Integer seen = state.get(id);
        if (seen != null && seen == 2) {
            return;
        }
        if (seen != null) {
            List<String> loop = new ArrayList<>(path.subList(path.indexOf(id), path.size()));
            loop.add(id);
            problems.addForNode(id, "loop without caller input: " + String.join(" -> ", loop)
                    + " (add a menu or collect to the loop)");
            return;
        }
        state.put(id, 1);
        path.add(id);
        for (String target : new LinkedHashSet<>(node.exits().values())) {
            findLoop(flow, target, state, path, problems);
        }
        path.removeLast();
        state.put(id, 2);
    }

    // ---- calls between flows and variable environments -----------------------------------------------------

    private void checkSubflowCalls() {
        for (Flow flow : flows.values()) {
            Deque<String> chain = new ArrayDeque<>();
            chain.add(flow.name());
            if (callsItself(flow, chain, new HashSet<>())) {
                errors.add(new FlowError(flow.source(), Optional.empty(), "subflows call each other in a circle: "
                        + String.join(" -> ", chain) + " (a call stack without bound)"));
            }
        }
    }

    private boolean callsItself(Flow flow, Deque<String> chain, Set<String> done) {
        for (Node node : flow.nodes().values()) {
            if (node instanceof Node.Subflow call && flows.containsKey(call.flow()) && done.add(call.flow())) {
                chain.add(call.flow());
                if (call.flow().equals(chain.getFirst())
                        || callsItself(flows.get(call.flow()), chain, done)) {
                    return true;
                }
                chain.removeLast();
            }
        }
        return false;
    }

    /** A flow's own variables: declared ones, and collect and lookup targets (string and record). */
    private Map<String, VarType> ownVariables(Flow flow, Problems problems) {
        Map<String, VarType> own = new LinkedHashMap<>();
        flow.variables().forEach((name, type) -> declare(own, name, type, null, "declared", problems));
        for (Node node : flow.nodes().values()) {
            switch (node) {
                case Node.Menu menu when menu.into().isPresent() ->
                        declare(own, menu.into().get(), VarType.STRING, node.id(), "menu into", problems);
                case Node.Collect collect when !collect.into().isEmpty() ->
                        declare(own, collect.into(), VarType.STRING, node.id(), "collect into", problems);
                case Node.Lookup lookup when !lookup.into().isEmpty() ->
                        declare(own, lookup.into(), VarType.RECORD, node.id(), "lookup into", problems);
                default -> {
                }
            }
        }
        for (String constant : flow.constants().keySet()) {
            if (own.containsKey(constant) || Expressions.BUILT_INS.containsKey(constant)) {
                problems.addForNode(null, "constant '" + constant + "' has the name of a variable");
            }
        }
        return own;
    }

    /**
     * The variables a session of {@code flow} can hold: its own and those of the subflows it calls, transitively
     * (one scope per session, so the same name must have the same type everywhere).
     */
    private Map<String, VarType> environment(Flow flow, Set<String> visiting, Problems problems) {
        Map<String, VarType> known = environments.get(flow.name());
        if (known != null) {
            return known;
        }
        Map<String, VarType> environment = new LinkedHashMap<>(ownVariables.get(flow.name()));
        visiting.add(flow.name());
        for (Node node : flow.nodes().values()) {
            if (node instanceof Node.Subflow call && flows.containsKey(call.flow()) && !visiting.contains(call.flow())) {
                Flow callee = flows.get(call.flow());
                environment(callee, visiting, new Problems(callee.source(), errors)).forEach((name, type) ->
                        declare(environment, name, type, node.id(), "subflow '" + call.flow() + "'", problems));
            }
        }
        visiting.remove(flow.name());
        environments.put(flow.name(), environment);
        return environment;
    }

    private static void declare(Map<String, VarType> environment, String name, VarType type, String node, String how,
                                Problems problems) {
        if (Expressions.BUILT_INS.containsKey(name)) {
            problems.addForNode(node, "variable '" + name + "' (" + how + ") has the name of a built-in "
                    + "(" + String.join(", ", new java.util.TreeSet<>(Expressions.BUILT_INS.keySet())) + ")");
            return;
        }
        VarType previous = environment.putIfAbsent(name, type);
        if (previous != null && previous != type) {
            problems.addForNode(node, "variable '" + name + "' (" + how + ") is " + type.name().toLowerCase()
                    + " here but " + previous.name().toLowerCase() + " elsewhere in the flow"
                    + (type == VarType.STRING && how.startsWith("collect")
                    ? ": keys collected are text; declare it string and convert where it is used (int(" + name
                    + "))" : ""));
        }
    }

    // ---- expressions ----------------------------------------------------------------------------------------

    private CompiledFlow.NodeExprs compileNode(Node node, Expressions x, Map<String, VarType> env, Problems p) {
        return switch (node) {
            case Node.Say say -> new CompiledFlow.NodeExprs(
                    x.value(say.value(), "value", sayTypes(say.as()), p), Optional.empty(), List.of());
            case Node.Branch branch -> new CompiledFlow.NodeExprs(Optional.empty(), Optional.empty(),
                    branch.rules().stream().flatMap(r -> x.condition(r.when(), "condition", p).stream()).toList());
            case Node.SetVariables set -> {
                List<Expr> items = new ArrayList<>();
                set.assignments().forEach((name, text) -> {
                    VarType type = env.get(name);
                    if (type == null) {
                        p.add("variable '" + name + "' is not declared under variables (declared: "
                                + String.join(", ", new java.util.TreeSet<>(env.keySet())) + ")");
                    } else {
                        x.value(text, "value of '" + name + "'", Set.of(Expressions.celType(type)), p)
                                .ifPresent(items::add);
                    }
                });
                yield new CompiledFlow.NodeExprs(Optional.empty(), Optional.empty(), items);
            }
            case Node.Lookup lookup -> new CompiledFlow.NodeExprs(
                    lookup.key().flatMap(k -> x.value(k, "key", Set.of(SimpleType.STRING), p)), Optional.empty(),
                    attach(lookup.parameters(), "parameter", x, p));
            case Node.Queue queue -> new CompiledFlow.NodeExprs(Optional.empty(),
                    queue.business().flatMap(b -> x.value(b, "business", Set.of(SimpleType.STRING), p)),
                    attach(queue.attach(), "attach", x, p));
            case Node.Voicemail mail -> new CompiledFlow.NodeExprs(Optional.empty(), Optional.empty(),
                    attach(mail.attach(), "attach", x, p));
            case Node.Callback callback -> new CompiledFlow.NodeExprs(
                    x.value(callback.number(), "number", Set.of(SimpleType.STRING), p),
                    callback.business().flatMap(b -> x.value(b, "business", Set.of(SimpleType.STRING), p)),
                    attach(callback.attach(), "attach", x, p));
            case Node.Hangup hangup -> {
                hangup.record().stream().filter(v -> !env.containsKey(v)).forEach(v ->
                        p.add("record: variable '" + v + "' is not a variable of this flow"));
                yield CompiledFlow.NodeExprs.NONE;
            }
            default -> CompiledFlow.NodeExprs.NONE;
        };
    }

    private static Set<CelType> sayTypes(Node.SayAs as) {
        return switch (as) {
            case NUMBER -> Set.of(SimpleType.INT);
            case DIGITS -> Set.of(SimpleType.STRING);
            case MONEY, DECIMAL -> Set.of(SimpleType.STRING, SimpleType.INT, SimpleType.DOUBLE);
            case DATE, TIME, DATE_AND_TIME -> Set.of(SimpleType.TIMESTAMP);
        };
    }

    private static List<Expr> attach(Map<String, String> entries, String what, Expressions x, Problems p) {
        List<Expr> items = new ArrayList<>();
        entries.forEach((key, text) -> x.value(text, what + " '" + key + "'", ANY_SCALAR, p).ifPresent(items::add));
        return items;
    }

    private Map<String, Map<String, Map<String, String>>> indexTables(Flow flow, Problems problems) {
        Map<String, Map<String, Map<String, String>>> indexed = new HashMap<>();
        problems.inNode(null);
        for (LookupSource source : flow.sources().values()) {
            if (source instanceof LookupSource.Table table) {
                List<Map<String, String>> rows = tables.get(table.table());
                if (rows == null && unreadableTables.contains(table.table())) {
                    continue;
                }
                if (rows == null) {
                    problems.addAt("sources." + table.name() + ".table", "source '" + table.name() + "': table '"
                            + table.table() + "' was not found (tables: "
                            + String.join(", ", new java.util.TreeSet<>(tables.keySet())) + ")");
                    continue;
                }
                Map<String, Map<String, String>> byKey = new HashMap<>();
                int rowNumber = 0;
                for (Map<String, String> row : rows) {
                    rowNumber++;
                    String key = row.get(table.keyColumn());
                    if (key == null) {
                        problems.addAt("sources." + table.name() + ".key", "source '" + table.name() + "': row "
                                + rowNumber + " of " + table.table() + " has no column '" + table.keyColumn() + "'");
                        break;
                    }
                    // several rows a key (a customer's orders): the first is found, so an export lists newest first
                    byKey.putIfAbsent(key, row);
                }
                indexed.put(table.name(), byKey);
            }
        }
        return indexed;
    }
}
