package dev.hotline.bridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The simulator's behaviour beyond the captures: MD5 login and events on demand. */
class SimulatedAmiServerTest {

    @Test
    void md5LoginWithTheKeyOfTheChallengeIsAccepted() throws Exception {
        try (SimulatedAmiServer server = SimulatedAmiServer.start(Map.of("acd", "acdsecret"));
             Socket socket = SimulatedAmiServerFixtureTest.connect(server)) {
            send(socket, "Action: Challenge\r\nActionID: c1\r\nAuthType: MD5\r\n\r\n");
            String challengeReply = SimulatedAmiServerFixtureTest.readUntil(socket, "Challenge: ", "\r\n\r\n");
            String challenge = challengeReply.substring(challengeReply.indexOf("Challenge: ") + 11,
                    challengeReply.lastIndexOf("\r\n\r\n"));

            send(socket, "Action: Login\r\nActionID: l1\r\nUsername: acd\r\nAuthType: MD5\r\nKey: "
                    + md5(challenge + "acdsecret") + "\r\nEvents: off\r\n\r\n");

            assertThat(SimulatedAmiServerFixtureTest.readUntil(socket, "ActionID: l1", "\r\n\r\n"))
                    .endsWith("Response: Success\r\nActionID: l1\r\nMessage: Authentication accepted\r\n\r\n");
        }
    }

    @Test
    void md5LoginWithAWrongKeyFailsAndTheConnectionCloses() throws Exception {
        try (SimulatedAmiServer server = SimulatedAmiServer.start(Map.of("acd", "acdsecret"));
             Socket socket = SimulatedAmiServerFixtureTest.connect(server)) {
            send(socket, "Action: Challenge\r\nAuthType: MD5\r\n\r\n");
            send(socket, "Action: Login\r\nUsername: acd\r\nAuthType: MD5\r\nKey: 00000000000000000000000000000000\r\n\r\n");

            assertThat(SimulatedAmiServerFixtureTest.readToEof(socket))
                    .endsWith("Response: Error\r\nMessage: Authentication failed\r\n\r\n");
        }
    }

    @Test
    void aChannelHungUpOnDemandIsAnnouncedWithBothLocalHalvesToClientsTakingEvents() throws Exception {
        try (SimulatedAmiServer server = SimulatedAmiServer.start(Map.of("acd", "acdsecret"));
             Socket socket = SimulatedAmiServerFixtureTest.connect(server)) {
            server.setDeviceState("Local/1001@agents", "NOT_INUSE");
            send(socket, "Action: Login\r\nUsername: acd\r\nSecret: acdsecret\r\n\r\n"
                    + "Action: Originate\r\nChannel: Local/1001@agents\r\nApplication: Wait\r\nData: 5\r\n\r\n");
            SimulatedAmiServerFixtureTest.readUntil(socket, "State: INUSE", "\r\n\r\n");
            String first = server.channels().getFirst().name();

            assertThat(server.hangUp(first, 16)).isTrue();

            String hangups = SimulatedAmiServerFixtureTest.readUntil(socket, ";2\r\n", "Cause-txt: Normal Clearing\r\n\r\n");
            assertThat(hangups).contains("Event: Hangup\r\nPrivilege: call,all\r\nChannel: " + first + "\r\n");
            assertThat(server.channels()).isEmpty();
        }
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
