package dev.hotline.server.config.internal;

import dev.hotline.acd.model.DialPattern;
import dev.hotline.bridge.agi.server.FastAgiSettings;
import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.CallbackSettings;
import dev.hotline.server.config.Durations;
import dev.hotline.server.config.NotReadyReasons;
import dev.hotline.server.config.ServerSettings;
import dev.hotline.server.config.ServerSettings.AmiServer;
import dev.hotline.server.config.ServerSettings.Secret;
import dev.hotline.server.config.internal.Fields.Item;
import dev.hotline.server.journal.JournalSettings;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@code server.yaml}: how {@code hotline serve} listens, connects, journals and treats waiting callers. */
public final class ServerFileReader {
    public static final int DEFAULT_AMI_PORT = 5038;

    private static final Set<String> FILE_KEYS = Fields.known("fastagi", "ami", "journal", "waiting", "agents", "ivr",
            "callbacks", "api");
    private static final Set<String> FASTAGI_KEYS = Fields.known("bind", "port", "maxLineLength",
            "maxEnvironmentLines", "environmentTimeout", "idleTimeout", "maxSessions");
    private static final Set<String> AMI_KEYS = Fields.known("name", "host", "port", "username", "secret",
            "keepAliveInterval", "keepAliveTimeout", "reconnectMin", "reconnectMax");
    private static final Set<String> JOURNAL_KEYS = Fields.known("directory", "maxFileSize", "flushEvery");
    private static final Set<String> WAITING_KEYS = Fields.known("announceEvery", "musicOnHold");
    private static final Set<String> IVR_KEYS = Fields.known("requestTimeout");
    /** An idle timeout shorter than this cuts long calls: an hour's conversation is rare but not unheard of. */
    private static final Duration SHORTEST_SURE_IDLE = Duration.ofHours(1);
    private static final Set<String> AGENTS_KEYS = Fields.known("autoLogin", "readyAfterMissedCall",
            "notReadyReasons");
    private static final Set<String> CALLBACK_KEYS = Fields.known("endpoint", "context", "callerId", "ringTimeout",
            "attempts", "retryAfter", "expireAfter", "priorityRaise", "greeting", "checkEvery", "allowedNumbers");
    /** A channel with the customer's number in it: technology/resource, no spaces, commas or quotes. */
    private static final Pattern ENDPOINT = Pattern.compile("[A-Za-z0-9]+/[A-Za-z0-9@._{}+#*-]*");
    private static final Pattern SOUND = Pattern.compile("[A-Za-z0-9_/-]*");

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    private static final Pattern HOST = Pattern.compile("[A-Za-z0-9.:_\\[\\]-]+");
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");
    /**
     * A variable written as a shell or Windows would expand it, which this file does not: named as environment
     * variables are (capitals, digits, _), so that a secret of letters that happens to begin with $ stays a secret.
     */
    private static final Pattern UNBRACED_VARIABLE =
            Pattern.compile("\\$([A-Z_][A-Z0-9_]*)|%([A-Z_][A-Z0-9_]*)%");
    private static final Pattern SIZE = Pattern.compile("(\\d{1,9})(KB|MB|GB)");
    private static final Pattern MILLIS = Pattern.compile("(\\d{1,9})ms");

    private ServerFileReader() {
    }

    /** The settings, or empty when a problem was reported. */
    public static Optional<ServerSettings> read(Where top, YamlNode root, LoadContext ctx) {
        Optional<Fields> file = Fields.of(ctx.problems(), top, root, FILE_KEYS);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        Fields f = file.get();
        ServerSettings defaults = ServerSettings.defaults();
        Optional<FastAgiSettings> fastAgi = f.node("fastagi").map(n -> fastAgi(f.at("fastagi"), n, ctx))
                .orElse(Optional.of(defaults.fastAgi()));
        Optional<List<AmiServer>> ami = amiServers(f, ctx);
        Optional<JournalSettings> journal = f.node("journal").map(n -> journal(f.at("journal"), n, ctx))
                .orElse(Optional.of(defaults.journal()));
        Optional<Fields> waiting = f.node("waiting").flatMap(n -> Fields.of(ctx.problems(), f.at("waiting"), n,
                WAITING_KEYS));
        Optional<Duration> announceEvery = waiting.filter(w -> w.has("announceEvery"))
                .map(w -> w.duration("announceEvery"))
                .orElse(Optional.of(ServerSettings.DEFAULT_ANNOUNCE_EVERY));
        Optional<String> musicOnHold = waiting.filter(w -> w.has("musicOnHold"))
                .map(w -> w.text("musicOnHold").filter(c -> named(c, "music-on-hold class", w.at("musicOnHold"), ctx)))
                .orElse(Optional.of(ServerSettings.DEFAULT_MUSIC_ON_HOLD));
        Optional<Fields> agents = f.node("agents").flatMap(n -> Fields.of(ctx.problems(), f.at("agents"), n,
                AGENTS_KEYS));
        Optional<Boolean> autoLogin = agents.filter(a -> a.has("autoLogin")).map(a -> a.bool("autoLogin"))
                .orElse(Optional.of(false));
        Optional<Duration> readyAfterMissedCall = agents.filter(a -> a.has("readyAfterMissedCall"))
                .map(a -> a.duration("readyAfterMissedCall")).orElse(Optional.of(Duration.ZERO));
        Optional<NotReadyReasons> notReadyReasons = agents.map(a -> notReadyReasons(a, ctx))
                .orElse(Optional.of(NotReadyReasons.ANY));
        Optional<Fields> ivr = f.node("ivr").flatMap(n -> Fields.of(ctx.problems(), f.at("ivr"), n, IVR_KEYS));
        Optional<Duration> requestTimeout = ivr
                .map(i -> positive(i, "requestTimeout", ServerSettings.DEFAULT_IVR_REQUEST_TIMEOUT, ctx))
                .orElse(Optional.of(ServerSettings.DEFAULT_IVR_REQUEST_TIMEOUT));
        Optional<CallbackSettings> callbacks = f.node("callbacks").map(n -> callbacks(f.at("callbacks"), n, ctx))
                .orElse(Optional.of(CallbackSettings.NOT_PLACED));
        Optional<Optional<ApiSettings>> api = f.node("api").map(n -> ApiSectionReader.read(f.at("api"), n, ctx)
                .map(Optional::of)).orElse(Optional.of(Optional.empty()));
        if (fastAgi.isEmpty() || ami.isEmpty() || journal.isEmpty() || f.has("waiting") && waiting.isEmpty()
                || announceEvery.isEmpty() || musicOnHold.isEmpty() || f.has("agents") && agents.isEmpty()
                || autoLogin.isEmpty() || readyAfterMissedCall.isEmpty() || notReadyReasons.isEmpty()
                || f.has("ivr") && ivr.isEmpty()
                || requestTimeout.isEmpty()
                || callbacks.isEmpty() || api.isEmpty()) {
            return Optional.empty();
        }
        if (api.get().isPresent() && sharePort(fastAgi.get(), api.get().get())) {
            Where apiPort = f.node("api").filter(YamlNode.MapNode.class::isInstance)
                    .flatMap(n -> ((YamlNode.MapNode) n).entry("port"))
                    .map(port -> f.at("api").key("port", port.value().mark())).orElse(f.at("api"));
            ctx.problems().add(apiPort, "port " + api.get().get().port() + " is FastAGI's too (fastagi.port, "
                    + fastAgi.get().host() + "): the two cannot listen on it both; give the API another port");
            return Optional.empty();
        }
        return Optional.of(new ServerSettings(fastAgi.get(), ami.get(), journal.get(), announceEvery.get(),
                musicOnHold.get(), autoLogin.get(), requestTimeout.get(), callbacks.get(), api.get(),
                readyAfterMissedCall.get(), notReadyReasons.get()));
    }

    /** Whether FastAGI and the API would ask for the same port on addresses that overlap (0 picks a free one). */
    private static boolean sharePort(FastAgiSettings fastAgi, ApiSettings api) {
        if (fastAgi.port() == 0 || fastAgi.port() != api.port()) {
            return false;
        }
        return sameHost(fastAgi.host(), api.host()) || anyAddress(fastAgi.host()) || anyAddress(api.host());
    }

    /** Two binds that name one address: written alike, or both this machine's loopback (localhost, 127.0.0.1). */
    private static boolean sameHost(String one, String other) {
        return one.equalsIgnoreCase(other) || loopback(one) && loopback(other);
    }

    private static boolean loopback(String bind) {
        return bind.equalsIgnoreCase("localhost") || bind.equals("127.0.0.1") || bind.equals("::1")
                || bind.equals("[::1]");
    }

    private static boolean anyAddress(String bind) {
        if (bind.equals("0.0.0.0") || bind.equals("::") || bind.equals("[::]")) {
            return true;
        }
        // its other spellings (00.00.00.00, ::0, ::ffff:0.0.0.0): written as numbers, parsed, never looked up
        String host = bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            return java.net.InetAddress.getByName(host).isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** The longest a customer's phone may ring for a callback: past it, nobody is picking up. */
    private static final Duration LONGEST_CALLBACK_RING = Duration.ofMinutes(5);
    /** The longest between two checks of the open callbacks against the queues. */
    private static final Duration LONGEST_CALLBACK_CHECK = Duration.ofHours(1);

    private static Optional<CallbackSettings> callbacks(Where at, YamlNode node, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), at, node, CALLBACK_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        CallbackSettings d = CallbackSettings.NOT_PLACED;
        Optional<String> endpoint = f.has("endpoint") ? f.text("endpoint").filter(e -> endpoint(e, f.at("endpoint"),
                ctx)) : Optional.of(d.endpoint());
        Optional<String> context = f.has("context") ? f.text("context")
                .filter(c -> named(c, "dialplan context", f.at("context"), ctx)) : Optional.of(d.context());
        Optional<String> callerId = f.has("callerId") ? f.textOrEmpty("callerId").filter(c -> {
            if (c.chars().anyMatch(ch -> ch < 0x20)) {
                ctx.problems().add(f.at("callerId"), "callerId must not hold control characters");
                return false;
            }
            return true;
        }) : Optional.of(d.callerId());
        Optional<Duration> ringTimeout = positive(f, "ringTimeout", d.ringTimeout(), ctx);
        Optional<Integer> attempts = intAtLeast(f, "attempts", d.attempts(), 1, 20, ctx);
        Optional<Duration> retryAfter = positive(f, "retryAfter", d.retryAfter(), ctx);
        Optional<Duration> expireAfter = positive(f, "expireAfter", d.expireAfter(), ctx);
        Optional<Integer> priorityRaise = intAtLeast(f, "priorityRaise", d.priorityRaise(), 0, 1000, ctx);
        Optional<String> greeting = f.has("greeting") ? f.textOrEmpty("greeting").filter(g -> {
            if (!g.isEmpty() && !SOUND.matcher(g).matches()) {
                ctx.problems().add(f.at("greeting"), "greeting '" + g + "' is not a sound file name (letters, digits,"
                        + " _, - and /)");
                return false;
            }
            return true;
        }) : Optional.of(d.greeting());
        Optional<Duration> checkEvery = positive(f, "checkEvery", d.checkEvery(), ctx);
        Optional<List<DialPattern>> allowedNumbers = allowedNumbers(f, ctx);
        if (allowedNumbers.isEmpty() || endpoint.isEmpty() || context.isEmpty() || callerId.isEmpty() || ringTimeout.isEmpty()
                || attempts.isEmpty() || retryAfter.isEmpty() || expireAfter.isEmpty() || priorityRaise.isEmpty()
                || greeting.isEmpty() || checkEvery.isEmpty()) {
            return Optional.empty();
        }
        boolean sound = true;
        if (ringTimeout.get().compareTo(LONGEST_CALLBACK_RING) > 0) {
            ctx.problems().add(f.at("ringTimeout"), "ringTimeout " + Durations.format(ringTimeout.get()) + " is longer "
                    + "than a phone rings: at most " + Durations.format(LONGEST_CALLBACK_RING));
            sound = false;
        }
        if (checkEvery.get().compareTo(LONGEST_CALLBACK_CHECK) > 0) {
            ctx.problems().add(f.at("checkEvery"), "checkEvery " + Durations.format(checkEvery.get()) + " would leave "
                    + "free agents unused for that long: at most " + Durations.format(LONGEST_CALLBACK_CHECK));
            sound = false;
        }
        Duration allAttempts = retryAfter.get().multipliedBy(attempts.get() - 1);
        if (expireAfter.get().compareTo(allAttempts) < 0) {
            // "3 tries" that can only ever be one or two is a setting that says what it does not do
            ctx.problems().add(f.at("expireAfter"), "expireAfter " + Durations.format(expireAfter.get()) + " ends a "
                    + "request before its " + attempts.get() + " attempts " + Durations.format(retryAfter.get())
                    + " apart can be made (they take " + Durations.format(allAttempts) + "): lengthen expireAfter, "
                    + "or shorten retryAfter or attempts");
            sound = false;
        }
        if (!sound) {
            return Optional.empty();
        }
        if (!endpoint.get().isEmpty() && allowedNumbers.get().isEmpty()) {
            ctx.warnings().add(f.at("endpoint"), "callbacks ring any number a caller keys in, an international or "
                    + "premium-rate one too, at the centre's cost: list the numbers they may ring in allowedNumbers "
                    + "(e.g. [\"_1[3-9]XXXXXXXXX\"])");
        }
        return Optional.of(new CallbackSettings(endpoint.get(), context.get(), callerId.get(), ringTimeout.get(),
                attempts.get(), retryAfter.get(), expireAfter.get(), priorityRaise.get(), greeting.get(),
                checkEvery.get(), allowedNumbers.get()));
    }

    /** {@code agents.notReadyReasons}: reason codes, at least one when the key is there; absent, any code. */
    private static Optional<NotReadyReasons> notReadyReasons(Fields f, LoadContext ctx) {
        Optional<List<Item>> listed = listedOrAbsent(f, "notReadyReasons", "list the reason codes agents may give "
                + "for a break (e.g. [break, lunch, training]), or remove the key to take any code", ctx);
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        List<Item> items = listed.get();
        List<String> codes = new ArrayList<>();
        boolean sound = true;
        FirstSeen<String> written = new FirstSeen<>();
        java.util.Map<String, String> byCase = new java.util.HashMap<>();
        for (Item item : items) {
            Optional<String> text = Fields.text(ctx.problems(), item.where(), item.node());
            if (text.isEmpty()) {
                sound = false;
                continue;
            }
            String code = NotReadyReasons.strip(text.get());
            Optional<String> problem = NotReadyReasons.formProblem(code);
            if (problem.isPresent()) {
                ctx.problems().add(item.where(), problem.get());
                sound = false;
            } else if (written.firstTime(code, item.where(), ctx.problems(), "reason code '" + code + "'")) {
                codes.add(code);
                String other = byCase.putIfAbsent(code.toLowerCase(java.util.Locale.ROOT), code);
                if (other != null) {
                    // two codes a desktop shows alike split the not-ready time reports add up
                    ctx.warnings().add(item.where(), "reason codes '" + other + "' and '" + code + "' differ only in "
                            + "case: reports count their not-ready time apart; keep one");
                }
            } else {
                sound = false;
            }
        }
        return sound ? Optional.of(new NotReadyReasons(codes)) : Optional.empty();
    }

    /**
     * A list that narrows what is allowed ({@code key}): its items, none when the key is absent (nothing narrowed);
     * empty, with a problem, when it is written with no value or as an empty list, which would read as "anything",
     * the opposite of what an admin who wrote it meant.
     */
    private static Optional<List<Item>> listedOrAbsent(Fields f, String key, String advice, LoadContext ctx) {
        if (!f.valueGiven(key, advice)) {
            return Optional.empty();
        }
        if (!f.has(key)) {
            return Optional.of(List.of());
        }
        List<Item> items = f.list(key, null);
        if (items.isEmpty()) {
            if (f.node(key).filter(n -> n instanceof YamlNode.ListNode).isPresent()) {
                ctx.problems().add(f.at(key), key + " is empty: " + advice);
            }
            return Optional.empty();
        }
        return Optional.of(items);
    }

    /** {@code allowedNumbers}: Asterisk patterns, at least one when the key is there; absent, any number. */
    private static Optional<List<DialPattern>> allowedNumbers(Fields f, LoadContext ctx) {
        Optional<List<Item>> listed = listedOrAbsent(f, "allowedNumbers", "list the numbers callbacks may ring as "
                + "Asterisk patterns (e.g. [\"_1[3-9]XXXXXXXXX\"]), or remove the key to allow any number", ctx);
        if (listed.isEmpty()) {
            return Optional.empty();
        }
        List<Item> items = listed.get();
        List<DialPattern> patterns = new ArrayList<>();
        boolean sound = true;
        FirstSeen<String> written = new FirstSeen<>();
        for (Item item : items) {
            Optional<String> text = Fields.text(ctx.problems(), item.where(), item.node());
            if (text.isEmpty()) {
                sound = false;
                continue;
            }
            // x, z and n match as X, Z and N: _1XX and _1xx are one pattern
            if (!written.firstTime(text.get().toUpperCase(java.util.Locale.ROOT), item.where(), ctx.problems(),
                    "pattern '" + text.get() + "'")) {
                sound = false;
                continue;
            }
            try {
                DialPattern pattern = DialPattern.parse(text.get());
                patterns.add(pattern);
                if (pattern.matches(INTERNATIONAL_NUMBER)) {
                    // _X. or _0X.: the door the list is there to close
                    ctx.warnings().add(item.where(), "pattern '" + text.get() + "' lets callbacks ring numbers "
                            + "abroad (it matches " + INTERNATIONAL_NUMBER + "), at the centre's cost: list the "
                            + "numbers you mean (e.g. _1[3-9]XXXXXXXXX for mobiles in China)");
                }
            } catch (IllegalArgumentException e) {
                ctx.problems().add(item.where(), e.getMessage());
                sound = false;
            }
        }
        return sound ? Optional.of(patterns) : Optional.empty();
    }

    /** A number abroad as dialled from China (00, then the UK's 44 and a London number): no callback needs one. */
    private static final String INTERNATIONAL_NUMBER = "00442079460000";

    private static boolean endpoint(String text, Where at, LoadContext ctx) {
        if (!ENDPOINT.matcher(text).matches() || !text.contains(CallbackSettings.NUMBER)) {
            ctx.problems().add(at, "endpoint '" + text + "' must be a channel with " + CallbackSettings.NUMBER
                    + " where the customer's number goes, e.g. PJSIP/" + CallbackSettings.NUMBER + "@trunk");
            return false;
        }
        return true;
    }

    private static Optional<FastAgiSettings> fastAgi(Where at, YamlNode node, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), at, node, FASTAGI_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        FastAgiSettings d = FastAgiSettings.defaults();
        Optional<String> bind = f.has("bind") ? f.text("bind").filter(h -> host(h, f.at("bind"), ctx))
                : Optional.of(d.host());
        // port 0 lets the system pick a free port (tests); the bound port is logged
        Optional<Integer> port = intAtLeast(f, "port", d.port(), 0, 65535, ctx);
        Optional<Integer> maxLine = intAtLeast(f, "maxLineLength", d.maxLineLength(), 64, Integer.MAX_VALUE, ctx);
        Optional<Integer> maxEnv = intAtLeast(f, "maxEnvironmentLines", d.maxEnvironmentLines(), 1,
                Integer.MAX_VALUE, ctx);
        Optional<Duration> envTimeout = positive(f, "environmentTimeout", d.environmentTimeout(), ctx);
        Optional<Duration> idle = positive(f, "idleTimeout", d.idleTimeout(), ctx);
        Optional<Integer> maxSessions = intAtLeast(f, "maxSessions", d.maxSessions(), 1, Integer.MAX_VALUE, ctx);
        if (bind.isEmpty() || port.isEmpty() || maxLine.isEmpty() || maxEnv.isEmpty() || envTimeout.isEmpty()
                || idle.isEmpty() || maxSessions.isEmpty()) {
            return Optional.empty();
        }
        if (idle.get().compareTo(SHORTEST_SURE_IDLE) < 0) {
            // a caller in conversation sends nothing while Dial holds the bridge, nor one waiting between
            // announcements: the timeout is the longest call Hotline keeps
            ctx.warnings().add(f.at("idleTimeout"), "idleTimeout " + Durations.format(idle.get()) + " is shorter than "
                    + Durations.format(SHORTEST_SURE_IDLE) + ": a session says nothing while its caller talks to an "
                    + "agent or waits between announcements, so a call longer than that is handed back to Asterisk's "
                    + "dialplan mid-way (docs/asterisk.md)");
        }
        if (anyAddress(bind.get())) {
            // an address of the network Asterisk is on is the usual setting; every interface is a door left open
            ctx.warnings().add(f.at("bind"), "FastAGI listens on " + bind.get() + ", every interface of this "
                    + "machine, and has no authentication: whoever reaches the port can place calls into the "
                    + "centre; bind the address the Asterisk servers reach it on and let only them through");
        }
        return Optional.of(new FastAgiSettings(bind.get(), port.get(), maxLine.get(), maxEnv.get(), envTimeout.get(),
                idle.get(), maxSessions.get()));
    }

    private static Optional<List<AmiServer>> amiServers(Fields f, LoadContext ctx) {
        List<AmiServer> servers = new ArrayList<>();
        boolean sound = true;
        FirstSeen<String> names = new FirstSeen<>();
        for (Item item : f.list("ami", "name")) {
            Optional<AmiServer> server = amiServer(item, names, ctx);
            server.ifPresent(servers::add);
            sound &= server.isPresent();
        }
        return sound ? Optional.of(servers) : Optional.empty();
    }

    private static Optional<AmiServer> amiServer(Item item, FirstSeen<String> names, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), AMI_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> name = f.requiredText("name")
                .filter(n -> named(n, "AMI server name", f.at("name"), ctx))
                .filter(n -> names.firstTime(n, f.at("name"), ctx.problems(), "AMI server name '" + n + "'"));
        Optional<String> host = f.requiredText("host").filter(h -> host(h, f.at("host"), ctx));
        Optional<Integer> port = intAtLeast(f, "port", DEFAULT_AMI_PORT, 1, 65535, ctx);
        Optional<String> username = f.requiredText("username");
        Optional<Secret> secret = f.requiredText("secret").flatMap(s -> secret(s, f.at("secret"), ctx));
        Optional<Duration> keepAliveInterval = positive(f, "keepAliveInterval", Duration.ofSeconds(15), ctx);
        Optional<Duration> keepAliveTimeout = positive(f, "keepAliveTimeout", Duration.ofSeconds(5), ctx);
        Optional<Duration> reconnectMin = positive(f, "reconnectMin", Duration.ofSeconds(1), ctx);
        Optional<Duration> reconnectMax = positive(f, "reconnectMax", Duration.ofSeconds(30), ctx);
        if (reconnectMin.isPresent() && reconnectMax.isPresent()
                && reconnectMax.get().compareTo(reconnectMin.get()) < 0) {
            ctx.problems().add(f.at("reconnectMax"), "reconnectMax " + Durations.format(reconnectMax.get())
                    + " is shorter than reconnectMin " + Durations.format(reconnectMin.get()));
            reconnectMax = Optional.empty();
        }
        if (name.isEmpty() || host.isEmpty() || port.isEmpty() || username.isEmpty() || secret.isEmpty()
                || keepAliveInterval.isEmpty() || keepAliveTimeout.isEmpty() || reconnectMin.isEmpty()
                || reconnectMax.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AmiServer(name.get(), host.get(), port.get(), username.get(), secret.get(),
                keepAliveInterval.get(), keepAliveTimeout.get(), reconnectMin.get(), reconnectMax.get()));
    }

    /**
     * {@code ${NAME}} reads the environment variable NAME at connect time; anything else is the secret itself, but
     * for a variable written as a shell ({@code $NAME}) or Windows ({@code %NAME%}) would: taken literally, the secret
     * would be the variable's name, which the docs and the file show to anyone.
     */
    static Optional<Secret> secret(String text, Where at, LoadContext ctx) {
        Matcher m = VARIABLE.matcher(text);
        if (m.matches()) {
            return Optional.of(new Secret.FromEnvironment(m.group(1)));
        }
        Matcher unbraced = UNBRACED_VARIABLE.matcher(text);
        if (unbraced.matches()) {
            String name = unbraced.group(1) != null ? unbraced.group(1) : unbraced.group(2);
            ctx.problems().add(at, "'" + text + "' would be taken as the secret itself, not read from the "
                    + "environment: write ${" + name + "}");
            return Optional.empty();
        }
        if (text.contains("${")) {
            // the value itself is never echoed: it may be most of a real secret
            ctx.problems().add(at, "a secret from the environment is written as the whole value ${VARIABLE}, "
                    + "with letters, digits and _ in the name");
            return Optional.empty();
        }
        return Optional.of(new Secret.Written(text));
    }

    private static Optional<JournalSettings> journal(Where at, YamlNode node, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), at, node, JOURNAL_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<Path> dir = f.has("directory") ? f.text("directory").flatMap(d -> path(d, f.at("directory"), ctx))
                : Optional.of(ServerSettings.DEFAULT_JOURNAL_DIR);
        Optional<Long> maxFileBytes = f.has("maxFileSize")
                ? f.text("maxFileSize").flatMap(s -> size(s, f.at("maxFileSize"), ctx))
                : Optional.of(JournalSettings.DEFAULT_MAX_FILE_BYTES);
        Optional<Duration> flushEvery = f.has("flushEvery")
                ? f.text("flushEvery").flatMap(s -> flushInterval(s, f.at("flushEvery"), ctx))
                : Optional.of(JournalSettings.DEFAULT_FLUSH_EVERY);
        if (dir.isEmpty() || maxFileBytes.isEmpty() || flushEvery.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new JournalSettings(dir.get(), maxFileBytes.get(), flushEvery.get(),
                JournalSettings.DEFAULT_CAPACITY));
    }

    private static Optional<Path> path(String text, Where at, LoadContext ctx) {
        try {
            return Optional.of(Path.of(text));
        } catch (InvalidPathException e) {
            ctx.problems().add(at, "'" + text + "' is not a directory path: " + e.getReason());
            return Optional.empty();
        }
    }

    /** {@code 64MB}: a whole number of KB, MB or GB (of 1024). */
    private static Optional<Long> size(String text, Where at, LoadContext ctx) {
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            String hint = text.matches("\\d+(?i:kb|mb|gb)") ? " (units in capitals)"
                    : text.matches("\\d{10,}(KB|MB|GB)") ? " (at most 9 digits)" : "";
            ctx.problems().add(at, "'" + text + "' is not a file size: write a whole number of KB, MB or GB, "
                    + "e.g. 64MB" + hint);
            return Optional.empty();
        }
        if (Long.parseLong(m.group(1)) == 0) {
            ctx.problems().add(at, "a file size of " + text + " holds nothing: at least 1KB");
            return Optional.empty();
        }
        int shift = switch (m.group(2)) {
            case "KB" -> 10;
            case "MB" -> 20;
            default -> 30;
        };
        return Optional.of(Long.parseLong(m.group(1)) << shift);
    }

    /** A duration, or milliseconds ({@code 200ms}): the journal pushes lines to the system more often than 1 s. */
    private static Optional<Duration> flushInterval(String text, Where at, LoadContext ctx) {
        Matcher m = MILLIS.matcher(text);
        Duration d;
        if (m.matches()) {
            d = Duration.ofMillis(Long.parseLong(m.group(1)));
        } else {
            try {
                d = Durations.parse(text);
            } catch (IllegalArgumentException e) {
                ctx.problems().add(at, e.getMessage() + " (or in milliseconds like 200ms)");
                return Optional.empty();
            }
        }
        if (!d.isPositive()) {
            ctx.problems().add(at, "flushEvery must be longer than 0s");
            return Optional.empty();
        }
        return Optional.of(d);
    }

    static Optional<Integer> intAtLeast(Fields f, String key, int dflt, int min, int max, LoadContext ctx) {
        if (!f.has(key)) {
            return Optional.of(dflt);
        }
        return f.integer(key).filter(v -> {
            if (v < min || v > max) {
                ctx.problems().add(f.at(key), key + " must be from " + min
                        + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", got " + v);
                return false;
            }
            return true;
        });
    }

    private static Optional<Duration> positive(Fields f, String key, Duration dflt, LoadContext ctx) {
        if (!f.has(key)) {
            return Optional.of(dflt);
        }
        return f.duration(key).filter(d -> {
            if (!d.isPositive()) {
                ctx.problems().add(f.at(key), key + " must be longer than 0s");
                return false;
            }
            return true;
        });
    }

    static boolean host(String text, Where at, LoadContext ctx) {
        if (!HOST.matcher(text).matches()) {
            ctx.problems().add(at, "'" + text + "' is not a host name or IP address");
            return false;
        }
        if (text.contains(":")) {
            return ipv6(text, at, ctx);
        }
        if (text.matches("[0-9.]+")) {
            // all digits and dots is meant as an IPv4 address, never a host name: four numbers of 0 to 255
            String[] parts = text.split("\\.", -1);
            boolean address = parts.length == 4;
            for (String part : parts) {
                address &= !part.isEmpty() && part.length() <= 3 && Integer.parseInt(part) <= 255;
            }
            if (!address) {
                ctx.problems().add(at, "'" + text + "' is not an IPv4 address (four numbers of 0 to 255, as in "
                        + "127.0.0.1)");
                return false;
            }
        }
        return true;
    }

    /** A host with a colon is an IPv6 address (bare or in brackets), or a host and a port written together. */
    private static boolean ipv6(String text, Where at, LoadContext ctx) {
        int colon = text.lastIndexOf(':');
        String before = text.substring(0, colon);
        String after = text.substring(colon + 1);
        if (!before.contains(":") && !before.isEmpty() && after.matches("[0-9]{1,5}")) {
            ctx.problems().add(at, "'" + text + "' is a host and a port: write the host here and the port in its own "
                    + "key (port: " + after + ")");
            return false;
        }
        String literal = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean address;
        try {
            // in brackets it is parsed as an IPv6 literal only, never looked up in DNS
            address = !literal.contains("[") && !literal.contains("]") && !literal.contains("_")
                    && InetAddress.getByName("[" + literal + "]") != null;
        } catch (UnknownHostException e) {
            address = false;
        }
        if (!address) {
            ctx.problems().add(at, "'" + text + "' is not an IPv6 address (as in ::1), nor a host name (no colons)");
            return false;
        }
        return true;
    }

    static boolean named(String text, String what, Where at, LoadContext ctx) {
        if (text.length() > Ids.MOST_CHARACTERS) {
            ctx.problems().add(at, what + " '" + text.substring(0, 20) + "...' is " + text.length()
                    + " characters long: a name is at most " + Ids.MOST_CHARACTERS + " (it goes into every log line "
                    + "about it)");
            return false;
        }
        if (!NAME.matcher(text).matches()) {
            ctx.problems().add(at, what + " '" + text + "' may hold only letters, digits, _ and -");
            return false;
        }
        return true;
    }
}
