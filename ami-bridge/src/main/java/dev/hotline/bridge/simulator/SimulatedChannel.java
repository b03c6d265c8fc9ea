package dev.hotline.bridge.simulator;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A channel as the simulated Asterisk reports it in CoreShowChannels, Status and channel events.
 *
 * @param name          full channel name, e.g. {@code Local/1001@agents-0000000a;1} or {@code PJSIP/1001-00000001}
 * @param uniqueid      {@code <epoch>.<seq>}
 * @param linkedid      uniqueid of the oldest channel of the call
 * @param state         Asterisk channel state number (4 Ring, 5 Ringing, 6 Up)
 * @param callerIdNum   caller id number
 * @param callerIdName  caller id name
 * @param connectedNum  connected line number
 * @param connectedName connected line name
 * @param context       dialplan context
 * @param exten         dialplan extension (may be empty)
 * @param priority      dialplan priority
 * @param application   application running on the channel
 * @param appData       its arguments
 * @param bridgeId      bridge the channel is in, empty when none
 * @param created       when the channel was created (Duration/Seconds in list replies count from here)
 * @param variables     channel variables (Getvar/Setvar)
 */
public record SimulatedChannel(String name, String uniqueid, String linkedid, int state, String callerIdNum,
                               String callerIdName, String connectedNum, String connectedName, String context,
                               String exten, int priority, String application, String appData, String bridgeId,
                               Instant created, Map<String, String> variables) {

    public SimulatedChannel {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(uniqueid, "uniqueid");
        Objects.requireNonNull(created, "created");
        variables = Map.copyOf(variables);
    }

    /** Asterisk's text for the channel state number. */
    public String stateDesc() {
        return switch (state) {
            case 0 -> "Down";
            case 1 -> "Rsrvd";
            case 2 -> "OffHook";
            case 3 -> "Dialing";
            case 4 -> "Ring";
            case 5 -> "Ringing";
            case 6 -> "Up";
            case 7 -> "Busy";
            default -> "Unknown";
        };
    }

    /** The technology prefix ({@code Local}, {@code PJSIP}), reported as {@code Type} by Status. */
    public String type() {
        int slash = name.indexOf('/');
        return slash < 0 ? name : name.substring(0, slash);
    }

    /**
     * The device this channel belongs to, as DeviceStateChange names it: the channel name without the
     * {@code -<sequence>} suffix and the Local {@code ;1}/{@code ;2} half.
     */
    public String device() {
        String base = name.endsWith(";1") || name.endsWith(";2") ? name.substring(0, name.length() - 2) : name;
        int dash = base.lastIndexOf('-');
        return dash > base.indexOf('/') ? base.substring(0, dash) : base;
    }

    SimulatedChannel withVariable(String variable, String value) {
        Map<String, String> copy = new java.util.HashMap<>(variables);
        copy.put(variable, value);
        return new SimulatedChannel(name, uniqueid, linkedid, state, callerIdNum, callerIdName, connectedNum,
                connectedName, context, exten, priority, application, appData, bridgeId, created, copy);
    }

    SimulatedChannel redirectedTo(String newContext, String newExten, int newPriority) {
        return new SimulatedChannel(name, uniqueid, linkedid, state, callerIdNum, callerIdName, connectedNum,
                connectedName, newContext, newExten, newPriority, application, appData, bridgeId, created, variables);
    }
}
