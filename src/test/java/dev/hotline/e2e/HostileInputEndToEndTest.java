package dev.hotline.e2e;

import static dev.hotline.e2e.ShippedCentre.AMI_SECRET;
import static dev.hotline.e2e.ShippedCentre.PATIENCE;
import static dev.hotline.e2e.ShippedCentre.await;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotline.bridge.ami.AmiConnectionState;
import dev.hotline.bridge.simulator.SimulatedAgent;
import dev.hotline.bridge.simulator.SimulatedAmiServer;
import dev.hotline.bridge.simulator.SimulatedAsterisk;
import dev.hotline.bridge.simulator.SimulatedCall;
import dev.hotline.bridge.simulator.SimulatedCall.Ending;
import dev.hotline.bridge.simulator.SimulatedCaller;
import dev.hotline.server.serve.HotlineServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Text from outside on both protocols, through the running server: a caller id is whatever the trunk says, and
 * Asterisk passes it on unfiltered; an AMI peer may send values Hotline never expected. None of it may add an AGI
 * command, break a session other than its own, or take the AMI connection down.
 */
class HostileInputEndToEndTest {
    private static final SimulatedAgent ANSWERING = SimulatedAgent.answersAfter(Duration.ofSeconds(1),
            Duration.ofSeconds(2));

    @TempDir
    Path temp;
    ShippedCentre centre;
    SimulatedAmiServer ami;
    HotlineServer server;
    SimulatedAsterisk asterisk;

    @BeforeEach
    void serveWithTheSimulatedAmi() throws IOException {
        centre = new ShippedCentre(temp);
        ami = SimulatedAmiServer.start(Map.of("hotline", AMI_SECRET));
        server = centre.serveWithAmi(ami.port());
        asterisk = SimulatedAsterisk.builder(server.fastAgiAddress())
                .timing(SimulatedAsterisk.Timing.scaled(Duration.ofMillis(5))).otherAgents(ANSWERING)
                .ami(ami, ShippedCentre.ALL_PHONES).build();
        await(() -> server.amiStates().get("asterisk-1") == AmiConnectionState.CONNECTED, "Hotline's AMI login");
    }

    @AfterEach
    void stop() {
        asterisk.close();
        centre.close();
        ami.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "13700001111\" EXEC System \"rm -rf /",
            "\"\r HANGUP",
            "1370\0HANGUP",
            "\\\"\\\\\" ; ANSWER",
            "${SHELL(id)}",
            "Test Caller <13700001111>"})
    void aHostileCallerIdIsRoutedLikeAnyOtherCallAndAddsNoCommand(String callerId) throws Exception {
        SimulatedCall.Outcome call = asterisk.call(SimulatedCaller.of(callerId, "4008001001").named(callerId))
                .ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(call.ending()).isEqualTo(Ending.HOTLINE_HUNG_UP);
        assertThat(call.answeredBy()).isPresent();
        assertThat(call.commands()).containsExactly("ANSWER", "EXEC StartMusicOnHold default", "EXEC StopMusicOnHold",
                "EXEC Dial " + call.answeredBy().get() + ",14,U(hotline-answered^" + call.callId() + ")",
                "GET VARIABLE DIALSTATUS", "HANGUP");
        centre.close();
        assertThat(centre.callEnded(call.callId())).contains("\"outcome\":\"ANSWERED\"");
        assertEveryJournalLineIsOneJsonObject();
    }

    @Test
    void aConnectionSendingAnEndlessLineIsClosedAndTheNextCallIsServed() throws Exception {
        InetSocketAddress fastAgi = server.fastAgiAddress();
        try (Socket hostile = new Socket(fastAgi.getAddress(), fastAgi.getPort())) {
            hostile.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = hostile.getOutputStream();
            InputStream in = hostile.getInputStream();
            // over the 8192-byte line limit: the server must give up on this connection, and only this one
            out.write("agi_network: yes\nagi_callerid: ".getBytes(StandardCharsets.US_ASCII));
            out.write("9".repeat(20_000).getBytes(StandardCharsets.US_ASCII));
            out.flush();

            assertThat(in.readAllBytes()).as("what the server sent before closing").isEmpty();
        }

        SimulatedCall.Outcome next = asterisk.call(SimulatedCaller.of("13700001111", "4008001003")).ended()
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(next.answeredBy()).isPresent();
    }

    @Test
    void amiEventsWithValuesHotlineNeverExpectedLeaveTheConnectionUpAndCallsFlowing() throws Exception {
        Map<String, String> hostile = new LinkedHashMap<>();
        hostile.put("Privilege", "call,all");
        hostile.put("Device", "PJSIP/1001\"; Action: Hangup");
        hostile.put("State", "EXPLODED");
        ami.emitEvent("DeviceStateChange", hostile);
        ami.emitEvent("DeviceStateChange", Map.of("Privilege", "call,all", "Device", "x".repeat(10_000),
                "State", "INUSE"));
        ami.emitEvent("Hangup", Map.of("Privilege", "call,all", "Channel", "", "Uniqueid", "not.a.number",
                "Cause", "sixteen"));
        ami.emitEvent("电话事件", Map.of("Privilege", "call,all", "Wert", "ümlaut 电话 \t tab"));
        ami.emitEvent("OriginateResponse", Map.of("Privilege", "call,all", "Response", "Maybe", "Reason", "-1"));

        SimulatedCall.Outcome call = asterisk.call(SimulatedCaller.of("13700001111", "4008001005")).ended()
                .get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);

        assertThat(call.answeredBy()).isPresent();
        assertThat(server.amiStates()).containsEntry("asterisk-1", AmiConnectionState.CONNECTED);
        assertThat(ami.successfulLogins()).as("logins: the connection never dropped").isEqualTo(1);
    }

    private void assertEveryJournalLineIsOneJsonObject() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.list(centre.journal)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
                List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (String line : lines) {
                    assertThat(json.readTree(line).isObject()).as(file + ": " + line).isTrue();
                }
            }
        }
    }
}
