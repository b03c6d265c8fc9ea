package dev.hotline.bridge.ami;

/** Where one AMI connection stands, for health reporting. */
public enum AmiConnectionState {
    /** Connecting and logging in. */
    CONNECTING,
    /** Logged in; events flow and actions can be sent. */
    CONNECTED,
    /** Not connected; a reconnect is scheduled unless the connection was stopped. */
    DOWN
}
