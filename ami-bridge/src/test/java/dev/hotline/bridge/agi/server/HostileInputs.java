package dev.hotline.bridge.agi.server;

import dev.hotline.bridge.agi.AgiTranscript;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BiFunction;

/**
 * Seeded hostile FastAGI clients: what each one sends, whether it then closes or stays silent, and the log line the
 * server must write about it. Built from the captured {@code agi-session-basic} bytes, so every input is a real
 * Asterisk session broken in one way: malformed, oversized, binary, truncated, slow or idle.
 */
final class HostileInputs {

    /** The uniqueid in the captured environment; each client puts its own in its place. */
    private static final String CAPTURED_UNIQUE_ID = "1795413027.1";

    /**
     * One hostile client.
     *
     * @param kind        what is wrong with it, for failure messages
     * @param bytes       everything it sends, at once
     * @param thenClose   it closes its sending side afterwards (truncation); otherwise it stays silent
     * @param uniqueId    the uniqueid its environment carries, when the server gets far enough to read it: the log
     *                    line names the session by it; otherwise by the client's address
     * @param expectedLog a part of the line the server must log about this session; empty for a random mutation,
     *                    whose outcome is not known in advance (the test then asks only that it ends)
     */
    record Hostile(String kind, byte[] bytes, boolean thenClose, Optional<String> uniqueId, String expectedLog) {
    }

    private final FastAgiSettings settings;
    private final AgiTranscript session;
    private final Random random;

    HostileInputs(FastAgiSettings settings, AgiTranscript session, long seed) {
        this.settings = settings;
        this.session = session;
        this.random = new Random(seed);
    }

    /** The captured environment block with {@code uniqueId} as the call's uniqueid. */
    static byte[] environment(AgiTranscript session, String uniqueId) {
        return withUniqueId(session.environmentBytes(), uniqueId);
    }

    /** Everything Asterisk sent in the captured session (environment and replies) with {@code uniqueId}. */
    static byte[] asteriskSide(AgiTranscript session, String uniqueId) {
        return withUniqueId(session.asteriskBytes(), uniqueId);
    }

    private static byte[] withUniqueId(byte[] captured, String uniqueId) {
        return new String(captured, StandardCharsets.US_ASCII).replace(CAPTURED_UNIQUE_ID, uniqueId)
                .getBytes(StandardCharsets.US_ASCII);
    }

    /** {@code perKind} clients of every kind, in a seeded random order. */
    List<Hostile> all(int perKind) {
        List<BiFunction<HostileInputs, Integer, Hostile>> kinds = List.of(
                HostileInputs::notAnEnvironmentLine,
                HostileInputs::binaryEnvironmentLine,
                HostileInputs::oversizedEnvironmentLine,
                HostileInputs::tooManyEnvironmentLines,
                HostileInputs::environmentWithoutRequiredKeys,
                HostileInputs::repeatedEnvironmentKey,
                HostileInputs::closedMidEnvironmentLine,
                HostileInputs::closedMidEnvironmentBlock,
                HostileInputs::silentAfterConnecting,
                HostileInputs::slowEnvironment,
                HostileInputs::replyWithLoneCr,
                HostileInputs::binaryReply,
                HostileInputs::oversizedReply,
                HostileInputs::replyWithNoCommandPending,
                HostileInputs::closedMidReply,
                HostileInputs::silentAfterEnvironment,
                HostileInputs::mutatedSession);
        List<Hostile> all = new ArrayList<>();
        for (int i = 0; i < perKind; i++) {
            for (BiFunction<HostileInputs, Integer, Hostile> kind : kinds) {
                all.add(kind.apply(this, all.size()));
            }
        }
        Collections.shuffle(all, random);
        return all;
    }

    private Hostile notAnEnvironmentLine(int n) {
        String line = "x" + printable(1 + random.nextInt(200)) + "\n";
        return beforeEnvironment("not an agi_ line", ascii(line), "is not 'agi_<key>: <value>'");
    }

    private Hostile binaryEnvironmentLine(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0);
        out.write(0xFF);
        for (int i = random.nextInt(300); i > 0; i--) {
            int b = random.nextInt(256);
            out.write(b == '\n' ? '\r' : b); // NUL, 0xFF and lone CRs included; the one LF ends the line
        }
        out.write('\n');
        return beforeEnvironment("binary environment line", out.toByteArray(), "is not 'agi_<key>: <value>'");
    }

    private Hostile oversizedEnvironmentLine(int n) {
        String line = "agi_network: " + "y".repeat(settings.maxLineLength() + random.nextInt(20_000));
        return beforeEnvironment("oversized environment line", ascii(line),
                "exceeds the allowed maximum (" + settings.maxLineLength() + ")");
    }

    private Hostile tooManyEnvironmentLines(int n) {
        StringBuilder lines = new StringBuilder();
        for (int i = 1; i <= settings.maxEnvironmentLines() + 1 + random.nextInt(50); i++) {
            lines.append("agi_arg_").append(i).append(": ").append(printable(random.nextInt(10))).append('\n');
        }
        return beforeEnvironment("too many environment lines", ascii(lines.toString()),
                "more than " + settings.maxEnvironmentLines() + " lines");
    }

    private Hostile environmentWithoutRequiredKeys(int n) {
        return beforeEnvironment("environment without agi_network_script", ascii("agi_network: yes\n\n"),
                "has no agi_network_script line");
    }

    private Hostile repeatedEnvironmentKey(int n) {
        return beforeEnvironment("repeated environment key",
                ascii("agi_network: yes\nagi_network_script: inbound\nagi_network: yes\n\n"), "repeats agi_network");
    }

    private Hostile closedMidEnvironmentLine(int n) {
        byte[] environment = environment(session, id(n));
        int cut;
        do {
            cut = 1 + random.nextInt(environment.length - 2);
        } while (environment[cut - 1] == '\n');
        return new Hostile("closed in the middle of an environment line", prefix(environment, cut), true,
                Optional.empty(), "closed by the peer before its environment was complete");
    }

    private Hostile closedMidEnvironmentBlock(int n) {
        return new Hostile("closed between environment lines", environmentLines(n), true, Optional.empty(),
                "closed by the peer before its environment was complete");
    }

    private Hostile silentAfterConnecting(int n) {
        return beforeEnvironment("silent after connecting", new byte[0], "no complete environment within");
    }

    private Hostile slowEnvironment(int n) {
        return beforeEnvironment("slow environment (some lines, then nothing)", environmentLines(n),
                "no complete environment within");
    }

    private Hostile replyWithLoneCr(int n) {
        return afterEnvironment(n, "reply with a lone CR", "200\rresult=0\n", "not an AGI reply");
    }

    private Hostile binaryReply(int n) {
        return afterEnvironment(n, "binary reply", "\u00ff\u0000\u00fe200 result=0\n", "not an AGI reply");
    }

    private Hostile oversizedReply(int n) {
        String reply = "200 result=1 (" + "z".repeat(settings.maxLineLength() + random.nextInt(20_000)) + ")\n";
        return afterEnvironment(n, "oversized reply", reply,
                "exceeds the allowed maximum (" + settings.maxLineLength() + ")");
    }

    /** The whole captured session, then one reply more: it arrives after the script has ended. */
    private Hostile replyWithNoCommandPending(int n) {
        byte[] all = asteriskSide(session, id(n));
        String replies = new String(all, StandardCharsets.US_ASCII);
        replies = replies.substring(replies.indexOf("\n\n") + 2, replies.lastIndexOf("HANGUP\n"));
        return afterEnvironment(n, "reply with no command pending", replies + "200 result=0\n",
                "with no command pending");
    }

    private Hostile closedMidReply(int n) {
        Hostile silent = afterEnvironment(n, "closed in the middle of a reply", "200 res", "");
        return new Hostile(silent.kind(), silent.bytes(), true, silent.uniqueId(),
                "closed by the peer while 'ANSWER' awaited its reply");
    }

    private Hostile silentAfterEnvironment(int n) {
        return afterEnvironment(n, "silent after the environment (no reply to ANSWER)", "", "no traffic for");
    }

    /** The whole captured session with a few random bytes changed, added or removed, then closed. */
    private Hostile mutatedSession(int n) {
        byte[] original = asteriskSide(session, id(n));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int mutations = 1 + random.nextInt(8);
        for (int i = 0; i < original.length; i++) {
            if (random.nextInt(original.length) < mutations) {
                switch (random.nextInt(3)) {
                    case 0 -> out.write(anyByte()); // replaced
                    case 1 -> {
                        out.write(anyByte()); // inserted
                        out.write(original[i]);
                    }
                    default -> { } // removed
                }
            } else {
                out.write(original[i]);
            }
        }
        return new Hostile("randomly mutated session", out.toByteArray(), true, Optional.empty(), "");
    }

    private int anyByte() {
        int[] special = {0, 0xFF, '\r', '\n', ' ', ':'};
        return random.nextBoolean() ? special[random.nextInt(special.length)] : random.nextInt(256);
    }

    private Hostile beforeEnvironment(String kind, byte[] bytes, String expectedLog) {
        return new Hostile(kind, bytes, false, Optional.empty(), expectedLog);
    }

    private Hostile afterEnvironment(int n, String kind, String replies, String expectedLog) {
        byte[] environment = environment(session, id(n));
        byte[] reply = replies.getBytes(StandardCharsets.ISO_8859_1); // one byte per char, 0x00-0xFF as written
        byte[] all = new byte[environment.length + reply.length];
        System.arraycopy(environment, 0, all, 0, environment.length);
        System.arraycopy(reply, 0, all, environment.length, reply.length);
        return new Hostile(kind, all, false, Optional.of(id(n)), expectedLog);
    }

    /** The first few whole lines of an environment, without the empty line that would end it. */
    private byte[] environmentLines(int n) {
        byte[] environment = environment(session, id(n));
        int lines = 1 + random.nextInt(20);
        int end = 0;
        for (int seen = 0; seen < lines; end++) {
            if (environment[end] == '\n') {
                seen++;
            }
        }
        return prefix(environment, end);
    }

    private static String id(int n) {
        return "fuzz-bad-" + n;
    }

    private String printable(int length) {
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append((char) (0x20 + random.nextInt(0x5F)));
        }
        return text.toString();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] prefix(byte[] bytes, int length) {
        byte[] prefix = new byte[length];
        System.arraycopy(bytes, 0, prefix, 0, length);
        return prefix;
    }
}
