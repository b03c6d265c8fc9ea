package dev.hotline.bridge.agi.server.internal;

import dev.hotline.bridge.agi.codec.AgiCommandEncoder;
import dev.hotline.bridge.agi.codec.AgiEnvironmentDecoder;
import dev.hotline.bridge.agi.codec.AgiReplyDecoder;
import dev.hotline.bridge.agi.server.AgiScript;
import dev.hotline.bridge.agi.server.FastAgiSettings;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.timeout.IdleStateHandler;
import java.util.concurrent.TimeUnit;

/** The handlers of one FastAGI connection, in order; shared by the server and the in-memory tests. */
public final class AgiPipeline {

    private static final AgiCommandEncoder ENCODER = new AgiCommandEncoder();

    private AgiPipeline() {
    }

    public static AgiSession configure(ChannelPipeline pipeline, FastAgiSettings settings, AgiScript script) {
        AgiSession session = new AgiSession(script, settings.environmentTimeout(), settings.idleTimeout());
        pipeline.addLast("idle", new IdleStateHandler(0, 0, settings.idleTimeout().toNanos(), TimeUnit.NANOSECONDS));
        pipeline.addLast("environment", new AgiEnvironmentDecoder(settings.maxLineLength(), settings.maxEnvironmentLines()));
        pipeline.addLast("replies", new AgiReplyDecoder(settings.maxLineLength()));
        pipeline.addLast("commands", ENCODER);
        pipeline.addLast("session", session);
        return session;
    }
}
