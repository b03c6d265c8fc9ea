package dev.hotline.server.serve.internal;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.bridge.ami.AmiEvent;
import dev.hotline.bridge.ami.DeviceState;
import dev.hotline.server.config.DeviceNames;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Tells the routing engine what agents' phones are doing, from the device states the Asterisk manager interfaces
 * report (docs/asterisk-ami.md, "Agents' phones"). An agent's phone is the device named as the agent's
 * {@code endpoint} in agents.yaml ({@code PJSIP/1001}).
 *
 * <ul>
 *   <li>Each server's last report of each device is kept, an agent's or not (but Local channels), so an agent a
 *       reload adds or moves to another phone starts with its phone as Asterisk reported it. An agent's phone is BUSY if any server reports the device
 *       busy, otherwise FREE if any reports it free, otherwise UNREACHABLE if any reports it unreachable; a device no
 *       server reports is FREE, so without AMI nothing is held back.</li>
 *   <li>A lost connection forgets everything its server reported (the states are stale and events are lost until it
 *       is back): a phone busy at that moment must not keep its agent from calls for as long as Asterisk is away.
 *       The reconnect's resynchronisation reports every device again.</li>
 *   <li>The engine is told only changes (and, after a configuration change, every agent's phone again, which it
 *       ignores where nothing changed).</li>
 * </ul>
 *
 * <p>Threads: events arrive on the AMI event thread, configuration changes on the reload thread; the few lines of
 * bookkeeping are serialised by this object's lock, and the engine is only handed events (never waited for).
 */
public final class AgentPhones implements Consumer<AmiEvent> {

    /** Devices no agent has whose reports are kept at most: a PBX's phones, trunks and custom devices. */
    static final int MOST_OTHER_DEVICES = 100_000;

    private final Consumer<AcdEvent> engine;
    private final LongSupplier clock;

    // guarded by this
    private Map<String, String> deviceOfAgent = Map.of();
    private Map<String, List<String>> agentsOfDevice = Map.of();
    /** Device -> server -> its last report. */
    private final Map<String, Map<String, DeviceState>> reports = new HashMap<>();
    /** What the engine was last told, by agent; absent is FREE, as the engine starts. */
    private final Map<String, PhoneState> told = new HashMap<>();

    /**
     * @param engine receives {@link AcdEvent.PhoneStateChanged}; must not block (the engine loop's submit)
     * @param clock  the time events are stamped with
     * @param agents the agents of the configuration in force
     */
    public AgentPhones(Consumer<AcdEvent> engine, LongSupplier clock, List<AgentConfig> agents) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.clock = Objects.requireNonNull(clock, "clock");
        map(agents);
    }

    @Override
    public synchronized void accept(AmiEvent event) {
        switch (event) {
            case AmiEvent.DeviceStateChanged d -> {
                String device = DeviceNames.key(d.device());
                List<String> agentsOfIt = agentsOfDevice.getOrDefault(device, List.of());
                if (agentsOfIt.isEmpty() && !followed(device)) {
                    return;
                }
                // a device no agent has yet is followed too: a reload that gives it to an agent (added, or moved to
                // another phone) then knows at once whether it is busy, rather than ringing a phone in use
                reports.computeIfAbsent(device, k -> new LinkedHashMap<>()).put(d.server(), d.state());
                for (String agentId : agentsOfIt) {
                    tell(agentId, false);
                }
            }
            case AmiEvent.ConnectionLost lost -> {
                List<String> devices = new ArrayList<>();
                reports.forEach((device, byServer) -> {
                    if (byServer.remove(lost.server()) != null) {
                        devices.add(device);
                    }
                });
                reports.values().removeIf(Map::isEmpty);
                for (String device : devices) {
                    for (String agentId : agentsOfDevice.getOrDefault(device, List.of())) {
                        tell(agentId, false);
                    }
                }
            }
            default -> {
                // channels, bridges, originate results: not about agents' phones
            }
        }
    }

    /**
     * A new configuration is in force: agents and endpoints as it says. Call it after handing the engine the
     * configuration change, so that the engine knows the agents it is told about.
     */
    public synchronized void configure(List<AgentConfig> agents) {
        map(agents);
        told.keySet().retainAll(deviceOfAgent.keySet());
        for (String agentId : deviceOfAgent.keySet()) {
            // every agent, changed or not: an agent the engine kept from before (one that was removed while on a
            // call and is back) may hold a phone state this object forgot
            tell(agentId, true);
        }
    }

    /** The phone of {@code agentId} as this object sees it (for tests and diagnostics). */
    public synchronized PhoneState phoneOf(String agentId) {
        String device = deviceOfAgent.get(agentId);
        return device == null ? PhoneState.FREE : combined(device);
    }

    /**
     * Whether the reports of a device no agent has are kept: not a Local channel's (one per dialplan destination
     * called through it, never an agent's phone), and not beyond {@link #MOST_OTHER_DEVICES} such devices, so that a
     * server reporting ever new names cannot grow this without end. An agent given a device not kept is known from its
     * phone's next change.
     */
    private boolean followed(String device) {
        return !device.regionMatches(true, 0, "Local/", 0, 6)
                && (reports.containsKey(device) || reports.size() < agentsOfDevice.size() + MOST_OTHER_DEVICES);
    }

    private void map(List<AgentConfig> agents) {
        Map<String, String> devices = new HashMap<>();
        Map<String, List<String>> byDevice = new HashMap<>();
        for (AgentConfig agent : agents) {
            // as Asterisk names it in device state events, whatever the case of the technology written
            String device = DeviceNames.key(agent.endpoint());
            devices.put(agent.id(), device);
            // the loader keeps endpoints unique; should two agents ever share a phone, both follow it
            byDevice.computeIfAbsent(device, d -> new ArrayList<>()).add(agent.id());
        }
        deviceOfAgent = devices;
        agentsOfDevice = byDevice;
    }

    private void tell(String agentId, boolean evenIfUnchanged) {
        PhoneState now = combined(deviceOfAgent.get(agentId));
        PhoneState before = told.getOrDefault(agentId, PhoneState.FREE);
        if (now != before || evenIfUnchanged) {
            told.put(agentId, now);
            engine.accept(new AcdEvent.PhoneStateChanged(clock.getAsLong(), agentId, now));
        }
    }

    private PhoneState combined(String device) {
        Map<String, DeviceState> byServer = reports.get(device);
        if (byServer == null) {
            return PhoneState.FREE;
        }
        boolean free = false;
        boolean unreachable = false;
        for (DeviceState state : byServer.values()) {
            switch (state.phone()) {
                case BUSY -> {
                    return PhoneState.BUSY;
                }
                case FREE -> free = true;
                case UNREACHABLE -> unreachable = true;
            }
        }
        return free || !unreachable ? PhoneState.FREE : PhoneState.UNREACHABLE;
    }
}
