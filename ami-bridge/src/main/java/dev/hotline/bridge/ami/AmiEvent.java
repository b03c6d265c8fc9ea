package dev.hotline.bridge.ami;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What Hotline learns from an Asterisk manager interface, as small immutable values. Asterisk-Java's event beans
 * never leave the AMI layer: its event thread converts each one into an {@code AmiEvent} and hands it off at once.
 * Every event names the {@link #server()} it came from, because Hotline talks to several Asterisk servers.
 */
public sealed interface AmiEvent {

    /** The name of the {@link AmiSettings server} the event came from. */
    String server();

    /** A device (an agent's phone) changed state. */
    record DeviceStateChanged(String server, String device, DeviceState state) implements AmiEvent {
    }

    /** A channel hung up; {@code cause} is the Q.850 cause code (16 normal clearing). */
    record ChannelHungUp(String server, String uniqueid, String channel, int cause, String causeText)
            implements AmiEvent {
    }

    /** A channel entered a bridge: two parties are talking. */
    record BridgeEntered(String server, String bridgeId, String uniqueid, String channel) implements AmiEvent {
    }

    /** A channel left a bridge. */
    record BridgeLeft(String server, String bridgeId, String uniqueid, String channel) implements AmiEvent {
    }

    /**
     * The outcome of an asynchronous Originate (callback, listen-in). {@code reason} is Asterisk's Reason code
     * (4 answered, 5 busy, 3 no answer, 8 congestion, 0 failure); {@code uniqueid} is empty when no channel came up.
     */
    record OriginateResult(String server, String actionId, boolean success, int reason, String channel,
                           String uniqueid) implements AmiEvent {
    }

    /**
     * The connection to the server was lost after it had logged in (closed, half-open, Asterisk restarting). Events
     * sent meanwhile are lost: what the consumer knows from this server (device states) is stale until the next
     * {@link Resynchronised}. It comes in order after the connection's last event.
     */
    record ConnectionLost(String server, String reason) implements AmiEvent {
    }

    /** Asterisk is shutting down or restarting; the connection closes right after. */
    record AsteriskShutdown(String server, boolean restart) implements AmiEvent {
    }

    /**
     * After every (re)connect: the channels Asterisk has now (CoreShowChannels). It follows the device states,
     * which arrive just before it as {@link DeviceStateChanged} events (DeviceStateList), so when it arrives the
     * consumer's picture of channels and devices is true again.
     */
    record Resynchronised(String server, List<ChannelSnapshot> channels, int devices) implements AmiEvent {
        public Resynchronised {
            channels = List.copyOf(channels);
        }
    }

    /** Any other event, kept by name with Asterisk-Java's parsed fields (property names, values as text). */
    record UnknownEvent(String server, String name, Map<String, String> headers) implements AmiEvent {
        public UnknownEvent {
            Objects.requireNonNull(name, "name");
            headers = Map.copyOf(headers);
        }
    }

    /**
     * One channel of a {@link Resynchronised} snapshot.
     *
     * @param channel  channel name
     * @param uniqueid its uniqueid
     * @param linkedid the call it belongs to
     * @param state    channel state text (Up, Ring, Ringing...)
     * @param bridgeId the bridge it is in, empty when none
     * @param application the application running on it (AGI, Dial, Queue...)
     */
    record ChannelSnapshot(String channel, String uniqueid, String linkedid, String state, String bridgeId,
                           String application) {
    }
}
