package dev.hotline.bridge.session;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The callbacks Hotline places. When a called-back customer answers, Asterisk runs
 * {@code AGI(agi://<hotline>/callback?request=<id>)} on their channel (docs/asterisk.md); the call session asks here
 * what the call is for, queues it like a call of that business, and says how it ended. Called from call sessions'
 * threads: implementations must not block.
 */
public interface Callbacks {

    /** Knows of no callback: an answered callback is told the system is busy. */
    Callbacks NONE = new Callbacks() {
        @Override
        public Optional<CallbackCall> answered(String requestId, String callId) {
            return Optional.empty();
        }

        @Override
        public void ended(String requestId, String callId, Ending ending) {
        }
    };

    /**
     * The customer answered the callback of {@code requestId}, on the call {@code callId}.
     *
     * @return what to queue the call as; empty when no such callback is being placed (it is unknown, or already
     *         closed)
     */
    Optional<CallbackCall> answered(String requestId, String callId);

    /** The call of an answered callback is over. */
    void ended(String requestId, String callId, Ending ending);

    /** How the call of an answered callback ended. */
    enum Ending {
        /** An agent answered it: the callback is done. */
        AGENT_ANSWERED,
        /** The customer hung up before an agent answered: worth another try. */
        CUSTOMER_HUNG_UP,
        /**
         * Hotline ended it without an agent: refused (a blacklisted number), a queue treatment (closed, full), a
         * queue request the ACD refused. Trying again would end the same way.
         */
        NOT_SERVED
    }

    /**
     * What an answered callback is queued as.
     *
     * @param number        the customer's number (the call's caller number)
     * @param dialled       the number the customer dialled when they asked (the call's dialled number, for the record)
     * @param businessType  the business type whose queue serves the callback
     * @param priorityRaise added to the queue's base priority: the customer has waited already
     * @param greeting      the prompt the customer hears on answering ("this is your callback ..."); empty for none
     * @param attachedData  what the flow attached when the customer asked, for the agent's screen pop
     */
    record CallbackCall(String number, String dialled, String businessType, int priorityRaise, String greeting,
                        Map<String, String> attachedData) {
        public CallbackCall {
            Objects.requireNonNull(number, "number");
            Objects.requireNonNull(dialled, "dialled");
            Objects.requireNonNull(businessType, "businessType");
            Objects.requireNonNull(greeting, "greeting");
            attachedData = Map.copyOf(attachedData);
        }
    }
}
