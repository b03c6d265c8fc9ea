package dev.hotline.acd.internal;

/** An event that cannot be applied; the message names who, their state and what was asked. Nothing changed. */
final class Rejection extends RuntimeException {
    Rejection(String message) {
        super(message, null, false, false);
    }
}
