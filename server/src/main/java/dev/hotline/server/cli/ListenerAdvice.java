package dev.hotline.server.cli;

import dev.hotline.server.serve.ListenerUnavailable;
import java.io.PrintWriter;

/** What {@code serve} prints when a listener cannot have its address, and the exit code. */
final class ListenerAdvice {
    private ListenerAdvice() {
    }

    static int print(ListenerUnavailable e, PrintWriter err) {
        err.println(e.getMessage());
        err.println("nothing was started: stop whatever holds that address (another Hotline?), or give the listener "
                + "another bind or port in server.yaml");
        err.flush();
        return ExitCodes.CANNOT_LISTEN;
    }
}
