package dev.hotline.server.callback;

import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.bridge.session.Callbacks;
import java.util.Optional;

/**
 * The callback desk in force, or none: what the routing engine, the call sessions and the IVR's filings reach, so
 * that a reload can turn callbacks on (a desk put in) or off (taken out) while calls go on. Without a desk, requests
 * are only journaled, and a callback's call finds no request to serve.
 */
public final class CallbackSwitch implements Callbacks, DecisionListener {

    private volatile CallbackDesk desk;

    /** The desk in force, if callbacks are placed. */
    public Optional<CallbackDesk> desk() {
        return Optional.ofNullable(desk);
    }

    /** Callbacks are placed by {@code next} from now on. */
    public void use(CallbackDesk next) {
        desk = next;
    }

    /** Callbacks are no longer placed; returns the desk that placed them, for its owner to close. */
    public Optional<CallbackDesk> takeOut() {
        CallbackDesk was = desk;
        desk = null;
        return Optional.ofNullable(was);
    }

    /** A request the IVR filed: to the desk, if there is one (it is in the journal either way). */
    public void requested(CallbackRequest request) {
        CallbackDesk d = desk;
        if (d != null) {
            d.requested(request);
        }
    }

    @Override
    public Optional<CallbackCall> answered(String requestId, String callId) {
        CallbackDesk d = desk;
        return d == null ? Optional.empty() : d.answered(requestId, callId);
    }

    @Override
    public void ended(String requestId, String callId, Ending ending) {
        CallbackDesk d = desk;
        if (d != null) {
            d.ended(requestId, callId, ending);
        }
    }

    @Override
    public void onDecision(Decision decision) {
        CallbackDesk d = desk;
        if (d != null) {
            d.onDecision(decision);
        }
    }
}
