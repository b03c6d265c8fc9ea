package dev.hotline.bench.load;

import java.util.List;

/**
 * The short IVR call both servers run in the throughput test: answer, read the caller id, set and read a variable,
 * play two prompts, collect four digits, record a result, hang up. Nine commands, the mix of an ordinary IVR turn.
 */
final class IvrScript {

    /** The command names in order, as the simulated Asterisk checks them. */
    static final List<String> VERBS = List.of("ANSWER", "GET VARIABLE", "SET VARIABLE", "STREAM FILE", "GET DATA",
            "STREAM FILE", "GET VARIABLE", "SET VARIABLE", "HANGUP");

    static final String PROMPT = "beep";
    static final String SECOND_PROMPT = "demo-congrats";
    static final String ESCAPE_DIGITS = "0123456789*#";
    static final long DIGIT_TIMEOUT_MILLIS = 3000;
    static final int MAX_DIGITS = 4;

    private IvrScript() {
    }
}
