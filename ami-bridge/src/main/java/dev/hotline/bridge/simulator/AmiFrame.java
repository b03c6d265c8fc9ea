package dev.hotline.bridge.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One AMI message as the wire carries it: {@code Key: Value} lines in order, ended by an empty line. Header names
 * are matched case-insensitively (Asterisk does; Asterisk-Java writes them in lower case), values are kept as sent.
 */
record AmiFrame(List<Map.Entry<String, String>> headers) {

    /** Longest line the simulator accepts from a client, like Asterisk's own limit on a request line. */
    static final int MAX_LINE = 8192;

    AmiFrame {
        headers = List.copyOf(headers);
    }

    /** The first value of a header, or null when absent. */
    String get(String name) {
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                return h.getValue();
            }
        }
        return null;
    }

    /** Every value of a header that may repeat (Originate's {@code Variable}). */
    List<String> all(String name) {
        List<String> values = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            if (h.getKey().equalsIgnoreCase(name)) {
                values.add(h.getValue());
            }
        }
        return values;
    }

    /**
     * Reads the next message, or returns null at end of stream before any header. Lines may end in CRLF or LF;
     * a line without {@code ": "} is kept with an empty value, as Asterisk's parser does.
     */
    static AmiFrame read(InputStream in) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        while (true) {
            String line = readLine(in);
            if (line == null) {
                return headers.isEmpty() ? null : new AmiFrame(headers);
            }
            if (line.isEmpty()) {
                if (headers.isEmpty()) {
                    continue;
                }
                return new AmiFrame(headers);
            }
            int colon = line.indexOf(':');
            if (colon < 0) {
                headers.add(Map.entry(line, ""));
            } else {
                String value = line.substring(colon + 1);
                headers.add(Map.entry(line.substring(0, colon), value.startsWith(" ") ? value.substring(1) : value));
            }
        }
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int length = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, length, StandardCharsets.UTF_8);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("AMI line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
        return null;
    }
}
