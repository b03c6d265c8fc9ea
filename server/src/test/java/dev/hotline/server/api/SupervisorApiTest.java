package dev.hotline.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.AgentView;
import dev.hotline.acd.Decision;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.QueueView;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.Skill;
import dev.hotline.acd.stats.CentreStatistics;
import dev.hotline.bridge.ami.AmiActions;
import dev.hotline.bridge.ami.AmiConnectionState;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.AmiReply;
import dev.hotline.bridge.session.CallTelephony;
import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.ApiSettings.Role;
import dev.hotline.server.config.ServerSettings.Secret;
import dev.hotline.server.journal.JournalFixtures;
import dev.hotline.server.serve.CallControl;
import dev.hotline.server.serve.CentreView;
import dev.hotline.server.serve.UnusedAmiActions;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The supervisor's HTTP API over a real socket, with a fake Asterisk behind call control: who may do what, what
 * each refusal says, and what hang-up and listen-in ask of Asterisk.
 */
class SupervisorApiTest {
    private static final String SUPERVISOR_TOKEN = "s3cret-supervisor-token";
    private static final String AGENT_TOKEN = "s3cret-agent-1001-token";
    private static final List<AgentConfig> AGENTS = List.of(
            new AgentConfig("1001", "Wang Fang", "PJSIP/1001", List.of(new Skill("sales-health", 8))));

    /** What Asterisk was asked; it carries the channel of call 1.5 and rings PJSIP/2001. */
    private final List<String> asked = new ArrayList<>();
    private final AmiActions asterisk = new UnusedAmiActions() {
        @Override
        public CompletionStage<AmiReply> hangup(String channel) {
            asked.add("hangup " + channel);
            return CompletableFuture.completedFuture(new AmiReply(true, "Channel Hungup"));
        }

        @Override
        public CompletionStage<AmiEvent.OriginateResult> listenIn(String supervisorEndpoint, String agentEndpoint,
                                                                  ListenMode mode) {
            asked.add("listen " + supervisorEndpoint + " " + agentEndpoint + " " + mode);
            return CompletableFuture.completedFuture(new AmiEvent.OriginateResult("asterisk-1", "1", true, 4,
                    supervisorEndpoint + "-00000001", "1.9"));
        }
    };
    private List<AmiActions> connected = List.of(asterisk);
    private final CallTelephony telephony = new CallTelephony();
    private final HttpClient http = HttpClient.newHttpClient();
    private ApiServer api;
    private SupervisorEndpoints.JournalHealth journal = new SupervisorEndpoints.JournalHealth(false, 0);

    @BeforeEach
    void serve() {
        telephony.started("1.5", "PJSIP/trunk-00000005");
        CallControl calls = new CallControl(telephony, () -> AGENTS, () -> connected);
        CentreStatistics figures = new CentreStatistics(JournalFixtures.shippedConfig());
        // a call refused at the door at 09:01: in the figures since start and in the interval in progress at 09:05
        long fivePastNine = JournalFixtures.NINE_AM + 300_000;
        figures.onDecision(new Decision.CallRefused(JournalFixtures.NINE_AM + 60_000, "1.1", "13800138000",
                "4008001001", Decision.RefusalCause.BLACKLISTED, "hotline/system-busy-try-later", "fraud"));
        CentreView view = new CentreView(fivePastNine,
                List.of(new QueueView("sales-health", 2, 1, 45_000, 3, 1, 0, 180_000, false, true, "")),
                List.of(new AgentView("1001", AgentState.TALKING, "answered call 1.5", JournalFixtures.NINE_AM,
                        Optional.of("1.5"), 4, 600_000, PhoneState.FREE, AgentState.NOT_READY, "lunch")),
                figures.snapshot(fivePastNine), figures.intervalInProgress(fivePastNine),
                JournalFixtures.NINE_AM + 60_000);
        ApiSettings settings = new ApiSettings("127.0.0.1", 0, List.of(
                new ApiSettings.Token("supervisors", Role.SUPERVISOR, new Secret.Written(SUPERVISOR_TOKEN),
                        Optional.empty()),
                new ApiSettings.Token("agent-1001", Role.AGENT, new Secret.Written(AGENT_TOKEN), Optional.of("1001")),
                new ApiSettings.Token("wallboard", Role.SUPERVISOR, new Secret.FromEnvironment("WALLBOARD_TOKEN"),
                        Optional.empty())));
        api = ApiServer.start(settings, Map.<String, String>of()::get, new SupervisorEndpoints(calls,
                () -> CompletableFuture.completedFuture(view),
                () -> Map.of("asterisk-1", AmiConnectionState.CONNECTED.name()), () -> journal)
                .addTo(new ApiRoutes()));
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private HttpResponse<String> send(String method, String path, String token, String body)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + api.localAddress().getPort() + path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthIsOpenToAllAndSaysWhetherAsteriskIsConnected() throws Exception {
        HttpResponse<String> health = send("GET", "/health", null, null);

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"up\",\"ami\":{\"asterisk-1\":\"CONNECTED\"},"
                + "\"journal\":{\"state\":\"WRITING\",\"lostRecords\":0}}");
        assertThat(health.headers().firstValue("Content-Type")).contains("application/json");
    }

    @Test
    void healthSaysDegradedWhileTheJournalCannotBeWrittenForEveryDecisionIsThenLost() throws Exception {
        journal = new SupervisorEndpoints.JournalHealth(true, 17);

        HttpResponse<String> health = send("GET", "/health", null, null);

        assertThat(health.statusCode()).as("calls are still routed").isEqualTo(200);
        assertThat(health.body()).isEqualTo("{\"status\":\"degraded\",\"ami\":{\"asterisk-1\":\"CONNECTED\"},"
                + "\"journal\":{\"state\":\"FAILING\",\"lostRecords\":17}}");
    }

    @Test
    void aSupervisorSeesTheQueuesAndAgentsAsTheRoutingEngineDoes() throws Exception {
        HttpResponse<String> queues = send("GET", "/api/v1/queues", SUPERVISOR_TOKEN, null);
        HttpResponse<String> agents = send("GET", "/api/v1/agents", SUPERVISOR_TOKEN, null);

        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(queues.body()).contains("\"queueId\":\"sales-health\"", "\"waiting\":2", "\"agentsReady\":1",
                "\"open\":true", "\"closedBecause\":\"\"");
        assertThat(agents.body()).contains("\"agentId\":\"1001\"", "\"state\":\"TALKING\"", "\"callId\":\"1.5\"");
    }

    @Test
    void aSupervisorReadsTheFiguresSinceStartAndOfTheIntervalInProgressAsReportJsonShowsThem() throws Exception {
        HttpResponse<String> figures = send("GET", "/api/v1/figures", SUPERVISOR_TOKEN, null);

        assertThat(figures.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(figures.body());
        assertThat(body.path("sinceStart").path("centre").path("refusedBlacklist").asLong()).isEqualTo(1);
        assertThat(body.path("interval").path("centre").path("refusedBlacklist").asLong()).isEqualTo(1);
        assertThat(body.path("interval").path("from").asText()).isEqualTo("2026-11-23T01:00:00Z");
        assertThat(body.path("interval").path("countedFrom").asText()).as("the server started at 09:01, within the "
                + "interval: a wallboard says the interval is partial").isEqualTo("2026-11-23T01:01:00Z");
        assertThat(body.path("sinceStart").path("queues").has("sales-health")).isTrue();
        assertThat(send("GET", "/api/v1/figures", AGENT_TOKEN, null).statusCode()).isEqualTo(403);
    }

    @Test
    void aSupervisorHangsUpACallByItsIdAndAsteriskHangsUpItsChannel() throws Exception {
        HttpResponse<String> done = send("POST", "/api/v1/calls/1.5/hangup", SUPERVISOR_TOKEN, null);

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(done.body()).contains("\"result\":\"done\"", "\"what\":\"hung up PJSIP/trunk-00000005\"");
        assertThat(asked).containsExactly("hangup PJSIP/trunk-00000005");
    }

    @Test
    void theLogSaysWhoseTokenHungUpACallSoTheAuditTrailNamesWhoDidIt() throws Exception {
        Logger apiLog = (Logger) LoggerFactory.getLogger("dev.hotline.server.api");
        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        apiLog.addAppender(lines);
        try {
            send("POST", "/api/v1/calls/1.5/hangup", SUPERVISOR_TOKEN, null);
            send("POST", "/api/v1/calls/1.5/hangup", "not-a-token-of-the-server", null);
        } finally {
            apiLog.detachAppender(lines);
        }

        assertThat(lines.list).extracting(ILoggingEvent::getFormattedMessage).containsExactly(
                "API POST /api/v1/calls/1.5/hangup by supervisors -> 200",
                "API POST /api/v1/calls/1.5/hangup -> 401");
    }

    @Test
    void hangingUpACallThatIsNotInProgressIsNotFoundAndAsksNothingOfAsterisk() throws Exception {
        HttpResponse<String> missing = send("POST", "/api/v1/calls/1.77/hangup", SUPERVISOR_TOKEN, null);

        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).isEqualTo("{\"error\":\"no call '1.77' is in progress\"}");
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutAConnectedAsteriskCallControlIsUnavailable() throws Exception {
        connected = List.of();

        HttpResponse<String> unavailable = send("POST", "/api/v1/calls/1.5/hangup", SUPERVISOR_TOKEN, null);

        assertThat(unavailable.statusCode()).isEqualTo(503);
        assertThat(unavailable.body()).contains("no Asterisk manager interface is connected");
    }

    @Test
    void aSupervisorListensInOnAnAgentFromTheirOwnPhone() throws Exception {
        HttpResponse<String> done = send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN,
                "{\"phone\": \"PJSIP/2001\", \"mode\": \"whisper\"}");

        assertThat(done.statusCode()).isEqualTo(200);
        assertThat(asked).containsExactly("listen PJSIP/2001 PJSIP/1001 WHISPER");
    }

    @Test
    void aListenInRequestThatIsWrongSaysWhichFieldAndHow() throws Exception {
        assertThat(send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN, "{\"phone\": ").body())
                .startsWith("{\"error\":\"the body is not JSON: ");
        assertThat(send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN, "{}").body())
                .isEqualTo("{\"error\":\"'phone' is missing: the supervisor's phone to ring, e.g. \\\"PJSIP/2001\\\"\"}");
        assertThat(send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN,
                "{\"phone\": \"PJSIP/2001,q\"}").body()).contains("'phone' must be the supervisor's endpoint such as "
                + "PJSIP/2001");
        assertThat(send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN,
                "{\"phone\": \"PJSIP/+447700900123@trunk\"}").statusCode()).as("a trunk dial string").isEqualTo(400);
        assertThat(send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN,
                "{\"phone\": \"Local/s@hotline-callback\"}").statusCode()).as("a dialplan context").isEqualTo(400);
        assertThat(send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN,
                "{\"phone\": \"local/2001\"}").statusCode()).as("Local in any case").isEqualTo(400);
        HttpResponse<String> badMode = send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN,
                "{\"phone\": \"PJSIP/2001\", \"mode\": \"loud\"}");
        assertThat(badMode.statusCode()).isEqualTo(400);
        assertThat(badMode.body()).isEqualTo("{\"error\":\"'mode' must be listen, whisper, barge, not 'loud'\"}");
        assertThat(send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN,
                "{\"phone\": \"PJSIP/2001\", \"mode\": true}").body())
                .isEqualTo("{\"error\":\"'mode' must be text (listen, whisper or barge), not true or false\"}");
        assertThat(send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN, "{\"phone\": 2001}").body())
                .isEqualTo("{\"error\":\"'phone' must be text such as \\\"PJSIP/2001\\\", not a number\"}");
        assertThat(send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN,
                "{\"phone\": \"PJSIP/2001\", \"mod\": \"whisper\"}").body())
                .isEqualTo("{\"error\":\"unknown field 'mod': the body takes phone, mode\"}");
        assertThat(send("POST", "/api/v1/agents/1001/listen", SUPERVISOR_TOKEN, "\"PJSIP/2001\"").body())
                .startsWith("{\"error\":\"the body must be a JSON object such as ").endsWith(", not a string\"}");
        assertThat(send("POST", "/api/v1/agents/2002/listen", SUPERVISOR_TOKEN, "{\"phone\": \"PJSIP/2001\"}")
                .body()).isEqualTo("{\"error\":\"no agent '2002' in agents.yaml\"}");
        assertThat(asked).isEmpty();
    }

    @Test
    void withoutATokenOrWithAnUnknownOneNothingButHealthAnswers() throws Exception {
        HttpResponse<String> none = send("POST", "/api/v1/calls/1.5/hangup", null, null);
        HttpResponse<String> unknown = send("POST", "/api/v1/calls/1.5/hangup", "guessed-token-0000000", null);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).contains("Bearer realm=\"hotline\"");
        assertThat(none.body()).contains("this endpoint needs a token: send Authorization: Bearer <token>");
        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("the token is not one of server.yaml's api.tokens");
        assertThat(asked).isEmpty();
    }

    @Test
    void anAgentsTokenCannotHangUpCalls() throws Exception {
        HttpResponse<String> refused = send("POST", "/api/v1/calls/1.5/hangup", AGENT_TOKEN, null);

        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"error\":\"token 'agent-1001' has the role agent; "
                + "POST /api/v1/calls/{callId}/hangup needs admin or supervisor\"}");
        assertThat(asked).isEmpty();
    }

    @Test
    void twoTokensSetToOneValueOpenNothingSinceARequestCouldNotSayWhoseItIs() throws Exception {
        api.close();
        ApiSettings settings = new ApiSettings("127.0.0.1", 0, List.of(
                new ApiSettings.Token("agent-1001", Role.AGENT, new Secret.FromEnvironment("DESK_TOKEN"),
                        Optional.of("1001")),
                new ApiSettings.Token("supervisors", Role.SUPERVISOR, new Secret.FromEnvironment("SUPERVISOR_TOKEN"),
                        Optional.empty())));
        api = ApiServer.start(settings, Map.of("DESK_TOKEN", SUPERVISOR_TOKEN, "SUPERVISOR_TOKEN",
                SUPERVISOR_TOKEN)::get, new SupervisorEndpoints(new CallControl(telephony, () -> AGENTS,
                () -> connected), () -> CompletableFuture.completedFuture(null), Map::of, () -> journal)
                .addTo(new ApiRoutes()));

        HttpResponse<String> hangup = send("POST", "/api/v1/calls/1.5/hangup", SUPERVISOR_TOKEN, null);

        assertThat(hangup.statusCode()).as("neither the agent's role nor the supervisor's").isEqualTo(401);
        assertThat(asked).isEmpty();
    }

    @Test
    void aTokenWhoseVariableIsNotSetOpensNothing() throws Exception {
        assertThat(send("GET", "/api/v1/queues", "", null).statusCode()).isEqualTo(401);
    }

    @Test
    void somethingThatIsNotHttpIsAnsweredBadRequestAndTheConnectionClosed() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", api.localAddress().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write("HELLO THERE, API\r\n\r\n".getBytes(StandardCharsets.US_ASCII));

            String answer = new String(socket.getInputStream().readAllBytes(),
                    StandardCharsets.US_ASCII);

            assertThat(answer).startsWith("HTTP/1.1 400 Bad Request").contains("not a valid HTTP request: ");
        }
        assertThat(send("GET", "/health", null, null).statusCode()).as("the API goes on").isEqualTo(200);
    }

    @Test
    void aCallIdInThePathIsPercentDecodedPartByPartSoAnEncodedSlashStaysInTheId() throws Exception {
        HttpResponse<String> encoded = send("POST", "/api/v1/calls/1%2E5/hangup", SUPERVISOR_TOKEN, null);
        HttpResponse<String> slash = send("POST", "/api/v1/calls/1%2F5/hangup", SUPERVISOR_TOKEN, null);

        assertThat(encoded.statusCode()).isEqualTo(200);
        assertThat(slash.statusCode()).isEqualTo(404);
        assertThat(slash.body()).isEqualTo("{\"error\":\"no call '1/5' is in progress\"}");
        assertThat(asked).containsExactly("hangup PJSIP/trunk-00000005");
    }

    @Test
    void aPathThatDoesNotDecodeIsABadRequestThatSaysWhatIsWrongAndTheConnectionGoesOn() throws Exception {
        assertThat(rawAnswer("POST /api/v1/calls/1%ZZ/hangup")).startsWith("HTTP/1.1 400 Bad Request")
                .endsWith("{\"error\":\"the path part '1%ZZ' has a bad percent-encoding at character 2: '%' must "
                        + "be followed by two hexadecimal digits\"}");
        assertThat(rawAnswer("POST /api/v1/calls/1.5%/hangup")).startsWith("HTTP/1.1 400 Bad Request")
                .contains("the path part '1.5%' has a bad percent-encoding at character 4");
        assertThat(rawAnswer("POST /api/v1/calls/%E2%82/hangup")).startsWith("HTTP/1.1 400 Bad Request")
                .endsWith("{\"error\":\"the path part '%E2%82' does not decode to UTF-8 text\"}");
        assertThat(rawAnswer("POST /api/v1/calls/1%0A5/hangup")).startsWith("HTTP/1.1 400 Bad Request")
                .endsWith("{\"error\":\"the path part '1%0A5' decodes to a control character\"}");
        assertThat(asked).isEmpty();
        assertThat(send("GET", "/health", null, null).statusCode()).as("the API goes on").isEqualTo(200);
    }

    /** Sends a request line as written (the JDK's client refuses a bad URI) and reads the whole answer. */
    private String rawAnswer(String requestLine) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", api.localAddress().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write((requestLine + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer "
                    + SUPERVISOR_TOKEN + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void headIsAnsweredAsGetWithoutTheBodySoAMonitorCanAskIt() throws Exception {
        HttpResponse<String> get = send("GET", "/health", null, null);
        HttpResponse<String> head = send("HEAD", "/health", null, null);
        HttpResponse<String> queues = send("HEAD", "/api/v1/queues", SUPERVISOR_TOKEN, null);
        HttpResponse<String> hangup = send("HEAD", "/api/v1/calls/1.5/hangup", SUPERVISOR_TOKEN, null);

        assertThat(head.statusCode()).isEqualTo(200);
        assertThat(head.body()).isEmpty();
        assertThat(head.headers().firstValue("content-length")).contains(Integer.toString(get.body().length()));
        assertThat(queues.statusCode()).isEqualTo(200);
        assertThat(hangup.statusCode()).isEqualTo(405);
        assertThat(hangup.headers().firstValue("Allow")).contains("POST");
        assertThat(asked).as("a HEAD does nothing").isEmpty();
    }

    @Test
    void theBearerSchemeIsReadWhateverItsCase() throws Exception {
        HttpRequest lower = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.localAddress().getPort()
                + "/api/v1/queues")).header("Authorization", "bearer " + SUPERVISOR_TOKEN).GET().build();

        assertThat(http.send(lower, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    @Test
    void anUnknownEndpointListsTheEndpointsAndAWrongMethodSaysWhichOneItTakes() throws Exception {
        HttpResponse<String> unknown = send("GET", "/api/v1/calls", SUPERVISOR_TOKEN, null);
        HttpResponse<String> wrongMethod = send("GET", "/api/v1/calls/1.5/hangup", SUPERVISOR_TOKEN, null);

        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).isEqualTo("{\"error\":\"no such endpoint: GET /api/v1/calls (endpoints: "
                + "GET /health, GET /api/v1/queues, GET /api/v1/agents, GET /api/v1/figures, "
                + "POST /api/v1/calls/{callId}/hangup, "
                + "POST /api/v1/agents/{agentId}/listen)\"}");
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
        assertThat(asked).isEmpty();
    }
}
