package dev.hotline.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.agi.AgiTranscript;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The wire captures of a real Asterisk 22 ({@code fixtures/asterisk/}) are the protocol truth, so none may sit
 * unused: each transcript is replayed by a named test, and each transcript rebuilds its two exact byte streams
 * ({@code raw/<name>.ast.raw}, {@code raw/<name>.app.raw}), so what the replays read is what was captured.
 */
class FixtureFilesTest {

    /** Which test replays each transcript. */
    private static final Map<String, String> REPLAYED_BY = Map.ofEntries(
            Map.entry("agi-session-basic.txt", "AgiCodecReplayTest, SimulatedAsteriskFixtureTest"),
            Map.entry("agi-errors.txt", "AgiCodecReplayTest, SimulatedAsteriskFixtureTest"),
            Map.entry("agi-hangup-midcommand.txt", "AgiCodecReplayTest, SimulatedAsteriskFixtureTest"),
            Map.entry("agi-hangup-during-stream.txt", "AgiCodecReplayTest, SimulatedAsteriskFixtureTest"),
            Map.entry("agi-moh-dial-hangup.txt", "AgiCodecReplayTest, SimulatedAsteriskFixtureTest"),
            Map.entry("agi-network-script-args.txt", "AgiCodecReplayTest, SimulatedAsteriskFixtureTest"),
            Map.entry("agi-env-no-callerid.txt", "AgiCodecReplayTest, SimulatedAsteriskFixtureTest"),
            Map.entry("agi-session-for-ami-events.txt", "AgiCodecReplayTest, SimulatedAsteriskFixtureTest"),
            Map.entry("ami-login.txt", "SimulatedAmiServerFixtureTest"),
            Map.entry("ami-login-failure.txt", "SimulatedAmiServerFixtureTest"),
            Map.entry("ami-login-unknown-user.txt", "SimulatedAmiServerFixtureTest"),
            Map.entry("ami-coreshowchannels.txt", "SimulatedAmiServerFixtureTest"),
            Map.entry("ami-originate-events.txt", "SimulatedAmiServerFixtureTest"),
            Map.entry("ami-originate-bridge-events.txt", "SimulatedAmiServerFixtureTest, FixtureEventsTest"),
            Map.entry("ami-originate-failure.txt", "SimulatedAmiServerFixtureTest"),
            Map.entry("ami-actions-errors.txt", "SimulatedAmiServerFixtureTest"),
            Map.entry("ami-actions-with-events.txt", "SimulatedAmiServerFixtureTest"),
            Map.entry("ami-events-during-agi.txt", "FixtureEventsTest"),
            Map.entry("ami-shutdown-restart.txt", "SimulatedAmiServerFixtureTest"));

    @Test
    void everyTranscriptInTheFixturesFolderIsReplayedByANamedTest() throws Exception {
        assertThat(transcripts()).containsExactlyInAnyOrderElementsOf(REPLAYED_BY.keySet());
    }

    @Test
    void everyTranscriptHasItsTwoRawByteStreamsAndNothingElseIsInTheFolder() throws Exception {
        try (Stream<Path> raw = Files.list(fixtures().resolve("raw"))) {
            List<String> expected = transcripts().stream().map(t -> t.replace(".txt", ""))
                    .flatMap(name -> Stream.of(name + ".ast.raw", name + ".app.raw")).toList();
            assertThat(raw.map(p -> p.getFileName().toString())).containsExactlyInAnyOrderElementsOf(expected);
        }
    }

    static List<String> names() throws Exception {
        return transcripts().stream().map(t -> t.replace(".txt", "")).sorted().toList();
    }

    @ParameterizedTest
    @MethodSource("names")
    void theTranscriptRebuildsBothCapturedByteStreamsExactly(String name) {
        AgiTranscript transcript = AgiTranscript.load(name);

        assertThat(transcript.asteriskBytes()).isEqualTo(transcript.rawAsterisk());
        assertThat(transcript.serverBytes()).isEqualTo(transcript.rawServer());
    }

    private static List<String> transcripts() throws IOException, URISyntaxException {
        try (Stream<Path> files = Files.list(fixtures())) {
            return files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".txt")).sorted().toList();
        }
    }

    private static Path fixtures() throws URISyntaxException {
        return Path.of(FixtureFilesTest.class.getResource("/fixtures/asterisk/README.md").toURI()).getParent();
    }
}
