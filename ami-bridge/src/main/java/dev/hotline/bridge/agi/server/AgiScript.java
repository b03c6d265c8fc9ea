package dev.hotline.bridge.agi.server;

import dev.hotline.bridge.agi.AgiEnvironment;

/**
 * What runs one inbound call's FastAGI session. Called on the session's event-loop thread once the environment has
 * arrived; it must not block: it sends commands through the {@link AgiChannel} and reacts to their replies.
 */
@FunctionalInterface
public interface AgiScript {

    void onStart(AgiChannel channel, AgiEnvironment environment);
}
