package dev.hotline.server.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.DialPattern;
import dev.hotline.bridge.engine.EngineLoop;
import dev.hotline.server.callback.CallbackRequest;
import dev.hotline.server.config.CallbackSettings;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigResult;
import dev.hotline.server.journal.JournalSettings;
import dev.hotline.server.journal.JournalWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code serve} tells a call session about a message or a callback request: filed once its journal line is on
 * disk, never before; not filed when the journal cannot take it. The engine loop is run by hand, so nothing is written
 * before the test lets the engine take the request.
 */
class JournaledIvrRequestsTest {
    private static final Clock NINE_AM = Clock.fixed(Instant.parse("2026-11-23T01:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private static final CentreConfig SHIPPED = shipped();

    @TempDir
    Path dir;

    private final EngineLoop engine = new EngineLoop(SHIPPED, 1, NINE_AM, 100, List.of());
    private JournalWriter journal;
    private JournaledIvrRequests requests;
    /** What the callback desk heard of. */
    private final List<CallbackRequest> filedCallbacks = new CopyOnWriteArrayList<>();

    private static CentreConfig shipped() {
        ConfigResult result = ConfigLoader.load(Path.of(System.getProperty("hotline.config.dir", "../config")));
        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config();
    }

    private void journalOpened() {
        journal = JournalWriter.start(JournalSettings.in(dir), SHIPPED, NINE_AM);
        requests = new JournaledIvrRequests(engine, journal, filedCallbacks::add, CallbackSettings.NOT_PLACED);
    }

    @AfterEach
    void closeJournal() {
        journal.close();
    }

    private List<String> journalLines() throws IOException {
        try (var files = Files.list(dir)) {
            return Files.readAllLines(files.filter(f -> f.toString().endsWith(".jsonl")).findFirst().orElseThrow());
        }
    }

    @Test
    void aCallbackRequestIsFiledOnlyOnceItsLineIsOnDisk() throws Exception {
        journalOpened();
        CompletableFuture<Void> filed = requests.callbackRequested("c7", "13911112222", "4008001001", "health-tea",
                Map.of("order", "A-77")).toCompletableFuture();
        assertThat(filed).as("filed before the engine wrote it").isNotDone();
        assertThat(filedCallbacks).as("the desk hears of it before it is filed").isEmpty();

        engine.runOnce();
        filed.get(10, TimeUnit.SECONDS);

        assertThat(journalLines()).last().asString().contains("\"type\":\"callback-requested\"",
                "\"callId\":\"c7\"", "\"number\":\"13911112222\"", "\"dialledNumber\":\"4008001001\"",
                "\"businessType\":\"health-tea\"");
        assertThat(filedCallbacks).singleElement().satisfies(request -> {
            assertThat(request.id()).isEqualTo("c7");
            assertThat(request.number()).isEqualTo("13911112222");
            assertThat(request.businessType()).isEqualTo("health-tea");
            assertThat(request.attachedData()).containsEntry("order", "A-77");
            assertThat(request.requestedAt()).isEqualTo(NINE_AM.millis());
        });
    }

    @Test
    void aCallbackToSomethingThatIsNoPhoneNumberIsNotFiledAndSaysWhy() {
        journalOpened();
        CompletableFuture<Void> filed = requests.callbackRequested("c7", "1391\r\nAction: Hangup", "4008001001",
                "health-tea", Map.of()).toCompletableFuture();

        assertThatThrownBy(filed::join).isInstanceOf(CompletionException.class)
                .hasMessageContaining("'1391\\r\\nAction: Hangup' is not a phone number to call back");
        assertThat(filedCallbacks).isEmpty();
    }

    @Test
    void aCallbackToANumberCallbacksMayNotRingIsNotFiledSoACallerCannotHaveTheCentreRingAPremiumLine() throws Exception {
        journalOpened();
        requests.useCallbackSettings(CallbackSettings.NOT_PLACED.withAllowedNumbers(List.of(
                DialPattern.parse("_1[3-9]XXXXXXXXX"))));

        CompletableFuture<Void> international = requests.callbackRequested("c7", "00882161234567", "4008001001",
                "health-tea", Map.of()).toCompletableFuture();
        CompletableFuture<Void> mobile = requests.callbackRequested("c8", "13911112222", "4008001001",
                "health-tea", Map.of()).toCompletableFuture();
        engine.runOnce();

        assertThatThrownBy(international::join).isInstanceOf(CompletionException.class).hasMessageContaining(
                "'00882161234567' is not a number callbacks may ring (server.yaml callbacks.allowedNumbers: "
                        + "numbers matching _1[3-9]XXXXXXXXX)");
        mobile.get(10, TimeUnit.SECONDS);
        assertThat(filedCallbacks).extracting(CallbackRequest::id).containsExactly("c8");
    }

    @Test
    void whatAFlowsEndRecordedASurveyRatingIsJournaled() throws Exception {
        journalOpened();
        requests.resultsRecorded("c9", "satisfaction-survey", "survey-answered", Map.of("rating", "4"));
        engine.runOnce();
        journal.close();

        assertThat(journalLines()).last().asString().contains("\"type\":\"ivr-results\"", "\"callId\":\"c9\"",
                "\"flow\":\"satisfaction-survey\"", "\"disposition\":\"survey-answered\"",
                "\"results\":{\"rating\":\"4\"}");
    }

    @Test
    void aMessageIsFiledOnlyOnceItsLineIsOnDisk() throws Exception {
        journalOpened();
        CompletableFuture<Void> filed = requests.messageRecorded("c6", "13911112222", "after-sales",
                "hotline/messages/after-sales-c6", Map.of()).toCompletableFuture();
        assertThat(filed).as("filed before the engine wrote it").isNotDone();

        engine.runOnce();
        filed.get(10, TimeUnit.SECONDS);

        assertThat(journalLines()).last().asString().contains("\"type\":\"message-left\"", "\"callId\":\"c6\"");
    }

    @Test
    void aCallbackRequestTheJournalCannotTakeIsNotFiledAndSaysWhy() {
        journalOpened();
        journal.close();
        CompletableFuture<Void> filed = requests.callbackRequested("c7", "13911112222", "4008001001", "health-tea",
                Map.of())
                .toCompletableFuture();

        engine.runOnce();

        assertThatThrownBy(filed::join).isInstanceOf(CompletionException.class)
                .hasMessageContaining("journal hand-off full or closed");
        assertThat(journal.lostRecords()).isEqualTo(1);
    }
}
