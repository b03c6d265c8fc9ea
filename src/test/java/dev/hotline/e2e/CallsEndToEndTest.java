package dev.hotline.e2e;

import static dev.hotline.e2e.ShippedCentre.PATIENCE;
import static dev.hotline.e2e.ShippedCentre.SALES_BEAUTY;
import static dev.hotline.e2e.ShippedCentre.SALES_HEALTH;
import static dev.hotline.e2e.ShippedCentre.SALES_HOME;
import static dev.hotline.e2e.ShippedCentre.VIP;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.simulator.SimulatedAgent;
import dev.hotline.bridge.simulator.SimulatedAsterisk;
import dev.hotline.bridge.simulator.SimulatedCall;
import dev.hotline.bridge.simulator.SimulatedCall.DialAttempt;
import dev.hotline.bridge.simulator.SimulatedCall.Ending;
import dev.hotline.bridge.simulator.SimulatedCaller;
import dev.hotline.server.serve.HotlineServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whole calls through {@code hotline serve} over real sockets: the shipped configuration against
 * {@link SimulatedAsterisk} placing the calls and playing the agents' phones, one simulated second lasting
 * {@link #SECOND}. The routing rules of the centre's documents, each as a caller experiences it.
 */
class CallsEndToEndTest {
    private static final Duration SECOND = Duration.ofMillis(5);
    private static final SimulatedAgent ANSWERING = SimulatedAgent.answersAfter(Duration.ofSeconds(2),
            Duration.ofSeconds(4));
    /** Talks until the caller hangs up (an hour is far beyond any test). */
    private static final SimulatedAgent TALKING_ON = SimulatedAgent.answersAfter(Duration.ofSeconds(1),
            Duration.ofHours(1));
    private static final String ORDINARY_CALLER = "13700001111";
    /** Callers of the shipped vips.yaml. */
    private static final List<String> VIP_CALLERS = List.of("13912345678", "13698765432", "18611112222",
            "02161234567");

    @TempDir
    Path temp;
    ShippedCentre centre;
    SimulatedAsterisk asterisk;

    @BeforeEach
    void theShippedCentre() throws IOException {
        centre = new ShippedCentre(temp);
    }

    @AfterEach
    void stop() {
        if (asterisk != null) {
            asterisk.close();
        }
        centre.close();
    }

    @ParameterizedTest(name = "{0} reaches {1}")
    @CsvSource({
            "4008001001, sales-health",
            "4008001002, sales-health",
            "4008001003, sales-home",
            "4008001004, sales-health",
            "4008001005, sales-beauty",
            "4008002017, sales-beauty",
            "4008003042, sales-home"})
    void eachAdvertisementNumberReachesAnAgentOfItsBusinessQueueAfterMusicOnHold(String number, String group)
            throws Exception {
        asterisk = simulatedAsterisk(centre.serve(), Map.of(), ANSWERING);

        SimulatedCall.Outcome call = ended(asterisk.call(SimulatedCaller.of(ORDINARY_CALLER, number)));

        assertThat(call.commands()).hasSize(6);
        assertThat(call.commands().subList(0, 3)).containsExactly("ANSWER", "EXEC StartMusicOnHold default",
                "EXEC StopMusicOnHold");
        assertThat(call.commands().get(3)).matches("EXEC Dial PJSIP/\\d+,\\d+,U\\(hotline-answered\\^"
                + call.callId().replace(".", "\\.") + "\\)");
        assertThat(call.commands().subList(4, 6)).containsExactly("GET VARIABLE DIALSTATUS", "HANGUP");
        assertThat(call.dials()).singleElement().satisfies(dial -> {
            assertThat(dial.dialStatus()).isEqualTo("ANSWER");
            assertThat(dial.endpoint()).isIn(group(group));
        });
        assertThat(call.ending()).isEqualTo(Ending.HOTLINE_HUNG_UP);
        centre.close();
        assertThat(centre.callEnded(call.callId())).contains("\"outcome\":\"ANSWERED\"",
                "\"agentId\":\"" + call.dials().getFirst().endpoint().substring("PJSIP/".length()) + "\"");
    }

    @Test
    void aRingNoAnswerPutsTheCallBackAndTheNextAgentOfTheQueueIsDialled() throws Exception {
        // skill-level strategy: Wang Fang (1001, sales-health 8) is offered the call first
        asterisk = simulatedAsterisk(centre.serve(), Map.of("PJSIP/1001", SimulatedAgent.neverAnswers()), ANSWERING);

        SimulatedCall.Outcome call = ended(asterisk.call(SimulatedCaller.of(ORDINARY_CALLER, "4008001001")));

        assertThat(call.dials()).hasSize(2);
        assertThat(call.dials().getFirst()).isEqualTo(new DialAttempt("PJSIP/1001", "NOANSWER"));
        assertThat(call.dials().get(1).dialStatus()).isEqualTo("ANSWER");
        String second = call.dials().get(1).endpoint();
        assertThat(second).isIn(SALES_HEALTH).isNotEqualTo("PJSIP/1001");
        assertThat(call.commands()).containsExactly("ANSWER", "EXEC StartMusicOnHold default",
                "EXEC StopMusicOnHold", dial("PJSIP/1001", 15, call.callId()), "GET VARIABLE DIALSTATUS",
                "EXEC StartMusicOnHold default", "EXEC StopMusicOnHold", dial(second, 15, call.callId()),
                "GET VARIABLE DIALSTATUS", "HANGUP");
        centre.close();
        assertThat(centre.journalOf(call.callId())).anySatisfy(record -> assertThat(record)
                .contains("\"type\":\"call-requeued\"", "\"agentId\":\"1001\""));
    }

    @Test
    void aCallerWhoHangsUpWhileQueuedIsRemovedAndRecordedAsAbandoned() throws Exception {
        // nobody answers: each sales-beauty agent rings out and is made not ready, and the caller waits with music
        asterisk = simulatedAsterisk(centre.serve(), Map.of(), SimulatedAgent.neverAnswers());
        SimulatedCall call = asterisk.call(SimulatedCaller.of(ORDINARY_CALLER, "4008001005"));
        call.when(commands -> commands.stream().filter(c -> c.startsWith("EXEC Dial ")).count() == SALES_BEAUTY.size()
                && commands.getLast().equals("EXEC StartMusicOnHold default"))
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        call.hangUp();

        SimulatedCall.Outcome outcome = ended(call);
        assertThat(outcome.ending()).isEqualTo(Ending.CALLER_HUNG_UP);
        assertThat(outcome.dials()).extracting(DialAttempt::dialStatus).containsOnly("NOANSWER");
        centre.close();
        assertThat(centre.callEnded(outcome.callId())).contains("\"outcome\":\"ABANDONED\"");
    }

    @Test
    void aCallerWhosePatienceRunsOutBeforeAnyAgentIsFreeAbandonsTheQueue() throws Exception {
        // every sales-home agent talks on; the caller holds on for a minute of simulated time, then gives up
        asterisk = simulatedAsterisk(centre.serve(), Map.of(), TALKING_ON);
        List<SimulatedCall> talking = occupy(SALES_HOME.size(), ORDINARY_CALLER, "4008001003");

        SimulatedCall.Outcome impatient = ended(asterisk.call(SimulatedCaller.of("13700002222", "4008001003")
                .hangingUpAfter(Duration.ofMinutes(1))));

        assertThat(talking).extracting(c -> c.answered().getNow("")).containsExactlyInAnyOrderElementsOf(SALES_HOME);
        assertThat(impatient.ending()).isEqualTo(Ending.CALLER_HUNG_UP);
        assertThat(impatient.commands()).containsExactly("ANSWER", "EXEC StartMusicOnHold default");
        centre.close();
        assertThat(centre.callEnded(impatient.callId())).contains("\"outcome\":\"ABANDONED\"");
    }

    @Test
    void aVipCallerIsDialledToTheVipGroupFirst() throws Exception {
        asterisk = simulatedAsterisk(centre.serve(), Map.of(), ANSWERING);

        // Ms. Qian (vips.yaml) calls the kitchen knife number, whose queue sales-home has no VIP agent
        SimulatedCall.Outcome call = ended(asterisk.call(SimulatedCaller.of(VIP_CALLERS.getFirst(), "4008001003")));

        assertThat(call.dials()).first().satisfies(dial -> assertThat(dial.endpoint()).isIn(VIP));
        assertThat(call.answeredBy()).hasValueSatisfying(agent -> assertThat(agent).isIn(VIP));
    }

    @Test
    void whenTheVipGroupIsAllBusyAVipCallerIsServedByTheQueuesGroupAheadOfAnOrdinaryCallerWhoWaitedLonger()
            throws Exception {
        // the shipped rule gives the VIP group 10 s alone; the same rule at 0 s ("at once when it is all busy")
        // keeps the test from waiting 10 real seconds. sales-home has no wrap-up, so a freed agent is ready at once.
        centre.rewrite("centre.yaml", "escalateAfter: 10s", "escalateAfter: 0s")
                .rewrite("queues.yaml", "    name: Sales - kitchen knife set\n",
                        "    name: Sales - kitchen knife set\n    wrapUp: 0s\n");
        asterisk = simulatedAsterisk(centre.serve(), Map.of(), TALKING_ON);
        List<SimulatedCall> vipsTalking = new ArrayList<>();
        for (String vip : VIP_CALLERS.subList(0, VIP.size())) {
            vipsTalking.add(talking(asterisk.call(SimulatedCaller.of(vip, "4008001003"))));
        }
        List<SimulatedCall> ordinaryTalking = occupy(SALES_HOME.size(), ORDINARY_CALLER, "4008001003");
        assertThat(vipsTalking).extracting(c -> c.answered().getNow("")).containsExactlyInAnyOrderElementsOf(VIP);
        SimulatedCall ordinary = onHold(asterisk.call(SimulatedCaller.of("13700003333", "4008001003")));
        SimulatedCall vip = onHold(asterisk.call(SimulatedCaller.of(VIP_CALLERS.getLast(), "4008001003")));

        SimulatedCall finishing = ordinaryTalking.getFirst();
        String freed = finishing.answered().get();
        assertThat(freed).isIn(SALES_HOME).isNotIn(VIP);
        finishing.hangUp();

        List<String> vipCommands = vip.whenReceived(c -> !c.isEmpty() && c.getLast().startsWith("EXEC Dial "))
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(vipCommands.getLast()).isEqualTo(dial(freed, 20, vip.callId()));
        assertThat(ordinary.commands()).noneMatch(c -> c.startsWith("EXEC Dial "))
                .containsExactly("ANSWER", "EXEC StartMusicOnHold default");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private SimulatedAsterisk simulatedAsterisk(HotlineServer server, Map<String, SimulatedAgent> agents,
                                                SimulatedAgent others) {
        SimulatedAsterisk.Builder builder = SimulatedAsterisk.builder(server.fastAgiAddress())
                .timing(SimulatedAsterisk.Timing.scaled(SECOND)).otherAgents(others);
        agents.forEach(builder::agent);
        return builder.build();
    }

    /** Places {@code count} calls one after the other, each answered by an agent who talks on. */
    private List<SimulatedCall> occupy(int count, String caller, String dialled) throws Exception {
        List<SimulatedCall> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            calls.add(talking(asterisk.call(SimulatedCaller.of(caller, dialled))));
        }
        return calls;
    }

    private static SimulatedCall talking(SimulatedCall call) throws Exception {
        call.answered().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        return call;
    }

    private static SimulatedCall onHold(SimulatedCall call) throws Exception {
        call.when(c -> !c.isEmpty() && c.getLast().equals("EXEC StartMusicOnHold default"))
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        return call;
    }

    /** Dial as the session sends it: the queue's ring timeout in seconds (sales-health 15 s, the default 20 s). */
    /** Dial as the session sends it for a queue ringing {@code queueRingSeconds}: Asterisk gives up a second sooner. */
    private static String dial(String endpoint, int queueRingSeconds, String callId) {
        return "EXEC Dial " + endpoint + "," + (queueRingSeconds - 1) + ",U(hotline-answered^" + callId + ")";
    }

    private static SimulatedCall.Outcome ended(SimulatedCall call) throws Exception {
        return call.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static Set<String> group(String id) {
        return switch (id) {
            case "sales-health" -> SALES_HEALTH;
            case "sales-home" -> SALES_HOME;
            case "sales-beauty" -> SALES_BEAUTY;
            default -> throw new IllegalArgumentException("no such group in the test: " + id);
        };
    }
}
