package dev.hotline.server.serve.internal;

import dev.hotline.bridge.ami.AmiConnectionState;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.AmiStatusListener;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server does with the Asterisk manager interfaces for now: reports every connection state change and the
 * events that matter to an operator. Phones' device states are not routed yet: the routing engine has no event for
 * them (agents' readiness comes from logins), so they are logged at debug level only.
 */
public final class AmiEventLog implements AmiStatusListener, Consumer<AmiEvent> {
    private static final Logger log = LoggerFactory.getLogger("dev.hotline.server.ami");

    @Override
    public void onState(String server, AmiConnectionState state, String reason) {
        switch (state) {
            case CONNECTED -> log.info("AMI {}: connected ({})", server, reason);
            case CONNECTING -> log.info("AMI {}: connecting ({})", server, reason);
            case DOWN -> log.warn("AMI {}: down ({}); retrying with back-off", server, reason);
        }
    }

    @Override
    public void accept(AmiEvent event) {
        switch (event) {
            case AmiEvent.AsteriskShutdown s -> log.warn("AMI {}: Asterisk is {}", s.server(),
                    s.restart() ? "restarting" : "shutting down");
            case AmiEvent.Resynchronised r -> log.info("AMI {}: resynchronised, {} channels, {} devices", r.server(),
                    r.channels().size(), r.devices());
            case AmiEvent.DeviceStateChanged d -> log.debug("AMI {}: device {} is {}", d.server(), d.device(),
                    d.state());
            case AmiEvent.ChannelHungUp h -> { }
            case AmiEvent.BridgeEntered b -> { }
            case AmiEvent.BridgeLeft b -> { }
            case AmiEvent.OriginateResult o -> { }
            case AmiEvent.UnknownEvent u -> { }
        }
    }
}
