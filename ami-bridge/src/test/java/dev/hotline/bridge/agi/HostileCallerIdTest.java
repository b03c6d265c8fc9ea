package dev.hotline.bridge.agi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.agi.codec.AgiCommandEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.channel.embedded.EmbeddedChannel;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A caller id is text from the outside world. Whatever it holds, a command built from it is one line on the wire and
 * Asterisk's parser reads it as exactly the intended words, with the caller id (less CR, LF and NUL) as one of them.
 */
class HostileCallerIdTest {

    private static final List<String> FIXED = List.of(
            "\"\nHANGUP\n",
            "\"\r\nEXEC System \"rm -rf /\"\r\n",
            "13800138000\" EXEC Dial \"PJSIP/premium",
            "abc\\",
            "\\\"",
            "\\\\\"\\",
            "\"\"",
            "",
            " \t ",
            "\0HANGUP",
            "x\rANSWER",
            "Test Caller <13800138000>",
            "ümlaut 电话");

    private static final String[] PIECES = {
            "\"", "\\", "\r", "\n", "\0", " ", "\t", "HANGUP", "ANSWER", "1380013", "(", ")", "$", "{", "}", "'", ";",
            "|", "é", "<", ">", "a"};

    private record Shape(String name, Function<String, AgiCommand> build, Function<String, List<String>> words) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static final List<Shape> SHAPES = List.of(
            new Shape("SET VARIABLE", id -> AgiCommands.setVariable("CALLER", id),
                    id -> List.of("SET", "VARIABLE", "CALLER", id)),
            new Shape("VERBOSE", id -> AgiCommands.verbose(id, 1), id -> List.of("VERBOSE", id, "1")),
            new Shape("STREAM FILE", id -> AgiCommands.streamFile(id, "#"), id -> List.of("STREAM", "FILE", id, "#")),
            new Shape("SET MUSIC ON", AgiCommands::setMusicOn, id -> List.of("SET", "MUSIC", "ON", id)),
            new Shape("SAY DATETIME", id -> AgiCommands.sayDateTime(Instant.EPOCH, "", id, ZoneOffset.UTC),
                    id -> List.of("SAY", "DATETIME", "0", "", id, "Z")));

    static Stream<String> fixedCallerIds() {
        return FIXED.stream();
    }

    @ParameterizedTest
    @MethodSource("fixedCallerIds")
    void aHostileCallerIdIsOneArgumentOfOneCommandLine(String callerId) {
        SHAPES.forEach(shape -> assertSafe(shape, callerId));
    }

    static LongStream seeds() {
        return LongStream.of(1, 2, 3, 5, 8, 13, 21, 34, 55, 89);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void randomCallerIdsBuiltFromQuotesBackslashesAndLineBreaksNeverMakeASecondCommand(long seed) {
        Random random = new Random(seed);
        for (int i = 0; i < 200; i++) {
            StringBuilder callerId = new StringBuilder();
            int pieces = random.nextInt(12);
            for (int p = 0; p < pieces; p++) {
                callerId.append(PIECES[random.nextInt(PIECES.length)]);
            }
            for (Shape shape : SHAPES) {
                assertSafe(shape, callerId.toString());
            }
        }
    }

    @Test
    void aCallerIdInAnApplicationArgumentStaysOneArgument() {
        String callerId = "\"\nHANGUP\n\\";
        AgiCommand command = AgiCommands.exec("Set", "CALLER=" + callerId);

        assertThat(AsteriskArgumentParser.parse(command.text())).containsExactly("EXEC", "Set", "CALLER=\"HANGUP\\");
    }

    private static void assertSafe(Shape shape, String callerId) {
        AgiCommand command = shape.build().apply(callerId);
        String wire = encode(command);

        assertThat(wire).as("%s with %s", shape, escape(callerId)).endsWith("\n").doesNotContain("\r").doesNotContain("\0");
        assertThat(wire.indexOf('\n')).as("%s with %s: one line", shape, escape(callerId)).isEqualTo(wire.length() - 1);
        String stripped = callerId.replace("\r", "").replace("\n", "").replace("\0", "");
        assertThat(AsteriskArgumentParser.parse(wire.substring(0, wire.length() - 1)))
                .as("%s with %s: Asterisk's words", shape, escape(callerId))
                .isEqualTo(shape.words().apply(stripped));
    }

    private static String encode(AgiCommand command) {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiCommandEncoder());
        channel.writeOutbound(command);
        ByteBuf buf = channel.readOutbound();
        try {
            return buf.toString(StandardCharsets.UTF_8);
        } finally {
            buf.release();
        }
    }

    private static String escape(String text) {
        return "'" + text.replace("\\", "\\\\").replace("\r", "\\r").replace("\n", "\\n").replace("\0", "\\0") + "'";
    }
}
