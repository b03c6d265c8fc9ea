package dev.hotline.bridge.ami.internal;

import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.DeviceState;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.asteriskjava.manager.event.BridgeEnterEvent;
import org.asteriskjava.manager.event.BridgeLeaveEvent;
import org.asteriskjava.manager.event.ConnectEvent;
import org.asteriskjava.manager.event.CoreShowChannelEvent;
import org.asteriskjava.manager.event.CoreShowChannelsCompleteEvent;
import org.asteriskjava.manager.event.DeviceStateChangeEvent;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.HangupEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.event.OriginateResponseEvent;
import org.asteriskjava.manager.event.ShutdownEvent;
import org.asteriskjava.manager.event.StatusCompleteEvent;
import org.asteriskjava.manager.event.StatusEvent;

/**
 * Turns Asterisk-Java's event beans into {@link AmiEvent} values. Runs on the library's event thread, so it only
 * reads fields. List plumbing (CoreShowChannel, Status items and their Complete events) and the library's own
 * Connect/Disconnect pseudo-events are not events for Hotline: they give {@link Optional#empty()}.
 */
public final class EventTranslator {

    private static final Set<String> NOT_HEADERS = Set.of("getClass", "getSource", "getDateReceived");
    private static final ClassValue<List<Method>> GETTERS = new ClassValue<>() {
        @Override
        protected List<Method> computeValue(Class<?> type) {
            List<Method> getters = new ArrayList<>();
            for (Method method : type.getMethods()) {
                if (method.getName().startsWith("get") && method.getName().length() > 3
                        && method.getParameterCount() == 0 && !Modifier.isStatic(method.getModifiers())
                        && !NOT_HEADERS.contains(method.getName())) {
                    getters.add(method);
                }
            }
            return List.copyOf(getters);
        }
    };

    private EventTranslator() {
    }

    public static Optional<AmiEvent> translate(String server, ManagerEvent event) {
        return Optional.ofNullable(switch (event) {
            case DeviceStateChangeEvent e -> new AmiEvent.DeviceStateChanged(server, text(e.getDevice()),
                    DeviceState.parse(e.getState()));
            case HangupEvent e -> new AmiEvent.ChannelHungUp(server, text(e.getUniqueId()), text(e.getChannel()),
                    e.getCause() == null ? 0 : e.getCause(), text(e.getCauseTxt()));
            case BridgeEnterEvent e -> new AmiEvent.BridgeEntered(server, text(e.getBridgeUniqueId()),
                    text(e.getUniqueId()), text(e.getChannel()));
            case BridgeLeaveEvent e -> new AmiEvent.BridgeLeft(server, text(e.getBridgeUniqueId()),
                    text(e.getUniqueId()), text(e.getChannel()));
            case OriginateResponseEvent e -> originateResult(server, e);
            case ShutdownEvent e -> new AmiEvent.AsteriskShutdown(server, Boolean.TRUE.equals(e.getRestart()));
            case CoreShowChannelEvent e -> null;
            case CoreShowChannelsCompleteEvent e -> null;
            case DeviceStateListCompleteEvent e -> null;
            case StatusEvent e -> null;
            case StatusCompleteEvent e -> null;
            case ConnectEvent e -> null;
            case DisconnectEvent e -> null;
            default -> unknown(server, event);
        });
    }

    static AmiEvent.OriginateResult originateResult(String server, OriginateResponseEvent e) {
        String uniqueid = text(e.getUniqueId());
        return new AmiEvent.OriginateResult(server, text(e.getActionId()), "Success".equalsIgnoreCase(e.getResponse()),
                e.getReason() == null ? 0 : e.getReason(), text(e.getChannel()),
                uniqueid.equals("<unknown>") ? "" : uniqueid);
    }

    private static AmiEvent.UnknownEvent unknown(String server, ManagerEvent event) {
        String name = event.getClass().getSimpleName();
        if (name.endsWith("Event")) {
            name = name.substring(0, name.length() - "Event".length());
        }
        Map<String, String> headers = new HashMap<>();
        for (Method getter : GETTERS.get(event.getClass())) {
            try {
                Object value = getter.invoke(event);
                if (value != null) {
                    String property = getter.getName().substring(3);
                    headers.put(Character.toLowerCase(property.charAt(0)) + property.substring(1), value.toString());
                }
            } catch (IllegalAccessException | InvocationTargetException e) {
                // a getter that cannot be read is left out: the event is still reported by name
            }
        }
        return new AmiEvent.UnknownEvent(server, name, headers);
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
