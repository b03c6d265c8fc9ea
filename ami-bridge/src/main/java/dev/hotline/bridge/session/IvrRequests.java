package dev.hotline.bridge.session;

import java.util.Map;

/**
 * Where the call sessions file what callers leave in the IVR for people to act on: recorded messages and callback
 * requests. Called from a call session's thread; implementations must not block (hand the request to a queue, the
 * journal or the server's request store).
 */
public interface IvrRequests {

    /**
     * A caller left a message.
     *
     * @param file         the recording as Asterisk wrote it, without extension (the format is wav)
     * @param attachedData what the flow attached (order number, account)
     */
    void messageRecorded(String callId, String callerNumber, String mailbox, String file,
                         Map<String, String> attachedData);

    /**
     * A caller asked to be called back.
     *
     * @param businessType the business type to call back for, "" for the dialled number's
     */
    void callbackRequested(String callId, String number, String businessType, Map<String, String> attachedData);
}
