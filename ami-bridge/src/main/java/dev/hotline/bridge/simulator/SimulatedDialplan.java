package dev.hotline.bridge.simulator;

import java.util.List;
import java.util.Map;

/**
 * What the simulated Asterisk does with an Originate: which channels it creates and whether the call is answered.
 * The default ({@link #devicesAnswer()}) answers when the originated device is known and idle, which is what the
 * demo and the end-to-end suite need; fixture replays plug in the exact channels the capture shows.
 */
@FunctionalInterface
public interface SimulatedDialplan {

    /** Decides the outcome of one Originate; {@code channels} makes channels with fresh uniqueids. */
    Outcome originate(Request request, ChannelFactory channels);

    /**
     * An Originate as received.
     *
     * @param channel     the Channel header, e.g. {@code PJSIP/1001} or {@code Local/1001@agents}
     * @param context     Context (dialplan originate) or empty
     * @param exten       Exten or empty
     * @param priority    Priority (1 when absent)
     * @param application Application (application originate) or empty
     * @param data        Data or empty
     * @param callerIdNum number from the CallerID header
     * @param callerIdName name from the CallerID header
     * @param variables   Variable headers, {@code name=value}
     */
    record Request(String channel, String context, String exten, int priority, String application, String data,
                   String callerIdNum, String callerIdName, Map<String, String> variables) {
        public Request {
            variables = Map.copyOf(variables);
        }
    }

    /** The result of an Originate. */
    sealed interface Outcome {
    }

    /**
     * The originated channel answered.
     *
     * @param originated the channel OriginateResponse names (the first half of a Local pair)
     * @param created    every channel the call created (added to the channel table)
     */
    record Answered(SimulatedChannel originated, List<SimulatedChannel> created) implements Outcome {
        public Answered {
            created = List.copyOf(created);
        }
    }

    /**
     * The originate failed; {@code reason} is Asterisk's OriginateResponse Reason (0 no such extension or failure,
     * 1 hung up, 3 ring timeout, 5 busy, 8 congestion).
     */
    record Failed(int reason) implements Outcome {
    }

    /** Makes channels with fresh uniqueids and Local/PJSIP sequence numbers, as Asterisk numbers them. */
    interface ChannelFactory {
        /** A fresh {@code <epoch>.<seq>} uniqueid. */
        String nextUniqueid();

        /** A fresh 8-hex-digit channel sequence, e.g. {@code 0000000c}. */
        String nextSequence();

        /** Current state of a device, {@code UNKNOWN} when the simulator has never heard of it. */
        String deviceState(String device);

        /** Creates a channel in state Up. */
        SimulatedChannel up(String name, String uniqueid, String linkedid, String callerIdNum, String callerIdName,
                            String context, String exten, int priority, String application, String appData,
                            String bridgeId);
    }

    /**
     * Default behaviour: an originate to a device in state {@code NOT_INUSE} is answered (one channel, or the two
     * halves of a Local channel); {@code INUSE}, {@code BUSY} or {@code RINGING} give Reason 5 (busy); a device the
     * simulator does not know or {@code UNAVAILABLE} gives Reason 0, like an originate to a missing context.
     */
    static SimulatedDialplan devicesAnswer() {
        return (request, channels) -> {
            String state = channels.deviceState(request.channel());
            switch (state) {
                case "NOT_INUSE" -> {
                }
                case "INUSE", "BUSY", "RINGING", "RINGINUSE", "ONHOLD" -> {
                    return new Failed(5);
                }
                default -> {
                    return new Failed(0);
                }
            }
            String sequence = channels.nextSequence();
            boolean local = request.channel().startsWith("Local/");
            String first = request.channel() + "-" + sequence + (local ? ";1" : "");
            String uniqueid = channels.nextUniqueid();
            String context = request.context().isEmpty() ? "default" : request.context();
            SimulatedChannel originated = channels.up(first, uniqueid, uniqueid, request.callerIdNum(),
                    request.callerIdName(), context, request.exten(), request.priority(), request.application(),
                    request.data(), "");
            if (!local) {
                return new Answered(originated, List.of(originated));
            }
            int at = request.channel().indexOf('@');
            String localExten = request.channel().substring("Local/".length(), at < 0 ? request.channel().length() : at);
            String localContext = at < 0 ? "default" : request.channel().substring(at + 1);
            SimulatedChannel second = channels.up(request.channel() + "-" + sequence + ";2", channels.nextUniqueid(),
                    uniqueid, request.callerIdNum(), request.callerIdName(), localContext, localExten, 1, "", "", "");
            return new Answered(originated, List.of(originated, second));
        };
    }
}
