package dev.hotline.bridge.ami;

/**
 * An Asterisk device state, as DeviceStateChange and {@code DEVICE_STATE()} report it, and what it means for the
 * ACD: whether an agent whose phone is in this state may be offered a call.
 *
 * <p>Only {@link #NOT_INUSE} is offerable. A phone that is in use, busy, ringing, on hold or ringing while in use
 * is busy with a call the ACD did not give it (a private call, or one still ending), so the agent is not offered
 * another; {@link #UNAVAILABLE} (not registered), {@link #INVALID} (no such device) and {@link #UNKNOWN} are not
 * offerable either, because a call offered there would ring nowhere.
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

    /** Whether an agent on a phone in this state may be offered a call. */
    public boolean offerable() {
        return this == NOT_INUSE;
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
