package dev.hotline.ivr.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hotline.ivr.BusinessCalendar;
import dev.hotline.ivr.Flow;
import dev.hotline.ivr.LookupSource;
import dev.hotline.ivr.Node;
import dev.hotline.ivr.VarType;

import java.io.IOException;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Turns one flow's YAML text into a {@link Flow}, reporting every problem of form (graph checks come later). */
public final class FlowParser {
    private static final YAMLMapper YAML = YamlReading.MAPPER;
    private static final Pattern ID = Pattern.compile("[A-Za-z][A-Za-z0-9_-]*");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern KEYS = Pattern.compile("[0-9*#]{1,8}");
    private static final Pattern KEY = Pattern.compile("[0-9*#]");
    private static final Duration DEFAULT_INTER_DIGIT = Duration.ofSeconds(3);
    private static final int DEFAULT_MAX_STEPS = 200;
    private static final String KINDS = "play, menu, collect, say, branch, set, lookup, queue, voicemail, callback, "
            + "goto, subflow, return, language, hangup";

    private final Problems problems;

    private FlowParser(Problems problems) {
        this.problems = problems;
    }

    /** Parses {@code text}; problems go to {@code problems}; empty when the text is not a flow at all. */
    static Optional<Flow> parse(String text, Problems problems) {
        return new FlowParser(problems).parse(text);
    }

    private Optional<Flow> parse(String text) {
        JsonNode root;
        try (JsonParser parser = YAML.createParser(text)) {
            root = YAML.readTree(parser);
            if (root != null && parser.nextToken() != null) {
                // Jackson would read the first and drop the rest without a word
                problems.add("a second YAML document starts at line " + parser.currentTokenLocation().getLineNr()
                        + ": a flow file holds one flow");
                return Optional.empty();
            }
        } catch (JsonProcessingException e) {
            String message = withoutEcho(e.getOriginalMessage());
            // an unquoted * begins a YAML alias: SnakeYAML says so in its own terms
            problems.add("not valid YAML: " + message + locationOf(e) + (message.contains("alias")
                    ? " (a * outside quotes starts a YAML alias: write \"*\")" : ""));
            return Optional.empty();
        } catch (IOException e) {
            // the text is in memory: only the parser's own failures end up here
            problems.add("not valid YAML: " + e.getMessage());
            return Optional.empty();
        }
        if (root == null || !root.isObject()) {
            problems.add("expected a mapping with keys flow, start and nodes, got " + Fields.describe(root));
            return Optional.empty();
        }
        Fields f = new Fields(root, "flow", problems);
        String name = f.text("flow", "the flow's name");
        f.optionalText("description");
        boolean subflow = f.bool("subflow", false);
        String start = f.text("start", "the first node");
        Optional<Flow.AgentEscape> escape = agentEscape(f.raw("agent-escape"));
        Map<String, String> constants = f.textMap("constants");
        constants.keySet().stream().filter(c -> !VARIABLE.matcher(c).matches())
                .forEach(c -> problems.addAt("constants." + c,
                        "constant '" + c + "': a name is a letter then letters, digits or _"));
        Map<String, VarType> variables = variables(f.textMap("variables"));
        Map<String, LookupSource> sources = sources(f.raw("sources"));
        BusinessCalendar calendar = calendar(f.raw("calendar"));
        int maxSteps = f.integer("max-steps", DEFAULT_MAX_STEPS, 1, 100_000);
        Map<String, Node> nodes = nodes(f.raw("nodes"));
        f.rejectUnknownKeys(Set.of());
        return Optional.of(new Flow(name, problems.source(), subflow, start, escape, constants, variables, sources,
                calendar, maxSteps, nodes));
    }

    /** SnakeYAML's message on one line: its own lines, without the echoed source and the caret under it. */
    private static String withoutEcho(String message) {
        return String.join(": ", message.lines().filter(l -> !l.isBlank() && !l.startsWith(" ")).toList());
    }

    private static String locationOf(JsonProcessingException e) {
        return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column "
                + e.getLocation().getColumnNr() + ")";
    }

    private Optional<Flow.AgentEscape> agentEscape(JsonNode value) {
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            problems.addAt("agent-escape",
                    "key 'agent-escape': expected a mapping with key and target, got " + Fields.describe(value));
            return Optional.empty();
        }
        Fields f = new Fields(value, "agent-escape", problems);
        String key = f.text("key", "the key callers press for an agent, usually \"0\"");
        String target = f.text("target", "the node that hands the caller to an agent");
        f.rejectUnknownKeys(Set.of());
        if (!key.isEmpty() && !KEY.matcher(key).matches()) {
            problems.addAt("agent-escape.key", "agent-escape key '" + key + "': expected one of 0-9, * or #");
        }
        return Optional.of(new Flow.AgentEscape(key, target));
    }

    private Map<String, VarType> variables(Map<String, String> declared) {
        Map<String, VarType> variables = new LinkedHashMap<>();
        declared.forEach((name, type) -> {
            if (!VARIABLE.matcher(name).matches()) {
                problems.addAt("variables." + name,
                        "variable '" + name + "': a name is a letter then letters, digits or _");
            }
            try {
                variables.put(name, VarType.valueOf(type.toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                problems.addAt("variables." + name, "variable '" + name + "': unknown type '" + type
                        + "' (expected string, int, double, bool or record)");
            }
        });
        return variables;
    }

    private Map<String, LookupSource> sources(JsonNode value) {
        Map<String, LookupSource> sources = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return sources;
        }
        if (!value.isObject()) {
            problems.addAt("sources",
                    "key 'sources': expected a mapping of source names, got " + Fields.describe(value));
            return sources;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String name = entry.getKey();
            if (!entry.getValue().isObject()) {
                problems.addAt("sources." + name, "source '" + name + "': expected a mapping with table or url, got "
                        + Fields.describe(entry.getValue()));
                continue;
            }
            Fields f = new Fields(entry.getValue(), "source", new PrefixedProblems(problems,
                    "source '" + name + "': ", "sources." + name));
            if (f.has("table") && f.has("url")) {
                problems.addAt("sources." + name, "source '" + name + "': a source is a table (table, key) or an "
                        + "HTTP endpoint (url, timeout, method), not both");
                continue;
            }
            if (f.has("table")) {
                String table = f.text("table", "");
                String key = f.text("key", "the column lookup keys are matched against");
                sources.put(name, new LookupSource.Table(name, table, key));
            } else if (f.has("url")) {
                String url = f.text("url", "");
                if (!url.startsWith("http://") && !url.startsWith("https://")) {
                    problems.addAt("sources." + name + ".url",
                            "source '" + name + "': url '" + url + "' is not an http:// or https:// address");
                }
                Optional<Duration> timeout = f.optionalDuration("timeout");
                if (timeout.isEmpty() && !f.has("timeout")) {
                    problems.addAt("sources." + name,
                            "source '" + name + "': an HTTP source needs a timeout (e.g. 2s) so a slow "
                            + "endpoint cannot keep callers waiting");
                }
                LookupSource.HttpMethod method = LookupSource.HttpMethod.GET;
                JsonNode written = f.raw("method");
                if (written != null && written.isNull()) {
                    // "method:" left blank would quietly mean get, and put a PIN in the URL
                    problems.addAt("sources." + name + ".method", "source '" + name + "': method has no value: "
                            + "write get (parameters in the URL) or post (parameters in a JSON body)");
                }
                Optional<String> asked = f.optionalText("method");
                if (asked.isPresent()) {
                    switch (asked.get().strip().toLowerCase(java.util.Locale.ROOT)) {
                        case "get" -> method = LookupSource.HttpMethod.GET;
                        case "post" -> method = LookupSource.HttpMethod.POST;
                        default -> problems.addAt("sources." + name + ".method", "source '" + name + "': method '"
                                + asked.get() + "' is not get (parameters in the URL) or post (parameters in a JSON "
                                + "body)");
                    }
                }
                sources.put(name, new LookupSource.Http(name, url, timeout.orElse(Duration.ofSeconds(2)), method));
            } else {
                problems.addAt("sources." + name,
                        "source '" + name + "': expected key 'table' (a shipped table) or 'url' (HTTP JSON)");
            }
            f.rejectUnknownKeys(Set.of());
        }
        return sources;
    }

    /** The years a calendar's holidays may fall in, as queues' opening hours take them. */
    private static final int FIRST_YEAR = 2000;
    private static final int LAST_YEAR = 2199;

    private BusinessCalendar calendar(JsonNode value) {
        if (value == null || value.isNull()) {
            return new BusinessCalendar(ZoneOffset.UTC, Set.of());
        }
        if (!value.isObject()) {
            problems.addAt("calendar",
                    "key 'calendar': expected a mapping with zone and holidays, got " + Fields.describe(value));
            return new BusinessCalendar(ZoneOffset.UTC, Set.of());
        }
        Fields f = new Fields(value, "calendar", new PrefixedProblems(problems, "calendar: ", "calendar"));
        ZoneId zone = ZoneOffset.UTC;
        String zoneName = f.text("zone", "the time zone conditions read the clock in, e.g. Asia/Shanghai");
        if (!zoneName.isEmpty()) {
            try {
                zone = ZoneId.of(zoneName);
            } catch (DateTimeException e) {
                problems.addAt("calendar.zone", "calendar: unknown time zone '" + zoneName + "'");
            }
        }
        if (value.has("holidays") && value.get("holidays").isNull()) {
            // every date commented out: "no value" would make the holiday condition false all year without a word
            problems.addAt("calendar.holidays", "calendar: holidays has no value: list the days (holidays: "
                    + "[2026-10-01, 2026-10-02]), write holidays: [] for none, or remove the key");
        }
        Set<LocalDate> holidays = new HashSet<>();
        for (String day : f.texts("holidays")) {
            try {
                LocalDate date = LocalDate.parse(day);
                if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
                    // a typo's year (0026, 2206): a holiday that would never come, silently
                    problems.addAt("calendar.holidays", "calendar: holiday '" + day + "' is not a date a calendar "
                            + "holds (years " + FIRST_YEAR + " to " + LAST_YEAR + "): check the year");
                } else {
                    holidays.add(date);
                }
            } catch (DateTimeException e) {
                problems.addAt("calendar.holidays", "calendar: holiday '" + day + "' is not a date such as 2025-10-01");
            }
        }
        f.rejectUnknownKeys(Set.of());
        return new BusinessCalendar(zone, holidays);
    }

    private Map<String, Node> nodes(JsonNode value) {
        Map<String, Node> nodes = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            problems.add("missing key 'nodes' (the flow's steps)");
            return nodes;
        }
        if (!value.isObject()) {
            problems.add("key 'nodes': expected a mapping of node ids, got " + Fields.describe(value));
            return nodes;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            String id = entry.getKey();
            problems.inNode(id);
            if (!ID.matcher(id).matches()) {
                problems.add("a node id is an ASCII letter then ASCII letters, digits, - or _ (it names the node "
                        + "in logs and reports), got '" + id + "'");
            }
            if (!entry.getValue().isObject()) {
                problems.add("expected a mapping with a type, got " + Fields.describe(entry.getValue()));
                continue;
            }
            node(id, entry.getValue()).ifPresent(n -> nodes.put(id, n));
        }
        problems.inNode(null);
        return nodes;
    }

    private Optional<Node> node(String id, JsonNode value) {
        JsonNode typeNode = value.get("type");
        if (typeNode == null || !typeNode.isTextual()) {
            problems.add("missing key 'type' (one of " + KINDS + ")");
            return Optional.empty();
        }
        String type = typeNode.asText();
        Fields f = new Fields(value, type, problems);
        Node node = switch (type) {
            case "play" -> new Node.Play(id, prompts(f, true), bargeIn(f), next(f));
            case "menu" -> menu(id, f);
            case "collect" -> collect(id, f);
            case "say" -> say(id, f);
            case "branch" -> branch(id, f);
            case "set" -> set(id, f);
            case "lookup" -> lookup(id, f);
            case "queue" -> queue(id, f);
            case "voicemail" -> new Node.Voicemail(id, prompts(f, false), f.text("mailbox", "whose messages these are"),
                    f.duration("max-duration", Duration.ofMinutes(2)), f.textMap("attach"), next(f),
                    f.optionalText("failed").orElse(""));
            case "callback" -> new Node.Callback(id, f.text("number", "an expression giving the number to call back"),
                    f.optionalText("business"), f.textMap("attach"), next(f),
                    f.optionalText("failed").orElse(""));
            case "goto" -> new Node.Goto(id, f.optionalText("target").orElse(""));
            case "subflow" -> new Node.Subflow(id, f.text("flow", "the subflow to run"), next(f));
            case "return" -> new Node.Return(id);
            case "language" -> language(id, f);
            case "hangup" -> new Node.Hangup(id, prompts(f, false), f.text("disposition", "why the call ended"),
                    f.bool("self-service", false), f.texts("record"));
            default -> {
                problems.add("unknown type '" + type + "' (expected one of " + KINDS + ")");
                yield null;
            }
        };
        if (node != null) {
            f.rejectUnknownKeys(Set.of("type"));
        }
        return Optional.ofNullable(node);
    }

    private List<String> prompts(Fields f, boolean required) {
        List<String> prompts = f.texts("prompts");
        if (required && prompts.isEmpty()) {
            problems.add("missing key 'prompts' (the sounds to play)");
        }
        return prompts;
    }

    private String bargeIn(Fields f) {
        String keys = f.optionalText("barge-in").orElse("");
        if (!keys.isEmpty() && !KEYS.matcher(keys).matches()) {
            problems.add("key 'barge-in': '" + keys + "' is not a set of keys 0-9, * and #");
        }
        return keys;
    }

    private Node queue(String id, Fields f) {
        if (f.has("skills")) {
            f.texts("skills");
            problems.add("key 'skills' is not a queue node's: the business type's queue and its skill groups decide "
                    + "who serves the call; to reach other agents, name their business type with 'business'");
        }
        return new Node.Queue(id, prompts(f, false), f.optionalText("business"),
                f.integer("priority-raise", 0, 0, 1000), f.textMap("attach"));
    }

    private Node menu(String id, Fields f) {
        List<String> prompts = prompts(f, true);
        Map<String, String> options = f.textMap("options");
        if (options.isEmpty()) {
            problems.add("missing key 'options' (the keys callers press and where each leads)");
        }
        options.keySet().stream().filter(k -> !KEYS.matcher(k).matches()).forEach(k ->
                problems.add("option '" + k + "': expected 1 to 8 keys of 0-9, * or # (quote * and # in YAML)"));
        Optional<Duration> timeout = f.optionalDuration("timeout");
        if (timeout.isEmpty() && !f.has("timeout")) {
            problems.add("menu has no timeout handling: add 'timeout' (e.g. 5s), how long to wait for a key");
        }
        String onFailure = f.optionalText("on-failure").orElse("");
        if (onFailure.isEmpty()) {
            problems.add("menu has no invalid-input handling: add 'on-failure', where callers go after the last "
                    + "invalid key or timeout");
        }
        return new Node.Menu(id, prompts, options, timeout.orElse(Duration.ofSeconds(5)),
                f.duration("inter-digit-timeout", DEFAULT_INTER_DIGIT), f.optionalText("invalid-prompt"),
                f.optionalText("timeout-prompt"), f.integer("retries", 2, 0, 9), onFailure,
                f.bool("agent-escape", true), variableName(f.optionalText("into")), f.optionalText("on-hang-up"));
    }

    /**
     * Where callers go after the node; its absence is reported by the graph check, which knows which nodes need one
     * (reporting it here too gave the admin the same problem twice).
     */
    private static String next(Fields f) {
        return f.optionalText("next").orElse("");
    }

    private Optional<String> variableName(Optional<String> name) {
        name.filter(n -> !VARIABLE.matcher(n).matches())
                .ifPresent(n -> problems.add("key 'into': '" + n + "' is not a variable name"));
        return name;
    }

    private Node collect(String id, Fields f) {
        List<String> prompts = prompts(f, true);
        int min = f.integer("min-digits", 1, 1, 64);
        int max = f.integer("max-digits", 0, 1, 64);
        if (!f.has("max-digits")) {
            problems.add("collect has no bound: add 'max-digits', the longest entry accepted");
        } else if (max > 0 && max < min) {
            problems.add("max-digits " + max + " is less than min-digits " + min);
        }
        JsonNode writtenTerminator = f.raw("terminator");
        if (writtenTerminator != null && writtenTerminator.isNull()) {
            // unquoted, YAML reads "terminator: #" as a key with a comment after it
            problems.add("key 'terminator' has no value: quote it, terminator: \"#\" (an unquoted # starts a "
                    + "YAML comment)");
        }
        String terminator = f.optionalText("terminator").orElse("");
        if (terminator.equals("*")) {
            // Asterisk's GET DATA ends an entry on # only: a caller pressing * would wait out the timeout
            problems.add("key 'terminator': only '#' can end an entry (Asterisk's GET DATA stops on # alone), got '*'");
        } else if (!terminator.isEmpty() && !terminator.equals("#")) {
            problems.add("key 'terminator': expected '#', got '" + terminator + "'");
        }
        Optional<Duration> timeout = f.optionalDuration("timeout");
        if (timeout.isEmpty() && !f.has("timeout")) {
            problems.add("collect has no timeout handling: add 'timeout' (e.g. 8s), how long to wait for a key");
        }
        // an invalid pattern is reported and left out of the node, which the compiled flow would otherwise compile
        Optional<String> pattern = f.optionalText("pattern").filter(p -> {
            try {
                Pattern.compile(p);
                return true;
            } catch (PatternSyntaxException e) {
                problems.add("key 'pattern': '" + p + "' is not a valid regular expression: " + e.getDescription()
                        + " at character " + (e.getIndex() + 1));
                return false;
            }
        });
        Node.CheckDigit check = Node.CheckDigit.NONE;
        Optional<String> checkName = f.optionalText("check");
        if (checkName.isPresent()) {
            if (checkName.get().equals("luhn")) {
                check = Node.CheckDigit.LUHN;
            } else {
                problems.add("key 'check': unknown check '" + checkName.get() + "' (expected luhn)");
            }
        }
        String into = f.text("into", "the string variable the entry is stored in");
        if (!into.isEmpty() && !VARIABLE.matcher(into).matches()) {
            problems.add("key 'into': '" + into + "' is not a variable name");
        }
        String onFailure = f.optionalText("on-failure").orElse("");
        if (onFailure.isEmpty()) {
            problems.add("collect has no invalid-input handling: add 'on-failure', where callers go after the last "
                    + "invalid entry or timeout");
        }
        return new Node.Collect(id, prompts, min, Math.max(max, 1), terminator, timeout.orElse(Duration.ofSeconds(5)),
                f.duration("inter-digit-timeout", DEFAULT_INTER_DIGIT), pattern, check, f.integer("retries", 2, 0, 9),
                f.optionalText("invalid-prompt"), f.optionalText("timeout-prompt"), into,
                f.text("next", "where callers go next"),
                onFailure);
    }

    private Node say(String id, Fields f) {
        String asName = f.text("as", "number, decimal, digits, money, date, time or date-and-time");
        Node.SayAs as = Node.SayAs.NUMBER;
        if (!asName.isEmpty()) {
            try {
                as = Node.SayAs.valueOf(asName.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                problems.add("key 'as': unknown '" + asName
                        + "' (expected number, decimal, digits, money, date, time or date-and-time)");
            }
        }
        String currency = f.optionalText("currency").orElse("");
        if (as == Node.SayAs.MONEY && currency.isEmpty()) {
            problems.add("missing key 'currency' (saying money needs the currency's prompts, e.g. cny)");
        } else if (as != Node.SayAs.MONEY && !currency.isEmpty()) {
            problems.add("key 'currency' is for 'as: money' only, and this node says " + f.optionalText("as")
                    .orElse("a number") + ": remove it, or say money");
        }
        return new Node.Say(id, as, f.text("value", "an expression giving what to say"), currency, bargeIn(f),
                next(f));
    }

    private Node branch(String id, Fields f) {
        JsonNode rulesNode = f.raw("rules");
        List<Node.Rule> rules = new java.util.ArrayList<>();
        if (rulesNode == null || !rulesNode.isArray() || rulesNode.isEmpty()) {
            problems.add("key 'rules': expected a list of {when, goto} rules");
        } else {
            int i = 0;
            for (JsonNode ruleNode : rulesNode) {
                i++;
                if (!ruleNode.isObject()) {
                    problems.add("rule " + i + ": expected a mapping with when and goto");
                    continue;
                }
                Fields rf = new Fields(ruleNode, "rule", new PrefixedProblems(problems, "rule " + i + ": ", null));
                rules.add(new Node.Rule(rf.text("when", "the condition"), rf.text("goto", "where the rule leads")));
                rf.rejectUnknownKeys(Set.of());
            }
        }
        return new Node.Branch(id, rules, f.text("otherwise", "where callers go when no rule matches"));
    }

    private Node set(String id, Fields f) {
        Map<String, String> assignments = f.textMap("values");
        if (assignments.isEmpty()) {
            problems.add(f.has("values") ? "key 'values' is empty: give at least one variable: expression pair"
                    : "missing key 'values' (variable: expression pairs)");
        }
        return new Node.SetVariables(id, assignments, next(f));
    }

    private Node lookup(String id, Fields f) {
        String source = f.text("source", "the lookup source's name, declared under sources");
        String into = f.text("into", "the record variable the result is stored in");
        if (!into.isEmpty() && !VARIABLE.matcher(into).matches()) {
            problems.add("key 'into': '" + into + "' is not a variable name");
        }
        String found = f.text("found", "where callers go when a record is found");
        String notFound = f.optionalText("not-found").orElse("");
        String failed = f.text("failed", "where callers go when the source fails or is slow");
        return new Node.Lookup(id, source, f.optionalText("key"), f.textMap("parameters"), into, found,
                notFound.isEmpty() ? failed : notFound, failed);
    }

    private Node language(String id, Fields f) {
        List<String> prompts = prompts(f, true);
        Map<String, String> options = f.textMap("options");
        if (options.isEmpty()) {
            problems.add("missing key 'options' (keys to languages, e.g. \"1\": zh)");
        }
        options.keySet().stream().filter(k -> !KEY.matcher(k).matches()).forEach(k ->
                problems.add("option '" + k + "': expected one key 0-9, * or # (quote * and # in YAML)"));
        String fallback = f.text("default", "the language callers who press nothing get");
        return new Node.LanguageChoice(id, prompts, options, fallback, f.duration("timeout", Duration.ofSeconds(5)),
                next(f));
    }

    /** Problems of a nested mapping, prefixed with where they are ("source 'orders': "). */
    private static final class PrefixedProblems extends Problems {
        private final Problems target;
        private final String prefix;
        /** Where the section is written in the flow's top level, or null for a part of a node. */
        private final String key;

        PrefixedProblems(Problems target, String prefix, String key) {
            super(target.source(), List.of());
            this.target = target;
            this.prefix = prefix;
            this.key = key;
        }

        @Override
        void add(String message) {
            if (key == null) {
                target.add(prefix + message);
            } else {
                target.addAt(key, prefix + message);
            }
        }

        @Override
        void addAtKey(String inner, String message) {
            if (key == null) {
                target.add(prefix + message);
            } else {
                target.addAt(key + "." + inner, prefix + message);
            }
        }
    }
}
