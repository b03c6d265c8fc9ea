package dev.hotline.bridge.simulator;

import java.util.Map;
import java.util.Objects;

/**
 * Where a channel enters Hotline's FastAGI server: the dialplan line that runs AGI() on it, the channel's name, its
 * state at that moment, the extension it runs in and the variables it carries. An inbound call enters from the trunk
 * still ringing (Hotline answers it); a called-back customer enters from an Originate already up, with the
 * Originate's {@code Variable} headers on the channel.
 *
 * @param dialplan  the AGI() line: network script, arguments, context
 * @param channel   the channel name ({@code agi_channel}), e.g. {@code PJSIP/trunk-0000000c}
 * @param state     Asterisk's channel state when AGI() starts: {@link #RING} or {@link #UP}
 * @param exten     the dialplan extension ({@code agi_extension})
 * @param variables channel variables set before AGI() runs
 */
record AgiEntry(SimulatedAsterisk.Dialplan dialplan, String channel, int state, String exten,
                Map<String, String> variables) {

    /** Channel state 4: an inbound call ringing, not yet answered. */
    static final int RING = 4;
    /** Channel state 6: the channel is answered. */
    static final int UP = 6;

    AgiEntry {
        Objects.requireNonNull(dialplan, "dialplan");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(exten, "exten");
        variables = Map.copyOf(variables);
    }

    /** The channel technology ({@code agi_type}): {@code PJSIP} of {@code PJSIP/trunk-0000000c}. */
    String technology() {
        int slash = channel.indexOf('/');
        return slash < 0 ? channel : channel.substring(0, slash);
    }
}
