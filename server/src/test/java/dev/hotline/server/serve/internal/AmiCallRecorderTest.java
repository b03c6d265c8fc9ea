package dev.hotline.server.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.ami.AmiActions;
import dev.hotline.bridge.ami.AmiReply;
import dev.hotline.bridge.ami.AmiUnavailableException;
import dev.hotline.bridge.session.CallTelephony;
import dev.hotline.server.serve.UnusedAmiActions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Recording per queue: the answered calls of a queue with {@code recording: true} are recorded with MixMonitor on
 * their inbound channel and the file goes into the call's record; without AMI, or when Asterisk refuses, the call goes
 * on unrecorded and its record names no file.
 */
class AmiCallRecorderTest {

    /** An Asterisk's recording action, answering as told; every other action is not used here. */
    private static final class Recorder extends UnusedAmiActions {
        final List<String> asked = new ArrayList<>();
        final CompletableFuture<AmiReply> reply = new CompletableFuture<>();

        @Override
        public CompletionStage<AmiReply> startRecording(String channel, String callId) {
            asked.add(channel + " " + callId);
            return reply;
        }
    }

    private final CallTelephony telephony = new CallTelephony();

    private AmiCallRecorder recorder(List<AmiActions> servers) {
        return new AmiCallRecorder(() -> Set.of("sales"), () -> servers, telephony);
    }

    /** What the call's record will say of the recording. */
    private java.util.Optional<String> recordingOf(String callId) {
        return telephony.take(callId).orElseThrow().recording();
    }

    @Test
    void anAnsweredCallOfARecordedQueueIsRecordedOnItsInboundChannel() {
        Recorder pbx1 = new Recorder();

        telephony.started("1795395601.26", "PJSIP/trunk-0000001a");

        recorder(List.of(pbx1)).answered("1795395601.26", "PJSIP/trunk-0000001a", "sales");
        pbx1.reply.complete(new AmiReply(true, ""));

        assertThat(pbx1.asked).containsExactly("PJSIP/trunk-0000001a 1795395601.26");
        assertThat(recordingOf("1795395601.26")).contains("hotline-1795395601.26.wav");
    }

    @Test
    void aQueueWithoutRecordingRecordsNothing() {
        Recorder pbx1 = new Recorder();

        telephony.started("c1", "PJSIP/trunk-01");

        recorder(List.of(pbx1)).answered("c1", "PJSIP/trunk-01", "service");

        assertThat(pbx1.asked).isEmpty();
        assertThat(recordingOf("c1")).isEmpty();
    }

    @Test
    void withSeveralAsterisksTheOneThatHasTheChannelRecordsIt() {
        Recorder pbx1 = new Recorder();
        Recorder pbx2 = new Recorder();

        telephony.started("c1", "PJSIP/trunk-01");

        recorder(List.of(pbx1, pbx2)).answered("c1", "PJSIP/trunk-01", "sales");
        pbx1.reply.complete(new AmiReply(false, "No such channel"));
        pbx2.reply.complete(new AmiReply(true, ""));

        assertThat(pbx2.asked).containsExactly("PJSIP/trunk-01 c1");
        assertThat(recordingOf("c1")).contains("hotline-c1.wav");
    }

    @Test
    void withoutAnyAmiServerTheCallGoesOnUnrecorded() {
        telephony.started("c1", "PJSIP/trunk-01");

        recorder(List.of()).answered("c1", "PJSIP/trunk-01", "sales");

        assertThat(recordingOf("c1")).isEmpty();
    }

    @Test
    void aCallIdThatCouldLeaveTheRecordingDirectoryIsNotRecorded() {
        Recorder pbx1 = new Recorder();

        telephony.started("../etc/passwd", "PJSIP/trunk-01");

        recorder(List.of(pbx1)).answered("../etc/passwd", "PJSIP/trunk-01", "sales");

        assertThat(pbx1.asked).isEmpty();
        assertThat(recordingOf("../etc/passwd")).isEmpty();
    }

    @Test
    void anAmiConnectionThatIsDownFailsTheRecordingNotTheCall() {
        Recorder pbx1 = new Recorder();

        telephony.started("c1", "PJSIP/trunk-01");

        recorder(List.of(pbx1)).answered("c1", "PJSIP/trunk-01", "sales");
        assertThat(telephony.take("c1").orElseThrow().recording()).as("noted when asked for, so a call ending at once "
                + "still names it").contains("hotline-c1.wav");
        telephony.started("c1", "PJSIP/trunk-01");
        telephony.recording("c1", "hotline-c1.wav");
        pbx1.reply.completeExceptionally(new AmiUnavailableException("AMI pbx1 is not connected"));

        assertThat(recordingOf("c1")).isEmpty();
    }
}
