package dev.hotline.bridge.session;

import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the telephony side knows of each call for its record, which the ACD does not: the inbound channel and the
 * recording. A session notes them while the call runs; the call's record takes them once, when the ACD ends the call
 * (on the engine's thread). Thread-safe.
 */
public final class CallTelephony {

    /**
     * @param channel   the inbound channel's name, as Asterisk gave it ({@code PJSIP/trunk-0000001a})
     * @param recording the file the call is recorded to, once a recording was started and not refused
     */
    public record Facts(String channel, Optional<String> recording) {
        public Facts {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(recording, "recording");
        }
    }

    private final ConcurrentHashMap<String, Facts> calls = new ConcurrentHashMap<>();

    /** The call's session started on {@code channel}; noted before the ACD hears of the call. */
    public void started(String callId, String channel) {
        calls.put(callId, new Facts(channel, Optional.empty()));
    }

    /** The call is recorded to {@code file} (the recording was asked for; {@link #recordingFailed} undoes it). */
    public void recording(String callId, String file) {
        calls.computeIfPresent(callId, (id, facts) -> new Facts(facts.channel(), Optional.of(file)));
    }

    /** Asterisk refused the recording, or no Asterisk could be asked: the call has none. */
    public void recordingFailed(String callId) {
        calls.computeIfPresent(callId, (id, facts) -> new Facts(facts.channel(), Optional.empty()));
    }

    /** The ACD never took the call (refused before it, a duplicate id): nothing will take its facts. */
    void forget(String callId) {
        calls.remove(callId);
    }

    /** The inbound channel of a call whose session is running (or whose record is not written yet). */
    public Optional<String> channelOf(String callId) {
        return Optional.ofNullable(calls.get(callId)).map(Facts::channel);
    }

    /** Takes the call's facts for its record; empty for a call no session noted (or already taken). */
    public Optional<Facts> take(String callId) {
        return Optional.ofNullable(calls.remove(callId));
    }

    /** Calls noted and not yet taken. */
    public int size() {
        return calls.size();
    }
}
