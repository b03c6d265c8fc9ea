package dev.hotline.bridge.session;

import java.util.Map;
import java.util.concurrent.CompletionStage;

/**
 * Where the call sessions file what callers leave in the IVR for people to act on: recorded messages and callback
 * requests. Called from a call session's thread; implementations must not block (hand the request to a queue, the
 * journal or the server's request store).
 *
 * <p><b>A request is taken once it is filed.</b> Each method returns a stage that completes when the request is
 * durable (in {@code hotline serve}: its journal line forced to the disk) and fails when it cannot be. Only then
 * does the session let the flow go on to what tells the caller it was taken; a failure, or no answer within
 * {@link SessionSettings#requestTimeout()}, sends the flow down its failed path instead (docs/ivr.md).
 */
public interface IvrRequests {

    /**
     * A caller left a message.
     *
     * @param file         the recording as Asterisk wrote it, without extension (the format is wav); empty when
     *                     Asterisk's VoiceMail application kept the message in the mailbox (a queue's treatment)
     * @param attachedData what the flow attached (order number, account)
     * @return completes once the message is filed, fails if it cannot be
     */
    CompletionStage<Void> messageRecorded(String callId, String callerNumber, String mailbox, String file,
                                          Map<String, String> attachedData);

    /**
     * A caller asked to be called back.
     *
     * @param number        the number to call back, as the flow worked it out (it may be anything a caller keyed)
     * @param dialledNumber the number the caller dialled (the callback's call is recorded as a call to it)
     * @param businessType  the business type to call back for: the flow's, else the call's
     * @return completes once the request is filed, fails if it cannot be (among others, a number that is no phone
     *         number)
     */
    CompletionStage<Void> callbackRequested(String callId, String number, String dialledNumber, String businessType,
                                            Map<String, String> attachedData);

    /**
     * A flow ended at a node that records results (a survey's rating): kept for the figures, nothing to wait for.
     *
     * @param flow        the flow whose end node recorded them
     * @param disposition the end node's disposition
     * @param results     variable name to value
     */
    default void resultsRecorded(String callId, String flow, String disposition, Map<String, String> results) {
    }
}
