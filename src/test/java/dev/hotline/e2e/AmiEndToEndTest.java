package dev.hotline.e2e;

import static dev.hotline.e2e.ShippedCentre.AMI_SECRET;
import static dev.hotline.e2e.ShippedCentre.PATIENCE;
import static dev.hotline.e2e.ShippedCentre.SALES_BEAUTY;
import static dev.hotline.e2e.ShippedCentre.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.PhoneState;
import dev.hotline.bridge.ami.AmiActions.ListenMode;
import dev.hotline.bridge.ami.AmiConnectionState;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.AmiPool;
import dev.hotline.bridge.ami.AmiSettings;
import dev.hotline.bridge.ami.AmiStatusListener;
import dev.hotline.bridge.ami.DeviceState;
import dev.hotline.bridge.simulator.SimulatedAgent;
import dev.hotline.bridge.simulator.SimulatedAmiServer;
import dev.hotline.bridge.simulator.SimulatedAsterisk;
import dev.hotline.bridge.simulator.SimulatedCall;
import dev.hotline.bridge.simulator.SimulatedCall.DialAttempt;
import dev.hotline.bridge.simulator.SimulatedCaller;
import dev.hotline.server.config.ConfigResult;
import dev.hotline.server.serve.CallControl;
import dev.hotline.server.serve.HotlineServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hotline beside an Asterisk whose manager interface is simulated on loopback: the server logs in with the secret
 * from its environment, and the simulated Asterisk tells AMI what its FastAGI calls do to channels and agents'
 * phones. Calls live in their FastAGI sessions, so they go on while AMI is away, and Hotline resynchronises when it
 * is back.
 */
class AmiEndToEndTest {
    private static final Duration SECOND = Duration.ofMillis(5);
    private static final SimulatedAgent ANSWERING = SimulatedAgent.answersAfter(Duration.ofSeconds(2),
            Duration.ofSeconds(4));
    private static final SimulatedAgent TALKING_ON = SimulatedAgent.answersAfter(Duration.ofSeconds(1),
            Duration.ofHours(1));

    @TempDir
    Path temp;
    final ServeEndToEndTest.LogLines log = new ServeEndToEndTest.LogLines();
    final List<AmiEvent> observed = new CopyOnWriteArrayList<>();
    ShippedCentre centre;
    SimulatedAmiServer ami;
    HotlineServer server;
    SimulatedAsterisk asterisk;
    AmiPool observer;

    @BeforeEach
    void hotlineLoggedInToTheSimulatedAmi() throws IOException {
        log.attach();
        centre = new ShippedCentre(temp);
        ami = SimulatedAmiServer.start(Map.of("hotline", AMI_SECRET));
        server = centre.serveWithAmi(ami.port());
        await(() -> server.amiStates().get("asterisk-1") == AmiConnectionState.CONNECTED, "Hotline's AMI login");
        await(() -> resyncLines().size() == 1, "the resynchronisation after the login");
    }

    @AfterEach
    void stop() {
        if (asterisk != null) {
            asterisk.close();
        }
        if (observer != null) {
            observer.close();
        }
        centre.close();
        ami.close();
        log.detach();
    }

    @Test
    void whileHotlineConnectsACallAmiSeesTheAgentsPhoneRingThenInUseThenFreeAndTheCallersChannelHangUp()
            throws Exception {
        asterisk = coupled(ANSWERING);
        observe();

        SimulatedCall.Outcome call = asterisk.call(SimulatedCaller.of("13700001111", "4008001005")).ended()
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        String agent = call.answeredBy().orElseThrow();
        await(() -> observed.stream().anyMatch(e -> e instanceof AmiEvent.ChannelHungUp h
                && h.uniqueid().equals(call.callId())), "the caller's Hangup event");
        assertThat(observed.stream().filter(e -> e instanceof AmiEvent.DeviceStateChanged d
                && d.device().equals(agent)).map(e -> ((AmiEvent.DeviceStateChanged) e).state()))
                .containsSubsequence(DeviceState.RINGING, DeviceState.INUSE, DeviceState.NOT_INUSE);
        assertThat(observed).anySatisfy(e -> assertThat(e).isInstanceOfSatisfying(AmiEvent.ChannelHungUp.class,
                h -> assertThat(h.channel()).startsWith(agent + "-")));
    }

    @Test
    void aWallboardReadsTheFiguresOfTheCallsTheServerRoutedSinceItStarted() throws Exception {
        asterisk = coupled(ANSWERING);
        SimulatedCall.Outcome call = asterisk.call(SimulatedCaller.of("13700003333", "4008001005")).ended()
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(call.answeredBy()).isPresent();

        HttpResponse<String> figures = supervisor("GET", "/api/v1/figures", "");

        assertThat(figures.statusCode()).isEqualTo(200);
        com.fasterxml.jackson.databind.JsonNode body = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(figures.body());
        assertThat(body.path("sinceStart").path("centre").path("inbound").asLong()).isEqualTo(1);
        assertThat(body.path("sinceStart").path("centre").path("calls").path("answers").path("answered").asLong())
                .isEqualTo(1);
        assertThat(body.path("interval").path("toMillis").asLong()).as("the interval in progress, up to now")
                .isEqualTo(body.path("nowMillis").asLong());
    }

    @Test
    void aReloadWhoseNewStepIsAlreadyDueForAWaitingCallerSaysWhereItSentTheCaller() throws Exception {
        asterisk = coupled(ANSWERING);
        for (int agent = 1001; agent <= 1012; agent++) {
            assertThat(supervisor("POST", "/api/v1/agents/" + agent + "/not-ready", "{\"reason\": \"meeting\"}")
                    .statusCode()).isEqualTo(200);
        }
        SimulatedCall waiting = asterisk.call(SimulatedCaller.of("13700004444", "4008001005"));
        await(() -> waitedInSalesBeauty() >= 1_000, "the caller to wait a second in sales-beauty");
        // the step fires when the engine next advances its timers, after the change itself
        centre.rewrite("queues.yaml", "groups: [sales-beauty]\n    maxWaiting: 40\n    escalation:\n      - after: 60s\n"
                + "        addGroups: [overflow]\n      - after: 120s\n        raisePriority: 5\n      - after: 300s\n"
                + "        overflowTo: {voicemail: sales-callback}\n", "groups: [sales-beauty]\n    maxWaiting: 40\n"
                + "    escalation:\n      - after: 1s\n        overflowTo: {voicemail: sales-callback}\n");
        // a voicemail step at 1 s is only valid where VIP callers do not wait for their VIP group that long
        centre.rewrite("centre.yaml", "escalateAfter: 10s", "escalateAfter: 0s");

        assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

        assertThat(server.lastReloadChanges()).contains("queues changed: sales-beauty (escalation)",
                "1 waiting call given queue sales-beauty's escalation treatment, voicemail(sales-callback): "
                        + waiting.callId());
    }

    /** The longest wait in sales-beauty now, as supervisors read it. */
    private long waitedInSalesBeauty() {
        try {
            String queues = supervisor("GET", "/api/v1/queues", "").body();
            for (com.fasterxml.jackson.databind.JsonNode q : new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(queues)) {
                if (q.path("queueId").asText().equals("sales-beauty")) {
                    return q.path("oldestWaitMillis").asLong();
                }
            }
            return 0;
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void anAgentsDesktopPopsTheCallersScreenAsTheirPhoneRings() throws Exception {
        asterisk = coupled(ANSWERING);
        int port = server.apiAddress().orElseThrow().getPort();
        // Wang Fang (1001) is sales-health's most skilled agent: the first choice for an order of slimming tea
        HttpResponse<InputStream> desktop = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/v1/agents/1001/events"))
                .header("Authorization", "Bearer " + ShippedCentre.SUPERVISOR_TOKEN).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(desktop.statusCode()).isEqualTo(200);
        BufferedReader events = new BufferedReader(new InputStreamReader(desktop.body(),
                StandardCharsets.UTF_8));

        SimulatedCall.Outcome call = asterisk.call(SimulatedCaller.of("13700002222", "4008001001")).ended()
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(call.dials()).first().extracting(DialAttempt::endpoint).isEqualTo("PJSIP/1001");
        String offer = CompletableFuture.supplyAsync(() -> {
            try {
                boolean isOffer = false;
                for (String line = events.readLine(); line != null; line = events.readLine()) {
                    if (line.equals("event: offer")) {
                        isOffer = true;
                    } else if (isOffer && line.startsWith("data: ")) {
                        return line;
                    }
                }
                return "";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        desktop.body().close();
        assertThat(offer).contains("\"callId\":\"" + call.callId() + "\"", "\"callerNumber\":\"13700002222\"",
                "\"dialledNumber\":\"4008001001\"", "\"businessType\":\"slimming-tea\"",
                "\"endpoint\":\"PJSIP/1001\"");
    }

    @Test
    void anAgentWhoMissedACallIsNotReadyUntilTheyGoReadyAgainFromTheDesktop() throws Exception {
        // Wang Fang (1001), first choice for slimming tea, does not pick up; the others do
        asterisk = coupled(ANSWERING, Set.of("PJSIP/1001"), SimulatedAgent.neverAnswers());

        SimulatedCall.Outcome call = asterisk.call(SimulatedCaller.of("13700003333", "4008001001")).ended()
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(call.dials()).first().extracting(DialAttempt::endpoint).isEqualTo("PJSIP/1001");
        assertThat(call.answeredBy()).hasValueSatisfying(agent -> assertThat(agent).isNotEqualTo("PJSIP/1001"));
        assertThat(stateOf("1001")).isEqualTo(AgentState.NOT_READY);

        HttpResponse<String> ready = supervisor("POST", "/api/v1/agents/1001/ready", "");

        assertThat(ready.statusCode()).as(ready.body()).isEqualTo(200);
        assertThat(ready.body()).contains("\"state\":\"READY\"");
        assertThat(stateOf("1001")).isEqualTo(AgentState.READY);
    }

    @Test
    void anAgentOnAPrivateCallIsNotDialledAndIsOfferedCallsAgainWhenThePhoneHangsUp() throws Exception {
        asterisk = coupled(ANSWERING);
        observe();
        // Wang Fang (1001) is sales-health's most skilled agent: the first choice for an order of slimming tea
        assertThat(asterisk.startPrivateCall("PJSIP/1001")).isTrue();
        await(() -> observed.contains(new AmiEvent.DeviceStateChanged("observer", "PJSIP/1001", DeviceState.INUSE)),
                "1001 in use");
        await(() -> phoneOf("1001") == PhoneState.BUSY, "Hotline's engine to see 1001's phone busy");

        SimulatedCall.Outcome call = asterisk.call(SimulatedCaller.of("13700001111", "4008001001")).ended()
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(call.answeredBy()).hasValueSatisfying(agent -> assertThat(agent).isNotEqualTo("PJSIP/1001"));
        assertThat(call.dials()).extracting(DialAttempt::endpoint).doesNotContain("PJSIP/1001");
        asterisk.endPrivateCall("PJSIP/1001");
        await(() -> observed.contains(new AmiEvent.DeviceStateChanged("observer", "PJSIP/1001",
                DeviceState.NOT_INUSE)), "1001 free again");
        await(() -> phoneOf("1001") == PhoneState.FREE, "Hotline's engine to see 1001's phone free again");

        SimulatedCall.Outcome next = asterisk.call(SimulatedCaller.of("13700002222", "4008001001")).ended()
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next.answeredBy()).hasValue("PJSIP/1001");
    }

    private PhoneState phoneOf(String agentId) {
        return server.view().toCompletableFuture().join().agents().stream()
                .filter(a -> a.agentId().equals(agentId)).findFirst().orElseThrow().phone();
    }

    @Test
    void callsGoOnWhileAmiIsCutAndWhenItIsBackHotlineLogsInAgainAndResynchronisesTheLiveChannels()
            throws Exception {
        // the sales-beauty agents talk on; everyone else answers and finishes quickly
        asterisk = coupled(ANSWERING, SALES_BEAUTY, TALKING_ON);
        List<SimulatedCall> talking = new ArrayList<>();
        for (int i = 0; i < SALES_BEAUTY.size(); i++) {
            SimulatedCall call = asterisk.call(SimulatedCaller.of("1370000100" + i, "4008001005"));
            call.answered().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            talking.add(call);
        }
        SimulatedCall queued = asterisk.call(SimulatedCaller.of("13700002000", "4008001005"));
        queued.when(c -> !c.isEmpty() && c.getLast().equals("EXEC StartMusicOnHold default"))
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        ami.stopListening();
        await(() -> server.amiStates().get("asterisk-1") == AmiConnectionState.DOWN, "Hotline to notice");
        SimulatedCall.Outcome duringOutage = asterisk.call(SimulatedCaller.of("13700003000", "4008001001"))
                .ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(duringOutage.answeredBy()).isPresent();
        assertThat(talking).allMatch(c -> !c.ended().isDone());
        assertThat(queued.ended()).isNotDone();
        long resyncsBefore = resyncLines().size();
        ami.resumeListening();

        await(() -> resyncLines().size() > resyncsBefore, "the resynchronisation after the reconnect");
        assertThat(ami.successfulLogins()).isEqualTo(2);
        // five callers and their agents, and the caller still queued: 11 channels; 12 agents' phones
        assertThat(resyncLines().getLast()).isEqualTo("AMI asterisk-1: resynchronised, 11 channels, 12 devices");
        SimulatedCall finishing = talking.getFirst();
        finishing.hangUp();
        String finished = finishing.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).callId();
        queued.hangUp();
        queued.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        centre.close();
        assertThat(centre.callEnded(duringOutage.callId())).contains("\"outcome\":\"ANSWERED\"");
        assertThat(centre.callEnded(finished)).contains("\"outcome\":\"ANSWERED\"");
        assertThat(centre.callEnded(queued.callId())).contains("\"outcome\":\"ABANDONED\"");
    }

    @Test
    void whenAsteriskRestartsItsManagerTheCallGoesOnAndHotlineReconnectsAndSeesItAgain() throws Exception {
        asterisk = coupled(TALKING_ON);
        SimulatedCall talking = asterisk.call(SimulatedCaller.of("13700004000", "4008001003"));
        String agent = talking.answered().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        long resyncsBefore = resyncLines().size();

        // Event: Shutdown (Restart: True), then Asterisk closes the connection (ami-shutdown-restart.txt)
        ami.shutdown(true);

        await(() -> log.lines().contains("AMI asterisk-1: Asterisk is restarting"), "the shutdown event");
        await(() -> resyncLines().size() > resyncsBefore, "the resynchronisation after the reconnect");
        assertThat(ami.successfulLogins()).isEqualTo(2);
        // the caller and the agent's channel
        assertThat(resyncLines().getLast()).isEqualTo("AMI asterisk-1: resynchronised, 2 channels, 12 devices");
        assertThat(talking.ended()).isNotDone();
        talking.hangUp();
        SimulatedCall.Outcome call = talking.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(call.answeredBy()).contains(agent);
        centre.close();
        assertThat(centre.callEnded(call.callId())).contains("\"outcome\":\"ANSWERED\"");
    }

    @Test
    void aSupervisorHangsUpACallInConversationAndItEndsAnsweredWithTheCallerGone() throws Exception {
        asterisk = coupled(TALKING_ON);
        SimulatedCall talking = asterisk.call(SimulatedCaller.of("13700005000", "4008001003"));
        String agent = talking.answered().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        HttpResponse<String> hungUp = supervisor("POST", "/api/v1/calls/" + talking.callId() + "/hangup", "");

        assertThat(hungUp.statusCode()).as(hungUp.body()).isEqualTo(200);
        SimulatedCall.Outcome call = talking.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(call.ending()).isEqualTo(SimulatedCall.Ending.CALLER_HUNG_UP);
        assertThat(call.answeredBy()).contains(agent);
        centre.close();
        assertThat(centre.callEnded(call.callId())).contains("\"outcome\":\"ANSWERED\"");
    }

    @Test
    void hangingUpACallThatIsNotRunningSaysSoAndTouchesNothing() throws Exception {
        CallControl.Result result = server.callControl().hangUp("1700000000.999").toCompletableFuture()
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(result).isEqualTo(new CallControl.Result.NoSuchCall("1700000000.999"));
        assertThat(supervisor("POST", "/api/v1/calls/1700000000.999/hangup", "").statusCode()).isEqualTo(404);
    }

    @Test
    void aSupervisorListensInOnAnAgentFromTheirOwnPhone() throws Exception {
        observe();
        ami.setDeviceState("PJSIP/2001", "NOT_INUSE");

        HttpResponse<String> listening = supervisor("POST", "/api/v1/agents/1001/listen",
                "{\"phone\": \"PJSIP/2001\", \"mode\": \"listen\"}");

        // Wang Fang's phone is spied on, quietly (ChanSpy option q), from the supervisor's answered phone
        assertThat(listening.statusCode()).as(listening.body()).isEqualTo(200);
        assertThat(listening.body()).contains("PJSIP/2001 listens in on PJSIP/1001 (LISTEN)");
        await(() -> observed.stream().anyMatch(e -> e instanceof AmiEvent.OriginateResult o && o.success()
                && o.channel().startsWith("PJSIP/2001")), "the supervisor's phone answered");
        assertThat(server.callControl().listenIn("PJSIP/2001", "no-such-agent", ListenMode.WHISPER)
                .toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo(new CallControl.Result.NoSuchAgent("no-such-agent"));
    }

    @Test
    void aReloadPutsChangedApiTokensInForceAtOnceAndWarnsThatOtherServerSettingsWaitForARestart() throws Exception {
        String rotated = "rotated-supervisor-token-0002";
        String desk = "desk-1001-token-0000002";
        centre.rewrite("server.yaml", "      token: ${HOTLINE_SUPERVISOR_TOKEN}", "      token: " + rotated
                + "\n    - name: desk-1001\n      role: agent\n      agent: \"1001\"\n      token: " + desk);

        assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

        assertThat(supervisor("GET", "/api/v1/queues", "").statusCode()).as("the token withdrawn").isEqualTo(401);
        assertThat(api("GET", "/api/v1/queues", "", rotated).statusCode()).isEqualTo(200);
        assertThat(api("POST", "/api/v1/agents/1001/not-ready", "{\"reason\": \"training\"}", desk).statusCode())
                .isEqualTo(200);
        assertThat(log.lines()).contains("API tokens now: supervisors (supervisor), desk-1001 (agent)")
                .noneMatch(line -> line.startsWith("reload: server.yaml changed"));

        centre.rewrite("server.yaml", "musicOnHold: default", "musicOnHold: jazz");
        centre.rewrite("server.yaml", "flushEvery: 200ms", "flushEvery: 1s");
        centre.rewrite("server.yaml", "attempts: 3 ", "attempts: 5 ");
        centre.rewrite("server.yaml", "  directory: " + centre.journal, "  directory: " + centre.journal + "-moved");
        assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

        assertThat(log.lines()).contains("reload: calls from now on wait with music on hold 'jazz', announcements "
                        + "every 1m, and have 2s to file an IVR request; calls in progress keep theirs",
                "reload: callbacks rung on PJSIP/{number}@trunk into context hotline-callback, at most 5 attempt(s) "
                        + "10m apart, given up after 24h, to numbers matching _1[3-9]XXXXXXXXX, _0[1-9]XXXXXXXX!",
                "journal: files now close at 67108864 bytes, lines reach the system every 1000 ms",
                "reload: server.yaml changed in what only a restart applies (the journal's directory "
                        + centre.journal + "-moved); the rest of it is in force");
        assertThat(api("GET", "/api/v1/queues", "", rotated).statusCode()).isEqualTo(200);
    }

    @Test
    void anAdminReloadsOverTheApiAndIsToldWhyABrokenConfigurationWasRefused() throws Exception {
        String admin = anAdminToken();
        Path queues = centre.config.resolve("queues.yaml");
        String good = Files.readString(queues);
        Files.writeString(queues, "queues:\n  - id: sales-health\n    groups: [vip-gold]\n");

        HttpResponse<String> refused = api("POST", "/api/v1/config/reload", "", admin);

        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).startsWith("{\"result\":\"refused: the running configuration stays\"")
                .contains("queues.yaml:3:14: queues[sales-health].groups[0]: unknown skill group 'vip-gold' (known: "
                        + "vip, sales-health, sales-home, sales-beauty, after-sales, overflow)");
        assertThat(supervisor("GET", "/api/v1/queues", "").body()).as("the running queues stay")
                .contains("\"queueId\":\"after-sales\"");

        Files.writeString(queues, good);
        HttpResponse<String> applied = api("POST", "/api/v1/config/reload", "", admin);

        assertThat(applied.statusCode()).isEqualTo(200);
        assertThat(applied.body()).isEqualTo("{\"result\":\"applied\",\"agents\":12,\"queues\":4}");
        assertThat(supervisor("POST", "/api/v1/config/reload", "").statusCode()).isEqualTo(403);
    }

    @Test
    void anAdminWhoRemovesTheApiOverTheApiIsAnsweredThenTheApiStopsAndAReloadStartsItAgain() throws Exception {
        String admin = anAdminToken();
        InetSocketAddress apiAddress = server.apiAddress().orElseThrow();
        String withApi = Files.readString(centre.config.resolve("server.yaml"));
        int start = withApi.indexOf("\napi:\n");
        Files.writeString(centre.config.resolve("server.yaml"), withApi.substring(0, start)
                + withApi.substring(withApi.indexOf("\n\n", start + 1)));

        HttpResponse<String> removed = api("POST", "/api/v1/config/reload", "", admin);

        assertThat(removed.statusCode()).as("the answer goes out before the API stops").isEqualTo(200);
        assertThat(server.apiAddress()).isEmpty();
        await(() -> refused(apiAddress), "the API's port let go");
        assertThat(log.lines()).contains("reload: the API stops (server.yaml has no api section any more)");

        Files.writeString(centre.config.resolve("server.yaml"), withApi);
        assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

        assertThat(server.apiAddress()).isPresent();
        assertThat(supervisor("GET", "/api/v1/queues", "").statusCode()).as("the API runs again").isEqualTo(200);
        assertThat(log.lines()).noneMatch(line -> line.startsWith("reload: server.yaml changed"));
    }

    @Test
    void aReloadThatMovesTheAsteriskServerReconnectsThereWhileACallGoesOn() throws Exception {
        asterisk = coupled(TALKING_ON);
        SimulatedCall talking = asterisk.call(SimulatedCaller.of("13700005000", "4008001003"));
        String agent = talking.answered().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        SimulatedAmiServer moved = SimulatedAmiServer.start(Map.of("hotline", AMI_SECRET));
        try {
            centre.rewrite("server.yaml", "    port: " + ami.port(), "    port: " + moved.port());

            assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

            await(() -> moved.successfulLogins() == 1
                    && server.amiStates().get("asterisk-1") == AmiConnectionState.CONNECTED, "the new login");
            await(() -> ami.connectedClients() == 0, "the old server logged off");
            assertThat(log.lines()).contains("reload: AMI asterisk-1 changed: reconnecting with its new settings")
                    .noneMatch(line -> line.startsWith("reload: server.yaml changed"));
            assertThat(talking.ended()).as("the call in its FastAGI session goes on").isNotDone();
            talking.hangUp();
            assertThat(talking.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).answeredBy()).contains(agent);
        } finally {
            moved.close();
        }
    }

    @Test
    void aReloadMovesFastAgiAndTheApiToNewPortsWhileACallOnTheOldConnectionGoesOn() throws Exception {
        asterisk = coupled(TALKING_ON);
        SimulatedCall talking = asterisk.call(SimulatedCaller.of("13700005000", "4008001003"));
        String agent = talking.answered().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        InetSocketAddress oldFastAgi = server.fastAgiAddress();
        int oldApiPort = server.apiAddress().orElseThrow().getPort();
        int fastAgiPort = freePort();
        int apiPort = freePort();
        centre.rewrite("server.yaml", "fastagi:\n  bind: 127.0.0.1\n  port: 0", "fastagi:\n  bind: 127.0.0.1\n  port: "
                + fastAgiPort);
        centre.rewrite("server.yaml", "api:\n  bind: 127.0.0.1\n  port: 0", "api:\n  bind: 127.0.0.1\n  port: "
                + apiPort);

        assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

        assertThat(server.fastAgiAddress().getPort()).isEqualTo(fastAgiPort);
        assertThat(server.apiAddress()).map(InetSocketAddress::getPort).contains(apiPort);
        assertThat(log.lines()).noneMatch(line -> line.startsWith("reload: server.yaml changed"))
                .anyMatch(line -> line.startsWith("FastAGI server moved to 127.0.0.1:" + fastAgiPort + " from 127.0.0.1:"
                        + oldFastAgi.getPort() + "; "))
                .contains("API moved to 127.0.0.1:" + apiPort + " from 127.0.0.1:" + oldApiPort);
        await(() -> refused(oldFastAgi), "the old FastAGI port let go");
        assertThat(supervisor("GET", "/api/v1/queues", "").statusCode()).as("the API on its new port").isEqualTo(200);
        // a second Asterisk: its systemname keeps its uniqueids (Hotline's call ids) apart from the first one's
        try (SimulatedAsterisk moved = SimulatedAsterisk.builder(server.fastAgiAddress()).systemName("asterisk-2")
                .timing(SimulatedAsterisk.Timing.scaled(SECOND)).otherAgents(ANSWERING).build()) {
            SimulatedCall next = moved.call(SimulatedCaller.of("13700005001", "4008001003"));
            SimulatedCall.Outcome served = next.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            assertThat(served.answeredBy()).as("a call on the new port reaches an agent: %s", served).isPresent();
        }
        assertThat(talking.ended()).as("the call accepted on the old port goes on").isNotDone();
        talking.hangUp();
        assertThat(talking.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).answeredBy()).contains(agent);
    }

    /** Adds an admin token to server.yaml and reloads it in; returns the token. */
    private String anAdminToken() throws IOException {
        String admin = "admin-token-000000000001";
        centre.rewrite("server.yaml", "      token: ${HOTLINE_SUPERVISOR_TOKEN}", "      token: ${HOTLINE_SUPERVISOR_TOKEN}"
                + "\n    - name: admins\n      role: admin\n      token: " + admin);
        assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);
        return admin;
    }

    private static boolean refused(InetSocketAddress address) {
        try (Socket probe = new Socket(address.getAddress(), address.getPort())) {
            return false;
        } catch (ConnectException e) {
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Test
    void withAutoLoginTurnedOffByAReloadAnAgentAddedLaterWaitsLoggedOutUntilTheyLogIn() throws Exception {
        centre.rewrite("server.yaml", "  autoLogin: true", "  autoLogin: false");
        Files.writeString(centre.config.resolve("agents.yaml"), Files.readString(centre.config.resolve("agents.yaml"))
                + "  - id: \"1013\"\n    name: Zhou Lin\n    endpoint: PJSIP/1013\n    skills: {after-sales: 5}\n");

        assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

        assertThat(log.lines()).contains("reload: agents.autoLogin is false: agents added to agents.yaml from now on "
                + "are logged out until they log in", "reload: applied, 13 agents, 4 queues");
        assertThat(stateOf("1013")).isEqualTo(AgentState.LOGGED_OUT);
        assertThat(stateOf("1001")).as("agents already at work stay as they are").isEqualTo(AgentState.READY);
        assertThat(server.lastReloadChanges()).as("what the reload's answer says").containsExactly(
                "agents added: 1013", "agents.autoLogin is false: agents added to agents.yaml from now on are logged "
                        + "out until they log in");
    }

    // ------------------------------------------------------------------------------------------ helpers

    /** The agent's state as the routing engine sees it now. */
    private AgentState stateOf(String agentId) throws Exception {
        return server.view().toCompletableFuture().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).agents().stream()
                .filter(a -> a.agentId().equals(agentId)).findFirst().orElseThrow().state();
    }

    /** A request to the server's HTTP API with the supervisors' token. */
    private HttpResponse<String> supervisor(String method, String path, String body)
            throws IOException, InterruptedException {
        return api(method, path, body, ShippedCentre.SUPERVISOR_TOKEN);
    }

    /** A request to the server's HTTP API with {@code token}. */
    private HttpResponse<String> api(String method, String path, String body, String token)
            throws IOException, InterruptedException {
        int port = server.apiAddress().orElseThrow().getPort();
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token)
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private SimulatedAsterisk coupled(SimulatedAgent agents) {
        return coupled(agents, Set.of(), agents);
    }

    /** Every phone behaves as {@code agents}, but those in {@code special} as {@code specialAgents}. */
    private SimulatedAsterisk coupled(SimulatedAgent agents, Set<String> special, SimulatedAgent specialAgents) {
        SimulatedAsterisk.Builder builder = SimulatedAsterisk.builder(server.fastAgiAddress())
                .timing(SimulatedAsterisk.Timing.scaled(SECOND)).otherAgents(agents)
                .ami(ami, ShippedCentre.ALL_PHONES);
        special.forEach(endpoint -> builder.agent(endpoint, specialAgents));
        return builder.build();
    }

    /** A second AMI client beside Hotline's, recording what the simulated Asterisk reports. */
    private void observe() {
        observer = AmiPool.start(List.of(AmiSettings.of("observer", "127.0.0.1", ami.port(), "hotline", AMI_SECRET)),
                observed::add, AmiStatusListener.NONE);
        await(() -> observed.stream().anyMatch(AmiEvent.Resynchronised.class::isInstance), "the observer's login");
    }

    private List<String> resyncLines() {
        return log.lines().stream().filter(l -> l.startsWith("AMI asterisk-1: resynchronised")).toList();
    }
}
