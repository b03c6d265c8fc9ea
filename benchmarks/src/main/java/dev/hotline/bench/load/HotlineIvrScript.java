package dev.hotline.bench.load;

import dev.hotline.bridge.agi.AgiCommand;
import dev.hotline.bridge.agi.AgiCommands;
import dev.hotline.bridge.agi.AgiEnvironment;
import dev.hotline.bridge.agi.server.AgiChannel;
import dev.hotline.bridge.agi.server.AgiScript;
import java.time.Duration;
import java.util.List;

/**
 * {@link IvrScript} on Hotline's FastAGI server: each reply sends the next command from the event loop, no thread
 * waits; after the last reply the session ends (Hotline half-closes, Asterisk answers HANGUP and closes).
 */
final class HotlineIvrScript implements AgiScript {

    private static final List<AgiCommand> COMMANDS = List.of(
            AgiCommands.answer(),
            AgiCommands.getVariable("CALLERID(num)"),
            AgiCommands.setVariable("ACD_QUEUE", "sales"),
            AgiCommands.streamFile(IvrScript.PROMPT, IvrScript.ESCAPE_DIGITS),
            AgiCommands.getData(IvrScript.PROMPT, Duration.ofMillis(IvrScript.DIGIT_TIMEOUT_MILLIS),
                    IvrScript.MAX_DIGITS),
            AgiCommands.streamFile(IvrScript.SECOND_PROMPT, IvrScript.ESCAPE_DIGITS),
            AgiCommands.getVariable("ACD_QUEUE"),
            AgiCommands.setVariable("ACD_RESULT", "done"),
            AgiCommands.hangup());

    @Override
    public void onStart(AgiChannel channel, AgiEnvironment environment) {
        send(channel, 0);
    }

    private static void send(AgiChannel channel, int next) {
        if (next == COMMANDS.size()) {
            channel.close();
            return;
        }
        channel.send(COMMANDS.get(next)).thenRun(() -> send(channel, next + 1));
    }
}
