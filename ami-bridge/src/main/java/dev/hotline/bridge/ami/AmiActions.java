package dev.hotline.bridge.ami;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * The AMI actions Hotline sends to one Asterisk. Every value is cleaned before it goes on the wire: CR, LF and NUL
 * are removed, so caller-supplied text (a caller id, a variable) can never end a header and start a new one. The
 * stages never complete on Asterisk-Java's event thread; when the connection is down they fail with
 * {@link AmiUnavailableException}.
 */
public interface AmiActions {

    /** How a supervisor joins an agent's call. */
    enum ListenMode {
        /** Hear both parties, unheard ({@code ChanSpy} option {@code q}). */
        LISTEN("q"),
        /** Speak to the agent only ({@code qw}). */
        WHISPER("qw"),
        /** Speak to both parties ({@code qB}). */
        BARGE("qB");

        private final String chanSpyOptions;

        ListenMode(String chanSpyOptions) {
            this.chanSpyOptions = chanSpyOptions;
        }

        /** The ChanSpy options for this mode. */
        public String chanSpyOptions() {
            return chanSpyOptions;
        }
    }

    /** Hangs up a channel (from the API), cause 16 normal clearing. */
    CompletionStage<AmiReply> hangup(String channel);

    /**
     * Rings the supervisor's phone and, once answered, spies on the agent's channels: an Originate of
     * {@code supervisorEndpoint} into {@code ChanSpy(<agentEndpoint>,<options>)}.
     */
    CompletionStage<AmiEvent.OriginateResult> listenIn(String supervisorEndpoint, String agentEndpoint,
                                                       ListenMode mode);

    /** Starts recording a channel with MixMonitor into {@link #recordingFile recordingFile(callId)}. */
    CompletionStage<AmiReply> startRecording(String channel, String callId);

    /**
     * The file a call is recorded to: {@code hotline-<callId>.wav}.
     *
     * @throws IllegalArgumentException for a call id that could leave the recording directory (anything but letters,
     *                                  digits, '.', '_', '-')
     */
    static String recordingFile(String callId) {
        return dev.hotline.bridge.ami.internal.AmiValues.recordingFile(callId);
    }

    /**
     * Calls a customer back: an Originate of {@code endpoint} into {@code context,exten,1} with the given caller
     * id and channel variables, answered within {@code ringTimeout}.
     */
    CompletionStage<AmiEvent.OriginateResult> originateCallback(String endpoint, String context, String exten,
                                                                String callerId, Map<String, String> variables,
                                                                Duration ringTimeout);

    /** Asks Asterisk for a device's state ({@code DEVICE_STATE(<device>)}). */
    CompletionStage<DeviceState> deviceState(String device);
}
