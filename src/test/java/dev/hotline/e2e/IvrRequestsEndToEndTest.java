package dev.hotline.e2e;

import static dev.hotline.e2e.ShippedCentre.PATIENCE;
import static dev.hotline.e2e.ShippedCentre.await;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.simulator.SimulatedAsterisk;
import dev.hotline.bridge.simulator.SimulatedCall;
import dev.hotline.bridge.simulator.SimulatedCaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What callers leave in the IVR, over real sockets: the order-status line (after-sales, numbers.yaml) after its
 * hours runs the shipped welcome subflow's after-hours menu, which offers a message or a callback, and the caller is
 * told it was noted only once its journal line is on disk.
 */
class IvrRequestsEndToEndTest {
    private static final String ORDER_STATUS_NUMBER = "4008008888";
    /** 22:00 on a Wednesday in Shanghai: after-sales is closed (since 21:00). */
    private static final Instant AFTER_SALES_CLOSED = OffsetDateTime.parse("2026-11-25T22:00:00+08:00").toInstant();
    /** 03:00 on a Thursday in Shanghai: the sales queues are closed (they open at 08:00). */
    private static final Instant SALES_CLOSED = OffsetDateTime.parse("2026-11-26T03:00:00+08:00").toInstant();

    @TempDir
    Path temp;
    ShippedCentre centre;
    SimulatedAsterisk asterisk;

    @BeforeEach
    void theShippedCentreAfterAfterSalesClosed() throws IOException {
        centre = new ShippedCentre(temp).startingAt(AFTER_SALES_CLOSED);
        asterisk = centre.serveToAgentsWhoAnswer();
    }

    @AfterEach
    void stop() {
        asterisk.close();
        centre.close();
    }

    @Test
    void aCallerIsPromisedACallbackOnlyOnceTheRequestIsInTheJournal() throws Exception {
        // Mandarin (1); the line is closed, so the after-hours menu: to be called back (2)
        SimulatedCall.Outcome call = asterisk.call(SimulatedCaller.of("13900139000", ORDER_STATUS_NUMBER)
                .pressing("1", "2")).ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(prompts(call)).containsExactly("common/choose-language", "common/closed-hours",
                "common/after-hours-menu", "common/request-noted");
        assertThat(call.dials()).isEmpty();
        // read while the server still runs: the caller heard "noted", so the line is already in the file
        assertThat(centre.journalLines()).anySatisfy(line -> assertThat(line).contains("\"type\":\"callback-requested\"",
                "\"callId\":\"" + call.callId() + "\"", "\"number\":\"13900139000\"",
                "\"dialledNumber\":\"" + ORDER_STATUS_NUMBER + "\"", "\"businessType\":\"after-sales\""));
    }

    @Test
    void aCallerWhoLeavesAMessageInAClosedQueuesVoicemailHasItJournaledForTheCallBack() throws Exception {
        // slimming tea's queue (sales-health) is open 08:00-24:00: at 03:00 its closed treatment is Asterisk's
        // VoiceMail, mailbox sales-callback; the caller speaks, then hangs up, as callers do (ten simulated minutes
        // are 3 s here: after VoiceMail however slow a busy machine makes the way to it; 30 s, 150 ms, were not)
        try (ShippedCentre night = new ShippedCentre(temp.resolve("night")).startingAt(SALES_CLOSED);
             SimulatedAsterisk nightAsterisk = night.serveToAgentsWhoAnswer()) {
            SimulatedCall.Outcome call = nightAsterisk.call(SimulatedCaller.of("13900139001", "4008001001")
                    .hangingUpAfter(Duration.ofMinutes(10))).ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

            assertThat(call.commands()).containsSubsequence("STREAM FILE hotline/sales-closed-leave-number \"\"",
                    "EXEC VoiceMail sales-callback,u", "GET VARIABLE VMSTATUS");
            await(() -> journalHas(night, "\"type\":\"message-left\"", "\"callId\":\"" + call.callId() + "\""),
                    "the message-left record");
            assertThat(night.journalLines()).anySatisfy(line -> assertThat(line).contains("\"type\":\"message-left\"",
                    "\"callerNumber\":\"13900139001\"", "\"mailbox\":\"sales-callback\"", "\"file\":\"\"",
                    "\"queue\":\"sales-health\"", "\"treatment\":\"CLOSED\""));
        }
    }

    private static boolean journalHas(ShippedCentre centre, String... parts) {
        try {
            return centre.journalLines().stream().anyMatch(line -> Arrays.stream(parts)
                    .allMatch(line::contains));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The sound files the caller heard, in order (STREAM FILE and GET DATA). */
    private static List<String> prompts(SimulatedCall.Outcome call) {
        return call.commands().stream().filter(c -> c.startsWith("STREAM FILE ") || c.startsWith("GET DATA "))
                .map(c -> c.split(" ")[2]).toList();
    }
}
