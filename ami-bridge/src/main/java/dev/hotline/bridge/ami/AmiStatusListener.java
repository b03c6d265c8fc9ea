package dev.hotline.bridge.ami;

/**
 * Told of every state change of an AMI connection, with the reason (e.g. {@code "login refused by
 * 127.0.0.1:5038 as acd: Authentication failed"}). Called on the connection's scheduler thread: it must be quick
 * and must not throw.
 */
@FunctionalInterface
public interface AmiStatusListener {

    /** Does nothing. */
    AmiStatusListener NONE = (server, state, reason) -> {
    };

    void onState(String server, AmiConnectionState state, String reason);
}
