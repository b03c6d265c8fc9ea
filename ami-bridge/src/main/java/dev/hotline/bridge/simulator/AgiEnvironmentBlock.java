package dev.hotline.bridge.simulator;

import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The environment block Asterisk 22 sends at the start of a FastAGI session, key for key in its order
 * ({@code agi-session-basic.txt}, {@code agi-network-script-args.txt}): one {@code agi_<key>: <value>} line per key
 * ending in LF, the AGI() arguments as {@code agi_arg_N}, then an empty line.
 */
record AgiEnvironmentBlock(String networkScript, int port, String channel, String type, String uniqueId,
                           String callerId, String callerIdName, String dnid, String context, String extension,
                           List<String> arguments) {

    static final String VERSION = SimulatedAmiServer.ASTERISK_VERSION;
    /** {@code agi_callingpres} of a call without caller id in {@code agi-env-no-callerid.txt}. */
    private static final int PRESENTATION_UNAVAILABLE = 67;

    AgiEnvironmentBlock {
        arguments = List.copyOf(arguments);
    }

    byte[] bytes() {
        StringBuilder text = new StringBuilder(1024)
                .append("agi_network: yes\n")
                .append("agi_network_script: ").append(networkScript).append('\n')
                .append("agi_request: agi://127.0.0.1:").append(port).append('/').append(networkScript).append('\n')
                .append("agi_channel: ").append(channel).append('\n')
                .append("agi_language: en\n")
                .append("agi_type: ").append(type).append('\n')
                .append("agi_uniqueid: ").append(uniqueId).append('\n')
                .append("agi_version: ").append(VERSION).append('\n')
                .append("agi_callerid: ").append(orUnknown(callerId)).append('\n')
                .append("agi_calleridname: ").append(orUnknown(callerIdName)).append('\n')
                .append("agi_callingpres: ").append(callerId.isEmpty() ? PRESENTATION_UNAVAILABLE : 0).append('\n')
                .append("agi_callingani2: 0\n")
                .append("agi_callington: 0\n")
                .append("agi_callingtns: 0\n")
                .append("agi_dnid: ").append(orUnknown(dnid)).append('\n')
                .append("agi_rdnis: unknown\n")
                .append("agi_context: ").append(context).append('\n')
                .append("agi_extension: ").append(extension).append('\n')
                .append("agi_priority: 1\n")
                .append("agi_enhanced: 0.0\n")
                .append("agi_accountcode: \n")
                .append("agi_threadid: ").append(140117598656192L + Math.abs(uniqueId.hashCode() % 1_000_000))
                .append('\n');
        for (int i = 0; i < arguments.size(); i++) {
            text.append("agi_arg_").append(i + 1).append(": ").append(arguments.get(i)).append('\n');
        }
        // Asterisk writes the caller's text as it is: a hostile caller id reaches Hotline unfiltered, as it would
        return text.append('\n').toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Asterisk writes the literal {@code unknown} for a caller id or DNID it does not have. */
    private static String orUnknown(String value) {
        return value.isEmpty() ? "unknown" : value;
    }
}
