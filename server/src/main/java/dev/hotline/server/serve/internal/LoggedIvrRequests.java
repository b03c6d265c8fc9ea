package dev.hotline.server.serve.internal;

import dev.hotline.bridge.session.IvrRequests;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Files what callers leave in the IVR (messages, callback requests) as log lines, one per request with everything
 * needed to act on it, until the server has a request store and the agent API to work through it.
 */
public final class LoggedIvrRequests implements IvrRequests {
    private static final Logger log = LoggerFactory.getLogger("dev.hotline.server.requests");

    @Override
    public void messageRecorded(String callId, String callerNumber, String mailbox, String file,
                                Map<String, String> attachedData) {
        log.info("message left: call {}, caller {}, mailbox {}, recording {}.wav, data {}", callId, callerNumber,
                mailbox, file, attachedData);
    }

    @Override
    public void callbackRequested(String callId, String number, String businessType,
                                  Map<String, String> attachedData) {
        log.info("callback requested: call {}, number {}, business type {}, data {}", callId, number,
                businessType.isEmpty() ? "(the dialled number's)" : businessType, attachedData);
    }
}
