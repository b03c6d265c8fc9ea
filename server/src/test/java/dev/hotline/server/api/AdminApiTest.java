package dev.hotline.server.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.ApiSettings.Role;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigProblem;
import dev.hotline.server.config.ConfigResult;
import dev.hotline.server.config.ServerSettings.Secret;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** An admin reloads the configuration over the API and reads, in the answer, whether it was applied and if not why. */
class AdminApiTest {
    private static final String ADMIN = "admin-token-000000001";
    private static final String SUPERVISOR = "supervisor-token-0001";

    private final HttpClient http = HttpClient.newHttpClient();
    /** What the next reload finds. */
    private final AtomicReference<ConfigResult> next = new AtomicReference<>();
    private final AtomicInteger reloads = new AtomicInteger();
    private final AtomicBoolean serverYamlWaits = new AtomicBoolean();
    private final AtomicReference<String> reloadedOn = new AtomicReference<>();
    private final AtomicReference<String> reloadedBy = new AtomicReference<>();
    /** What the last reload changed, as the server says it. */
    private final AtomicReference<List<String>> changes = new AtomicReference<>(List.of());
    private ApiServer api;

    @BeforeEach
    void serve() {
        ApiSettings settings = new ApiSettings("127.0.0.1", 0, List.of(
                new ApiSettings.Token("admins", Role.ADMIN, new Secret.Written(ADMIN), Optional.empty()),
                new ApiSettings.Token("supervisors", Role.SUPERVISOR, new Secret.Written(SUPERVISOR),
                        Optional.empty())));
        api = ApiServer.start(settings, name -> null, new AdminEndpoints(by -> {
            reloads.incrementAndGet();
            reloadedOn.set(Thread.currentThread().getName());
            reloadedBy.set(by);
            return next.get();
        }, changes::get, () -> serverYamlWaits.get() ? Optional.of("server.yaml changed beyond ami and api.tokens: ...")
                : Optional.empty(), task -> new Thread(task, "reloader").start()).addTo(new ApiRoutes()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> reload(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.localAddress().getPort()
                        + "/api/v1/config/reload")).header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static ConfigResult shipped() {
        return ConfigLoader.load(Path.of(System.getProperty("hotline.config.dir", "../config")));
    }

    @Test
    void aValidConfigurationIsAppliedAndTheAnswerSaysHowManyAgentsAndQueuesAreInForce() throws Exception {
        next.set(shipped());

        HttpResponse<String> applied = reload(ADMIN);

        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.body()).isEqualTo("{\"result\":\"applied\",\"agents\":12,\"queues\":4}");
        assertThat(reloadedOn.get()).as("files are read off the API's event loop").isEqualTo("reloader");
        assertThat(reloadedBy.get()).as("for the journal's audit trail").isEqualTo("API token admins");
    }

    @Test
    void anInvalidConfigurationIsRefusedWithEveryProblemAsValidatePrintsIt() throws Exception {
        next.set(new ConfigResult.Invalid(List.of(
                new ConfigProblem("queues.yaml", 3, 14, "queues[sales-health].groups[0]",
                        "unknown skill group 'vip-gold'"),
                new ConfigProblem("agents.yaml", 7, 5, "agents[1003].id", "duplicate agent id '1003'"))));

        HttpResponse<String> refused = reload(ADMIN);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).isEqualTo("{\"result\":\"refused: the running configuration stays\",\"problems\":["
                + "\"queues.yaml:3:14: queues[sales-health].groups[0]: unknown skill group 'vip-gold'\","
                + "\"agents.yaml:7:5: agents[1003].id: duplicate agent id '1003'\"]}");
    }

    @Test
    void theAnswerSaysWhatTheReloadChanged() throws Exception {
        next.set(shipped());
        changes.set(List.of("agents added: 1013", "FastAGI listens on 127.0.0.1:4574"));

        HttpResponse<String> applied = reload(ADMIN);

        assertThat(applied.body()).isEqualTo("{\"result\":\"applied\",\"agents\":12,\"queues\":4,\"changes\":["
                + "\"agents added: 1013\",\"FastAGI listens on 127.0.0.1:4574\"]}");
    }

    @Test
    void theAnswerSaysWhenServerYamlChangedInWaysOnlyARestartApplies() throws Exception {
        next.set(shipped());
        serverYamlWaits.set(true);

        HttpResponse<String> applied = reload(ADMIN);

        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.body()).endsWith(
                ",\"waitingForRestart\":\"server.yaml changed beyond ami and api.tokens: ...\"}");
    }

    @Test
    void aReloadThatMovesTheApiBindsTheNewPortBeforeLettingTheOldOneGo() throws Exception {
        next.set(shipped());
        int old = api.localAddress().getPort();

        api.moveTo("127.0.0.1", 0);

        assertThat(api.localAddress().getPort()).isNotEqualTo(old);
        assertThat(reload(ADMIN).statusCode()).as("the API answers on its new port").isEqualTo(200);
    }

    @Test
    void aMoveToAPortInUseIsRefusedNamingBothAndTheApiStaysWhereItWas() throws Exception {
        next.set(shipped());
        int port = api.localAddress().getPort();
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> api.moveTo("127.0.0.1", taken.getLocalPort()))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the API cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ")
                    .hasMessageEndingWith("; it stays on 127.0.0.1:" + port);
        }
        assertThat(reload(ADMIN).statusCode()).isEqualTo(200);
    }

    @Test
    void onlyAnAdminMayReload() throws Exception {
        next.set(shipped());

        HttpResponse<String> bySupervisor = reload(SUPERVISOR);

        assertThat(bySupervisor.statusCode()).isEqualTo(403);
        assertThat(bySupervisor.body()).isEqualTo("{\"error\":\"token 'supervisors' has the role supervisor; "
                + "POST /api/v1/config/reload needs admin\"}");
        assertThat(reloads).hasValue(0);
    }
}
