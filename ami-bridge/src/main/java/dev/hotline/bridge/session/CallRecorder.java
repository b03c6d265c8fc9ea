package dev.hotline.bridge.session;

/**
 * Starts recording an answered call when its queue records calls. The session calls it the moment the agent
 * answers, before it tells the ACD; it must not block (recording is an AMI action, answered later) and must not
 * throw: a recording that cannot start never stops the call.
 */
@FunctionalInterface
public interface CallRecorder {

    /** Records nothing. */
    CallRecorder NONE = (callId, channel, queue) -> { };

    /**
     * @param callId  the call
     * @param channel the inbound channel to record (both parties are heard on it once bridged)
     * @param queue   the queue whose agent answered
     */
    void answered(String callId, String channel, String queue);
}
