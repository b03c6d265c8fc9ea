package dev.hotline.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentState;
import dev.hotline.acd.AgentView;
import dev.hotline.acd.AssignmentReason;
import dev.hotline.acd.Decision;
import dev.hotline.acd.OfferEnd;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.bridge.engine.EngineLoop;
import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.ApiSettings.Role;
import dev.hotline.server.config.NotReadyReasons;
import dev.hotline.server.config.ServerSettings.Secret;
import dev.hotline.server.journal.JournalFixtures;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The agent's desktop over a real socket: a stream of Server-Sent Events that starts with the agent as the engine
 * sees them and carries each offer's screen pop the moment the engine decides it.
 */
class AgentDesktopApiTest {
    private static final String DESK_1001 = "desk-1001-token-0000";
    private static final String SUPERVISOR = "supervisor-token-0000";
    private static final long NOW = JournalFixtures.NINE_AM;

    private final AgentPush push = new AgentPush();
    private final HttpClient http = HttpClient.newHttpClient();
    private final List<InputStream> open = new ArrayList<>();
    /** The shipped centre's routing engine on its own thread, the desktops' pushes listening. */
    private final EngineLoop engine = new EngineLoop(JournalFixtures.shippedConfig(), 1,
            Clock.fixed(Instant.ofEpochMilli(NOW), ZoneId.of("Asia/Shanghai")), 100, List.of(push));
    private ApiServer api;
    /** server.yaml's agents.notReadyReasons as the server has them now. */
    private NotReadyReasons reasons = NotReadyReasons.ANY;

    @BeforeEach
    void serve() {
        engine.start();
        List<AgentConfig> agents = JournalFixtures.shippedConfig().agents();
        Map<String, AgentView> engineSees = Map.of("1001", new AgentView("1001", AgentState.READY, "logged in",
                NOW - 60_000, Optional.empty(), 3, 420_000, PhoneState.FREE, AgentState.READY, ""),
                "1003", new AgentView("1003", AgentState.TALKING, "answered call 1.7", NOW - 5_000, Optional.of("1.7"),
                        1, 0, PhoneState.FREE, AgentState.READY, ""));
        ApiSettings settings = new ApiSettings("127.0.0.1", 0, List.of(
                new ApiSettings.Token("desk-1001", Role.AGENT, new Secret.Written(DESK_1001), Optional.of("1001")),
                new ApiSettings.Token("supervisors", Role.SUPERVISOR, new Secret.Written(SUPERVISOR),
                        Optional.empty())));
        api = ApiServer.start(settings, name -> null, new AgentEndpoints(push, () -> agents,
                id -> CompletableFuture.completedFuture(Optional.ofNullable(engineSees.get(id))), engine::decide,
                engine::now, () -> reasons).addTo(new ApiRoutes()));
    }

    @AfterEach
    void stop() throws IOException {
        for (InputStream stream : open) {
            stream.close();
        }
        api.close();
        engine.close();
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.localAddress().getPort() + path))
                .header("Authorization", "Bearer " + token).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void anAgentLogsInGoesReadyTakesABreakAndLogsOutAndEachAnswerIsTheRoutingEnginesVerdict() throws Exception {
        assertThat(post("/api/v1/agents/1001/login", DESK_1001, "").body())
                .contains("\"agentId\":\"1001\"", "\"state\":\"NOT_READY\"");
        assertThat(post("/api/v1/agents/1001/ready", DESK_1001, "").body()).contains("\"state\":\"READY\"");
        HttpResponse<String> lunch = post("/api/v1/agents/1001/not-ready", DESK_1001, "{\"reason\": \"lunch\"}");
        assertThat(lunch.statusCode()).isEqualTo(200);
        assertThat(lunch.body()).as("the same fields in the same order every run")
                .isEqualTo("{\"agentId\":\"1001\",\"state\":\"NOT_READY\",\"reason\":\"lunch\"}");
        assertThat(post("/api/v1/agents/1001/logout", DESK_1001, "").body()).contains("\"state\":\"LOGGED_OUT\"");

        HttpResponse<String> again = post("/api/v1/agents/1001/logout", DESK_1001, "");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).isEqualTo("{\"error\":\"agent 1001 cannot log out: agent is already LOGGED_OUT\"}");
    }

    @Test
    void anAgentOnACallWhoAsksForABreakGetsItWhenTheCallIsOverAndTheAnswerSaysSo() throws Exception {
        post("/api/v1/agents/1001/login", DESK_1001, "");
        post("/api/v1/agents/1001/ready", DESK_1001, "");
        engine.decide(new AcdEvent.CallArrived(NOW, "c1", "13800000001", "4008001001")).toCompletableFuture().get();
        engine.decide(new AcdEvent.QueueRequested(NOW, "c1", Optional.empty(), 0, Map.of())).toCompletableFuture()
                .get();
        engine.decide(new AcdEvent.OfferAnswered(NOW, "c1", "1001")).toCompletableFuture().get();

        HttpResponse<String> lunch = post("/api/v1/agents/1001/not-ready", DESK_1001, "{\"reason\": \"lunch\"}");
        HttpResponse<String> logout = post("/api/v1/agents/1001/logout", DESK_1001, "");
        HttpResponse<String> ready = post("/api/v1/agents/1001/ready", DESK_1001, "");

        assertThat(lunch.statusCode()).isEqualTo(200);
        assertThat(lunch.body()).contains("\"state\":\"TALKING\"", "\"afterCall\":\"NOT_READY\"",
                "\"reason\":\"lunch\"");
        assertThat(logout.body()).contains("\"state\":\"TALKING\"", "\"afterCall\":\"LOGGED_OUT\"");
        assertThat(ready.statusCode()).isEqualTo(200);
        assertThat(ready.body()).contains("\"afterCall\":\"READY\"");
        HttpResponse<String> readyAgain = post("/api/v1/agents/1001/ready", DESK_1001, "");
        assertThat(readyAgain.statusCode()).isEqualTo(409);
        assertThat(readyAgain.body()).contains("READY again after the call");
    }

    @Test
    void aCentreThatListsItsReasonCodesRefusesABreakWithAnotherAndTheDesktopReadsTheList() throws Exception {
        reasons = new NotReadyReasons(List.of("break", "lunch", "training"));
        post("/api/v1/agents/1001/login", DESK_1001, "");

        HttpResponse<String> misspelt = post("/api/v1/agents/1001/not-ready", DESK_1001, "{\"reason\": \"lnch\"}");
        HttpResponse<String> lunch = post("/api/v1/agents/1001/not-ready", DESK_1001, "{\"reason\": \" lunch \"}");
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + api.localAddress().getPort() + "/api/v1/not-ready-reasons")).header("Authorization", "Bearer "
                + DESK_1001).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.body()).isEqualTo("{\"error\":\"'lnch' is not one of the centre's not-ready reasons "
                + "(server.yaml agents.notReadyReasons): break, lunch, training\"}");
        assertThat(lunch.statusCode()).isEqualTo(200);
        assertThat(lunch.body()).contains("\"reason\":\"lunch\"");
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"notReadyReasons\":[\"break\",\"lunch\",\"training\"]}");
    }

    @Test
    void aCentreWithoutAListTakesAnyReasonCodeAndSaysSoWithAnEmptyList() throws Exception {
        post("/api/v1/agents/1001/login", DESK_1001, "");

        HttpResponse<String> coaching = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"coaching with Li\"}");
        HttpResponse<String> list = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + api.localAddress().getPort() + "/api/v1/not-ready-reasons")).header("Authorization", "Bearer "
                + SUPERVISOR).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(coaching.statusCode()).isEqualTo(200);
        assertThat(list.body()).isEqualTo("{\"notReadyReasons\":[]}");
    }

    @Test
    void aBreakNeedsAReasonCodeAndAnAgentActsOnlyForThemselves() throws Exception {
        HttpResponse<String> noReason = post("/api/v1/agents/1001/not-ready", DESK_1001, "");
        HttpResponse<String> someoneElse = post("/api/v1/agents/1002/ready", DESK_1001, "");
        HttpResponse<String> bySupervisor = post("/api/v1/agents/1002/login", SUPERVISOR, "");

        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("not ready needs a reason code: a body such as {\\\"reason\\\": "
                + "\\\"lunch\\\"}, 1 to 64 printable characters");
        assertThat(someoneElse.statusCode()).isEqualTo(403);
        assertThat(someoneElse.body()).contains("it may change the state of that agent only");
        assertThat(bySupervisor.statusCode()).isEqualTo(200);
    }

    @Test
    void aReasonCodeThatCannotBeReadIsRefusedWithWhatIsWrongWithIt() throws Exception {
        HttpResponse<String> notJson = post("/api/v1/agents/1001/not-ready", DESK_1001, "{reason: lunch");
        HttpResponse<String> tooLong = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"" + "x".repeat(65) + "\"}");
        HttpResponse<String> control = post("/api/v1/agents/1001/not-ready", DESK_1001, "{\"reason\": \"lun\\tch\"}");
        HttpResponse<String> notText = post("/api/v1/agents/1001/not-ready", DESK_1001, "{\"reason\": 42}");
        HttpResponse<String> misspelt = post("/api/v1/agents/1001/not-ready", DESK_1001, "{\"reson\": \"lunch\"}");
        HttpResponse<String> extra = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"lunch\", \"until\": \"13:00\"}");
        HttpResponse<String> array = post("/api/v1/agents/1001/not-ready", DESK_1001, "[\"lunch\"]");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.body()).startsWith("{\"error\":\"the body is not JSON: Unexpected character");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).isEqualTo("{\"error\":\"the reason code is 65 characters long; at most 64\"}");
        assertThat(control.statusCode()).isEqualTo(400);
        assertThat(control.body()).contains("the reason code has a control, invisible or broken character; it must be "
                + "printable");
        assertThat(notText.statusCode()).isEqualTo(400);
        assertThat(notText.body()).isEqualTo("{\"error\":\"'reason' must be text such as \\\"lunch\\\", not a number\"}");
        assertThat(misspelt.statusCode()).isEqualTo(400);
        assertThat(misspelt.body()).isEqualTo("{\"error\":\"unknown field 'reson': the body takes reason\"}");
        assertThat(extra.body()).isEqualTo("{\"error\":\"unknown field 'until': the body takes reason\"}");
        assertThat(array.body()).isEqualTo("{\"error\":\"the body must be a JSON object such as "
                + "{\\\"reason\\\": \\\"lunch\\\"}, not an array\"}");
        post("/api/v1/agents/1001/login", DESK_1001, "");
        HttpResponse<String> longest = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"" + "x".repeat(64) + "\"}");
        assertThat(longest.statusCode()).as(longest.body()).isEqualTo(200);
    }

    @Test
    void aReasonCodeIsCountedInCharactersAndMustBeVisibleText() throws Exception {
        HttpResponse<String> noBreakSpace = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"\\u00a0\"}");
        HttpResponse<String> zeroWidth = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"a\\u200bb\"}");
        HttpResponse<String> halfAPair = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"\\ud83d\"}");
        post("/api/v1/agents/1001/login", DESK_1001, "");
        HttpResponse<String> emoji = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"" + "\uD83D\uDE00".repeat(40) + "\"}");

        assertThat(noBreakSpace.body()).startsWith("{\"error\":\"not ready needs a reason code");
        assertThat(zeroWidth.statusCode()).isEqualTo(400);
        assertThat(halfAPair.statusCode()).isEqualTo(400);
        assertThat(emoji.statusCode()).as("40 characters, though 80 UTF-16 units: %s", emoji.body()).isEqualTo(200);
    }

    @Test
    void aReasonCodeThatBreaksALineIsPrivateOrLooksBlankIsRefusedButAnAccentOrAnEmojiPresentationIsFine()
            throws Exception {
        for (String unreadable : List.of("lun\\u2028ch", "lun\\u2029ch", "\\uffff", "\\ue000", "\\u3164",
                "\\u2800\\u2800", "\\u0301", "\\u034f")) {
            HttpResponse<String> refused = post("/api/v1/agents/1001/not-ready", DESK_1001,
                    "{\"reason\": \"" + unreadable + "\"}");
            assertThat(refused.statusCode()).as(unreadable).isEqualTo(400);
        }
        post("/api/v1/agents/1001/login", DESK_1001, "");
        assertThat(post("/api/v1/agents/1001/not-ready", DESK_1001, "{\"reason\": \"caf\\u00e9 \\u2615\\ufe0f\"}")
                .statusCode()).isEqualTo(200);
        assertThat(post("/api/v1/agents/1001/not-ready", DESK_1001, "{\"reason\": \"cafe\\u0301\"}")
                .statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyThatIsNotOneJsonValueWithEachFieldOnceIsRefusedNotPartlyRead() throws Exception {
        HttpResponse<String> trailing = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"lunch\"} garbage");
        HttpResponse<String> twice = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"lunch\", \"reason\": \"tea\"}");

        assertThat(trailing.statusCode()).isEqualTo(400);
        assertThat(trailing.body()).startsWith("{\"error\":\"the body is not JSON: ");
        assertThat(twice.statusCode()).isEqualTo(400);
        assertThat(twice.body()).startsWith("{\"error\":\"the body is not JSON: Duplicate field 'reason'");
    }

    @Test
    void aStateChangeThatTakesNoBodyRefusesOneSoTheDesktopDoesNotBelieveItWasApplied() throws Exception {
        HttpResponse<String> logoutWithReason = post("/api/v1/agents/1001/logout", DESK_1001,
                "{\"reason\": \"done\"}");
        HttpResponse<String> readyWithText = post("/api/v1/agents/1001/ready", DESK_1001, "not json at all");
        HttpResponse<String> loginWithNothing = post("/api/v1/agents/1001/login", DESK_1001, "{}");

        assertThat(logoutWithReason.statusCode()).isEqualTo(400);
        assertThat(logoutWithReason.body()).isEqualTo(
                "{\"error\":\"this request takes no body; got the field(s) reason\"}");
        assertThat(readyWithText.statusCode()).isEqualTo(400);
        assertThat(readyWithText.body()).startsWith("{\"error\":\"this request takes no body, and the body is "
                + "not JSON: ");
        assertThat(loginWithNothing.statusCode()).as(loginWithNothing.body()).isEqualTo(200);
    }

    @Test
    void anHttp10ClientSuchAsAProxyGetsTheEventStreamUnchunkedEndedByClosingTheConnection() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.localAddress().getPort())) {
            socket.getOutputStream().write(("GET /api/v1/agents/1001/events HTTP/1.0\r\nAuthorization: Bearer "
                    + DESK_1001 + "\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            BufferedReader in = new BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            List<String> head = nextEvent(in);   // the head, up to its blank line

            assertThat(head.getFirst()).isEqualTo("HTTP/1.0 200 OK");
            assertThat(head).noneMatch(h -> h.toLowerCase(java.util.Locale.ROOT).startsWith("transfer-encoding"));
            assertThat(nextEvent(in).getFirst()).as("the first event, with no chunk size before it")
                    .isEqualTo("event: agent");
        }
    }

    @Test
    void pipelinedRequestsAreAnsweredInTheOrderTheyCameThoughTheFirstWaitsForTheRoutingEngine() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.localAddress().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("POST /api/v1/agents/1002/ready HTTP/1.1\r\nHost: h\r\nAuthorization: "
                    + "Bearer " + SUPERVISOR + "\r\nContent-Length: 0\r\n\r\n"
                    + "GET /api/v1/nowhere HTTP/1.1\r\nHost: h\r\n\r\n"
                    + "POST /api/v1/agents/1001/login HTTP/1.1\r\nHost: h\r\nContent-Length: 0\r\n\r\n"
                    + "BROKEN\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            var in = new java.io.DataInputStream(socket.getInputStream());

            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                statuses.add(nextAnswerStatus(in));
            }

            assertThat(statuses).as("engine's 409, then 404, 401, and the broken one's 400 last")
                    .containsExactly(409, 404, 401, 400);
        }
    }

    @Test
    void anHttp11RequestWithoutAHostOrWithTwoIsRefused() throws Exception {
        for (String hosts : List.of("", "Host: a\r\nHost: b\r\n")) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.localAddress().getPort())) {
                socket.setSoTimeout(5_000);
                socket.getOutputStream().write(("GET /api/v1/agents/1001/events HTTP/1.1\r\n" + hosts
                        + "Authorization: Bearer " + DESK_1001 + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

                assertThat(answer).as(hosts).startsWith("HTTP/1.1 400 ")
                        .endsWith("{\"error\":\"an HTTP/1.1 request names its Host exactly once\"}");
            }
        }
    }

    @Test
    void aRequestTargetInAbsoluteFormIsAnsweredAsItsPath() throws Exception {
        // RFC 9112 3.2.2: a server accepts http://host/path as well as /path (some clients and proxies send it)
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.localAddress().getPort())) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream().write(("GET HTTP://127.0.0.1:" + api.localAddress().getPort()
                    + "/api/v1/agents/1002/events HTTP/1.1\r\nHost: h\r\nAuthorization: Bearer " + DESK_1001
                    + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(answer).as("the agent route, not a 404: 1001's token may not read 1002's events")
                    .startsWith("HTTP/1.1 403 ");
        }
    }

    /** Reads one HTTP answer (head and Content-Length body) and gives its status. */
    private static int nextAnswerStatus(java.io.DataInputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) in.readUnsignedByte());
        }
        int length = 0;
        for (String line : head.toString().split("\r\n")) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring(15).trim());
            }
        }
        in.readFully(new byte[length]);
        return Integer.parseInt(head.substring(9, 12));
    }

    @Test
    void aLargeBodyWithoutAGoodTokenIsNotReadButTheRequestIsStillAnsweredWithWhyNot() throws Exception {
        HttpResponse<String> guessed = post("/api/v1/agents/1001/not-ready", "guessed-token-0000",
                "{\"reason\": \"" + "x".repeat(60 * 1024) + "\"}");
        HttpResponse<String> unknownPath = post("/api/v1/nowhere", "guessed-token-0000", "x".repeat(60 * 1024));

        assertThat(guessed.statusCode()).isEqualTo(401);
        assertThat(guessed.body()).isEqualTo("{\"error\":\"the token is not one of server.yaml's api.tokens\"}");
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(post("/api/v1/agents/1001/login", DESK_1001, "").statusCode()).isEqualTo(200);
    }

    @Test
    void aBodyUrlOrHeadersPastTheLimitsGetTheirOwnStatusesWithAJsonError() throws Exception {
        HttpResponse<String> bigBody = post("/api/v1/agents/1001/not-ready", DESK_1001,
                "{\"reason\": \"" + "x".repeat(70 * 1024) + "\"}");
        HttpResponse<String> longUrl = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + api.localAddress().getPort() + "/api/v1/agents/" + "1".repeat(5000))).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> bigHeaders = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + api.localAddress().getPort() + "/health")).header("X-Pad", "p".repeat(9000)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(bigBody.statusCode()).isEqualTo(413);
        assertThat(bigBody.body()).isEqualTo("{\"error\":\"the body is over 65536 bytes; no endpoint takes more "
                + "than a few fields\"}");
        assertThat(longUrl.statusCode()).isEqualTo(414);
        assertThat(bigHeaders.statusCode()).isEqualTo(431);
    }

    @Test
    void aRequestWithTwoAuthorizationHeadersIsRefusedRatherThanTakenForEitherToken() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("127.0.0.1", api.localAddress().getPort())) {
            socket.getOutputStream().write(("POST /api/v1/agents/1001/login HTTP/1.1\r\nHost: x\r\nAuthorization: "
                    + "Bearer " + DESK_1001 + "\r\nAuthorization: Bearer someone-else-0000\r\nContent-Length: 0\r\n"
                    + "Connection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);

            assertThat(answer).startsWith("HTTP/1.1 400 ").endsWith(
                    "{\"error\":\"the request has more than one Authorization header: send one\"}");
        }
    }

    @Test
    void aHeadOfTheEventStreamOpensNoStream() throws Exception {
        HttpResponse<String> head = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + api.localAddress().getPort() + "/api/v1/agents/1001/events"))
                .header("Authorization", "Bearer " + DESK_1001).method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(head.statusCode()).isEqualTo(405);
        assertThat(head.headers().firstValue("Allow")).contains("GET");
    }

    private HttpResponse<InputStream> follow(String agentId, String token) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                        + api.localAddress().getPort() + "/api/v1/agents/" + agentId + "/events"))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofInputStream());
        open.add(response.body());
        return response;
    }

    /** The next event on the stream: its lines up to the blank line, keep-alive comments skipped. */
    private static List<String> nextEvent(BufferedReader stream) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            List<String> lines = new ArrayList<>();
            try {
                for (String line = stream.readLine(); line != null; line = stream.readLine()) {
                    if (line.isEmpty() && !lines.isEmpty()) {
                        return lines;
                    }
                    if (!line.isEmpty() && !line.startsWith(":")) {
                        lines.add(line);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return lines;
        }).get(5, TimeUnit.SECONDS);
    }

    /**
     * Whether the server ended the stream within 5 s: the client reads its end, or (the chunked body cut short) an
     * error; an event instead is not an end.
     */
    private static boolean ended(BufferedReader stream) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = stream.readLine(); line != null; line = stream.readLine()) {
                    if (!line.isEmpty() && !line.startsWith(":")) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return true;
            }
        }).get(5, TimeUnit.SECONDS);
    }

    private static BufferedReader reader(HttpResponse<InputStream> response) {
        return new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8));
    }

    private static Decision.CallOffered offerTo(String agentId, String callId) {
        return new Decision.CallOffered(NOW, callId, agentId, "PJSIP/" + agentId, "sales-health", 15_000, 12_000,
                "13911112222", "4008001001", "slimming-tea", Optional.of("Gold customers (gold)"),
                Map.of("order", "A-77"), new AssignmentReason("sales-health", "sales-health", Optional.empty(),
                RoutingStrategy.SKILL_LEVEL, "Call " + callId + " waited 12 s in queue sales-health; ..."));
    }

    @Test
    void anAgentsDesktopStartsWithTheAgentThenGetsEachOfferWithItsScreenPopAsTheEngineDecidesIt() throws Exception {
        HttpResponse<InputStream> response = follow("1001", DESK_1001);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        BufferedReader stream = reader(response);

        List<String> first = nextEvent(stream);
        assertThat(first.getFirst()).isEqualTo("event: agent");
        assertThat(first.getLast()).contains("\"agentId\":\"1001\"", "\"state\":\"READY\"");

        push.onDecision(offerTo("1002", "1.4"));
        push.onDecision(offerTo("1001", "1.5"));
        push.onDecision(new Decision.AgentStateChanged(NOW, "1001", AgentState.READY, AgentState.RESERVED,
                "offered call 1.5"));

        List<String> offer = nextEvent(stream);
        assertThat(offer.getFirst()).as("1002's offer is not 1001's business").isEqualTo("event: offer");
        assertThat(offer.get(1)).startsWith("id: ");
        assertThat(offer.getLast()).startsWith("data: {").contains("\"callId\":\"1.5\"",
                "\"callerNumber\":\"13911112222\"", "\"dialledNumber\":\"4008001001\"",
                "\"businessType\":\"slimming-tea\"", "\"vip\":\"Gold customers (gold)\"",
                "\"attachedData\":{\"order\":\"A-77\"}", "\"explanation\":\"Call 1.5 waited 12 s in queue sales-health");
        List<String> state = nextEvent(stream);
        assertThat(state.getFirst()).isEqualTo("event: state");
        assertThat(state.getLast()).contains("\"from\":\"READY\"", "\"to\":\"RESERVED\"");
    }

    @Test
    void anOfferThatRangOutIsSaidToTheDesktopWithItsCall() throws Exception {
        BufferedReader stream = reader(follow("1001", DESK_1001));
        nextEvent(stream);

        push.onDecision(new Decision.CallRequeued(NOW, "1.8", "1001", "sales-health", "ring-no-answer after 15 s",
                OfferEnd.NO_ANSWER));

        List<String> ended = nextEvent(stream);
        assertThat(ended.getFirst()).isEqualTo("event: offer-ended");
        assertThat(ended.getLast()).contains("\"callId\":\"1.8\"", "\"cause\":\"ring-no-answer after 15 s\"");
    }

    @Test
    void aDesktopThatConnectsAgainMidCallGetsTheScreenPopOfThatCallAgain() throws Exception {
        push.onDecision(offerTo("1003", "1.6"));
        push.onDecision(new Decision.AgentStateChanged(NOW, "1003", AgentState.RESERVED, AgentState.READY,
                "offer of call 1.6 withdrawn: caller hung up"));
        push.onDecision(offerTo("1003", "1.7"));

        BufferedReader stream = reader(follow("1003", SUPERVISOR));

        assertThat(nextEvent(stream).getLast()).contains("\"state\":\"TALKING\"", "\"callId\":\"1.7\"");
        List<String> offer = nextEvent(stream);
        assertThat(offer.getFirst()).isEqualTo("event: offer");
        assertThat(offer.getLast()).contains("\"callId\":\"1.7\"", "\"callerNumber\":\"13911112222\"",
                "\"attachedData\":{\"order\":\"A-77\"}");
    }

    @Test
    void aTokenAReloadReplacesEndsItsDesktopsStreamAndNoLongerOpensTheApiWhileOtherTokensGoOn() throws Exception {
        BufferedReader desk = reader(follow("1001", DESK_1001));
        BufferedReader supervisor = reader(follow("1001", SUPERVISOR));
        assertThat(nextEvent(desk).getFirst()).isEqualTo("event: agent");
        assertThat(nextEvent(supervisor).getFirst()).isEqualTo("event: agent");
        String newDesk = "desk-1001-token-0001";

        api.useTokens(new ApiSettings("127.0.0.1", 0, List.of(
                new ApiSettings.Token("desk-1001", Role.AGENT, new Secret.Written(newDesk), Optional.of("1001")),
                new ApiSettings.Token("supervisors", Role.SUPERVISOR, new Secret.Written(SUPERVISOR),
                        Optional.empty()))), name -> null);

        assertThat(ended(desk)).as("the old desk token's stream has ended").isTrue();
        HttpResponse<String> old = post("/api/v1/agents/1001/login", DESK_1001, "");
        assertThat(old.statusCode()).isEqualTo(401);
        assertThat(old.body()).isEqualTo("{\"error\":\"the token is not one of server.yaml's api.tokens\"}");
        assertThat(post("/api/v1/agents/1001/login", newDesk, "").statusCode()).isEqualTo(200);
        List<String> login = nextEvent(supervisor);
        assertThat(login.getFirst()).as("the supervisor's stream goes on").isEqualTo("event: state");
        assertThat(login.getLast()).contains("\"to\":\"NOT_READY\"");
    }

    @Test
    void aSupervisorFollowsAnyAgent() throws Exception {
        HttpResponse<InputStream> response = follow("1002", SUPERVISOR);
        assertThat(response.statusCode()).isEqualTo(200);

        push.onDecision(offerTo("1002", "1.6"));

        List<String> offer = nextEvent(reader(response));
        assertThat(offer.getFirst()).isEqualTo("event: offer");
        assertThat(offer.getLast()).contains("\"callId\":\"1.6\"");
    }

    @Test
    void anAgentsTokenFollowsOnlyItsOwnAgentAndAnUnknownAgentIsNotFound() throws Exception {
        HttpResponse<InputStream> someoneElse = follow("1002", DESK_1001);
        HttpResponse<InputStream> unknown = follow("1099", SUPERVISOR);

        assertThat(someoneElse.statusCode()).isEqualTo(403);
        assertThat(new String(someoneElse.body().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo(
                "{\"error\":\"token 'desk-1001' belongs to agent 1001; it may follow the events of that agent only\"}");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(new String(unknown.body().readAllBytes(), StandardCharsets.UTF_8))
                .isEqualTo("{\"error\":\"no agent '1099' in agents.yaml\"}");
        assertThat(push.followers("1002")).isZero();
    }

    @Test
    void aDesktopThatDisconnectsIsNoLongerFollowed() throws Exception {
        HttpResponse<InputStream> response = follow("1001", DESK_1001);
        nextEvent(reader(response));
        assertThat(push.followers("1001")).isEqualTo(1);

        response.body().close();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (push.followers("1001") > 0 && System.nanoTime() < deadline) {
            // the server learns of the close from its socket; a pushed event finds it closed at the latest
            push.onDecision(offerTo("1001", "1.7"));
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        assertThat(push.followers("1001")).isZero();
    }
}
