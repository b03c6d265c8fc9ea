package dev.hotline.server.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.acd.AcdEvent;
import dev.hotline.bridge.ami.AmiActions;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.AmiUnavailableException;
import dev.hotline.bridge.engine.EngineLoop;
import dev.hotline.bridge.session.Callbacks;
import dev.hotline.server.config.CallbackSettings;
import dev.hotline.server.journal.JournalFixtures;
import dev.hotline.server.journal.JournalSettings;
import dev.hotline.server.journal.JournalWriter;
import dev.hotline.server.serve.UnusedAmiActions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The callback desk against the shipped centre at 09:00 (sales open), a fake Asterisk and the real journal: who is
 * rung, with what Originate, and what the journal says of it.
 */
class CallbackDeskTest {
    private static final Clock NINE_AM = Clock.fixed(Instant.ofEpochMilli(JournalFixtures.NINE_AM),
            ZoneId.of("Asia/Shanghai"));
    private static final CallbackSettings SETTINGS = new CallbackSettings("PJSIP/{number}@trunk", "hotline-callback",
            "\"TV shop\" <4008001000>", Duration.ofSeconds(30), 3, Duration.ofMinutes(10), Duration.ofHours(24), 10,
            "hotline/callback-greeting", Duration.ofSeconds(5));
    private static final CallbackRequest TEA = new CallbackRequest("c7", "13911112222", "4008001001", "slimming-tea",
            Map.of("order", "A-77"), JournalFixtures.NINE_AM);

    @TempDir
    Path dir;

    /** The Originates asked for, and what each comes to (the test completes them). */
    private final List<String> originates = new CopyOnWriteArrayList<>();
    private final CompletableFuture<AmiEvent.OriginateResult> outcome = new CompletableFuture<>();
    private final AmiActions asterisk = new UnusedAmiActions() {
        @Override
        public CompletableFuture<AmiEvent.OriginateResult> originateCallback(String endpoint, String context,
                                                                          String exten, String callerId,
                                                                          Map<String, String> variables,
                                                                          Duration ringTimeout) {
            originates.add(endpoint + " " + context + "," + exten + " " + callerId + " " + variables + " "
                    + ringTimeout.toSeconds() + "s");
            return outcome;
        }
    };
    private List<AmiActions> connected = List.of(asterisk);

    private JournalWriter journal;
    private CallbackDesk desk;
    private EngineLoop engine;

    private void deskWithAgentsReady(String... agents) {
        journal = JournalWriter.start(JournalSettings.in(dir), JournalFixtures.shippedConfig(), NINE_AM);
        desk = new CallbackDesk(SETTINGS, journal, () -> connected);
        engine = new EngineLoop(JournalFixtures.shippedConfig(), 1, NINE_AM, 100, List.of(journal, desk));
        desk.attach(engine);
        for (String agent : agents) {
            engine.submit(new AcdEvent.AgentLoggedIn(NINE_AM.millis(), agent));
            engine.submit(new AcdEvent.AgentReady(NINE_AM.millis(), agent));
        }
        engine.runOnce();
    }

    @AfterEach
    void close() {
        desk.close();
        journal.close();
    }

    /** One round of the desk, run to the end: the engine reads, the desk sends its Originates. */
    private void round() throws Exception {
        CompletableFuture<Void> done = desk.round().toCompletableFuture();
        engine.runOnce();
        done.get(5, TimeUnit.SECONDS);
    }

    /** Asterisk answers the Originate; the desk hears of it on the engine's thread. */
    private void asteriskSays(boolean answered, int reason) {
        outcome.complete(new AmiEvent.OriginateResult("asterisk-1", "orig-1", answered, reason,
                answered ? "PJSIP/trunk-0000000c" : "PJSIP/13911112222@trunk", answered ? "1795395601.12" : ""));
        engine.runOnce();
    }

    private List<String> journalLines() throws IOException {
        journal.flush().join();
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(".jsonl")).sorted().flatMap(f -> {
                try {
                    return Files.readAllLines(f).stream();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).filter(l -> l.contains("\"type\":\"callback-")).toList();
        }
    }

    private void requested(CallbackRequest request) {
        desk.requested(request);
        engine.runOnce();
    }

    @Test
    void aCustomerIsRungWithTheEndpointTheCallbackContextTheCentresCallerIdAndTheRequestInAVariable()
            throws Exception {
        deskWithAgentsReady("1001");
        requested(TEA);

        round();

        assertThat(originates).containsExactly("PJSIP/13911112222@trunk hotline-callback,13911112222 "
                + "\"TV shop\" <4008001000> {HOTLINE_CALLBACK=c7} 30s");
    }

    @Test
    void aReloadsNewEndpointAndCallerIdAreUsedFromTheNextCustomerRungAndSettingsWithoutAnEndpointAreNotADesks()
            throws Exception {
        deskWithAgentsReady("1001");

        desk.useSettings(new CallbackSettings("SIP/trunk2/{number}", "callbacks-2", "\"TV shop\" <4008009000>",
                Duration.ofSeconds(45), 3, Duration.ofMinutes(10), Duration.ofHours(24), 10,
                "hotline/callback-greeting", Duration.ofSeconds(5)));
        engine.runOnce();
        requested(TEA);
        round();

        assertThat(originates).containsExactly("SIP/trunk2/13911112222 callbacks-2,13911112222 "
                + "\"TV shop\" <4008009000> {HOTLINE_CALLBACK=c7} 45s");
        // turning callbacks off takes the desk out of the CallbackSwitch (below); a desk itself always places them
        assertThatThrownBy(() -> desk.useSettings(CallbackSettings.NOT_PLACED))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("callbacks are not placed without an endpoint");
    }

    @Test
    void withNoDeskInTheSwitchNobodyIsRungAndACallbacksCallFindsNoRequestUntilADeskIsPutIn() throws Exception {
        deskWithAgentsReady("1001");
        CallbackSwitch callbacks = new CallbackSwitch();

        callbacks.requested(TEA);
        engine.runOnce();
        round();

        assertThat(originates).as("callbacks off: the request is only in the journal").isEmpty();
        assertThat(callbacks.answered("c7", "1795395601.12")).isEmpty();

        callbacks.use(desk);
        callbacks.requested(TEA);
        engine.runOnce();
        round();

        assertThat(originates).hasSize(1);
        assertThat(callbacks.takeOut()).contains(desk);
        assertThat(callbacks.desk()).isEmpty();
    }

    @Test
    void theCustomerWhoAnswersIsQueuedForTheBusinessTheyAskedAboutWithItsPriorityGreetingAndData()
            throws Exception {
        deskWithAgentsReady("1001");
        requested(TEA);
        round();
        asteriskSays(true, 4);

        assertThat(desk.answered("c7", "1795395601.12")).contains(new Callbacks.CallbackCall("13911112222",
                "4008001001", "slimming-tea", 10, "hotline/callback-greeting", Map.of("order", "A-77")));
        assertThat(desk.answered("c7", "1795395601.12")).as("a second session for the same request").isEmpty();
        desk.ended("c7", "1795395601.12", Callbacks.Ending.AGENT_ANSWERED);
        engine.runOnce();

        assertThat(journalLines()).satisfiesExactly(
                l -> assertThat(l).contains("\"type\":\"callback-attempted\"", "\"requestId\":\"c7\"",
                        "\"attempt\":1", "\"result\":\"answered\""),
                l -> assertThat(l).contains("\"type\":\"callback-closed\"", "\"requestId\":\"c7\"",
                        "\"outcome\":\"agent-answered\"", "\"attempts\":1", "\"callId\":\"1795395601.12\""));
    }

    @Test
    void aCustomerWhoDoesNotAnswerIsJournaledAndNotQueued() throws Exception {
        deskWithAgentsReady("1001");
        requested(TEA);
        round();

        asteriskSays(false, 3);

        assertThat(desk.answered("c7", "1795395601.12")).isEmpty();
        assertThat(journalLines()).singleElement().asString().contains("\"type\":\"callback-attempted\"",
                "\"result\":\"no-answer\"", "\"detail\":\"Asterisk reason 3\"");
    }

    @Test
    void aCustomerRungJustBeforeTheAmiConnectionWentIsStillLetInWhenTheyAnswer() throws Exception {
        deskWithAgentsReady("1001");
        requested(TEA);
        round();

        outcome.completeExceptionally(new AmiUnavailableException("AMI 'asterisk-1': connection lost before the "
                + "OriginateResponse of orig-1"));
        engine.runOnce();

        assertThat(desk.answered("c7", "1795395601.12")).as("Asterisk went on ringing them").isPresent();
    }

    @Test
    void nobodyIsRungWhileNoAgentOfTheBusinessIsReadyOrNoManagerInterfaceIsConnected() throws Exception {
        deskWithAgentsReady("1002");
        requested(TEA);
        round();
        assertThat(originates).as("1002 does not sell health products").isEmpty();

        engine.submit(new AcdEvent.AgentLoggedIn(NINE_AM.millis(), "1001"));
        engine.submit(new AcdEvent.AgentReady(NINE_AM.millis(), "1001"));
        connected = List.of();
        round();
        assertThat(originates).as("no AMI server connected").isEmpty();

        connected = List.of(asterisk);
        round();
        assertThat(originates).hasSize(1);
    }
}
