package dev.hotline.bench.load;

import java.nio.charset.StandardCharsets;

/**
 * The environment block Asterisk 22 sends when a call enters {@code AGI(agi://...)}, byte for byte as captured in
 * {@code fixtures/asterisk/agi-session-basic.txt}: the same keys in the same order, LF line ends, an empty line at the
 * end. Only what differs from call to call is filled in: the script, the channel, the uniqueid and the numbers.
 */
final class AgiEnvironmentBlock {

    private AgiEnvironmentBlock() {
    }

    /**
     * @param script     the network script, with any query ({@code inbound}, {@code answered?call=<id>})
     * @param port       the FastAGI port in {@code agi_request}
     * @param sequence   the Local channel's sequence number, as Asterisk counts channels
     * @param uniqueId   the channel's uniqueid, Hotline's call id
     * @param callerId   the caller's number
     * @param dialled    the number dialled (DNID and extension)
     */
    static byte[] of(String script, int port, long sequence, String uniqueId, String callerId, String dialled) {
        String text = "agi_network: yes\n"
                + "agi_network_script: " + script + "\n"
                + "agi_request: agi://127.0.0.1:" + port + "/" + script + "\n"
                + "agi_channel: Local/" + dialled + "@pstn-trunk-" + String.format("%08x", sequence) + ";2\n"
                + "agi_language: en\n"
                + "agi_type: Local\n"
                + "agi_uniqueid: " + uniqueId + "\n"
                + "agi_version: GIT-22-22.0.0-pre1-541-g69535d4837\n"
                + "agi_callerid: " + callerId + "\n"
                + "agi_calleridname: Test Caller\n"
                + "agi_callingpres: 0\n"
                + "agi_callingani2: 0\n"
                + "agi_callington: 0\n"
                + "agi_callingtns: 0\n"
                + "agi_dnid: " + dialled + "\n"
                + "agi_rdnis: unknown\n"
                + "agi_context: from-pstn\n"
                + "agi_extension: " + dialled + "\n"
                + "agi_priority: 1\n"
                + "agi_enhanced: 0.0\n"
                + "agi_accountcode: \n"
                + "agi_threadid: " + (140117598656192L + sequence) + "\n"
                + "\n";
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
