package dev.hotline.bridge.agi.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hotline.bridge.agi.AgiHangup;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.bridge.agi.AgiTranscript;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.TooLongFrameException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class AgiReplyDecoderTest {

    private static List<Object> replies(String fixture) {
        List<Object> messages = AgiCodecReplayTest.decode(AgiTranscript.load(fixture).asteriskBytes(), null);
        return messages.subList(1, messages.size());
    }

    private static AgiReply.Success success(String result, String data, long endpos) {
        return new AgiReply.Success(result, Optional.ofNullable(data), endpos < 0 ? OptionalLong.empty() : OptionalLong.of(endpos));
    }

    @Test
    void aNormalIvrSessionDecodesResultsDigitsAndPlaybackPositions() {
        assertThat(replies("agi-session-basic")).containsExactly(
                success("0", null, -1),                 // ANSWER
                success("1", "13800138000", -1),        // GET VARIABLE CALLERID(num)
                success("1", null, -1),                 // SET VARIABLE
                success("1", "sales", -1),              // GET VARIABLE ACD_QUEUE
                success("0", null, 3520),               // STREAM FILE beep, played to the end
                success("49", null, 2080),              // STREAM FILE interrupted by DTMF 1
                success("1234", null, -1),              // GET DATA
                success("35", null, -1),                // WAIT FOR DIGIT: '#'
                success("0", null, -1),                 // SAY DIGITS
                success("0", null, -1),                 // EXEC Playback
                success("0", null, -1),                 // GET VARIABLE of an unset variable
                success("6", null, -1),                 // CHANNEL STATUS: up
                success("1", null, -1),                 // VERBOSE
                new AgiHangup());                       // after Hotline's half-close
    }

    @Test
    void aCommandEndingInCrLfAnUnknownCommandAndAnEmptyLineAllGet510() {
        List<Object> replies = replies("agi-errors");

        assertThat(replies.subList(1, 4)).containsOnly(new AgiReply.InvalidCommand());
    }

    @Test
    void aUsageErrorIsOneReplyHoldingEveryLineOfTheMultiLine520Block() {
        List<Object> replies = replies("agi-errors");

        assertThat(replies.get(6)).isEqualTo(new AgiReply.Usage("""
                Send the given file, allowing playback to be interrupted by the given digits, if any. Returns <literal>0</literal> if playback completes without a digit being pressed, or the ASCII numerical value of the digit if one was pressed, or <literal>-1</literal> on error or if the channel was disconnected. If musiconhold is playing before calling stream file it will be automatically stopped and will not be restarted after completion.
                It sets the following channel variables upon completion:
                <variable>PLAYBACKSTATUS</variable>: The status of the playback attempt as a text string.
                    <value>SUCCESS</value>
                    <value>FAILED</value>"""));
        assertThat(replies.subList(7, 10)).allMatch(AgiReply.Usage.class::isInstance);
        assertThat(replies.get(8)).isEqualTo(new AgiReply.Usage("Sets a variable to the current channel."));
    }

    @Test
    void anUnknownApplicationAndAMissingSoundFileAreResultsNotErrors() {
        List<Object> replies = replies("agi-errors");

        assertThat(replies.get(10)).isEqualTo(success("-2", null, -1));
        assertThat(replies.get(11)).isEqualTo(success("-1", null, 0));
    }

    @Test
    void dataKeepsQuotesAngleBracketsAndParenthesesInside() {
        List<Object> replies = replies("agi-errors");

        assertThat(replies.get(12)).isEqualTo(success("1", "\"Test Caller\" <13800138000>", -1));
        assertThat(replies.get(14)).isEqualTo(success("1", "say \"hi\" to agent 7", -1));
        assertThat(decode("200 result=1 (a) endpos=5)\n")).containsExactly(success("1", "a) endpos=5", -1));
    }

    @Test
    void anUnsetVariableHasNoDataWhileAnEmptyOneHasEmptyData() {
        assertThat(replies("agi-session-basic").get(10)).isEqualTo(success("0", null, -1));
        assertThat(replies("agi-env-no-callerid").get(1)).isEqualTo(success("1", "", -1));
    }

    @Test
    void aCallerHangingUpDuringPlaybackGivesResultMinusOneWithEndposThenHangup() {
        assertThat(replies("agi-hangup-during-stream").subList(1, 3))
                .containsExactly(success("-1", null, 20000), new AgiHangup());
    }

    @Test
    void aCallerHangingUpDuringWaitForDigitGivesMinusOneThenHangupThen511ForChannelCommands() {
        assertThat(replies("agi-hangup-midcommand")).containsExactly(
                success("0", null, -1),
                success("-1", null, -1),
                new AgiHangup(),
                new AgiReply.DeadChannel(),
                new AgiReply.DeadChannel(),
                success("1", "13800138000", -1),
                success("1", null, -1),
                new AgiHangup());
    }

    @Test
    void getDataWithoutDigitsBeforeTheTimeoutHasAnEmptyResult() {
        assertThat(decode("200 result= (timeout)\n200 result=12*3\n"))
                .containsExactly(success("", "timeout", -1), success("12*3", null, -1));
        assertThatThrownBy(() -> success("12*3", null, -1).resultCode())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("AGI result is not a number: '12*3'");
    }

    @Test
    void aGosubSends100TryingBeforeItsFinalReply() {
        assertThat(decode("100 result=0 Trying...\n200 result=0 Gosub complete\n"))
                .containsExactly(new AgiReply.Trying(), success("0", "Gosub complete", -1));
    }

    @Test
    void a520WithoutUsageIsOneLine() {
        assertThat(decode("520 Invalid command syntax.  Proper usage not available.\n"))
                .containsExactly(new AgiReply.Usage("Invalid command syntax.  Proper usage not available."));
    }

    @Test
    void aReplyLineLongerThanTheLimitIsReportedAndDecodingResumesAtTheNextLine() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiReplyDecoder(64));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer(
                "200 result=1 (" + "x".repeat(100), StandardCharsets.UTF_8)))
                .isInstanceOf(TooLongFrameException.class)
                .hasMessage("frame length (over 114) exceeds the allowed maximum (64)");
        channel.writeInbound(Unpooled.copiedBuffer("xxxx)\n200 result=0\n", StandardCharsets.UTF_8));

        assertThat(channel.<Object>readInbound()).isEqualTo(success("0", null, -1));
    }

    @Test
    void aUsageBlockThatNeverEndsIsCutOffAtTheLimit() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiReplyDecoder(8192));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer(
                "520-Invalid command syntax.  Proper usage follows:\n" + "usage\n".repeat(201), StandardCharsets.UTF_8)))
                .isInstanceOf(TooLongFrameException.class)
                .hasMessage("AGI 520 usage block has more than 200 lines (limit 200)");
    }

    @Test
    void aLineThatIsNoAgiReplyIsAProtocolErrorQuotingTheLine() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiReplyDecoder(8192));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer("503 result=-2 Memory allocation failure\n",
                StandardCharsets.UTF_8)))
                .isInstanceOf(AgiProtocolException.class)
                .hasMessage("not an AGI reply: '503 result=-2 Memory allocation failure'");
        EmbeddedChannel another = new EmbeddedChannel(new AgiReplyDecoder(8192));
        assertThatThrownBy(() -> another.writeInbound(Unpooled.copiedBuffer("200 ok\n", StandardCharsets.UTF_8)))
                .isInstanceOf(AgiProtocolException.class)
                .hasMessage("AGI 200 reply without result=: '200 ok'");
    }

    @Test
    void afterARefusedReplyTheRestOfTheInputIsDroppedNotReportedAgain() {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiReplyDecoder(8192));

        assertThatThrownBy(() -> channel.writeInbound(Unpooled.copiedBuffer("garbage here\n200 ok\n",
                StandardCharsets.UTF_8)))
                .isInstanceOf(AgiProtocolException.class)
                .hasMessage("not an AGI reply: 'garbage here'");
        channel.writeInbound(Unpooled.copiedBuffer("200 result=1\n", StandardCharsets.UTF_8));

        assertThat(channel.finish()).as("the session is closing for the first: nothing more decoded").isFalse();
    }

    private static List<Object> decode(String text) {
        EmbeddedChannel channel = new EmbeddedChannel(new AgiReplyDecoder(8192));
        channel.writeInbound(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8));
        List<Object> messages = new ArrayList<>();
        for (Object message = channel.readInbound(); message != null; message = channel.readInbound()) {
            messages.add(message);
        }
        return messages;
    }
}
