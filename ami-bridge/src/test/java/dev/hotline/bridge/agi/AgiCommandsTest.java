package dev.hotline.bridge.agi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class AgiCommandsTest {

    @Test
    void theParserPortReadsTheCapturedQuotedCommandsLikeAsteriskDid() {
        // agi-errors: this SET VARIABLE made GET VARIABLE ACD_NOTE answer (say "hi" to agent 7)
        assertThat(AsteriskArgumentParser.parse("SET VARIABLE ACD_NOTE \"say \\\"hi\\\" to agent 7\""))
                .containsExactly("SET", "VARIABLE", "ACD_NOTE", "say \"hi\" to agent 7");
        assertThat(AsteriskArgumentParser.parse("SAY DIGITS 123 \"\"")).containsExactly("SAY", "DIGITS", "123", "");
    }

    @Test
    void freeTextIsAlwaysQuotedWithQuotesAndBackslashesEscaped() {
        assertThat(AgiCommands.setVariable("ACD_NOTE", "say \"hi\" to agent 7").text())
                .isEqualTo("SET VARIABLE ACD_NOTE \"say \\\"hi\\\" to agent 7\"");
        assertThat(AgiCommands.setVariable("PATH", "C:\\calls\\").text()).isEqualTo("SET VARIABLE PATH \"C:\\\\calls\\\\\"");
        assertThat(AgiCommands.verbose("queue sales: 3 waiting", 2).text())
                .isEqualTo("VERBOSE \"queue sales: 3 waiting\" 2");
    }

    @Test
    void namesAreBareWhenPlainAndQuotedWhenTheyHoldSpacesOrQuotes() {
        assertThat(AgiCommands.streamFile("custom/welcome", "").text()).isEqualTo("STREAM FILE custom/welcome \"\"");
        assertThat(AgiCommands.streamFile("my prompt", "#").text()).isEqualTo("STREAM FILE \"my prompt\" \"#\"");
        assertThat(AgiCommands.exec("StartMusicOnHold", "default").text()).isEqualTo("EXEC StartMusicOnHold default");
        assertThat(AgiCommands.exec("StopMusicOnHold").text()).isEqualTo("EXEC StopMusicOnHold");
        assertThat(AgiCommands.exec("Dial", "PJSIP/agent 7", "20", "g").text()).isEqualTo("EXEC Dial \"PJSIP/agent 7,20,g\"");
    }

    @Test
    void sayCommandsCarryTheirNumbersDigitsAndDateFormat() {
        assertThat(AgiCommands.sayNumber(42, "#").text()).isEqualTo("SAY NUMBER 42 \"#\"");
        assertThat(AgiCommands.sayDigits("4008001000", "").text()).isEqualTo("SAY DIGITS 4008001000 \"\"");
        assertThat(AgiCommands.sayDateTime(Instant.ofEpochSecond(1795413027), "", "ABdY 'digits/at' IMp",
                ZoneId.of("Europe/Berlin")).text())
                .isEqualTo("SAY DATETIME 1795413027 \"\" \"ABdY 'digits/at' IMp\" Europe/Berlin");
    }

    @Test
    void aRecordingNamesItsFileFormatEndKeyAndMaximumAndBeeps() {
        assertThat(AgiCommands.recordFile("hotline/messages/after-hours-1795413048.9", "wav", "#",
                java.time.Duration.ofMinutes(2)).text())
                .isEqualTo("RECORD FILE hotline/messages/after-hours-1795413048.9 wav \"#\" 120000 BEEP");
    }

    @Test
    void anExecArgumentWithACommaIsRefusedBecauseItWouldBecomeTwoApplicationArguments() {
        assertThatThrownBy(() -> AgiCommands.exec("Dial", "PJSIP/1001,1,G(evil)", "20"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EXEC Dial argument 1 contains ',', which would split it into two application arguments: "
                        + "'PJSIP/1001,1,G(evil)'");
    }

    @Test
    void digitsVariableNamesAndTimeoutsAreCheckedWithMessagesNamingTheValue() {
        assertThatThrownBy(() -> AgiCommands.streamFile("beep", "12a"))
                .hasMessage("escape digits must be DTMF digits 0-9, * and #: '12a'");
        assertThatThrownBy(() -> AgiCommands.sayDigits("", ""))
                .hasMessage("SAY DIGITS needs at least one digit");
        assertThatThrownBy(() -> AgiCommands.getVariable("X Y"))
                .hasMessage("AGI variable name must be NAME or FUNCTION(args) of letters, digits, _ , . -: 'X Y'");
        assertThatThrownBy(() -> AgiCommands.getVariable("SHELL(rm -rf /)"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AgiCommands.waitForDigit(Duration.ZERO))
                .hasMessage("WAIT FOR DIGIT timeout must be positive: PT0S");
        assertThatThrownBy(() -> AgiCommands.getData("beep", Duration.ofSeconds(3), 0))
                .hasMessage("GET DATA max digits must be at least 1: 0");
        assertThatThrownBy(() -> AgiCommands.verbose("x", 5)).hasMessage("VERBOSE level must be 1 to 4: 5");
        assertThatThrownBy(() -> AgiCommands.exec("Sys tem")).hasMessage("EXEC application name must be letters, digits and _: 'Sys tem'");
    }

    @Test
    void aCommandLineCanHoldNoCrLfOrNul() {
        assertThatThrownBy(() -> new AgiCommand("ANSWER\r"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("AGI command contains CR at index 6, which would end the command early: 'ANSWER\\r'");
        assertThatThrownBy(() -> new AgiCommand("ANSWER\nHANGUP"))
                .hasMessage("AGI command contains LF at index 6, which would end the command early: 'ANSWER\\nHANGUP'");
        assertThatThrownBy(() -> new AgiCommand("ANSWER\0"))
                .hasMessage("AGI command contains NUL at index 6, which would end the command early: 'ANSWER\\0'");
    }

    @Test
    void aCommandLongerThanAsteriskReadsAsOneLineIsRefusedRatherThanSplitIntoTwoCommands() {
        String longValue = "x".repeat(AgiCommand.MAX_BYTES);

        assertThatThrownBy(() -> AgiCommands.setVariable("NOTE", longValue))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("AGI command is 2066 bytes, more than Asterisk reads as one line (2046): "
                        + "'SET VARIABLE NOTE \"xxx");
        assertThat(new AgiCommand("x".repeat(AgiCommand.MAX_BYTES)).text()).hasSize(2046);
        assertThat(AsteriskArgumentParser.parse(AgiCommands.answer().text())).isEqualTo(List.of("ANSWER"));
    }

    @Test
    void asteriskAnswersAtOnceWithinAPromptsLengthWithinTheKeysItWaitsForOrWhenTheCallerOrAgentIsDone() {
        Duration instant = AgiCommand.INSTANT_REPLY;
        Duration prompt = AgiCommand.PROMPT_REPLY;
        assertThat(AgiCommands.answer().replyExpectedWithin()).contains(instant);
        assertThat(AgiCommands.setVariable("X", "1").replyExpectedWithin()).contains(instant);
        assertThat(AgiCommands.exec("StartMusicOnHold", "default").replyExpectedWithin()).contains(instant);
        assertThat(AgiCommands.streamFile("hotline/welcome", "").replyExpectedWithin()).contains(prompt);
        assertThat(AgiCommands.sayNumber(12, "").replyExpectedWithin()).contains(prompt);
        assertThat(AgiCommands.getData("bank/enter-account", Duration.ofSeconds(10), 19).replyExpectedWithin())
                .contains(prompt.plusSeconds(190));
        assertThat(AgiCommands.waitForDigit(Duration.ofSeconds(5)).replyExpectedWithin()).contains(prompt.plusSeconds(5));
        assertThat(AgiCommands.recordFile("msg", "wav", "#", Duration.ofMinutes(2)).replyExpectedWithin())
                .contains(prompt.plusMinutes(2));
        assertThat(AgiCommands.exec("Dial", "PJSIP/1001", "20").replyExpectedWithin()).as("the conversation").isEmpty();
        assertThat(AgiCommands.exec("VoiceMail", "after-sales", "u").replyExpectedWithin()).isEmpty();
    }
}
