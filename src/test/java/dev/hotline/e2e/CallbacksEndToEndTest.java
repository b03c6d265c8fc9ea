package dev.hotline.e2e;

import static dev.hotline.e2e.ShippedCentre.AMI_SECRET;
import static dev.hotline.e2e.ShippedCentre.PATIENCE;
import static dev.hotline.e2e.ShippedCentre.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.ami.AmiConnectionState;
import dev.hotline.bridge.simulator.SimulatedAgent;
import dev.hotline.bridge.simulator.SimulatedAmiServer;
import dev.hotline.bridge.simulator.SimulatedAsterisk;
import dev.hotline.bridge.simulator.SimulatedCall;
import dev.hotline.bridge.simulator.SimulatedCustomer;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigResult;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.journal.JournalSettings;
import dev.hotline.server.journal.JournalWriter;
import dev.hotline.server.serve.HotlineServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hotline calls back the customers who asked for it, over a simulated Asterisk: the shipped server.yaml rings them
 * on {@code PJSIP/{number}@trunk} into the {@code hotline-callback} context, which hands the answered call back to
 * Hotline. Each test starts from a request the journal holds from the evening before (sales had closed), so it also
 * proves that a restart forgets no callback a caller was promised.
 */
class CallbacksEndToEndTest {
    private static final Duration SECOND = Duration.ofMillis(5);
    private static final String CUSTOMER = "13911112222";
    private static final String TEA_AD = "4008001001";
    private static final String REQUEST = "1795351200.7";
    /** 22:00 the evening before {@link ShippedCentre#OPEN_HOURS}: the caller asked then. */
    private static final Instant EVENING_BEFORE = ShippedCentre.OPEN_HOURS.minus(Duration.ofHours(12));

    @TempDir
    Path temp;
    ShippedCentre centre;
    SimulatedAmiServer ami;
    SimulatedAsterisk asterisk;

    @BeforeEach
    void aRequestFromTheEveningBefore() throws IOException {
        centre = new ShippedCentre(temp)
                // a round every second rather than every five, so the suite does not wait
                .rewrite("server.yaml", "  checkEvery: 5s ", "  checkEvery: 1s ");
        ConfigResult.Valid config = (ConfigResult.Valid) ConfigLoader.load(centre.config);
        try (JournalWriter yesterday = JournalWriter.start(JournalSettings.in(centre.journal), config.config(),
                Clock.fixed(EVENING_BEFORE, ZoneId.of("Asia/Shanghai")))) {
            yesterday.record(new JournalRecord.CallbackRequested(EVENING_BEFORE.toEpochMilli(), REQUEST, CUSTOMER,
                    TEA_AD, "slimming-tea", Map.of("order", "A-77")));
        }
    }

    @AfterEach
    void stop() {
        if (asterisk != null) {
            asterisk.close();
        }
        centre.close();
        if (ami != null) {
            ami.close();
        }
    }

    /**
     * Serves the centre beside a simulated Asterisk where {@code customer} answers the phone at {@link #CUSTOMER}
     * and every agent answers after a second. AMI opens only once the simulated Asterisk is there, so no
     * callback is rung into nowhere.
     */
    private HotlineServer serveWith(SimulatedCustomer customer) throws IOException {
        ami = SimulatedAmiServer.start(Map.of("hotline", AMI_SECRET));
        ami.stopListening();
        HotlineServer server = centre.serveWithAmi(ami.port());
        asterisk = SimulatedAsterisk.builder(server.fastAgiAddress())
                .timing(SimulatedAsterisk.Timing.scaled(SECOND))
                .otherAgents(SimulatedAgent.answersAfter(Duration.ofSeconds(1), Duration.ofSeconds(5)))
                .ami(ami, ShippedCentre.ALL_PHONES)
                .customer(CUSTOMER, customer)
                .build();
        ami.resumeListening();
        await(() -> server.amiStates().get("asterisk-1") == AmiConnectionState.CONNECTED, "Hotline's AMI login");
        return server;
    }

    private List<String> callbackLines() throws IOException {
        return centre.journalLines().stream().filter(l -> l.contains("\"type\":\"callback-")).toList();
    }

    private void awaitClosed() {
        await(() -> {
            try {
                return callbackLines().stream().anyMatch(l -> l.contains("\"type\":\"callback-closed\""));
            } catch (IOException e) {
                return false;
            }
        }, "the request's callback-closed line");
    }

    @Test
    void aCustomerWhoAnswersHearsTheGreetingAndReachesASalesAgentWithTheOrderOnTheScreen() throws Exception {
        serveWith(SimulatedCustomer.answersAfter(Duration.ofSeconds(3)));

        SimulatedCall callback = asterisk.answeredCallback(CUSTOMER).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        SimulatedCall.Outcome call = callback.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        awaitClosed();

        assertThat(call.commands()).contains("STREAM FILE hotline/callback-greeting \"\"");
        assertThat(call.answeredBy()).hasValueSatisfying(agent ->
                assertThat(ShippedCentre.SALES_HEALTH).contains(agent));
        assertThat(asterisk.callbackAttempts(CUSTOMER)).isEqualTo(1);
        assertThat(callbackLines()).satisfiesExactly(
                requested -> assertThat(requested).contains("\"type\":\"callback-requested\""),
                attempted -> assertThat(attempted).contains("\"type\":\"callback-attempted\"",
                        "\"requestId\":\"" + REQUEST + "\"", "\"attempt\":1", "\"result\":\"answered\""),
                closed -> assertThat(closed).contains("\"type\":\"callback-closed\"", "\"outcome\":\"agent-answered\"",
                        "\"callId\":\"" + call.callId() + "\""));
        List<String> ofTheCall = centre.journalOf(call.callId());
        assertThat(ofTheCall).anySatisfy(l -> assertThat(l).contains("\"type\":\"call-offered\"",
                "\"order\":\"A-77\"", "\"callback_request\":\"" + REQUEST + "\""));
        assertThat(centre.callEnded(call.callId())).contains("\"outcome\":\"ANSWERED\"",
                "\"callerNumber\":\"" + CUSTOMER + "\"", "\"dialledNumber\":\"" + TEA_AD + "\"");
    }

    @Test
    void callbacksTurnedOnByAReloadRingTheRequestsTheJournalHolds() throws Exception {
        centre.rewrite("server.yaml", "  endpoint: PJSIP/{number}@trunk", "  # endpoint: PJSIP/{number}@trunk");
        HotlineServer server = serveWith(SimulatedCustomer.answersAfter(Duration.ofSeconds(3)));
        assertThat(asterisk.callbackAttempts(CUSTOMER)).as("no endpoint: nobody is rung").isZero();

        centre.rewrite("server.yaml", "  # endpoint: PJSIP/{number}@trunk", "  endpoint: PJSIP/{number}@trunk");
        assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

        SimulatedCall callback = asterisk.answeredCallback(CUSTOMER).get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(callback.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS).answeredBy()).isPresent();
        awaitClosed();
        assertThat(callbackLines()).last().satisfies(closed -> assertThat(closed).contains(
                "\"outcome\":\"agent-answered\"", "\"requestId\":\"" + REQUEST + "\""));
    }

    @Test
    void callbacksTurnedOnWhileTheJournalCannotBeReadStartWithoutItsRequestsAndSaySo() throws Exception {
        centre.rewrite("server.yaml", "  endpoint: PJSIP/{number}@trunk", "  # endpoint: PJSIP/{number}@trunk");
        HotlineServer server = serveWith(SimulatedCustomer.answersAfter(Duration.ofSeconds(3)));
        ServeEndToEndTest.LogLines log = new ServeEndToEndTest.LogLines();
        log.attach();
        try {
            // the evening's file, no longer the last one: a line in the middle of it damaged by hand
            Path evening;
            try (Stream<Path> files = Files.list(centre.journal)) {
                evening = files.filter(f -> f.toString().endsWith(".jsonl")).sorted().findFirst().orElseThrow();
            }
            Files.writeString(evening, "{not a record\n" + Files.readString(evening));

            centre.rewrite("server.yaml", "  # endpoint: PJSIP/{number}@trunk", "  endpoint: PJSIP/{number}@trunk");
            assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

            assertThat(log.lines()).anyMatch(line -> line.startsWith("reload: callbacks start without the requests "
                    + "the journal holds open, which cannot be read: "))
                    .contains("callbacks: placed on PJSIP/{number}@trunk into context hotline-callback, checked "
                            + "every 1000 ms, to numbers matching _1[3-9]XXXXXXXXX, _0[1-9]XXXXXXXX!");
        } finally {
            log.detach();
        }
    }

    @Test
    void aCustomerWhoNeverAnswersIsRungTheConfiguredNumberOfTimesThenGivenUp() throws Exception {
        centre.rewrite("server.yaml", "  attempts: 3 ", "  attempts: 2 ")
                .rewrite("server.yaml", "  retryAfter: 10m", "  retryAfter: 1s");
        serveWith(SimulatedCustomer.neverAnswers());

        awaitClosed();

        assertThat(asterisk.callbackAttempts(CUSTOMER)).isEqualTo(2);
        assertThat(callbackLines()).satisfiesExactly(
                requested -> assertThat(requested).contains("\"type\":\"callback-requested\""),
                first -> assertThat(first).contains("\"attempt\":1", "\"result\":\"no-answer\""),
                second -> assertThat(second).contains("\"attempt\":2", "\"result\":\"no-answer\""),
                closed -> assertThat(closed).contains("\"outcome\":\"gave-up\"", "\"attempts\":2"));
    }

    @Test
    void aRequestThatExpiredWhileTheServerWasDownIsClosedAsExpiredAtTheStartNotLeftOpenForEver() throws Exception {
        // asked at 22:00, the server stopped then, started at 10:00: the request's 2 hours ran out overnight
        centre.rewrite("server.yaml", "  expireAfter: 24h", "  expireAfter: 2h");
        serveWith(SimulatedCustomer.answersAfter(Duration.ofSeconds(3)));

        awaitClosed();

        assertThat(asterisk.callbackAttempts(CUSTOMER)).isZero();
        assertThat(callbackLines()).satisfiesExactly(
                requested -> assertThat(requested).contains("\"type\":\"callback-requested\""),
                closed -> assertThat(closed).contains("\"type\":\"callback-closed\"", "\"outcome\":\"expired\"",
                        "\"attempts\":0"));
    }
}
