package dev.hotline.bridge.agi;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A captured FastAGI session from {@code fixtures/asterisk/<name>.txt} (format in that directory's README.md): the
 * records in order, each the bytes one side sent, or the end of one side.
 */
public record AgiTranscript(String name, List<Step> steps) {

    /** Every FastAGI fixture. */
    public static final List<String> NAMES = List.of(
            "agi-session-basic",
            "agi-errors",
            "agi-hangup-midcommand",
            "agi-hangup-during-stream",
            "agi-moh-dial-hangup",
            "agi-network-script-args",
            "agi-env-no-callerid",
            "agi-session-for-ami-events");

    public sealed interface Step {
    }

    /** {@code AST> ...}: bytes Asterisk sent. */
    public record FromAsterisk(byte[] bytes) implements Step {
    }

    /** {@code APP> ...}: bytes the FastAGI server sent. */
    public record FromServer(byte[] bytes) implements Step {
    }

    /** {@code AST! EOF}: Asterisk closed the connection. */
    public record AsteriskEof() implements Step {
    }

    /** {@code APP! EOF}: the server half-closed. */
    public record ServerEof() implements Step {
    }

    public static AgiTranscript load(String name) {
        List<Step> steps = new ArrayList<>();
        for (String line : new String(resource(name + ".txt"), StandardCharsets.US_ASCII).split("\n")) {
            if (line.startsWith("AST> ")) {
                steps.add(new FromAsterisk(unescape(line.substring(5))));
            } else if (line.startsWith("APP> ")) {
                steps.add(new FromServer(unescape(line.substring(5))));
            } else if (line.equals("AST! EOF")) {
                steps.add(new AsteriskEof());
            } else if (line.equals("APP! EOF")) {
                steps.add(new ServerEof());
            } else if (!line.isEmpty() && !line.startsWith("#")) {
                throw new IllegalStateException(name + ".txt: not a transcript record: '" + line + "'");
            }
        }
        return new AgiTranscript(name, List.copyOf(steps));
    }

    /** Everything Asterisk sent, joined. */
    public byte[] asteriskBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        steps.stream().filter(FromAsterisk.class::isInstance).map(FromAsterisk.class::cast)
                .forEach(step -> out.writeBytes(step.bytes()));
        return out.toByteArray();
    }

    /** Everything the server sent, joined. */
    public byte[] serverBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        steps.stream().filter(FromServer.class::isInstance).map(FromServer.class::cast)
                .forEach(step -> out.writeBytes(step.bytes()));
        return out.toByteArray();
    }

    /** The environment block: Asterisk's bytes up to and including the empty line. */
    public byte[] environmentBytes() {
        byte[] all = asteriskBytes();
        String text = new String(all, StandardCharsets.UTF_8);
        return text.substring(0, text.indexOf("\n\n") + 2).getBytes(StandardCharsets.UTF_8);
    }

    /** The commands the server sent, one per LF-terminated line (a CRLF command keeps its CR). */
    public List<String> commandLines() {
        String text = new String(serverBytes(), StandardCharsets.UTF_8);
        return List.of(text.substring(0, text.length() - 1).split("\n", -1));
    }

    /** How many lines Asterisk sent that are exactly {@code HANGUP}. */
    public long hangupLines() {
        return new String(asteriskBytes(), StandardCharsets.UTF_8).lines().filter("HANGUP"::equals).count();
    }

    public byte[] rawAsterisk() {
        return resource("raw/" + name + ".ast.raw");
    }

    public byte[] rawServer() {
        return resource("raw/" + name + ".app.raw");
    }

    /**
     * A transcript line's payload as bytes: {@code \\r}, {@code \\n}, {@code \\t}, {@code \\\\} and {@code \\xHH}
     * stand for the bytes the fixtures' README lists (the AMI transcripts use the same escapes).
     */
    public static byte[] unescape(String payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < payload.length(); i++) {
            char c = payload.charAt(i);
            if (c != '\\') {
                out.write(c);
                continue;
            }
            char escaped = payload.charAt(++i);
            switch (escaped) {
                case '\\' -> out.write('\\');
                case 'r' -> out.write('\r');
                case 'n' -> out.write('\n');
                case 't' -> out.write('\t');
                case 'x' -> {
                    out.write(Integer.parseInt(payload.substring(i + 1, i + 3), 16));
                    i += 2;
                }
                default -> throw new IllegalStateException("unknown escape \\" + escaped + " in '" + payload + "'");
            }
        }
        return out.toByteArray();
    }

    private static byte[] resource(String path) {
        try (InputStream in = AgiTranscript.class.getResourceAsStream("/fixtures/asterisk/" + path)) {
            if (in == null) {
                throw new IllegalStateException("no fixture fixtures/asterisk/" + path + " on the test class path");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
