package dev.hotline.bridge.ami;

/**
 * Asterisk's answer to an action: {@code Response: Success} or {@code Error}, with its {@code Message}
 * (e.g. {@code "No such channel"}). A refusal is a value, not an exception.
 */
public record AmiReply(boolean success, String message) {
}
