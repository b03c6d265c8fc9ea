package dev.hotline.server.callback;

import dev.hotline.server.journal.JournalRecord;
import java.util.Map;
import java.util.Objects;

/**
 * A caller's request to be called back, as the IVR filed it ({@code callback-requested} in the journal).
 *
 * @param id            the call that asked: it names the request
 * @param number        the number to ring
 * @param dialledNumber the number the caller dialled: the callback's call is recorded as a call to it
 * @param businessType  whose queue serves the callback
 * @param attachedData  what the flow attached, for the agent's screen pop
 * @param requestedAt   when it was filed, engine time
 */
public record CallbackRequest(String id, String number, String dialledNumber, String businessType,
                              Map<String, String> attachedData, long requestedAt) {
    public CallbackRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(dialledNumber, "dialledNumber");
        Objects.requireNonNull(businessType, "businessType");
        attachedData = Map.copyOf(attachedData);
    }

    /** The request a {@code callback-requested} journal line records. */
    public static CallbackRequest of(JournalRecord.CallbackRequested filed) {
        return new CallbackRequest(filed.callId(), filed.number(), filed.dialledNumber(), filed.businessType(),
                filed.attachedData(), filed.at());
    }
}
