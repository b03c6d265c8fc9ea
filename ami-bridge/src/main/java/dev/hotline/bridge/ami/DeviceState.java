package dev.hotline.bridge.ami;

import dev.hotline.acd.PhoneState;

/**
 * An Asterisk device state, as DeviceStateChange and {@code DEVICE_STATE()} report it, and what it means for the
 * ACD ({@link #phone()}): whether an agent whose phone is in this state may be offered a call.
 *
 * <p>{@link #NOT_INUSE} and {@link #UNKNOWN} are free. A phone that is in use, busy, ringing, on hold or ringing
 * while in use is busy with a call (a private call, or the end of one the ACD gave), so the agent is not offered
 * another; {@link #UNAVAILABLE} (not registered) and {@link #INVALID} (no such device) are unreachable, because a call
 * offered there would ring nowhere. {@code UNKNOWN} is Asterisk's "the device is valid but its channel driver does
 * not know its state" (a phone without qualify, some channel technologies): Asterisk's own queues offer calls to such
 * members, and holding them back would leave agents idle forever.
 */
public enum DeviceState {
    UNKNOWN,
    NOT_INUSE,
    INUSE,
    BUSY,
    INVALID,
    UNAVAILABLE,
    RINGING,
    RINGINUSE,
    ONHOLD;

    /** What the ACD makes of a phone in this state. */
    public PhoneState phone() {
        return switch (this) {
            case NOT_INUSE, UNKNOWN -> PhoneState.FREE;
            case INUSE, BUSY, RINGING, RINGINUSE, ONHOLD -> PhoneState.BUSY;
            case UNAVAILABLE, INVALID -> PhoneState.UNREACHABLE;
        };
    }

    /** Parses Asterisk's text; anything unrecognised is {@link #UNKNOWN}. */
    public static DeviceState parse(String text) {
        if (text == null) {
            return UNKNOWN;
        }
        return switch (text.trim()) {
            case "NOT_INUSE" -> NOT_INUSE;
            case "INUSE" -> INUSE;
            case "BUSY" -> BUSY;
            case "INVALID" -> INVALID;
            case "UNAVAILABLE" -> UNAVAILABLE;
            case "RINGING" -> RINGING;
            case "RINGINUSE" -> RINGINUSE;
            case "ONHOLD" -> ONHOLD;
            default -> UNKNOWN;
        };
    }
}
