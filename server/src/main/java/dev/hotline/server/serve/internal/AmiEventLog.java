package dev.hotline.server.serve.internal;

import dev.hotline.bridge.ami.AmiEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the server does with the events of the Asterisk manager interfaces for now: logs those that matter to an
 * operator (connection state changes are logged by the connection itself). Phones' device states are not routed yet:
 * the routing engine has no event for them (agents' readiness comes from logins), so they are logged at debug level.
 */
public final class AmiEventLog implements Consumer<AmiEvent> {
    private static final Logger log = LoggerFactory.getLogger("dev.hotline.server.ami");

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
