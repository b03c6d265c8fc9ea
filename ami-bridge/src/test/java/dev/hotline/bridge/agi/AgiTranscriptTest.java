package dev.hotline.bridge.agi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The command tables of the FastAGI fixtures (the raw byte streams are checked by FixtureFilesTest). */
class AgiTranscriptTest {

    static final java.util.List<String> FIXTURES = AgiTranscript.NAMES;

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void everyCommandInTheFixtureTablesMatchesTheCapturedCommandCount(String fixture) {
        assertThat(FixtureCommands.BY_FIXTURE.get(fixture)).hasSameSizeAs(AgiTranscript.load(fixture).commandLines());
    }
}
