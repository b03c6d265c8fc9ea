package dev.hotline.bridge.agi.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.bridge.agi.AgiEnvironment;
import dev.hotline.bridge.agi.AgiHangup;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.bridge.agi.AgiTranscript;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AgiEnvironmentDecoderTest {

    private static AgiEnvironment environmentOf(String fixture) {
        return (AgiEnvironment) AgiCodecReplayTest.decode(AgiTranscript.load(fixture).environmentBytes(), null).getFirst();
    }

    @Test
    void anInboundCallCarriesItsCallerIdDialledNumberAndChannel() {
        AgiEnvironment environment = environmentOf("agi-session-basic");

        assertThat(environment.networkScript()).isEqualTo("inbound");
        assertThat(environment.scriptName()).isEqualTo("inbound");
        assertThat(environment.request()).isEqualTo("agi://127.0.0.1:4573/inbound");
        assertThat(environment.channel()).isEqualTo("Local/4008001000@pstn-trunk-00000000;2");
        assertThat(environment.language()).isEqualTo("en");
        assertThat(environment.type()).isEqualTo("Local");
        assertThat(environment.uniqueId()).isEqualTo("1795413027.1");
        assertThat(environment.version()).isEqualTo("GIT-22-22.0.0-pre1-541-g69535d4837");
        assertThat(environment.callerId()).contains("13800138000");
        assertThat(environment.callerIdName()).isEqualTo("Test Caller");
        assertThat(environment.dnid()).contains("4008001000");
        assertThat(environment.rdnis()).isEqualTo("unknown");
        assertThat(environment.context()).isEqualTo("from-pstn");
        assertThat(environment.extension()).isEqualTo("4008001000");
        assertThat(environment.priority()).isEqualTo("1");
        assertThat(environment.enhanced()).isEqualTo("0.0");
        assertThat(environment.accountCode()).isEmpty();
        assertThat(environment.threadId()).isEqualTo("140117598656192");
        assertThat(environment.args()).isEmpty();
        assertThat(environment.scriptParameters()).isEmpty();
        assertThat(environment.headers()).hasSize(22).containsEntry("agi_callingpres", "0");
    }

    @Test
    void aCallWithoutCallerIdOrDialledNumberHasThemEmptyNotTheWordUnknown() {
        AgiEnvironment environment = environmentOf("agi-env-no-callerid");

        assertThat(environment.callerId()).isEqualTo(Optional.empty());
        assertThat(environment.dnid()).isEqualTo(Optional.empty());
        assertThat(environment.callerIdName()).isEqualTo("unknown");
        assertThat(environment.headers()).containsEntry("agi_callerid", "unknown").containsEntry("agi_callingpres", "67");
    }

    @Test
    void aWithheldNumberThatASipTrunkGivesAsAnonymousIsNoCallerIdEither() {
        byte[] fixture = AgiTranscript.load("agi-env-no-callerid").environmentBytes();
        byte[] anonymous = new String(fixture, java.nio.charset.StandardCharsets.US_ASCII)
                .replace("agi_callerid: unknown", "agi_callerid: Anonymous")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

        AgiEnvironment environment = (AgiEnvironment) AgiCodecReplayTest.decode(anonymous, null).getFirst();

        assertThat(environment.callerId()).isEmpty();
        assertThat(environment.headers()).containsEntry("agi_callerid", "Anonymous");
    }

    @Test
    void theNetworkScriptKeepsItsQueryStringAndTheAgiArgumentsFollowInOrder() {
        AgiEnvironment environment = environmentOf("agi-network-script-args");

        assertThat(environment.networkScript()).isEqualTo("inbound?lang=en");
        assertThat(environment.scriptName()).isEqualTo("inbound");
        assertThat(environment.request()).isEqualTo("agi://127.0.0.1:4573/inbound?lang=en");
        assertThat(environment.scriptParameters()).isEqualTo(Map.of("lang", "en"));
        assertThat(environment.args()).isEqualTo(List.of("arg1", "4008001000", "two words"));
        assertThat(environment.headers().lastEntry()).isEqualTo(Map.entry("agi_arg_3", "two words"));
    }

    @Test
    void scriptParametersAreUrlDecoded() {
        AgiEnvironment environment = decode(minimalEnvironment("inbound?queue=sales%20desk&vip=1&flag"));

        assertThat(environment.scriptParameters()).containsExactly(
                Map.entry("queue", "sales desk"), Map.entry("vip", "1"), Map.entry("flag", ""));
    }

    @Test
    void bytesAfterTheEnvironmentInTheSameReadGoToTheReplyDecoder() {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.copiedBuffer(minimalEnvironment("inbound") + "200 result=0\nHANGUP\n",
                StandardCharsets.UTF_8));

        assertThat(channel.<Object>readInbound()).isInstanceOf(AgiEnvironment.class);
        assertThat(channel.<Object>readInbound()).isEqualTo(new AgiReply.Success("0", Optional.empty(),
                OptionalLong.empty()));
        assertThat(channel.<Object>readInbound()).isEqualTo(new AgiHangup());
        assertThat(channel.pipeline().get(AgiEnvironmentDecoder.class)).isNull();
    }

    @Test
    void moreEnvironmentLinesThanTheLimitAreRefusedNamingTheLimit() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiEnvironmentDecoder(8192, 3));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer(
                "agi_network_script: inbound\nagi_request: agi://h/inbound\nagi_channel: Local/1\nagi_uniqueid: 1.1\n",
                StandardCharsets.UTF_8)))
                .isInstanceOf(TooLongFrameException.class)
                .hasMessage("AGI environment has more than 3 lines (limit 3), line 4: 'agi_uniqueid: 1.1'");
    }

    @Test
    void anEnvironmentLineLongerThanTheLimitIsRefusedAsSoonAsTheLimitIsPassed() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiEnvironmentDecoder(64, 128));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer("agi_callerid: " + "9".repeat(100),
                StandardCharsets.UTF_8)))
                .isInstanceOf(TooLongFrameException.class)
                .hasMessage("frame length (over 114) exceeds the allowed maximum (64)");
    }

    @Test
    void aLineThatIsNoAgiKeyValuePairIsAProtocolError() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiEnvironmentDecoder(8192, 128));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer("GET / HTTP/1.1\n", StandardCharsets.UTF_8)))
                .isInstanceOf(AgiProtocolException.class)
                .hasMessage("AGI environment line 1 is not 'agi_<key>: <value>': 'GET / HTTP/1.1'");
    }

    @Test
    void aRefusedEnvironmentIsReportedOnceNotAgainForTheLinesAfterIt() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiEnvironmentDecoder(8192, 128));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer(
                "agi_network: yes\nthis is not a header\n\n", StandardCharsets.UTF_8)))
                .isInstanceOf(AgiProtocolException.class)
                .hasMessage("AGI environment line 2 is not 'agi_<key>: <value>': 'this is not a header'");
        channel.writeInbound(Unpooled.copiedBuffer("agi_uniqueid: 1.1\n\n", StandardCharsets.UTF_8));

        assertThat(channel.finish()).as("nothing decoded, and closing reports nothing more").isFalse();
    }

    @Test
    void anEnvironmentWithoutItsChannelIsAProtocolError() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiEnvironmentDecoder(8192, 128));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer(
                "agi_network_script: inbound\nagi_request: agi://h/inbound\n\n", StandardCharsets.UTF_8)))
                .isInstanceOf(AgiProtocolException.class)
                .hasMessage("AGI environment has no agi_channel line (keys: [agi_network_script, agi_request])");
    }

    @Test
    void aRepeatedKeyIsAProtocolError() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiEnvironmentDecoder(8192, 128));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer(
                "agi_channel: Local/1\nagi_channel: Local/2\n", StandardCharsets.UTF_8)))
                .isInstanceOf(AgiProtocolException.class)
                .hasMessage("AGI environment line 2 repeats agi_channel: 'agi_channel: Local/2'");
    }

    private static String minimalEnvironment(String script) {
        return "agi_network: yes\nagi_network_script: " + script + "\nagi_request: agi://127.0.0.1:4573/" + script
                + "\nagi_channel: PJSIP/trunk-00000001\nagi_uniqueid: 1.1\n\n";
    }

    private static AgiEnvironment decode(String text) {
        EmbeddedChannel channel = channel();
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        return channel.readInbound();
    }

    private static EmbeddedChannel channel() {
        return new EmbeddedChannel(new AgiEnvironmentDecoder(8192, 128), new AgiReplyDecoder(8192));
    }
}
