package dev.hotline.bridge.agi.codec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.agi.AgiCommand;
import dev.hotline.bridge.agi.AgiEnvironment;
import dev.hotline.bridge.agi.AgiHangup;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.bridge.agi.AgiTranscript;
import dev.hotline.bridge.agi.FixtureCommands;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every captured session through the codecs: Asterisk's bytes in random chunks, Hotline's commands byte for byte. */
class AgiCodecReplayTest {

    static final List<String> FIXTURES = AgiTranscript.NAMES;

    static Stream<Arguments> fixturesAndSeeds() {
        return FIXTURES.stream().flatMap(fixture -> Stream.of(1L, 7L, 42L, 1234L, 99991L)
                .map(seed -> Arguments.of(fixture, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("fixturesAndSeeds")
    void asteriskBytesInAnyChunkingDecodeToOneEnvironmentThenOneReplyPerCommandAndEveryHangupLine(String fixture, long seed) {
        AgiTranscript transcript = AgiTranscript.load(fixture);

        List<Object> chunked = decode(transcript.asteriskBytes(), new Random(seed));
        List<Object> whole = decode(transcript.asteriskBytes(), null);

        assertThat(chunked).isEqualTo(whole);
        assertThat(chunked.getFirst()).isInstanceOf(AgiEnvironment.class);
        List<Object> rest = chunked.subList(1, chunked.size());
        assertThat(rest.stream().filter(m -> m instanceof AgiReply && !(m instanceof AgiReply.Trying)).count())
                .isEqualTo(transcript.commandLines().size());
        assertThat(rest.stream().filter(AgiHangup.class::isInstance).count()).isEqualTo(transcript.hangupLines());
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void theEnvironmentKeepsEveryLineAsSentInOrder(String fixture) {
        AgiTranscript transcript = AgiTranscript.load(fixture);
        AgiEnvironment environment = (AgiEnvironment) decode(transcript.environmentBytes(), null).getFirst();

        StringBuilder rebuilt = new StringBuilder();
        environment.headers().forEach((key, value) -> rebuilt.append(key).append(": ").append(value).append('\n'));
        rebuilt.append('\n');
        assertThat(rebuilt.toString()).isEqualTo(new String(transcript.environmentBytes(), StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @FieldSource("FIXTURES")
    void hotlinesCommandsEncodeToExactlyTheCapturedBytes(String fixture) {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiCommandEncoder());
        for (Object command : FixtureCommands.BY_FIXTURE.get(fixture)) {
            if (command instanceof AgiCommand agiCommand) {
                channel.writeOutbound(agiCommand);
            } else {
                // the CRLF command of agi-errors: no AgiCommand can hold a CR, so it goes out as raw bytes
                channel.writeOutbound(Unpooled.copiedBuffer((String) command, StandardCharsets.US_ASCII));
            }
        }

        assertThat(drain(channel)).isEqualTo(AgiTranscript.load(fixture).rawServer());
    }

    static List<Object> decode(byte[] bytes, Random chunking) {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiEnvironmentDecoder(8192, 128), new AgiReplyDecoder(8192));
        int offset = 0;
        while (offset < bytes.length) {
            int length = chunking == null ? bytes.length : 1 + chunking.nextInt(Math.min(40, bytes.length - offset));
            length = Math.min(length, bytes.length - offset);
            channel.writeInbound(Unpooled.copiedBuffer(bytes, offset, length));
            offset += length;
        }
        List<Object> messages = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            messages.add(message);
        }
        assertThat(channel.finish()).isFalse();
        return messages;
    }

    static byte[] drain(EmbeddedChannel channel) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (ByteBuf buf = channel.readOutbound(); buf != null; buf = channel.readOutbound()) {
            byte[] bytes = new byte[buf.readableBytes()];
            buf.readBytes(bytes);
            buf.release();
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }
}
