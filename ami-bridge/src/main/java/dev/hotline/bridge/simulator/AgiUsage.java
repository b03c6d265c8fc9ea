package dev.hotline.bridge.simulator;

import java.util.Map;

/**
 * The multi-line {@code 520} reply Asterisk gives a known command with missing arguments: {@code 520-Invalid command
 * syntax.  Proper usage follows:}, the command's usage text, {@code 520 End of proper usage.}. The four texts of
 * {@code agi-errors.txt} are Asterisk 22's own; the other commands get a one-line usage of our wording.
 */
final class AgiUsage {

    private static final String HEAD = "520-Invalid command syntax.  Proper usage follows:\n";
    private static final String TAIL = "520 End of proper usage.\n";
    private static final Map<String, String> CAPTURED = Map.of(
            "STREAM FILE", """
                    Send the given file, allowing playback to be interrupted by the given digits, if any. \
                    Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII \
                    numerical value of the digit if one was pressed, or <literal>-1</literal> on error or if the \
                    channel was disconnected. If musiconhold is playing before calling stream file it will be \
                    automatically stopped and will not be restarted after completion.
                    It sets the following channel variables upon completion:
                    <variable>PLAYBACKSTATUS</variable>: The status of the playback attempt as a text string.
                        <value>SUCCESS</value>
                        <value>FAILED</value>
                    """,
            "GET DATA", """
                    Stream the given <replaceable>file</replaceable>, and receive DTMF data.
                    Returns the digits received from the channel at the other end.
                    """,
            "SET VARIABLE", """
                    Sets a variable to the current channel.
                    """,
            "WAIT FOR DIGIT", """
                    Waits up to <replaceable>timeout</replaceable> milliseconds for channel to receive a DTMF digit. \
                    Returns <literal>-1</literal> on channel failure, <literal>0</literal> if no digit is received \
                    in the timeout, or the numerical value of the ascii of the digit if one is received. Use \
                    <literal>-1</literal> for the <replaceable>timeout</replaceable> value if you desire the call \
                    to block indefinitely.
                    """);

    private AgiUsage() {
    }

    /** The whole 520 reply for {@code command} (its words in upper case, {@code STREAM FILE}). */
    static String of(String command) {
        return HEAD + CAPTURED.getOrDefault(command, "Usage: " + command + " <arguments>\n") + TAIL;
    }
}
