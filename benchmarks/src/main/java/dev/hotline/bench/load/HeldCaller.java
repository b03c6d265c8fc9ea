package dev.hotline.bench.load;

import java.io.IOException;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;

/**
 * One caller who waits: plays Asterisk for an inbound call until Hotline puts it on music on hold, stays silent on
 * the line until told to hang up, then sends Asterisk's {@code HANGUP} line, answers whatever still comes as a dead
 * channel would and waits for Hotline to end the session.
 */
final class HeldCaller {

    /** What the caller saw. */
    record Outcome(String uniqueId, boolean reachedHold, int commandsAfterHangUp, boolean endedByServer) {
    }

    /** A held caller waits as long as the test holds; only a dead server makes a read wait this long. */
    private static final int READ_TIMEOUT_MILLIS = 30 * 60_000;

    private HeldCaller() {
    }

    /**
     * @param onHold  run when music on hold starts
     * @param hangUp  released when every caller should hang up
     */
    static Outcome call(int port, long sequence, Runnable onHold, CountDownLatch hangUp)
            throws IOException, InterruptedException {
        String uniqueId = "1795413027." + sequence;
        try (AgiLineSocket asterisk = AgiLineSocket.connect(port, READ_TIMEOUT_MILLIS)) {
            asterisk.write(AgiEnvironmentBlock.of("inbound", port, sequence, uniqueId, "13800138000",
                    HeldCallsConfig.NUMBER));
            boolean held = false;
            for (Optional<String> line = asterisk.readLine(); line.isPresent() && !held; ) {
                String command = line.get();
                asterisk.write(AsteriskReplies.replyTo(command));
                if (command.startsWith("EXEC StartMusicOnHold")) {
                    held = true;
                } else {
                    line = asterisk.readLine();
                }
            }
            if (!held) {
                return new Outcome(uniqueId, false, 0, true);
            }
            onHold.run();
            hangUp.await();
            asterisk.write("HANGUP\n");
            int afterHangUp = 0;
            for (Optional<String> line = asterisk.readLine(); line.isPresent(); line = asterisk.readLine()) {
                afterHangUp++;
                asterisk.write("511 Command Not Permitted on a dead channel or intercept routine\n");
            }
            asterisk.hangUpAndClose();
            return new Outcome(uniqueId, true, afterHangUp, true);
        }
    }
}
