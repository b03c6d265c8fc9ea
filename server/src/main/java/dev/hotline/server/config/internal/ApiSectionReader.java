package dev.hotline.server.config.internal;

import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.ServerSettings.Secret;
import dev.hotline.server.config.internal.Fields.Item;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads {@code server.yaml}'s {@code api}: where the HTTP API listens and the tokens that open it. */
final class ApiSectionReader {
    private static final Set<String> API_KEYS = Fields.known("bind", "port", "tokens");
    private static final Set<String> TOKEN_KEYS = Fields.known("name", "role", "token", "agent");
    static final int DEFAULT_PORT = 8080;

    private ApiSectionReader() {
    }

    static Optional<ApiSettings> read(Where at, YamlNode node, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), at, node, API_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> bind = f.has("bind") ? f.text("bind").filter(h -> ServerFileReader.host(h, f.at("bind"), ctx))
                : Optional.of("127.0.0.1");
        Optional<Integer> port = ServerFileReader.intAtLeast(f, "port", DEFAULT_PORT, 0, 65535, ctx);
        List<ApiSettings.Token> tokens = new ArrayList<>();
        boolean sound = true;
        FirstSeen<String> names = new FirstSeen<>();
        // one value, one holder: a value two tokens share could not say whose request it is (nor which role it has)
        FirstSeen<Secret> values = new FirstSeen<>();
        for (Item item : f.list("tokens", "name")) {
            Optional<ApiSettings.Token> token = token(item, names, values, ctx);
            token.ifPresent(tokens::add);
            sound &= token.isPresent();
        }
        if (bind.isEmpty() || port.isEmpty() || !sound) {
            return Optional.empty();
        }
        if (!onThisMachineOnly(bind.get())) {
            ctx.warnings().add(f.at("bind"), "the API listens on " + bind.get() + " without TLS: its tokens, the "
                    + "screen pops and the wallboard cross the network in clear; keep it on 127.0.0.1 behind a TLS "
                    + "proxy (docs/api.md)");
        }
        return Optional.of(new ApiSettings(bind.get(), port.get(), tokens));
    }

    private static Optional<ApiSettings.Token> token(Item item, FirstSeen<String> names, FirstSeen<Secret> values,
                                                     LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), TOKEN_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> name = f.requiredText("name")
                .filter(n -> ServerFileReader.named(n, "token name", f.at("name"), ctx))
                .filter(n -> names.firstTime(n, f.at("name"), ctx.problems(), "token name '" + n + "'"));
        Optional<ApiSettings.Role> role = f.requiredText("role").flatMap(r -> role(r, f.at("role"), ctx));
        Optional<Secret> secret = f.requiredText("token").flatMap(t -> ServerFileReader.secret(t, f.at("token"), ctx))
                .filter(s -> {
                    int least = ApiSettings.MIN_TOKEN_LENGTH;
                    if (s instanceof Secret.Written written && written.value().length() < least) {
                        ctx.problems().add(f.at("token"), "a token must be at least " + least
                                + " characters, so it cannot be guessed");
                        return false;
                    }
                    if (s instanceof Secret.Written written && !ApiSettings.sendable(written.value())) {
                        ctx.problems().add(f.at("token"), ApiSettings.NOT_SENDABLE);
                        return false;
                    }
                    return true;
                })
                .filter(v -> values.firstTime(v, f.at("token"), ctx.problems(), v instanceof Secret.Written
                        ? "token value: each token must be its own" : "token variable: each token must be its own"));
        Optional<Optional<String>> agent = role.flatMap(r -> agent(f, r, ctx));
        if (name.isEmpty() || role.isEmpty() || secret.isEmpty() || agent.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ApiSettings.Token(name.get(), role.get(), secret.get(), agent.get()));
    }

    /** A bind reachable from this machine only: localhost, the loopback network 127/8, ::1 (any way written). */
    private static boolean onThisMachineOnly(String bind) {
        String host = bind.startsWith("[") && bind.endsWith("]") ? bind.substring(1, bind.length() - 1) : bind;
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // an address written as numbers only: parsed, never looked up
            return (host.matches("[0-9.]+") || host.contains(":"))
                    && java.net.InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** An agent's token names its agent (agents.yaml's id); the other roles' tokens name none. */
    private static Optional<Optional<String>> agent(Fields f, ApiSettings.Role role, LoadContext ctx) {
        if (role != ApiSettings.Role.AGENT) {
            if (f.has("agent")) {
                ctx.problems().add(f.at("agent"), "only an agent's token names an agent; this token's role is "
                        + role.written());
                return Optional.empty();
            }
            return Optional.of(Optional.empty());
        }
        if (!f.has("agent")) {
            ctx.problems().add(f.where(), "an agent's token names its agent (agents.yaml's id), e.g. agent: 1001");
            return Optional.empty();
        }
        Optional<String> agent = f.text("agent")
                .filter(a -> ServerFileReader.named(a, "agent id", f.at("agent"), ctx));
        agent.ifPresent(a -> ctx.ids().refer(Ids.Kind.AGENT, a, f.at("agent")));
        return agent.map(Optional::of);
    }

    private static Optional<ApiSettings.Role> role(String text, Where at, LoadContext ctx) {
        for (ApiSettings.Role role : ApiSettings.Role.values()) {
            if (role.written().equals(text)) {
                return Optional.of(role);
            }
        }
        ctx.problems().add(at, "role '" + text + "' is not one of " + Arrays.stream(ApiSettings.Role.values())
                .map(ApiSettings.Role::written).collect(Collectors.joining(", ")));
        return Optional.empty();
    }
}
