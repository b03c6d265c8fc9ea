package dev.hotline.bridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.agi.AgiTranscript;
import dev.hotline.bridge.simulator.SimulatedAsterisk.Dialplan;
import dev.hotline.bridge.simulator.SimulatedAsterisk.Timing;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The simulator's FastAGI side against the captures of a real Asterisk 22: this test plays the FastAGI server of
 * each {@code agi-*.txt} transcript, sending our side's bytes, with the simulated caller scripted like the capture's
 * dialplan ({@code [caller-sim]}, {@code [caller-hangup]}, {@code [agents]} in the fixtures README). What the
 * simulator sends must equal what Asterisk sent, line for line, once the values the README lists as varying are
 * masked: the channel name and its technology (the simulator's trunk is {@code PJSIP/trunk-<seq>}, the captures
 * used Local channels), the uniqueid, the thread id, the port and non-zero {@code endpos} values.
 */
class SimulatedAsteriskFixtureTest {

    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final Timing FAST = Timing.scaled(Duration.ofMillis(2));
    private static final SimulatedCaller TEST_CALLER = SimulatedCaller.of("13800138000", "4008001000")
            .named("Test Caller");

    @Test
    void anIvrSessionWithPromptsDigitsAndVariablesIsAnsweredAsAsteriskDid() throws Exception {
        // [caller-sim]: lets the beep play, presses 1 during demo-congrats, then 1234# (GET DATA keeps the #)
        replay("agi-session-basic", builder -> builder.timing(FAST), TEST_CALLER.pressing("", "1", "1234#"), null);
    }

    @Test
    void theSessionCapturedBesideTheAmiEventsIsAnsweredTheSameWay() throws Exception {
        replay("agi-session-for-ami-events", builder -> builder.timing(FAST), TEST_CALLER.pressing("", "1", "1234#"),
                null);
    }

    @Test
    void unknownCommandsUsageErrorsUnknownApplicationsMissingSoundsAndQuotesAreAnsweredAsAsteriskDid()
            throws Exception {
        replay("agi-errors", builder -> builder.timing(FAST).soundExists(sound -> !sound.startsWith("no-such-")),
                TEST_CALLER, null);
    }

    @Test
    void aCallerHangingUpDuringWaitForDigitGetsMinusOneHangupAndThen511ForMediaCommands() throws Exception {
        replay("agi-hangup-midcommand", builder -> builder.timing(FAST), TEST_CALLER, "WAIT FOR DIGIT 30000");
    }

    @Test
    void aCallerHangingUpDuringAPromptGetsMinusOneWithItsEndposAndHangup() throws Exception {
        // prompts long enough that the hang-up surely falls inside demo-congrats
        replay("agi-hangup-during-stream", builder -> builder.timing(FAST.withPrompts(5_000)), TEST_CALLER,
                "STREAM FILE demo-congrats \"0123456789*#\"");
    }

    @Test
    void musicOnHoldThenADialledAgentWhoAnswersAndHangsUpThenHotlinesHangup() throws Exception {
        // [agents]: Answer(), Wait(5), Hangup()
        replay("agi-moh-dial-hangup", builder -> builder.timing(FAST)
                        .agent("Local/1001@agents", SimulatedAgent.answersAfter(Duration.ZERO, Duration.ofSeconds(5))),
                TEST_CALLER, null);
    }

    @Test
    void theNetworkScriptKeepsItsQueryAndTheAgiArgumentsFollowTheThreadId() throws Exception {
        replay("agi-network-script-args", builder -> builder.timing(FAST)
                        .dialplan(new Dialplan("inbound?lang=en", List.of("arg1", "${EXTEN}", "two words"),
                                "from-pstn-args")),
                TEST_CALLER, null);
    }

    @Test
    void aCallWithoutCallerIdOrDnidSaysUnknownAndAnEmptyCallerIdNumber() throws Exception {
        replay("agi-env-no-callerid", builder -> builder.timing(FAST), SimulatedCaller.of("", "5551234").withoutDnid(),
                null);
    }

    /**
     * Runs the transcript's FastAGI server side against the simulator.
     *
     * @param hangUpDuring the caller hangs up as soon as the simulator receives this command (null: never)
     */
    private static void replay(String fixture, Consumer<SimulatedAsterisk.Builder> setup, SimulatedCaller caller,
                               String hangUpDuring) throws Exception {
        AgiTranscript transcript = AgiTranscript.load(fixture);
        try (ServerSocket fastAgi = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SimulatedAsterisk.Builder builder = SimulatedAsterisk.builder(
                    new InetSocketAddress(InetAddress.getLoopbackAddress(), fastAgi.getLocalPort()));
            setup.accept(builder);
            try (SimulatedAsterisk asterisk = builder.build()) {
                SimulatedCall call = asterisk.call(caller);
                if (hangUpDuring != null) {
                    call.whenReceived(commands -> !commands.isEmpty() && commands.getLast().equals(hangUpDuring))
                            .thenRun(call::hangUp);
                }
                try (Socket socket = fastAgi.accept()) {
                    socket.setSoTimeout((int) PATIENCE.toMillis());
                    play(transcript, socket);
                }
                call.ended().get(PATIENCE.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static void play(AgiTranscript transcript, Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        OutputStream out = socket.getOutputStream();
        List<String> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (AgiTranscript.Step step : transcript.steps()) {
            switch (step) {
                case AgiTranscript.FromAsterisk ast -> {
                    String line = new String(ast.bytes(), StandardCharsets.UTF_8);
                    expected.add(masked(line));
                    actual.add(masked(readLine(in)));
                }
                case AgiTranscript.FromServer app -> {
                    out.write(app.bytes());
                    out.flush();
                    actual.add("APP> " + new String(app.bytes(), StandardCharsets.UTF_8));
                    expected.add("APP> " + new String(app.bytes(), StandardCharsets.UTF_8));
                }
                case AgiTranscript.ServerEof eof -> socket.shutdownOutput();
                case AgiTranscript.AsteriskEof eof -> {
                    expected.add("EOF");
                    actual.add(in.read() < 0 ? "EOF" : "more bytes after the end");
                }
            }
        }
        assertThat(actual).as(transcript.name()).containsExactlyElementsOf(expected);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b >= 0; b = in.read()) {
            line.write(b);
            if (b == '\n') {
                break;
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** Masks the values that differ on every run, or between the captures' Local channels and the trunk. */
    private static String masked(String line) {
        return line.replaceFirst("^(agi_channel|agi_type|agi_uniqueid|agi_threadid): .*", "$1: *")
                .replaceFirst("^agi_request: agi://127\\.0\\.0\\.1:\\d+/", "agi_request: agi://127.0.0.1:*/")
                .replaceFirst("endpos=[1-9]\\d*", "endpos=*");
    }
}
