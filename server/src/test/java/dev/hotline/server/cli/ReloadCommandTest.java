package dev.hotline.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.server.ConfigCopy;
import dev.hotline.server.api.AdminEndpoints;
import dev.hotline.server.api.ApiRoutes;
import dev.hotline.server.api.ApiServer;
import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.ApiSettings.Role;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigProblem;
import dev.hotline.server.config.ConfigResult;
import dev.hotline.server.config.ServerSettings.Secret;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * An admin runs {@code hotline reload} beside a running server: the configuration is checked first, then the server's
 * API is asked to apply it, and the command prints what the server answered. The server here is the real API with a
 * scripted reload.
 */
class ReloadCommandTest {
    private static final String ADMIN = "admin-token-000000001";
    private static final String SUPERVISOR = "supervisor-token-0001";
    private static final Path SHIPPED = Path.of(System.getProperty("hotline.config.dir", "../config"));

    @TempDir
    Path config;

    private final Map<String, String> environment = new HashMap<>();
    private final AtomicReference<ConfigResult> next = new AtomicReference<>();
    private final AtomicReference<Optional<String>> waiting = new AtomicReference<>(Optional.empty());
    private final AtomicReference<List<String>> changes = new AtomicReference<>(List.of());
    private final AtomicInteger reloads = new AtomicInteger();
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private ApiServer api;

    @BeforeEach
    void aRunningServerAndItsConfiguration() throws IOException {
        api = ApiServer.start(new ApiSettings("127.0.0.1", 0, List.of(
                new ApiSettings.Token("admins", Role.ADMIN, new Secret.Written(ADMIN), Optional.empty()),
                new ApiSettings.Token("supervisors", Role.SUPERVISOR, new Secret.Written(SUPERVISOR),
                        Optional.empty()))), name -> null, new AdminEndpoints(by -> {
                            reloads.incrementAndGet();
                            return next.get();
                        }, changes::get, waiting::get, Runnable::run).addTo(new ApiRoutes()));
        ConfigCopy.tree(SHIPPED, config);
        rewrite("server.yaml", "  port: 8080", "  port: " + api.localAddress().getPort());
        rewrite("server.yaml", "    # - name: admins\n    #   role: admin\n    #   token: ${HOTLINE_ADMIN_TOKEN}",
                "    - name: admins\n      role: admin\n      token: ${HOTLINE_ADMIN_TOKEN}");
        next.set(ConfigLoader.load(config));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private int reload(String... options) {
        CommandLine cli = new CommandLine(new ReloadCommand(environment::get));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        String[] args = Stream.concat(Stream.of("--config", config.toString()), Stream.of(options))
                .toArray(String[]::new);
        return cli.execute(args);
    }

    @Test
    void theServerAppliesTheConfigurationAndTheCommandSaysWhatIsInForce() {
        environment.put("HOTLINE_ADMIN_TOKEN", ADMIN);

        int exit = reload();

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).isEqualTo("reloaded: 12 agents, 4 queues in force\n");
        assertThat(err.toString()).isEmpty();
        assertThat(reloads).hasValue(1);
    }

    @Test
    void eachChangeTheServerMadeIsPrintedOnALineOfItsOwn() {
        environment.put("HOTLINE_ADMIN_TOKEN", ADMIN);
        changes.set(List.of("agents added: 1013", "the API listens on 127.0.0.1:9090"));

        assertThat(reload()).isEqualTo(ExitCodes.OK);

        assertThat(out.toString()).isEqualTo("reloaded: 12 agents, 4 queues in force\nchanged: agents added: 1013\n"
                + "changed: the API listens on 127.0.0.1:9090\n");
    }

    @Test
    void whatOnlyARestartAppliesIsSaidOnASecondLine() {
        environment.put("HOTLINE_ADMIN_TOKEN", ADMIN);
        waiting.set(Optional.of("server.yaml changed in what only a restart applies (the API address)"));

        int exit = reload();

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).endsWith("\nwaiting for a restart: server.yaml changed in what only a restart "
                + "applies (the API address)\n");
    }

    @Test
    void aTokenInHotlineTokenIsUsedAheadOfServerYamls() {
        environment.put("HOTLINE_ADMIN_TOKEN", "not-the-admin-token-00");
        environment.put("HOTLINE_TOKEN", ADMIN);

        assertThat(reload()).isEqualTo(ExitCodes.OK);
        assertThat(reloads).hasValue(1);
    }

    @Test
    void aBrokenFileIsReportedAsValidateReportsItAndNotSent() throws IOException {
        environment.put("HOTLINE_ADMIN_TOKEN", ADMIN);
        Files.writeString(config.resolve("queues.yaml"), "queues:\n  - id: sales-health\n    groups: [vip-gold]\n");

        int exit = reload();

        assertThat(exit).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(err.toString()).contains("queues.yaml:3:14: queues[sales-health].groups[0]: unknown skill group "
                + "'vip-gold'").contains("is invalid: ").endsWith("; not sent, the running configuration stays\n");
        assertThat(out.toString()).isEmpty();
        assertThat(reloads).as("the server was not asked").hasValue(0);
    }

    @Test
    void theServersRefusalIsPrintedWithEveryProblem() {
        // the server's copy broke after this one was checked, or the server reads another directory
        environment.put("HOTLINE_ADMIN_TOKEN", ADMIN);
        next.set(new ConfigResult.Invalid(List.of(new ConfigProblem("agents.yaml", 7, 5, "agents[1003].id",
                "duplicate agent id '1003'"))));

        int exit = reload();

        assertThat(exit).isEqualTo(ExitCodes.INVALID_CONFIG);
        assertThat(err.toString()).isEqualTo("agents.yaml:7:5: agents[1003].id: duplicate agent id '1003'\n"
                + "the server refused the configuration: 1 problem; the running configuration stays\n");
    }

    @Test
    void withoutAnAdminTokenItSaysHowToGetOneAndAsksNothing() {
        int exit = reload();

        assertThat(exit).isEqualTo(ExitCodes.NOT_DELIVERED);
        assertThat(err.toString()).startsWith("cannot ask the server to reload: no admin token (HOTLINE_TOKEN is "
                + "not set, and ").contains("server.yaml's api.tokens has no role: admin token whose value is set "
                + "here); add one (docs/api.md), or signal the server: kill -HUP <pid>");
        assertThat(reloads).hasValue(0);
    }

    @Test
    void aTokenWithoutTheAdminRoleIsRefusedAndTheReasonPrinted() {
        environment.put("HOTLINE_TOKEN", SUPERVISOR);

        int exit = reload();

        assertThat(exit).isEqualTo(ExitCodes.NOT_DELIVERED);
        assertThat(err.toString()).contains("refused the token (403: token 'supervisors' has the role supervisor; "
                + "POST /api/v1/config/reload needs admin); a reload needs an admin token");
        assertThat(reloads).hasValue(0);
    }

    @Test
    void aTokenTheServerDoesNotKnowIsRefusedWithWhatMayBeWrong() {
        environment.put("HOTLINE_TOKEN", "not-a-token-of-this-server");

        assertThat(reload()).isEqualTo(ExitCodes.NOT_DELIVERED);
        assertThat(err.toString()).contains("refused the token (401: the token is not one of server.yaml's "
                + "api.tokens); a reload needs an admin token whose variable was set where the server started (it "
                + "reads them at start and reload)");

        err.getBuffer().setLength(0);
        environment.put("HOTLINE_TOKEN", "short");
        assertThat(reload()).isEqualTo(ExitCodes.NOT_DELIVERED);
        assertThat(err.toString()).contains("a reload needs an admin token, and the server leaves out tokens shorter "
                + "than 16 characters (this one has 5)");
        assertThat(reloads).hasValue(0);
    }

    @Test
    void whenNoServerListensItSaysWhereItLookedAndThatAnApiNotYetReloadedNeedsUrl() throws IOException {
        environment.put("HOTLINE_ADMIN_TOKEN", ADMIN);
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }

        int exit = reload("--url", "http://127.0.0.1:" + closed);

        assertThat(exit).isEqualTo(ExitCodes.NOT_DELIVERED);
        assertThat(err.toString()).startsWith("no Hotline server answers at http://127.0.0.1:" + closed + "/ (--url): "
                + "is it running?");
    }

    @Test
    void urlReachesAServerThatStillListensWhereServerYamlSaidBefore() throws IOException {
        environment.put("HOTLINE_ADMIN_TOKEN", ADMIN);
        rewrite("server.yaml", "  port: " + api.localAddress().getPort(), "  port: 1");

        int exit = reload("--url", "http://127.0.0.1:" + api.localAddress().getPort());

        assertThat(exit).isEqualTo(ExitCodes.OK);
        assertThat(reloads).hasValue(1);
    }

    @Test
    void aUrlThatIsNoHttpAddressIsAUsageErrorSayingHowToWriteOne() {
        environment.put("HOTLINE_ADMIN_TOKEN", ADMIN);

        assertThat(reload("--url", "notaurl")).isEqualTo(ExitCodes.USAGE);
        assertThat(reload("--url", "ftp://127.0.0.1:8080")).isEqualTo(ExitCodes.USAGE);
        assertThat(reload("--url", "http://[::1")).isEqualTo(ExitCodes.USAGE);

        assertThat(err.toString()).contains(
                "--url must be an http:// or https:// address such as http://127.0.0.1:8080, not 'notaurl'\n",
                "--url must be an http:// or https:// address such as http://127.0.0.1:8080, not 'ftp://127.0.0.1:8080'\n",
                "--url must be an http:// or https:// address such as http://127.0.0.1:8080, not 'http://[::1': "
                        + "Expected closing bracket for IPv6 address at character 12");
        assertThat(err.toString()).doesNotContain("\tat ");
        assertThat(reloads).hasValue(0);
    }

    @Test
    void aServerWithoutAnApiCannotBeAskedAndTheSignalIsNamed() throws IOException {
        environment.put("HOTLINE_ADMIN_TOKEN", ADMIN);
        String text = Files.readString(config.resolve("server.yaml"));
        int start = text.indexOf("\napi:\n");
        int end = text.indexOf("\n\n", start + 1);
        Files.writeString(config.resolve("server.yaml"), text.substring(0, start) + text.substring(end));

        int exit = reload();

        assertThat(exit).isEqualTo(ExitCodes.NOT_DELIVERED);
        assertThat(err.toString()).endsWith("server.yaml has no api section, so the server runs no API to ask; "
                + "signal it instead: kill -HUP <pid>\n");
        assertThat(reloads).hasValue(0);
    }

    @Test
    void aServerBoundToEveryInterfaceIsAskedOnLoopback() {
        assertThat(ReloadCommand.apiAddress(new ApiSettings("0.0.0.0", 8080, List.of())))
                .hasToString("http://127.0.0.1:8080/");
        assertThat(ReloadCommand.apiAddress(new ApiSettings("::", 8080, List.of()))).hasToString("http://[::1]:8080/");
        assertThat(ReloadCommand.apiAddress(new ApiSettings("fd00::7", 9000, List.of())))
                .hasToString("http://[fd00::7]:9000/");
        assertThat(ReloadCommand.apiAddress(new ApiSettings("10.1.2.3", 8080, List.of())))
                .hasToString("http://10.1.2.3:8080/");
    }

    private void rewrite(String file, String from, String to) throws IOException {
        Path path = config.resolve(file);
        String text = Files.readString(path);
        assertThat(text).as(file).contains(from);
        Files.writeString(path, text.replace(from, to));
    }
}
