package dev.hotline.bridge.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

class AgiTranscriptTest {

    static final java.util.List<String> FIXTURES = AgiTranscript.NAMES;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void theTranscriptReaderRebuildsBothCapturedByteStreamsExactly(String fixture) {
        AgiTranscript transcript = AgiTranscript.load(fixture);

        assertThat(transcript.asteriskBytes()).isEqualTo(transcript.rawAsterisk());
        assertThat(transcript.serverBytes()).isEqualTo(transcript.rawServer());
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void everyCommandInTheFixtureTablesMatchesTheCapturedCommandCount(String fixture) {
        assertThat(FixtureCommands.BY_FIXTURE.get(fixture)).hasSameSizeAs(AgiTranscript.load(fixture).commandLines());
    }
}
