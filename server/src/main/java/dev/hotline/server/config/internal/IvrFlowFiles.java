package dev.hotline.server.config.internal;

import dev.hotline.ivr.Flow;
import dev.hotline.ivr.FlowError;
import dev.hotline.ivr.FlowLoadResult;
import dev.hotline.ivr.FlowLoader;
import dev.hotline.ivr.FlowSet;
import dev.hotline.ivr.LookupSource;
import dev.hotline.ivr.Node;
import dev.hotline.server.config.ConfigProblem;
import dev.hotline.server.config.internal.YamlNode.Mark;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads the IVR flows of a configuration directory: every {@code ivr/*.yaml} is a flow, every file in
 * {@code ivr/tables/} a lookup table the flows may name as {@code tables/<file>}. The flows' own validation
 * (ivr-flows) reports its problems here as configuration problems, so {@code hotline validate} shows all at once,
 * and each flow declares its name for the references numbers and treatments make to it.
 */
public final class IvrFlowFiles {
    /** The folder, within the configuration directory, that holds the flows. */
    public static final String FOLDER = "ivr";
    private static final String TABLES = "tables";
    /** Words of a parameter name that say a secret: a PIN, a password or passcode, a one-time code, a card's CVV. */
    private static final Set<String> SECRET_WORDS = Set.of("pin", "pins", "pass", "pwd", "otp", "cvv", "cvc");
    /** Parts that say a secret wherever they stand in a name written all in one case ({@code userpassword}). */
    private static final java.util.regex.Pattern SECRET_PARTS = java.util.regex.Pattern.compile(
            "password|passwd|passcode|passphrase|secret|pincode|pinnumber|^otp|(cvv|cvc)[0-9]*$"
                    + "|(card|new|old|atm|user|account|acct|sms|bank|phone|tel|login)pins?$");

    private IvrFlowFiles() {
    }

    /** The flows; empty when a flow or table is broken (every problem then reported). No folder means no flows. */
    public static Optional<FlowSet> read(Path configDir, LoadContext ctx) {
        Path folder = configDir.resolve(FOLDER);
        if (!Files.exists(folder) && !Files.isSymbolicLink(folder)) {
            return load(Map.of(), Map.of(), ctx);
        }
        Optional<String> notAFolder = FileKind.notAFolder(folder);
        if (notAFolder.isPresent()) {
            // said once: the flows it should hold would each be "unknown" where a number or queue names them
            ctx.problems().add(new ConfigProblem(FOLDER, 0, 0, "", notAFolder.get() + " (the folder of IVR flows)"));
            ctx.ids().unreadable(Ids.Kind.IVR_FLOW);
            return Optional.empty();
        }
        Map<String, String> flows = new TreeMap<>();
        Map<String, String> tables = new TreeMap<>();
        boolean readable = texts(folder, "", flows, ctx) & texts(folder.resolve(TABLES), TABLES + "/", tables, ctx);
        if (!readable) {
            ctx.ids().unreadable(Ids.Kind.IVR_FLOW);
            return Optional.empty();
        }
        return load(flows, tables, ctx);
    }

    private static Optional<FlowSet> load(Map<String, String> flows, Map<String, String> tables, LoadContext ctx) {
        // each flow's tree, read once: for the rules of every file, then for the places of its problems
        Map<String, YamlNode> trees = new HashMap<>();
        Set<String> broken = new HashSet<>();
        flows.forEach((name, text) -> followsEveryFileRules(FOLDER + "/" + name, text, true, ctx)
                .ifPresentOrElse(tree -> trees.put(name, tree), () -> broken.add(name)));
        tables.forEach((name, text) -> {
            if (!name.endsWith(".csv") && followsEveryFileRules(FOLDER + "/" + name, text, false, ctx).isEmpty()) {
                broken.add(name);
            }
        });
        return switch (FlowLoader.load(flows, tables)) {
            case FlowLoadResult.Loaded loaded when !broken.isEmpty() -> {
                ctx.ids().unreadable(Ids.Kind.IVR_FLOW);
                yield Optional.empty();
            }
            case FlowLoadResult.Loaded loaded -> {
                // in name order: the set's own order changes from run to run, and the "known:" hints follow it
                for (String name : new java.util.TreeSet<>(loaded.flows().names())) {
                    if (loaded.flows().flow(name).orElseThrow().subflow()) {
                        // a subflow ends in return nodes: a call started in one would have nowhere to return to
                        ctx.ids().unusable(Ids.Kind.IVR_FLOW, name, "is a subflow (subflow: true): it runs only "
                                + "from subflow nodes of other flows, so a number or treatment cannot start it");
                    } else {
                        // declared at its file's flow key, so a problem with the name (too long) has its line
                        Flow flow = loaded.flows().flow(name).orElseThrow();
                        Mark at = Optional.ofNullable(trees.get(flow.source()))
                                .flatMap(t -> t.placeOf(List.of("flow"))).orElse(new Mark(0, 0));
                        ctx.ids().declare(Ids.Kind.IVR_FLOW, name, new Where(FOLDER + "/" + flow.source(), at, "flow"),
                                ctx.problems());
                    }
                }
                referBusinessTypes(loaded.flows(), trees, ctx);
                QueueHoursKeys.refer(loaded.flows(), trees, ctx);
                warnOfSecretsInUrls(loaded.flows(), trees, ctx);
                warnOfMenusWithoutAPerson(loaded.flows(), trees, ctx);
                warnOfCalendarsRunOut(loaded.flows(), trees, ctx);
                warnOfPromptsWithExtensions(loaded.flows(), trees, ctx);
                yield Optional.of(loaded.flows());
            }
            case FlowLoadResult.Rejected rejected -> {
                // A rejected set declares nothing: references to its flows would only repeat the real problems.
                ctx.ids().unreadable(Ids.Kind.IVR_FLOW);
                // a flow file that is no map of keys (a list, nothing) says its own one problem, like a broken one
                Set<String> noFlow = new HashSet<>();
                trees.forEach((file, tree) -> {
                    if (!(tree instanceof YamlNode.MapNode map) || map.entries().isEmpty()) {
                        noFlow.add(file);
                    }
                });
                Set<String> unreadable = new HashSet<>(broken);
                unreadable.addAll(noFlow);
                Set<String> unsaid = runningBroken(unreadable, trees);
                unsaid.removeAll(noFlow);
                for (FlowError e : rejected.errors()) {
                    if (unsaid.contains(e.source())) {
                        // a broken file's one problem is said above, and what follows from it, in it or in the
                        // flows that run it as a subflow (a subflow "missing", its variables undeclared), would
                        // only bury it
                        continue;
                    }
                    String file = FOLDER + "/" + e.source();
                    Optional<YamlNode> tree = Optional.ofNullable(trees.get(e.source()));
                    List<String> path = e.node().map(n -> List.of("nodes", n))
                            .or(() -> e.key().map(k -> List.of(k.split("\\."))))
                            .orElse(List.of());
                    Mark at = tree.flatMap(t -> t.placeOf(path)).orElse(new Mark(0, 0));
                    ctx.problems().add(new ConfigProblem(file, at.line(), at.column(), String.join(".", path),
                            e.message()));
                }
                yield Optional.empty();
            }
        };
    }

    /**
     * The broken files and the flows that run one of them as a subflow, directly or through another such flow: a
     * broken file's flow is taken to be named after its file, as flows are.
     */
    private static Set<String> runningBroken(Set<String> broken, Map<String, YamlNode> trees) {
        Set<String> unsaid = new HashSet<>(broken);
        Set<String> missing = new HashSet<>();
        broken.forEach(file -> missing.add(baseName(file)));
        boolean grew = !missing.isEmpty();
        while (grew) {
            grew = false;
            for (Map.Entry<String, YamlNode> file : trees.entrySet()) {
                if (!unsaid.contains(file.getKey()) && runsAnyOf(file.getValue(), missing)) {
                    unsaid.add(file.getKey());
                    missing.add(flowName(file.getValue()).orElse(baseName(file.getKey())));
                    grew = true;
                }
            }
        }
        return unsaid;
    }

    /** Whether one of the flow's nodes is a subflow node naming one of {@code flows}. */
    private static boolean runsAnyOf(YamlNode flow, Set<String> flows) {
        if (!(flow instanceof YamlNode.MapNode map)
                || !(map.entry("nodes").map(YamlNode.Entry::value).orElse(null) instanceof YamlNode.MapNode nodes)) {
            return false;
        }
        for (YamlNode.Entry node : nodes.entries()) {
            if (node.value() instanceof YamlNode.MapNode fields
                    && text(fields, "type").filter("subflow"::equals).isPresent()
                    && text(fields, "flow").filter(flows::contains).isPresent()) {
                return true;
            }
        }
        return false;
    }

    private static Optional<String> flowName(YamlNode flow) {
        return flow instanceof YamlNode.MapNode map ? text(map, "flow") : Optional.empty();
    }

    private static Optional<String> text(YamlNode.MapNode map, String key) {
        return map.entry(key).map(YamlNode.Entry::value).filter(YamlNode.Scalar.class::isInstance)
                .map(v -> ((YamlNode.Scalar) v).text().strip());
    }

    private static String baseName(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    /**
     * The rules every configuration file follows (docs/configuration.md): one YAML document, no anchors or aliases,
     * no key written twice in one map. Said once, at its place; the file's tree, or empty when broken.
     */
    private static Optional<YamlNode> followsEveryFileRules(String file, String text, boolean flow,
                                                            LoadContext ctx) {
        YamlNode tree;
        try {
            tree = flow ? YamlTreeReader.readFlow(text) : YamlTreeReader.read(text);
        } catch (YamlTreeReader.SyntaxError e) {
            ctx.problems().add(new ConfigProblem(file, e.mark().line(), e.mark().column(), "", e.getMessage()));
            return Optional.empty();
        }
        return noKeyTwice(file, tree, "", ctx) ? Optional.of(tree) : Optional.empty();
    }

    private static boolean noKeyTwice(String file, YamlNode node, String path, LoadContext ctx) {
        boolean sound = true;
        switch (node) {
            case YamlNode.MapNode map -> {
                Map<String, YamlNode.Entry> seen = new HashMap<>();
                for (YamlNode.Entry entry : map.entries()) {
                    String at = path.isEmpty() ? entry.key() : path + "." + entry.key();
                    YamlNode.Entry first = seen.putIfAbsent(entry.key(), entry);
                    if (first != null) {
                        // a node copied and not renamed would silently replace the first
                        ctx.problems().add(new ConfigProblem(file, entry.keyMark().line(), entry.keyMark().column(),
                                at, "duplicate key '" + entry.key() + "' (first "
                                        + Fields.firstAt(first.keyMark(), entry.keyMark()) + ")"));
                        sound = false;
                    }
                    sound &= noKeyTwice(file, entry.value(), at, ctx);
                }
            }
            case YamlNode.ListNode list -> {
                for (int i = 0; i < list.items().size(); i++) {
                    sound &= noKeyTwice(file, list.items().get(i), path + "[" + i + "]", ctx);
                }
            }
            case YamlNode.Scalar scalar -> { }
        }
        return sound;
    }

    /**
     * The business types queue and callback nodes name as text, a quoted literal ({@code 'after-sales'}) or one of
     * the flow's constants, must be ones numbers.yaml defines: else every caller reaching the node would hear the busy
     * prompt. A business computed at call time (from a variable) can only be checked then.
     */
    private static void referBusinessTypes(FlowSet loaded, Map<String, YamlNode> trees, LoadContext ctx) {
        for (String name : loaded.names()) {
            Flow flow = loaded.flow(name).orElseThrow();
            Optional<YamlNode> tree = Optional.ofNullable(trees.get(flow.source()));
            for (Node node : flow.nodes().values()) {
                Optional<String> business = switch (node) {
                    case Node.Queue queue -> queue.business();
                    case Node.Callback callback -> callback.business();
                    default -> Optional.empty();
                };
                business.flatMap(expression -> named(expression.strip(), flow.constants())).ifPresent(type -> {
                    List<String> path = List.of("nodes", node.id(), "business");
                    Mark at = tree.flatMap(t -> t.placeOf(path)).orElse(new Mark(0, 0));
                    ctx.ids().refer(Ids.Kind.BUSINESS_TYPE, type,
                            new Where(FOLDER + "/" + flow.source(), at, String.join(".", path)));
                });
            }
        }
    }

    /**
     * Callers must always be able to reach a person (MISSION.md): in a flow that has a queue, a menu or digit entry
     * where the agent escape does not work and from which no option, failure or next step leads to a queue leaves its
     * callers no way to one. Valid (a closed line's goodbye menu is such a place, in a subflow of its own), but said
     * as a warning. Subflows are not looked into: their callers' way out is the calling flow's.
     */
    /**
     * A flow's own holidays all past: its {@code holiday} conditions are false from now on, as in a queue's calendar
     * nobody brought up to date for the new year ({@link HoursReader}).
     */
    private static void warnOfCalendarsRunOut(FlowSet loaded, Map<String, YamlNode> trees, LoadContext ctx) {
        for (String name : loaded.names()) {
            Flow flow = loaded.flow(name).orElseThrow();
            ZoneId zone = flow.calendar().zone();
            LocalDate today = LocalDate.ofInstant(ctx.asOf().in(zone), zone);
            flow.calendar().holidays().stream().max(Comparator.naturalOrder()).filter(last -> last.isBefore(today))
                    .ifPresent(last -> {
                        List<String> path = List.of("calendar", "holidays");
                        Mark at = Optional.ofNullable(trees.get(flow.source())).flatMap(t -> t.placeOf(path))
                                .orElse(new Mark(0, 0));
                        ctx.warnings().add(new ConfigProblem(FOLDER + "/" + flow.source(), at.line(), at.column(),
                                String.join(".", path), "every holiday listed is past (the last: " + last + "): the "
                                + "flow's holiday condition is false on the coming public holidays; list them"));
                    });
        }
    }

    private static void warnOfMenusWithoutAPerson(FlowSet loaded, Map<String, YamlNode> trees, LoadContext ctx) {
        for (String name : loaded.names()) {
            Flow flow = loaded.flow(name).orElseThrow();
            if (flow.subflow() || flow.nodes().values().stream().noneMatch(Node.Queue.class::isInstance)) {
                continue;
            }
            Optional<YamlNode> tree = Optional.ofNullable(trees.get(flow.source()));
            for (Node node : flow.nodes().values()) {
                boolean escapes = flow.agentEscape().isPresent()
                        && !(node instanceof Node.Menu menu && !menu.agentEscape());
                if ((node instanceof Node.Menu || node instanceof Node.Collect) && !escapes
                        && !reachesAQueue(flow, node.id())) {
                    List<String> path = List.of("nodes", node.id());
                    Mark at = tree.flatMap(t -> t.placeOf(path)).orElse(new Mark(0, 0));
                    ctx.warnings().add(new ConfigProblem(FOLDER + "/" + flow.source(), at.line(), at.column(),
                            String.join(".", path), "a caller here cannot reach a person: no option, failure or next "
                            + "step leads to a queue node, and " + (flow.agentEscape().isPresent()
                            ? "this menu turns the agent escape off" : "the flow has no agent-escape")));
                }
            }
        }
    }

    /** A prompt written with its sound file's extension, as the configuration files' prompts are checked. */
    private static void warnOfPromptsWithExtensions(FlowSet loaded, Map<String, YamlNode> trees, LoadContext ctx) {
        for (String name : new java.util.TreeSet<>(loaded.names())) {
            Flow flow = loaded.flow(name).orElseThrow();
            Optional<YamlNode> tree = Optional.ofNullable(trees.get(flow.source()));
            for (Node node : flow.nodes().values()) {
                Map<String, String> prompts = new java.util.LinkedHashMap<>();
                List<String> played = switch (node) {
                    case Node.Play n -> n.prompts();
                    case Node.Menu n -> n.prompts();
                    case Node.Collect n -> n.prompts();
                    case Node.Queue n -> n.prompts();
                    case Node.Voicemail n -> n.prompts();
                    case Node.LanguageChoice n -> n.prompts();
                    case Node.Hangup n -> n.prompts();
                    default -> List.of();
                };
                for (int i = 0; i < played.size(); i++) {
                    prompts.put("prompts[" + i + "]", played.get(i));
                }
                if (node instanceof Node.Menu m) {
                    m.invalidPrompt().ifPresent(p -> prompts.put("invalid-prompt", p));
                    m.timeoutPrompt().ifPresent(p -> prompts.put("timeout-prompt", p));
                } else if (node instanceof Node.Collect c) {
                    c.invalidPrompt().ifPresent(p -> prompts.put("invalid-prompt", p));
                    c.timeoutPrompt().ifPresent(p -> prompts.put("timeout-prompt", p));
                }
                prompts.forEach((key, prompt) -> {
                    List<String> path = List.of("nodes", node.id(), key);
                    Mark at = tree.flatMap(t -> t.placeOf(path)).orElse(new Mark(0, 0));
                    PromptNames.check(prompt, new Where(FOLDER + "/" + flow.source(), at, String.join(".", path)),
                            ctx);
                });
            }
        }
    }

    private static boolean reachesAQueue(Flow flow, String from) {
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(from));
        while (!todo.isEmpty()) {
            Node node = flow.nodes().get(todo.pop());
            if (node == null || !seen.add(node.id())) {
                continue;
            }
            if (node instanceof Node.Queue) {
                return true;
            }
            todo.addAll(node.exits().values());
        }
        return false;
    }

    /**
     * A lookup that sends a PIN, a password or a one-time code to an HTTP source asked with GET puts it in the URL,
     * where web servers and proxies log it: valid, but said as a warning, with {@code method: post} as the cure.
     */
    private static void warnOfSecretsInUrls(FlowSet loaded, Map<String, YamlNode> trees, LoadContext ctx) {
        for (String name : loaded.names()) {
            Flow flow = loaded.flow(name).orElseThrow();
            Optional<YamlNode> tree = Optional.ofNullable(trees.get(flow.source()));
            for (Node node : flow.nodes().values()) {
                if (!(node instanceof Node.Lookup lookup)
                        || !(flow.sources().get(lookup.source()) instanceof LookupSource.Http http)) {
                    continue;
                }
                boolean inUrl = http.method() == LookupSource.HttpMethod.GET;
                boolean inClear = http.url().regionMatches(true, 0, "http://", 0, 7);
                for (Map.Entry<String, String> sent : lookup.parameters().entrySet()) {
                    String parameter = sent.getKey();
                    // by its name or by what it sends: "code: pin" and "credentials: account + ':' + pin" alike
                    boolean secret = secret(parameter) || Stream.of(sent.getValue().split("[^A-Za-z0-9_]+"))
                            .anyMatch(word -> !word.isEmpty() && secret(word));
                    if (secret && (inUrl || inClear)) {
                        List<String> path = List.of("nodes", node.id(), "parameters", parameter);
                        Mark at = tree.flatMap(t -> t.placeOf(path)).orElse(new Mark(0, 0));
                        ctx.warnings().add(new ConfigProblem(FOLDER + "/" + flow.source(), at.line(), at.column(),
                                String.join(".", path), inUrl
                                ? "parameter '" + parameter + "' goes in the URL of source '" + lookup.source()
                                + "' (method get), where web servers and proxies log it: give the source method: "
                                + "post to send it in the body"
                                : "parameter '" + parameter + "' goes to source '" + lookup.source() + "' over plain "
                                + "http://, readable by anyone on the network between: give the source an https:// "
                                + "url"));
                    }
                }
            }
        }
    }

    /**
     * Whether the name says a secret: one of its words ({@code card_pin}, {@code pinCode}, {@code PIN}, {@code pin1})
     * or a telling part of a name in one case ({@code userpassword}, {@code cardpin}, {@code otpcode}), and not
     * words that merely hold the letters ({@code shipping}, {@code spinner}, {@code pinyin}, {@code option}).
     */
    static boolean secret(String parameterName) {
        for (String word : parameterName.split("[^A-Za-z0-9]+|(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Za-z])(?=[0-9])")) {
            if (SECRET_WORDS.contains(word.toLowerCase(java.util.Locale.ROOT))) {
                return true;
            }
        }
        for (String word : parameterName.split("[^A-Za-z0-9]+")) {
            if (SECRET_PARTS.matcher(word.toLowerCase(java.util.Locale.ROOT)).find()) {
                return true;
            }
        }
        return false;
    }

    /** The text a business expression always gives: a quoted literal without escapes, or a constant's value. */
    static Optional<String> named(String expression, Map<String, String> constants) {
        if (expression.length() >= 2 && (expression.charAt(0) == '\'' || expression.charAt(0) == '"')
                && expression.charAt(expression.length() - 1) == expression.charAt(0)) {
            String inside = expression.substring(1, expression.length() - 1);
            return inside.indexOf(expression.charAt(0)) < 0 && inside.indexOf('\\') < 0 ? Optional.of(inside)
                    : Optional.empty();
        }
        return Optional.ofNullable(constants.get(expression));
    }

    /** Adds the folder's regular files ({@code .yaml} only for flows) to {@code into}; false if one is unreadable. */
    private static boolean texts(Path folder, String prefix, Map<String, String> into, LoadContext ctx) {
        if (!Files.isDirectory(folder)) {
            return true;
        }
        boolean flowsOnly = prefix.isEmpty();
        boolean readable = true;
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                String name = file.getFileName().toString();
                String lower = name.toLowerCase(java.util.Locale.ROOT);
                // a folder among the tables is not one (an archive kept beside them); among the flows, a folder
                // named as a flow file is one that cannot be read
                if (flowsOnly && !(lower.endsWith(".yaml") || lower.endsWith(".yml"))
                        || !flowsOnly && Files.isDirectory(file)) {
                    continue;
                }
                Optional<String> notAFile = FileKind.notAFile(file);
                if (notAFile.isPresent()) {
                    ctx.problems().add(new ConfigProblem(FOLDER + "/" + prefix + name, 0, 0, "", notAFile.get()));
                    readable = false;
                    continue;
                }
                Optional<String> text = readText(file, FOLDER + "/" + prefix + name, ctx);
                text.ifPresent(t -> into.put(prefix + name, t));
                readable &= text.isPresent();
            }
        } catch (IOException e) {
            ctx.problems().add(new ConfigProblem(FOLDER + "/" + prefix, 0, 0, "", "cannot be listed: " + e));
            return false;
        }
        return readable;
    }

    private static Optional<String> readText(Path file, String shown, LoadContext ctx) {
        try {
            return Optional.of(Files.readString(file));
        } catch (CharacterCodingException e) {
            ctx.problems().add(new ConfigProblem(shown, 0, 0, "", "is not UTF-8 text"));
        } catch (IOException e) {
            ctx.problems().add(new ConfigProblem(shown, 0, 0, "", "cannot be read: " + e));
        }
        return Optional.empty();
    }
}
