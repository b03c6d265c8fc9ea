package dev.hotline.bench.load;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * One short call played as Asterisk: sends the environment, checks each command the server sends against the
 * expected names, answers it as Asterisk would, and when the server ends the session sends HANGUP and closes.
 */
final class ScriptedCall {

    /** Long enough for a starved server on a busy machine; a call that waits longer is counted failed. */
    private static final int READ_TIMEOUT_MILLIS = 60_000;

    private ScriptedCall() {
    }

    /**
     * @return the number of commands answered, always {@code expected.size()}
     * @throws IOException           if the connection fails
     * @throws IllegalStateException if the server sent another command than expected, or too few
     */
    static int play(int port, long sequence, List<String> expected) throws IOException {
        String uniqueId = "1795413027." + sequence;
        try (AgiLineSocket asterisk = AgiLineSocket.connect(port, READ_TIMEOUT_MILLIS)) {
            asterisk.write(AgiEnvironmentBlock.of("inbound", port, sequence, uniqueId, "13800138000", "4008001001"));
            int answered = 0;
            for (Optional<String> line = asterisk.readLine(); line.isPresent(); line = asterisk.readLine()) {
                String command = line.get();
                String verb = AsteriskReplies.verb(command);
                if (answered >= expected.size() || !expected.get(answered).equals(verb)) {
                    throw new IllegalStateException("call " + uniqueId + ": command " + (answered + 1) + " was '"
                            + command + "', expected " + (answered < expected.size() ? expected.get(answered)
                            : "the end of the session after " + expected.size()));
                }
                answered++;
                asterisk.write(AsteriskReplies.replyTo(command));
            }
            if (answered != expected.size()) {
                throw new IllegalStateException("call " + uniqueId + ": the server ended the session after "
                        + answered + " commands, expected " + expected.size() + " " + expected);
            }
            asterisk.hangUpAndClose();
            return answered;
        }
    }
}
