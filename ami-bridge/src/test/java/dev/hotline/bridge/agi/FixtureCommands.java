package dev.hotline.bridge.agi;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The commands each captured session sent, built the way Hotline builds them. The few deliberate protocol errors in
 * agi-errors are built as bare {@link AgiCommand}s; its CRLF-terminated command cannot be an {@link AgiCommand} at
 * all and appears here as the raw string.
 */
public final class FixtureCommands {

    private FixtureCommands() {
    }

    private static final List<AgiCommand> BASIC = List.of(
            AgiCommands.answer(),
            AgiCommands.getVariable("CALLERID(num)"),
            AgiCommands.setVariable("ACD_QUEUE", "sales"),
            AgiCommands.getVariable("ACD_QUEUE"),
            AgiCommands.streamFile("beep", "0123456789*#"),
            AgiCommands.streamFile("demo-congrats", "0123456789*#"),
            AgiCommands.getData("beep", Duration.ofSeconds(3), 4),
            AgiCommands.waitForDigit(Duration.ofSeconds(3)),
            AgiCommands.sayDigits("123", ""),
            AgiCommands.exec("Playback", "beep"),
            AgiCommands.getVariable("NO_SUCH_VARIABLE"),
            AgiCommands.channelStatus(),
            AgiCommands.verbose("IVR finished", 1));

    private static final List<AgiCommand> ANSWER_AND_CALLER_ID = List.of(
            AgiCommands.answer(),
            AgiCommands.getVariable("CALLERID(num)"));

    /** Per fixture: {@link AgiCommand}s, and raw strings for what no {@link AgiCommand} can hold. */
    public static final Map<String, List<Object>> BY_FIXTURE = Map.of(
            "agi-session-basic", List.copyOf(BASIC),
            "agi-session-for-ami-events", List.copyOf(BASIC),
            "agi-env-no-callerid", List.copyOf(ANSWER_AND_CALLER_ID),
            "agi-network-script-args", List.copyOf(ANSWER_AND_CALLER_ID),
            "agi-hangup-during-stream", List.of(
                    AgiCommands.answer(),
                    AgiCommands.streamFile("demo-congrats", "0123456789*#"),
                    AgiCommands.exec("Playback", "beep")),
            "agi-hangup-midcommand", List.of(
                    AgiCommands.answer(),
                    AgiCommands.waitForDigit(Duration.ofSeconds(30)),
                    AgiCommands.streamFile("beep", ""),
                    AgiCommands.waitForDigit(Duration.ofSeconds(1)),
                    AgiCommands.getVariable("CALLERID(num)"),
                    AgiCommands.setVariable("ACD_RESULT", "abandoned")),
            "agi-moh-dial-hangup", List.of(
                    AgiCommands.answer(),
                    AgiCommands.setMusicOn("default"),
                    AgiCommands.waitForDigit(Duration.ofSeconds(2)),
                    AgiCommands.setMusicOff(),
                    AgiCommands.exec("Dial", "Local/1001@agents", "20"),
                    AgiCommands.getVariable("DIALSTATUS"),
                    AgiCommands.streamFile("vm-goodbye", ""),
                    AgiCommands.hangup()),
            "agi-errors", List.of(
                    AgiCommands.answer(),
                    new AgiCommand("FOO BAR"),
                    "ANSWER\r\n",
                    new AgiCommand(""),
                    new AgiCommand("answer"),
                    new AgiCommand("ANSWER NOW"),
                    new AgiCommand("STREAM FILE"),
                    new AgiCommand("GET DATA"),
                    new AgiCommand("SET VARIABLE ACD_QUEUE"),
                    new AgiCommand("WAIT FOR DIGIT"),
                    AgiCommands.exec("NoSuchApplication", "foo"),
                    AgiCommands.streamFile("no-such-sound-file", ""),
                    new AgiCommand("GET FULL VARIABLE ${CALLERID(all)}"),
                    AgiCommands.setVariable("ACD_NOTE", "say \"hi\" to agent 7"),
                    AgiCommands.getVariable("ACD_NOTE")));

    /** The commands of a fixture that an script on an AgiChannel can send (every fixture but agi-errors). */
    public static List<AgiCommand> commands(String fixture) {
        return BY_FIXTURE.get(fixture).stream().map(AgiCommand.class::cast).toList();
    }
}
