package dev.hotline.server.serve.internal;

import dev.hotline.bridge.ami.AmiActions;
import dev.hotline.bridge.session.CallRecorder;
import dev.hotline.bridge.session.CallTelephony;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records the answered calls of the queues that ask for it ({@code recording: true} in queues.yaml) with MixMonitor
 * through the manager interface ({@link AmiActions#startRecording}, file {@code hotline-<call id>.wav}), and notes the
 * file for the call's record. The session cannot start it itself: it is blocked in {@code EXEC Dial} while the agent
 * talks.
 *
 * <p>The file is noted when the recording is asked for, so that a call ending at once still names it; a refusal takes
 * it back. With several Asterisk servers, each is asked in turn until one has the channel. A recording that cannot
 * start (no AMI configured, the connection down, MixMonitor refused) never touches the call: it goes on unrecorded,
 * with one warning for the call.
 */
public final class AmiCallRecorder implements CallRecorder {
    private static final Logger log = LoggerFactory.getLogger(AmiCallRecorder.class);

    private final Supplier<Set<String>> recordedQueues;
    private final Supplier<List<AmiActions>> servers;
    private final CallTelephony telephony;

    /**
     * @param recordedQueues the queues that record, as the configuration in force says
     * @param servers        the AMI servers in configuration order (none when AMI is not configured)
     * @param telephony      where the call's recording file is noted for its record
     */
    public AmiCallRecorder(Supplier<Set<String>> recordedQueues, Supplier<List<AmiActions>> servers,
                           CallTelephony telephony) {
        this.recordedQueues = Objects.requireNonNull(recordedQueues, "recordedQueues");
        this.servers = Objects.requireNonNull(servers, "servers");
        this.telephony = Objects.requireNonNull(telephony, "telephony");
    }

    @Override
    public void answered(String callId, String channel, String queue) {
        if (!recordedQueues.get().contains(queue)) {
            return;
        }
        String file;
        try {
            file = AmiActions.recordingFile(callId);
        } catch (IllegalArgumentException e) {
            log.warn("call {}: queue {} records its calls, but this call is not recorded: {}", callId, queue,
                    e.getMessage());
            return;
        }
        List<AmiActions> asked = servers.get();
        if (asked.isEmpty()) {
            log.warn("call {}: queue {} records its calls, but no Asterisk manager interface is configured "
                    + "(server.yaml ami:); the call goes on unrecorded", callId, queue);
            return;
        }
        telephony.recording(callId, file);
        ask(asked, callId, channel, queue);
    }

    private void ask(List<AmiActions> asked, String callId, String channel, String queue) {
        ServersInTurn.ask(asked, server -> server.startRecording(channel, callId).thenApply(
                reply -> reply.success() ? Optional.<String>empty() : Optional.of("refused: " + reply.message())))
                .thenAccept(outcome -> {
                    if (!outcome.done()) {
                        telephony.recordingFailed(callId);
                        log.warn("call {}: queue {} records its calls, but MixMonitor on {} did not start ({}); the "
                                + "call goes on unrecorded", callId, queue, channel,
                                String.join("; ", outcome.refusals()));
                    }
                });
    }
}
