package dev.hotline.server.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hotline.server.api.internal.ApiJson;
import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigProblem;
import dev.hotline.server.config.ConfigResult;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code hotline reload}: checks the configuration directory, then asks the running server to apply it and prints its
 * answer, as {@code apachectl graceful} checks before it signals. The server reads the files again and checks them
 * itself; this command only saves a round trip for a broken file and says what came of the reload, which a signal
 * cannot.
 */
@Command(name = "reload",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        description = {
                "Ask the running server to apply the configuration again, without dropping a call.",
                "Checks DIR first (a broken file is reported as validate reports it, and not sent), then sends "
                        + "POST /api/v1/config/reload to the API that DIR's server.yaml names, with an admin token: "
                        + "the one in the environment variable " + ReloadCommand.TOKEN_VARIABLE + ", else the first "
                        + "admin token of server.yaml's api.tokens. Prints what the server applied, or why it "
                        + "refused. Exits 0 when applied, 1 when the configuration has problems, 4 when the server "
                        + "could not be asked."})
public final class ReloadCommand implements Callable<Integer> {

    /** The variable that may hold the admin token, ahead of server.yaml's own tokens. */
    static final String TOKEN_VARIABLE = "HOTLINE_TOKEN";
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** A reload reads every file and re-applies the centre: seconds at most, even for a very large one. */
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(60);

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
            description = "the running server's configuration directory (default: ${DEFAULT-VALUE})")
    private Path dir;

    @Option(names = "--url", paramLabel = "URL",
            description = "the server's API, if not where server.yaml says (server.yaml's api changed since the "
                    + "server last read it, or a proxy stands in front): http://127.0.0.1:8080")
    private String urlText;

    @Spec
    private CommandSpec spec;

    private final Function<String, String> environment;

    public ReloadCommand() {
        this(System::getenv);
    }

    /** With {@code environment} in place of the process's (tests). */
    ReloadCommand(Function<String, String> environment) {
        this.environment = environment;
    }

    @Override
    public Integer call() {
        URI url = urlText == null ? null : url(urlText);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String shown = ValidateCommand.display(dir);
        ConfigResult.Valid valid;
        switch (ConfigLoader.load(dir)) {
            case ConfigResult.Valid v -> valid = v;
            case ConfigResult.Invalid invalid -> {
                invalid.problems().forEach(err::println);
                err.println(shown + " is invalid: " + ValidateCommand.count(invalid.problems().size(), "problem",
                        "problems") + "; not sent, the running configuration stays");
                return ExitCodes.INVALID_CONFIG;
            }
        }
        valid.warnings().forEach(w -> err.println("warning: " + w));
        Optional<ApiSettings> api = valid.server().api();
        if (url == null && api.isEmpty()) {
            err.println("cannot ask the server to reload: " + shown + "server.yaml has no api section, so the server "
                    + "runs no API to ask; signal it instead: kill -HUP <pid>");
            return ExitCodes.NOT_DELIVERED;
        }
        // relative, so that a --url behind a proxy's path prefix keeps it
        URI base = withSlash(url != null ? url : apiAddress(api.orElseThrow()));
        URI endpoint = base.resolve("api/v1/config/reload");
        Optional<String> token = adminToken(api);
        if (token.isEmpty()) {
            err.println("cannot ask the server to reload: no admin token (" + TOKEN_VARIABLE + " is not set, and "
                    + shown + "server.yaml's api.tokens has no role: admin token whose value is set here); add "
                    + "one (docs/api.md), or signal the server: kill -HUP <pid>");
            return ExitCodes.NOT_DELIVERED;
        }
        HttpResponse<String> answer;
        try (HttpClient client = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build()) {
            answer = client.send(HttpRequest.newBuilder(endpoint).timeout(ANSWER_TIMEOUT)
                    .header("Authorization", "Bearer " + token.get())
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        } catch (ConnectException e) {
            err.println("no Hotline server answers at " + base + " (" + (url != null ? "--url"
                    : shown + "server.yaml's api") + "): is it running? If api changed in server.yaml since the "
                    + "server last read it, it still listens where it did: give --url");
            return ExitCodes.NOT_DELIVERED;
        } catch (HttpTimeoutException e) {
            err.println("the server at " + base + " did not answer within "
                    + ANSWER_TIMEOUT.toSeconds() + " s; its log says whether the reload was applied");
            return ExitCodes.NOT_DELIVERED;
        } catch (IOException e) {
            err.println("cannot reach the server at " + base + ": " + e);
            return ExitCodes.NOT_DELIVERED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("interrupted while waiting for the server's answer");
            return ExitCodes.NOT_DELIVERED;
        }
        return report(answer, base, endpoint, token.get().length(), out, err);
    }

    /** {@value #TOKEN_VARIABLE}, else the first admin token of server.yaml whose value is known here. */
    private Optional<String> adminToken(Optional<ApiSettings> api) {
        return Optional.ofNullable(environment.apply(TOKEN_VARIABLE)).filter(t -> !t.isBlank())
                .or(() -> api.stream().flatMap(a -> a.tokens().stream())
                        .filter(t -> t.role() == ApiSettings.Role.ADMIN)
                        .flatMap(t -> t.secret().resolve(environment).stream()).findFirst());
    }

    private static int report(HttpResponse<String> answer, URI base, URI endpoint, int tokenLength, PrintWriter out,
                              PrintWriter err) {
        JsonNode body = parse(answer.body());
        switch (answer.statusCode()) {
            case 200 -> {
                out.println("reloaded: " + body.path("agents").asInt() + " agents, " + body.path("queues").asInt()
                        + " queues in force");
                body.path("changes").forEach(change -> out.println("changed: " + change.asText()));
                if (body.hasNonNull("waitingForRestart")) {
                    out.println("waiting for a restart: " + body.get("waitingForRestart").asText());
                }
                return ExitCodes.OK;
            }
            case 422 -> {
                body.path("problems").forEach(p -> err.println(p.asText()));
                err.println("the server refused the configuration: " + ValidateCommand.count(
                        body.path("problems").size(), "problem", "problems") + "; the running configuration stays");
                return ExitCodes.INVALID_CONFIG;
            }
            case 401, 403 -> {
                err.println("the server at " + base + " refused the token (" + answer.statusCode()
                        + ": " + body.path("error").asText("no reason given") + "); a reload needs an admin token"
                        + (answer.statusCode() == 403 ? "" : tokenLength < ApiSettings.MIN_TOKEN_LENGTH
                        ? ", and the server leaves out tokens shorter than " + ApiSettings.MIN_TOKEN_LENGTH
                        + " characters (this one has " + tokenLength + ")"
                        : " whose variable was set where the server started (it reads them at start and reload)"));
                return ExitCodes.NOT_DELIVERED;
            }
            default -> {
                err.println("unexpected answer from " + endpoint + ": " + answer.statusCode() + " "
                        + body.path("error").asText(answer.body()));
                return ExitCodes.NOT_DELIVERED;
            }
        }
    }

    /** The answer read as the API writes it; a body that is not JSON becomes its {@code error}. */
    private static JsonNode parse(String body) {
        try {
            return ApiJson.body(body.getBytes(StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            return JsonNodeFactory.instance.objectNode().put("error", body);
        }
    }

    /** {@code --url} as an address the reload can be posted to, or a usage error saying how to write one. */
    private URI url(String text) {
        String how = "--url must be an http:// or https:// address such as http://127.0.0.1:8080, not '" + text + "'";
        URI parsed;
        try {
            parsed = new URI(text);
        } catch (URISyntaxException e) {
            throw new ParameterException(spec.commandLine(), how + ": " + e.getReason() + " at character "
                    + (e.getIndex() + 1));
        }
        if (!("http".equalsIgnoreCase(parsed.getScheme()) || "https".equalsIgnoreCase(parsed.getScheme()))
                || parsed.getHost() == null) {
            throw new ParameterException(spec.commandLine(), how);
        }
        return parsed;
    }

    private static URI withSlash(URI uri) {
        String text = uri.toString();
        return text.endsWith("/") ? uri : URI.create(text + "/");
    }

    /** Where the API listens, as a client reaches it: a wildcard bind is reached on loopback. */
    static URI apiAddress(ApiSettings api) {
        String host = switch (api.host()) {
            case "0.0.0.0", "" -> "127.0.0.1";
            case "::", "[::]" -> "::1";
            default -> api.host();
        };
        if (host.contains(":") && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        return URI.create("http://" + host + ":" + api.port() + "/");
    }
}
