package dev.hotline.bridge.agi;

/**
 * The unsolicited {@code HANGUP} line: the caller's channel has hung up. It is not a reply to any command; Asterisk
 * sends it whether a command is pending or not, and once more when the session ends.
 */
public record AgiHangup() {
}
