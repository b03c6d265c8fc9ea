package dev.hotline.ivr;

import dev.hotline.ivr.internal.CompiledFlow;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A validated, immutable set of flows, as produced by {@link FlowLoader}. Running sessions keep the set they started
 * with; a reload produces a new set and only new sessions use it.
 */
public final class FlowSet {
    private final Map<String, CompiledFlow> flows;
    private final Map<String, String> tableDigests;

    FlowSet(Map<String, CompiledFlow> flows, Map<String, String> tables) {
        this.flows = Map.copyOf(flows);
        Map<String, String> digests = new java.util.TreeMap<>();
        tables.forEach((name, text) -> digests.put(name, digest(text)));
        this.tableDigests = java.util.Collections.unmodifiableMap(digests);
    }

    /**
     * A fingerprint of each lookup table the set was loaded with, by name (SHA-256 of its text): a reload tells an
     * edited table by it without keeping the text twice.
     */
    public Map<String, String> tableDigests() {
        return tableDigests;
    }

    private static String digest(String text) {
        try {
            byte[] sha = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(sha);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The names of all flows, subflows included. */
    public Set<String> names() {
        return flows.keySet();
    }

    /** A flow as written. */
    public Optional<Flow> flow(String name) {
        return Optional.ofNullable(flows.get(name)).map(CompiledFlow::flow);
    }

    CompiledFlow compiled(String name) {
        CompiledFlow flow = flows.get(name);
        if (flow == null) {
            throw new IllegalArgumentException("no flow named '" + name + "' (flows: " + names() + ")");
        }
        return flow;
    }
}
