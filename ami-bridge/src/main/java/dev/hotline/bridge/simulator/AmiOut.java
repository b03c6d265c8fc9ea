package dev.hotline.bridge.simulator;

import java.nio.charset.StandardCharsets;

/** Builds one outgoing AMI message: {@code Key: Value\r\n} lines and the closing empty line. */
final class AmiOut {

    private final StringBuilder text = new StringBuilder(256);

    AmiOut add(String key, String value) {
        text.append(key).append(": ").append(value == null ? "" : value).append("\r\n");
        return this;
    }

    /** Adds {@code ActionID} only when the action carried one, as Asterisk does. */
    AmiOut actionId(String actionId) {
        return actionId == null ? this : add("ActionID", actionId);
    }

    byte[] bytes() {
        return (text + "\r\n").getBytes(StandardCharsets.UTF_8);
    }
}
