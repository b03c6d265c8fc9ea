package dev.hotline.bridge.agi.server;

/** A command could not get its reply because the FastAGI session ended first; the message names both. */
public final class AgiChannelClosedException extends RuntimeException {

    public AgiChannelClosedException(String message) {
        super(message);
    }
}
