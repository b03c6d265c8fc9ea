package dev.hotline.bridge.simulator;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Dial's {@code U(<context>^<args>)} option: the subroutine runs on the agent's channel the moment the agent picks
 * up, before the two are bridged. The documented {@code hotline-answered} context (docs/asterisk.md) is
 * {@code AGI(agi://<hotline>/answered?call=${ARG1})}, so the simulator opens a second FastAGI session for it.
 */
final class AnsweredSubroutine {

    private AnsweredSubroutine() {
    }

    /** Runs the subroutine {@code dialOptions} names, if it is {@code hotline-answered}; returns when it ended. */
    static void runIfAsked(SimulatedAsterisk asterisk, SimulatedCall call, String dialOptions, String endpoint,
                           String agentChannel) throws IOException {
        int u = dialOptions.indexOf("U(");
        int close = u < 0 ? -1 : dialOptions.indexOf(')', u);
        if (close < 0) {
            return;
        }
        String[] gosub = dialOptions.substring(u + 2, close).split("\\^", -1);
        if (!gosub[0].equals(SimulatedAsterisk.ANSWERED_CONTEXT)) {
            return;
        }
        String callArgument = gosub.length > 1 ? gosub[1] : "";
        try (Socket socket = asterisk.connect()) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            String tech = endpoint.contains("/") ? endpoint.substring(0, endpoint.indexOf('/')) : endpoint;
            out.write(new AgiEnvironmentBlock("answered?call=" + callArgument, asterisk.fastAgiPort(), agentChannel,
                    tech, asterisk.nextUniqueId(), call.caller().callerId(), "", "",
                    SimulatedAsterisk.ANSWERED_CONTEXT, "s", List.of()).bytes());
            out.flush();
            InputStream in = socket.getInputStream();
            // the answered script sends nothing and closes; anything it did send would be answered plainly
            for (int b = in.read(); b >= 0; b = in.read()) {
                if (b == '\n') {
                    out.write("200 result=0\n".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                }
            }
            out.write("HANGUP\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
    }
}
