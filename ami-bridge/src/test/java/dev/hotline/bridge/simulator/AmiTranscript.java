package dev.hotline.bridge.simulator;

import dev.hotline.bridge.agi.AgiTranscript;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fixture transcript ({@code fixtures/asterisk/ami-*.txt}) decoded as the fixtures README describes: the bytes
 * Asterisk sent, and our side's messages in order (each ending at its empty line), up to Asterisk's EOF.
 */
public record AmiTranscript(String name, String asteriskBytes, List<String> appMessages) {

    /** Headers whose values change on every run (README, "Values that change on every run"), plus timing ones. */
    private static final Pattern VARYING = Pattern.compile(
            "^(Uniqueid|Linkedid|BridgeUniqueid|BridgeId|BridgeID|Timestamp|EventTV|SessionTV|SessionID"
                    + "|LocalAddress|RemoteAddress|Uptime|LastReload|Duration|Seconds|Challenge): .+$",
            Pattern.MULTILINE);
    private static final Pattern LOCAL_SEQUENCE = Pattern.compile("-[0-9a-f]{8}(;[12])");
    private static final Pattern UPTIME_OUTPUT = Pattern.compile("^(Output: (System uptime|Last reload)): \\d+",
            Pattern.MULTILINE);

    public static AmiTranscript load(String name) {
        try (InputStream in = AmiTranscript.class.getResourceAsStream("/fixtures/asterisk/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return parse(name, new String(in.readAllBytes(), StandardCharsets.US_ASCII));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static AmiTranscript parse(String name, String text) {
        ByteArrayOutputStream ast = new ByteArrayOutputStream();
        List<String> app = new ArrayList<>();
        StringBuilder message = new StringBuilder();
        boolean asteriskClosed = false;
        for (String line : text.split("\n", -1)) {
            if (line.equals("AST! EOF")) {
                asteriskClosed = true;
            } else if (line.startsWith("AST> ") && !asteriskClosed) {
                ast.writeBytes(AgiTranscript.unescape(line.substring(5)));
            } else if (line.startsWith("APP> ") && !asteriskClosed) {
                String chunk = new String(AgiTranscript.unescape(line.substring(5)), StandardCharsets.US_ASCII);
                message.append(chunk);
                if (chunk.equals("\r\n")) {
                    app.add(message.toString());
                    message.setLength(0);
                }
            }
        }
        return new AmiTranscript(name, ast.toString(StandardCharsets.US_ASCII), List.copyOf(app));
    }

    /** Replaces the values that differ between runs with {@code *}, keeping every header name and order. */
    static String normalise(String wire) {
        String text = VARYING.matcher(wire.replace("\r\n", "\n")).replaceAll(m -> Matcher.quoteReplacement(
                m.group().substring(0, m.group().indexOf(':')) + ": *"));
        text = LOCAL_SEQUENCE.matcher(text).replaceAll("-SEQ$1");
        text = UPTIME_OUTPUT.matcher(text).replaceAll("$1: *");
        return text.replace("\n", "\r\n");
    }

    /** The messages (blocks ending in an empty line) of a stream, banner excluded. */
    public static List<String> messages(String wire) {
        String body = wire.startsWith("Asterisk Call Manager/") ? wire.substring(wire.indexOf("\r\n") + 2) : wire;
        List<String> messages = new ArrayList<>();
        int start = 0;
        int end;
        while ((end = body.indexOf("\r\n\r\n", start)) >= 0) {
            messages.add(body.substring(start, end + 4));
            start = end + 4;
        }
        return messages;
    }
}
