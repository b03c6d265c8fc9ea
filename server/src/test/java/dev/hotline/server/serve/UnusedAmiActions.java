package dev.hotline.server.serve;

import dev.hotline.bridge.ami.AmiActions;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.AmiReply;
import dev.hotline.bridge.ami.DeviceState;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * An Asterisk for tests that use only some of its actions: each action a test does not override fails the test, so
 * a test never passes by calling something it did not mean to.
 */
public abstract class UnusedAmiActions implements AmiActions {

    private static UnsupportedOperationException unused(String action) {
        return new UnsupportedOperationException(action + " is not expected in this test");
    }

    @Override
    public CompletionStage<AmiReply> hangup(String channel) {
        throw unused("Hangup");
    }

    @Override
    public CompletionStage<AmiEvent.OriginateResult> listenIn(String supervisorEndpoint, String agentEndpoint,
                                                              ListenMode mode) {
        throw unused("listen-in");
    }

    @Override
    public CompletionStage<AmiReply> startRecording(String channel, String callId) {
        throw unused("MixMonitor");
    }

    @Override
    public CompletionStage<AmiEvent.OriginateResult> originateCallback(String endpoint, String context, String exten,
                                                                       String callerId, Map<String, String> variables,
                                                                       Duration ringTimeout) {
        throw unused("callback originate");
    }

    @Override
    public CompletionStage<DeviceState> deviceState(String device) {
        throw unused("DEVICE_STATE");
    }
}
