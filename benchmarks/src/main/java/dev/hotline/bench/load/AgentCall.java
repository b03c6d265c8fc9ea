package dev.hotline.bench.load;

import java.io.IOException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The call that keeps the only agent busy: played as Asterisk until Hotline dials the agent, then the agent answers,
 * which Asterisk reports by running the {@code answered} script from Dial's U() option on the agent's channel. The
 * Dial then stays on the wire (the conversation) until {@link #hangUp()}: the caller hangs up during the Dial.
 */
final class AgentCall implements AutoCloseable {

    private static final Pattern ANSWERED_SUBROUTINE = Pattern.compile("U\\(([^^]+)\\^([^)]+)\\)");
    private static final int READ_TIMEOUT_MILLIS = 30 * 60_000;

    private final AgiLineSocket asterisk;
    private final String uniqueId;

    private AgentCall(AgiLineSocket asterisk, String uniqueId) {
        this.asterisk = asterisk;
        this.uniqueId = uniqueId;
    }

    /** Places the call and returns once the agent's answer has been reported to Hotline. */
    static AgentCall connect(int port, long sequence) throws IOException {
        String uniqueId = "1795413027." + sequence;
        AgiLineSocket asterisk = AgiLineSocket.connect(port, READ_TIMEOUT_MILLIS);
        asterisk.write(AgiEnvironmentBlock.of("inbound", port, sequence, uniqueId, "13800138000",
                HeldCallsConfig.NUMBER));
        for (Optional<String> line = asterisk.readLine(); line.isPresent(); line = asterisk.readLine()) {
            String command = line.get();
            if (command.startsWith("EXEC Dial " + HeldCallsConfig.AGENT_ENDPOINT)) {
                Matcher subroutine = ANSWERED_SUBROUTINE.matcher(command);
                if (!subroutine.find() || !subroutine.group(2).equals(uniqueId)) {
                    throw new IllegalStateException("the agent's Dial carries no U(<context>^" + uniqueId + "): '"
                            + command + "'");
                }
                agentAnswers(port, sequence + 1, uniqueId);
                return new AgentCall(asterisk, uniqueId);
            }
            asterisk.write(AsteriskReplies.replyTo(command));
        }
        asterisk.close();
        throw new IllegalStateException("call " + uniqueId + " ended before Hotline dialled the agent");
    }

    /** The answered script as the agent channel's U() subroutine runs it: Hotline takes note and ends it at once. */
    private static void agentAnswers(int port, long sequence, String callId) throws IOException {
        try (AgiLineSocket agentChannel = AgiLineSocket.connect(port, READ_TIMEOUT_MILLIS)) {
            agentChannel.write(AgiEnvironmentBlock.of("answered?call=" + callId, port, sequence,
                    "1795413027." + sequence, "13800138000", "1001"));
            Optional<String> line = agentChannel.readLine();
            if (line.isPresent()) {
                throw new IllegalStateException("the answered script sent '" + line.get() + "'; it should end at once");
            }
            agentChannel.hangUpAndClose();
        }
    }

    String uniqueId() {
        return uniqueId;
    }

    /** The caller hangs up during the conversation: Dial returns -1, HANGUP follows; then until Hotline ends it. */
    void hangUp() throws IOException {
        asterisk.write("200 result=-1\nHANGUP\n");
        for (Optional<String> line = asterisk.readLine(); line.isPresent(); line = asterisk.readLine()) {
            asterisk.write(AsteriskReplies.verb(line.get()).equals("GET VARIABLE") ? AsteriskReplies.replyTo(line.get())
                    : "511 Command Not Permitted on a dead channel or intercept routine\n");
        }
        asterisk.hangUpAndClose();
    }

    @Override
    public void close() {
        asterisk.close();
    }
}
