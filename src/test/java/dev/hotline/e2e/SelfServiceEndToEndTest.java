package dev.hotline.e2e;

import static dev.hotline.e2e.ShippedCentre.PATIENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.simulator.SimulatedAsterisk;
import dev.hotline.bridge.simulator.SimulatedCall;
import dev.hotline.bridge.simulator.SimulatedCall.Ending;
import dev.hotline.bridge.simulator.SimulatedCaller;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Self-service over real sockets: the order-status number printed on every parcel (4008008888, numbers.yaml) runs
 * the shipped {@code tv-shopping} flow (config/ivr/tv-shopping.yaml with its welcome subflow), which finds the order
 * in {@code tables/orders.csv} by the calling number or a number the caller keys in, tells its status and hangs up
 * without an agent: a call the connection rate counts as completed in self-service.
 */
class SelfServiceEndToEndTest {
    private static final String ORDER_STATUS_NUMBER = "4008008888";

    @TempDir
    Path temp;
    ShippedCentre centre;
    SimulatedAsterisk asterisk;

    @BeforeEach
    void theShippedCentreWithAgentsWhoWouldAnswer() throws IOException {
        centre = new ShippedCentre(temp);
        asterisk = centre.serveToAgentsWhoAnswer();
    }

    @AfterEach
    void stop() {
        asterisk.close();
        centre.close();
    }

    @Test
    void aCallerWhoseNumberHasAnOrderHearsItsStatusAndTheCallEndsInSelfService() throws Exception {
        // 13900139000's kitchen knife set is delivered (orders.csv); Mandarin (1), order status (2), finish (9)
        SimulatedCall.Outcome call = ended(asterisk.call(SimulatedCaller.of("13900139000", ORDER_STATUS_NUMBER)
                .pressing("1", "2", "9")));

        assertThat(call.ending()).isEqualTo(Ending.HOTLINE_HUNG_UP);
        assertThat(call.dials()).isEmpty();
        assertThat(call.commands()).first().isEqualTo("ANSWER");
        assertThat(call.commands()).last().isEqualTo("HANGUP");
        assertThat(prompts(call)).containsSubsequence("common/choose-language", "tv/main-menu",
                "tv/order-delivered", "tv/status-menu", "common/thanks-goodbye");
        assertThat(call.commands()).noneMatch(c -> c.startsWith("EXEC Dial") || c.contains("MusicOnHold"));
        centre.close();
        assertThat(centre.callEnded(call.callId())).contains("\"outcome\":\"SELF_SERVICE\"");
    }

    @Test
    void aCallerWhoseNumberArrivesWithTheCountryCodeIsFoundWithoutTypingIt() throws Exception {
        // the carrier sends +8613900139000; orders.csv lists 13900139000 (centre.yaml: callerNumbers, country 86)
        SimulatedCall.Outcome call = ended(asterisk.call(SimulatedCaller.of("+8613900139000", ORDER_STATUS_NUMBER)
                .pressing("1", "2", "9")));

        assertThat(prompts(call)).containsSubsequence("tv/main-menu", "tv/order-delivered", "tv/status-menu")
                .doesNotContain("tv/enter-order-phone");
        centre.close();
        assertThat(centre.callEnded(call.callId())).contains("\"outcome\":\"SELF_SERVICE\"");
    }

    @Test
    void aCallerFromAnotherPhoneKeysInTheOrderNumberAndHearsTheShippingDate() throws Exception {
        // 13711112222 has no order: the flow asks for the number ordered with; 88889999's set was shipped
        SimulatedCall.Outcome call = ended(asterisk.call(SimulatedCaller.of("13711112222", ORDER_STATUS_NUMBER)
                .pressing("1", "2", "88889999#", "9")));

        assertThat(call.ending()).isEqualTo(Ending.HOTLINE_HUNG_UP);
        assertThat(call.dials()).isEmpty();
        assertThat(prompts(call)).containsSubsequence("tv/main-menu", "tv/enter-order-phone", "tv/order-shipped-on",
                "tv/status-menu", "common/thanks-goodbye");
        assertThat(call.commands()).anyMatch(c -> c.startsWith("SAY DATE"));
        centre.close();
        assertThat(centre.callEnded(call.callId())).contains("\"outcome\":\"SELF_SERVICE\"");
    }

    @Test
    void pressingZeroReachesAPersonFromTheSelfServiceMenu() throws Exception {
        SimulatedCall.Outcome call = ended(asterisk.call(SimulatedCaller.of("13900139000", ORDER_STATUS_NUMBER)
                .pressing("1", "0")));

        assertThat(prompts(call)).contains("tv/main-menu");
        assertThat(call.answeredBy()).isPresent();
        centre.close();
        assertThat(centre.callEnded(call.callId())).contains("\"outcome\":\"ANSWERED\"");
    }

    /** The sound files the caller heard, in order (STREAM FILE, GET DATA and Playback). */
    private static List<String> prompts(SimulatedCall.Outcome call) {
        return call.commands().stream()
                .filter(c -> c.startsWith("STREAM FILE ") || c.startsWith("GET DATA ")
                        || c.startsWith("EXEC Playback "))
                .map(c -> c.split(" ")[2])
                .toList();
    }

    private static SimulatedCall.Outcome ended(SimulatedCall call) throws Exception {
        return call.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
    }
}
