package dev.hotline.server.simulation;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.hotline.server.config.Durations;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a traffic file (YAML, described in docs/simulation.md):
 *
 * <pre>
 * start: 2026-11-20T19:30          # local time in the centre's time zone
 * duration: 2h                     # how long callers call (durations as in the configuration files)
 * agents:                          # optional; these are the defaults
 *   ringDelay: {min: 0s, max: 3s}
 *   noAnswerProbability: 0
 *   notReadyPause: 30s
 * businessTypes:
 *   slimming-tea:                  # a business type of the configuration
 *     callsPerHour: 600            # or erlangs: 25 (one of the two)
 *     number: "4008001001"         # optional: taken from the number plan
 *     handleTime: {distribution: lognormal, mean: 150s, sd: 60s}   # or exponential with a mean
 *     patience: 60s                # optional: mean of an exponential patience; omitted, callers wait forever
 *     vipShare: 0.02               # optional, 0 by default
 *     blacklistedShare: 0.01       # optional, 0 by default
 * </pre>
 */
public final class TrafficFile {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Set<String> TOP = Set.of("start", "duration", "agents", "businessTypes");
    private static final Set<String> AGENTS = Set.of("ringDelay", "noAnswerProbability", "notReadyPause");
    private static final Set<String> RING_DELAY = Set.of("min", "max");
    private static final Set<String> BUSINESS = Set.of("callsPerHour", "erlangs", "number", "handleTime", "patience",
            "vipShare", "blacklistedShare");
    private static final Set<String> HANDLE = Set.of("distribution", "mean", "sd");

    private final Path file;

    private TrafficFile(Path file) {
        this.file = file;
    }

    /** Reads and checks {@code file}; every problem names the file, the key and the offending value. */
    public static TrafficProfile load(Path file) throws TrafficFileException {
        return new TrafficFile(file).read();
    }

    private TrafficProfile read() throws TrafficFileException {
        JsonNode root;
        try {
            root = YAML.readTree(Files.readString(file));
        } catch (NoSuchFileException e) {
            throw new TrafficFileException(file, "no such file");
        } catch (JacksonException e) {
            throw new TrafficFileException(file, "not valid YAML: " + e.getOriginalMessage()
                    + (e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")"), e);
        } catch (IOException e) {
            throw new TrafficFileException(file, "cannot be read: " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw problem("", "the file must be a mapping with keys " + sorted(TOP));
        }
        onlyKeys(root, "", TOP);
        LocalDateTime start = dateTime(required(root, "start", ""), "start");
        Duration duration = duration(required(root, "duration", ""), "duration");
        AgentBehaviour agents = root.has("agents") ? agents(root.get("agents")) : AgentBehaviour.DEFAULT;
        JsonNode types = required(root, "businessTypes", "");
        if (!types.isObject() || types.isEmpty()) {
            throw problem("businessTypes", "must map at least one business type id to its traffic");
        }
        List<BusinessTraffic> traffic = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : types.properties()) {
            traffic.add(business(e.getKey(), e.getValue()));
        }
        try {
            return new TrafficProfile(start, new ArrivalsEnd.After(duration), agents, traffic);
        } catch (IllegalArgumentException e) {
            throw new TrafficFileException(file, e.getMessage());
        }
    }

    private AgentBehaviour agents(JsonNode node) throws TrafficFileException {
        object(node, "agents");
        onlyKeys(node, "agents", AGENTS);
        AgentBehaviour d = AgentBehaviour.DEFAULT;
        Duration min = d.ringDelayMin();
        Duration max = d.ringDelayMax();
        if (node.has("ringDelay")) {
            JsonNode ring = node.get("ringDelay");
            object(ring, "agents.ringDelay");
            onlyKeys(ring, "agents.ringDelay", RING_DELAY);
            min = duration(required(ring, "min", "agents.ringDelay"), "agents.ringDelay.min");
            max = duration(required(ring, "max", "agents.ringDelay"), "agents.ringDelay.max");
            if (max.compareTo(min) < 0) {
                throw problem("agents.ringDelay", "max " + ring.get("max").asText() + " is below min "
                        + ring.get("min").asText());
            }
        }
        double noAnswer = node.has("noAnswerProbability")
                ? share(node.get("noAnswerProbability"), "agents.noAnswerProbability") : d.noAnswerProbability();
        Duration pause = node.has("notReadyPause")
                ? duration(node.get("notReadyPause"), "agents.notReadyPause") : d.notReadyPause();
        return new AgentBehaviour(min, max, noAnswer, pause);
    }

    private BusinessTraffic business(String id, JsonNode node) throws TrafficFileException {
        String key = "businessTypes." + id;
        object(node, key);
        onlyKeys(node, key, BUSINESS);
        HandleTime handle = handleTime(required(node, "handleTime", key), key + ".handleTime");
        boolean rate = node.has("callsPerHour");
        boolean erlangs = node.has("erlangs");
        if (rate == erlangs) {
            throw problem(key, "give exactly one of callsPerHour and erlangs");
        }
        double callsPerHour = rate
                ? nonNegative(node.get("callsPerHour"), key + ".callsPerHour")
                : nonNegative(node.get("erlangs"), key + ".erlangs") * 3_600_000.0 / handle.mean().toMillis();
        Optional<String> number = Optional.empty();
        if (node.has("number")) {
            JsonNode n = node.get("number");
            if (!(n.isTextual() || n.isIntegralNumber()) || n.asText().isBlank()) {
                throw problem(key + ".number", "must be the dialled number's digits, got " + n);
            }
            number = Optional.of(n.asText());
        }
        Optional<Duration> patience = node.has("patience")
                ? Optional.of(positive(node.get("patience"), key + ".patience")) : Optional.empty();
        double vip = node.has("vipShare") ? share(node.get("vipShare"), key + ".vipShare") : 0.0;
        double black = node.has("blacklistedShare")
                ? share(node.get("blacklistedShare"), key + ".blacklistedShare") : 0.0;
        if (vip + black > 1.0) {
            throw problem(key, "vipShare " + vip + " and blacklistedShare " + black + " add up to more than 1");
        }
        return new BusinessTraffic(id, number, callsPerHour, handle, patience, vip, black);
    }

    private HandleTime handleTime(JsonNode node, String key) throws TrafficFileException {
        object(node, key);
        onlyKeys(node, key, HANDLE);
        String distribution = required(node, "distribution", key).asText();
        Duration mean = positive(required(node, "mean", key), key + ".mean");
        return switch (distribution) {
            case "exponential" -> {
                if (node.has("sd")) {
                    throw problem(key + ".sd", "an exponential handle time has no separate sd (it equals the mean)");
                }
                yield new HandleTime.Exponential(mean);
            }
            case "lognormal" -> new HandleTime.LogNormal(mean, positive(required(node, "sd", key), key + ".sd"));
            default -> throw problem(key + ".distribution", "must be exponential or lognormal, got '"
                    + distribution + "'");
        };
    }

    private JsonNode required(JsonNode parent, String field, String at) throws TrafficFileException {
        JsonNode n = parent.get(field);
        if (n == null || n.isNull()) {
            throw problem(at.isEmpty() ? field : at + "." + field, "is missing");
        }
        return n;
    }

    private void object(JsonNode node, String key) throws TrafficFileException {
        if (!node.isObject()) {
            throw problem(key, "must be a mapping, got " + node);
        }
    }

    private void onlyKeys(JsonNode node, String at, Set<String> allowed) throws TrafficFileException {
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            String name = e.getKey();
            if (!allowed.contains(name)) {
                throw problem(at.isEmpty() ? name : at + "." + name, "unknown key (expected one of "
                        + sorted(allowed) + ")");
            }
        }
    }

    private LocalDateTime dateTime(JsonNode node, String key) throws TrafficFileException {
        try {
            return LocalDateTime.parse(node.asText());
        } catch (DateTimeParseException e) {
            throw problem(key, "must be a local date and time like 2026-11-20T19:30, got '" + node.asText() + "'");
        }
    }

    /** Written as in the configuration files ({@link Durations}): 90s, 2m, 1h30m. */
    private Duration duration(JsonNode node, String key) throws TrafficFileException {
        if (!node.isValueNode()) {
            throw problem(key, "must be a duration like 90s, 2m or 1h30m, got " + node);
        }
        try {
            return Durations.parse(node.asText());
        } catch (IllegalArgumentException e) {
            throw problem(key, e.getMessage());
        }
    }

    private Duration positive(JsonNode node, String key) throws TrafficFileException {
        Duration d = duration(node, key);
        if (d.toMillis() <= 0) {
            throw problem(key, "must be longer than 0, got '" + node.asText() + "'");
        }
        return d;
    }

    private double nonNegative(JsonNode node, String key) throws TrafficFileException {
        if (!node.isNumber() || !(node.asDouble() >= 0) || Double.isInfinite(node.asDouble())) {
            throw problem(key, "must be a number >= 0, got '" + node.asText() + "'");
        }
        return node.asDouble();
    }

    private double share(JsonNode node, String key) throws TrafficFileException {
        if (!node.isNumber() || !(node.asDouble() >= 0 && node.asDouble() <= 1)) {
            throw problem(key, "must be a fraction within 0..1, got '" + node.asText() + "'");
        }
        return node.asDouble();
    }

    private TrafficFileException problem(String key, String what) {
        return new TrafficFileException(file, key.isEmpty() ? what : key + ": " + what);
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }
}
