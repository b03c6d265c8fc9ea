package dev.hotline.bridge.simulator;

import java.time.Instant;
import java.util.Optional;

/**
 * What AMI sees of one simulated call when {@link SimulatedAsterisk} is coupled to a {@link SimulatedAmiServer}: the
 * call's channel, inbound or a called-back customer's (in the channel list while it lives, a {@code Hangup} event
 * when it goes), and the dialled agent's phone (its channel, and {@code DeviceStateChange} RINGING, INUSE,
 * NOT_INUSE). Without AMI every step does nothing.
 */
final class AmiView {

    private final SimulatedAsterisk asterisk;
    private final Optional<SimulatedAmiServer> ami;
    private final SimulatedCall call;
    private final AgiEntry entry;
    private final String channelName;
    private boolean up;

    AmiView(SimulatedAsterisk asterisk, SimulatedCall call, AgiEntry entry) {
        this.asterisk = asterisk;
        this.ami = asterisk.ami();
        this.call = call;
        this.entry = entry;
        this.channelName = entry.channel();
    }

    /**
     * The call's channel exists and runs AGI(): an inbound call ringing on the trunk (state 4, Ring), or a called-back
     * customer's answered channel (state 6, Up). Returns the channel as AMI lists it.
     */
    synchronized SimulatedChannel entered() {
        up = true;
        SimulatedChannel channel = agiChannel();
        ami.ifPresent(server -> {
            server.addChannel(channel);
            // a Hangup action on the caller's channel (a supervisor ending the call) hangs the caller up
            server.whenHungUpByAction(channelName, call::hangUp);
        });
        return channel;
    }

    /** Hotline answered the call (state 6, Up). */
    synchronized void answered() {
        ami.ifPresent(server -> {
            SimulatedChannel ringing = server.channel(channelName);
            if (ringing != null) {
                server.addChannel(up(ringing));
            }
        });
    }

    /** The inbound channel is gone (either side hung up, or the dialplan ended after AGI()); once. */
    synchronized void hungUp() {
        if (up) {
            up = false;
            ami.ifPresent(server -> server.hangUp(channelName, 16));
        }
    }

    /** Dial rings the agent's phone. */
    void agentRinging(String endpoint, String agentChannel) {
        ami.ifPresent(server -> {
            server.addChannel(SimulatedAsterisk.channel(agentChannel, asterisk.nextUniqueId(), 5,
                    call.caller().callerId(), call.callId(), "from-internal", "", "AppDial", "(Outgoing Line)"));
            server.setDeviceState(endpoint, "RINGING");
        });
    }

    /** The agent picked up: the channel is up and the phone in use. */
    void agentAnswered(String endpoint, String agentChannel) {
        ami.ifPresent(server -> {
            SimulatedChannel ringing = server.channel(agentChannel);
            if (ringing != null) {
                server.addChannel(up(ringing));
            }
            server.setDeviceState(endpoint, "INUSE");
        });
    }

    /** The agent's channel hangs up with {@code cause} (16 normal clearing, 19 no answer); the phone is free. */
    void agentFree(String endpoint, String agentChannel, int cause) {
        ami.ifPresent(server -> {
            server.hangUp(agentChannel, cause);
            server.setDeviceState(endpoint, "NOT_INUSE");
        });
    }

    private static SimulatedChannel up(SimulatedChannel c) {
        return new SimulatedChannel(c.name(), c.uniqueid(), c.linkedid(), 6, c.callerIdNum(), c.callerIdName(),
                c.connectedNum(), c.connectedName(), c.context(), c.exten(), c.priority(), c.application(),
                c.appData(), c.bridgeId(), c.created(), c.variables());
    }

    private SimulatedChannel agiChannel() {
        SimulatedCaller caller = call.caller();
        return new SimulatedChannel(channelName, call.callId(), call.callId(), entry.state(), caller.callerId(),
                caller.callerIdName(), "", "", entry.dialplan().context(), entry.exten(), 1, "AGI",
                "agi://127.0.0.1/" + entry.dialplan().networkScript(), "", Instant.now(), entry.variables());
    }
}
