package dev.hotline.server.serve.internal;

import dev.hotline.bridge.ami.AmiEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the events of the Asterisk manager interfaces that matter to an operator (connection state changes are logged
 * by the connection itself). Phones' device states go to the routing engine through {@link AgentPhones}; here they
 * are logged at debug level.
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
            case AmiEvent.ConnectionLost l -> log.info("AMI {}: phone states from it are forgotten until it is back",
                    l.server());
            case AmiEvent.ChannelHungUp h -> { }
            case AmiEvent.BridgeEntered b -> { }
            case AmiEvent.BridgeLeft b -> { }
            case AmiEvent.OriginateResult o -> { }
            case AmiEvent.UnknownEvent u -> { }
        }
    }
}
