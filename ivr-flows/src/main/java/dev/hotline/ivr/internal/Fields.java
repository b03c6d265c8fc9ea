package dev.hotline.ivr.internal;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the keys of one YAML mapping with precise messages: every read key is remembered so that unknown keys (typos
 * such as "timout") are reported too. Problems go to the {@link Problems} sink; reads return a fallback so that one
 * pass finds every problem.
 */
final class Fields {
    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})(ms|s|m)");
    /** The longest wait a flow may name (a key, a message, a lookup). */
    static final Duration LONGEST = Duration.ofHours(1);

    private final JsonNode mapping;
    private final String what;
    private final Problems problems;
    private final Set<String> read = new LinkedHashSet<>();

    /**
     * @param what how messages name the mapping, e.g. "menu" or "agent-escape"
     */
    Fields(JsonNode mapping, String what, Problems problems) {
        this.mapping = mapping;
        this.what = what;
        this.problems = problems;
    }

    boolean has(String key) {
        read.add(key);
        return mapping.has(key) && !mapping.get(key).isNull();
    }

    JsonNode raw(String key) {
        read.add(key);
        return mapping.get(key);
    }

    Optional<String> optionalText(String key) {
        JsonNode value = raw(key);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isValueNode() || value.isBoolean()) {
            problems.addAtKey(key, "key '" + key + "': expected a text, got " + describe(value));
            return Optional.empty();
        }
        return Optional.of(value.asText());
    }

    /** A required text; {@code whyRequired} completes "missing key 'x'" for the admin. */
    String text(String key, String whyRequired) {
        Optional<String> value = optionalText(key);
        if (value.isEmpty() && !mapping.has(key)) {
            problems.addAtKey(key,
                    "missing key '" + key + "'" + (whyRequired.isEmpty() ? "" : " (" + whyRequired + ")"));
        }
        return value.orElse("");
    }

    boolean bool(String key, boolean fallback) {
        JsonNode value = raw(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            problems.addAtKey(key, "key '" + key + "': expected true or false, got " + describe(value));
            return fallback;
        }
        return value.booleanValue();
    }

    int integer(String key, int fallback, int min, int max) {
        JsonNode value = raw(key);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isIntegralNumber() || value.asLong() < min || value.asLong() > max) {
            problems.addAtKey(key, "key '" + key + "': expected a whole number from " + min + " to " + max + ", got "
                    + describe(value));
            return fallback;
        }
        return value.intValue();
    }

    Optional<Duration> optionalDuration(String key) {
        Optional<String> text = optionalText(key);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Matcher m = DURATION.matcher(text.get());
        if (!m.matches()) {
            problems.addAtKey(key,
                    "key '" + key + "': expected a duration such as 5s, 800ms or 2m, got '" + text.get() + "'");
            return Optional.empty();
        }
        long amount = Long.parseLong(m.group(1));
        if (amount == 0) {
            // every duration of a flow is a wait (for a key, a lookup, a message): none of them can be nothing
            problems.addAtKey(key, "key '" + key + "': must be longer than 0, got '" + text.get() + "'");
            return Optional.empty();
        }
        Duration duration = switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            default -> Duration.ofMinutes(amount);
        };
        if (duration.compareTo(LONGEST) > 0) {
            // Asterisk reads a timeout in milliseconds into an int: no wait of a caller in a flow is an hour anyway
            problems.addAtKey(key, "key '" + key + "': at most 60m, got '" + text.get() + "'");
            return Optional.empty();
        }
        return Optional.of(duration);
    }

    Duration duration(String key, Duration fallback) {
        return optionalDuration(key).orElse(fallback);
    }

    /** A list of texts; a single text is accepted as a list of one. */
    List<String> texts(String key) {
        JsonNode value = raw(key);
        List<String> texts = new ArrayList<>();
        if (value == null || value.isNull()) {
            return texts;
        }
        if (value.isValueNode() && !value.isBoolean()) {
            texts.add(value.asText());
        } else if (value.isArray()) {
            for (JsonNode item : value) {
                if (!item.isValueNode() || item.isBoolean() || item.isNull()) {
                    problems.addAtKey(key,
                            "key '" + key + "': expected a list of texts, got an item " + describe(item));
                } else {
                    texts.add(item.asText());
                }
            }
        } else {
            problems.addAtKey(key, "key '" + key + "': expected a text or a list of texts, got " + describe(value));
        }
        return texts;
    }

    /** A mapping of texts to texts, in file order. */
    Map<String, String> textMap(String key) {
        JsonNode value = raw(key);
        Map<String, String> map = new LinkedHashMap<>();
        if (value == null || value.isNull()) {
            return map;
        }
        if (!value.isObject()) {
            problems.addAtKey(key, "key '" + key + "': expected a mapping, got " + describe(value));
            return map;
        }
        for (Map.Entry<String, JsonNode> entry : value.properties()) {
            JsonNode item = entry.getValue();
            if (!item.isValueNode() || item.isNull()) {
                String at = key + "." + entry.getKey();
                problems.addAtKey(at, "key '" + at + "': expected a text, got " + describe(item));
            } else {
                map.put(entry.getKey(), item.asText());
            }
        }
        return map;
    }

    /** Reports keys that were present but never read: the admin mistyped or misplaced them. */
    void rejectUnknownKeys(Set<String> allowed) {
        for (Iterator<String> it = mapping.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!read.contains(key) && !allowed.contains(key)) {
                List<String> known = new ArrayList<>(read);
                known.addAll(allowed);
                problems.addAtKey(key,
                        "unknown key '" + key + "' in a " + what + " (known keys: " + String.join(", ", known)
                        + ")");
            }
        }
    }

    static String describe(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return "nothing";
        }
        if (value.isObject()) {
            return "a mapping";
        }
        if (value.isArray()) {
            return "a list";
        }
        if (value.isTextual()) {
            return "'" + value.asText() + "'";
        }
        return value.asText();
    }
}
