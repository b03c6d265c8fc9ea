package dev.hotline.server.journal.internal;

import com.fasterxml.jackson.annotation.JsonTypeInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.jsontype.NamedType;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Decision;
import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.Treatment;
import dev.hotline.server.journal.CardNumbers;
import dev.hotline.server.journal.JournalRecord;
import dev.hotline.server.json.JsonErrors;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Journal lines to records and back (the format is docs/journal.md). Thread-safe: Jackson's mapper is, once built.
 *
 * <p>The envelope ({@code v}, {@code type}, {@code at}, {@code atMillis}) is written here; the fields after it are the
 * record's components under their own names, and values nested in them (configuration, treatments, the event of an
 * {@code event-rejected}) are written the same way, closed hierarchies with a {@code type} field.
 */
public final class JournalCodec {

    /** Local time with its offset and exactly three fraction digits, so lines of a day sort and read alike. */
    private static final DateTimeFormatter ISO_MILLIS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSXXX");

    private static final List<String> ENVELOPE = List.of("v", "type", "at", "atMillis");
    private static final String CHANNEL = "channel";
    /** The fields that are durations: how long a caller waited, talked, or a phone rang. */
    private static final List<String> DURATIONS = List.of("waitedMillis", "talkMillis", "ringTimeoutMillis");
    private static final String RECORDING = "recording";
    /**
     * Fields of engine events added after lines were written without them, with the value those lines meant: a
     * hang-up was taken as coming while dialling any offer made ({@link AcdEvent.CallerHungUp#whileDialling}).
     */
    private static final Map<String, Map<String, Boolean>> EVENT_FIELDS_ADDED_LATER = Map.of(
            kebab(AcdEvent.CallerHungUp.class.getSimpleName()), Map.of("whileDialling", true));

    private final ObjectMapper mapper = mapper();

    private static ObjectMapper mapper() {
        return JsonMapper.builder()
                .addModule(new Jdk8Module())
                .addModule(new JavaTimeModule())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
                // fields added later within one format version are skipped by older readers
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a field that is missing is damage, not a default
                .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .addMixIn(Treatment.class, Typed.class)
                .addMixIn(EscalationAction.class, Typed.class)
                .addMixIn(AcdEvent.class, Typed.class)
                .registerSubtypes(namedSubtypes(Treatment.class))
                .registerSubtypes(namedSubtypes(EscalationAction.class))
                .registerSubtypes(namedSubtypes(AcdEvent.class))
                .build();
    }

    @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
    private interface Typed {
    }

    /** Every permitted subtype, named by its simple name in kebab case ({@code IvrFlow} is "ivr-flow"). */
    private static NamedType[] namedSubtypes(Class<?> sealed) {
        List<NamedType> types = new ArrayList<>();
        for (Class<?> c : sealed.getPermittedSubclasses()) {
            types.add(new NamedType(c, kebab(c.getSimpleName())));
        }
        return types.toArray(NamedType[]::new);
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    /**
     * A time as the journal's {@code at} writes it, in {@code zone} (the centre's): what messages about the journal
     * show, so that a reader finds the line they speak of.
     */
    public static String formatAt(long millis, ZoneId zone) {
        return ISO_MILLIS.format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    /** One line, without its line end; {@code zone} is the zone the ISO time is written in (the centre's). */
    public String write(JournalRecord record, ZoneId zone) {
        Record value = switch (record) {
            case JournalRecord.Logged logged -> (Record) logged.decision();
            case JournalRecord.CallRecord call -> call.ended();
            case JournalRecord.FileOpened opened -> opened;
            case JournalRecord.RecordsLost lost -> lost;
            case JournalRecord.MessageLeft message -> message;
            case JournalRecord.IvrResults results -> results;
            case JournalRecord.CallbackRequested callback -> callback;
            case JournalRecord.CallbackAttempted attempted -> attempted;
            case JournalRecord.CallbackClosed closed -> closed;
            case JournalRecord.ConfigReloaded reloaded -> reloaded;
        };
        ObjectNode fields = mapper.valueToTree(value);
        fields.remove("at");
        maskCardNumbers(fields);
        if (record instanceof JournalRecord.CallRecord call) {
            // the telephony side's part of the call record, after the engine's fields: one flat CDR line
            fields.put(CHANNEL, call.channel().orElse(null));
            fields.put(RECORDING, call.recording().orElse(null));
        } else if (value instanceof Decision.CallEnded) {
            fields.putNull(CHANNEL);
            fields.putNull(RECORDING);
        }
        ObjectNode line = mapper.createObjectNode();
        line.put("v", JournalRecord.FORMAT_VERSION);
        line.put("type", RecordType.of(record).typeName());
        line.put("at", formatAt(record.at(), zone));
        line.put("atMillis", record.at());
        line.setAll(fields);
        try {
            return mapper.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + record + " as JSON", e);
        }
    }

    /**
     * The line's {@code attachedData} with its card numbers masked: a call's own (offer, message, callback request) or
     * a rejected event's. Looked for there only: a line is written per decision, and a config line is large.
     */
    private static void maskCardNumbers(ObjectNode fields) {
        maskCardNumbersOf(fields.get("attachedData"));
        maskCardNumbersOf(fields.path("event").get("attachedData"));
    }

    private static void maskCardNumbersOf(JsonNode attachedData) {
        if (attachedData instanceof ObjectNode data) {
            data.properties().forEach(e -> {
                if (e.getValue().isTextual()) {
                    e.setValue(TextNode.valueOf(CardNumbers.mask(e.getValue().textValue())));
                }
            });
        }
    }

    /**
     * Reads one line.
     *
     * @throws MalformedRecordException saying what is wrong with it (the caller adds file and line)
     */
    public JournalRecord read(String line) throws MalformedRecordException {
        JsonNode node;
        try {
            node = mapper.readTree(line);
        } catch (JsonProcessingException e) {
            throw new MalformedRecordException("not JSON: " + JsonErrors.reason(e));
        }
        if (!(node instanceof ObjectNode object)) {
            throw new MalformedRecordException("not a JSON object");
        }
        JsonNode v = object.get("v");
        if (v == null || !v.canConvertToInt()) {
            throw new MalformedRecordException("no format version 'v'");
        }
        if (v.intValue() != JournalRecord.FORMAT_VERSION) {
            throw new MalformedRecordException("format version " + v.intValue() + " (this Hotline reads version "
                    + JournalRecord.FORMAT_VERSION + ")");
        }
        String typeName = object.path("type").asText("");
        RecordType type = RecordType.named(typeName).orElseThrow(
                () -> new MalformedRecordException("unknown type '" + typeName + "'"));
        JsonNode atMillis = object.get("atMillis");
        if (atMillis == null || !atMillis.canConvertToLong()) {
            throw new MalformedRecordException(typeName + ": no 'atMillis'");
        }
        ObjectNode fields = object.deepCopy();
        fields.remove(ENVELOPE);
        fields.put("at", atMillis.longValue());
        for (RecordComponent component : type.recordClass().getRecordComponents()) {
            if (!fields.has(component.getName())) {
                if (!type.addedLater(component.getName())) {
                    throw new MalformedRecordException(typeName + ": missing field '" + component.getName() + "'");
                }
                // a line written before the field was added: its empty value
                if (component.getType() == String.class) {
                    fields.put(component.getName(), "");
                } else if (component.getType().isEnum()) {
                    // such an enum puts the value that means what lines before it meant first (OfferEnd.TAKEN_BACK)
                    fields.put(component.getName(), ((Enum<?>) component.getType().getEnumConstants()[0]).name());
                } else {
                    fields.putNull(component.getName());
                }
            }
        }
        if (fields.get("event") instanceof ObjectNode event) {
            // an engine event (of a rejected-event line) written before one of its fields was added: what it meant
            EVENT_FIELDS_ADDED_LATER.getOrDefault(event.path("type").asText(), Map.of()).forEach((name, meant) -> {
                if (!event.has(name)) {
                    event.put(name, meant);
                }
            });
        }
        for (String duration : DURATIONS) {
            JsonNode millis = fields.get(duration);
            if (millis != null && millis.isNumber() && millis.longValue() < 0) {
                // the engine never writes one: a report would count it (a negative wait is a short abandon)
                throw new MalformedRecordException(typeName + ": field '" + duration + "' is negative ("
                        + millis.longValue() + "): a duration never is");
            }
        }
        Record value;
        try {
            value = mapper.treeToValue(fields, type.recordClass());
        } catch (JsonMappingException e) {
            String path = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            throw new MalformedRecordException(typeName + ": " + (path.isEmpty() ? "" : "field '" + path + "': ")
                    + e.getOriginalMessage().lines().findFirst().orElse(""));
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new MalformedRecordException(typeName + ": " + e.getMessage().lines().findFirst().orElse(""));
        }
        return switch (value) {
            case JournalRecord.FileOpened opened -> opened;
            case JournalRecord.RecordsLost lost -> lost;
            case JournalRecord.MessageLeft message -> message;
            case JournalRecord.IvrResults results -> results;
            case JournalRecord.CallbackRequested callback -> callback;
            case JournalRecord.CallbackAttempted attempted -> attempted;
            case JournalRecord.CallbackClosed closed -> closed;
            case JournalRecord.ConfigReloaded reloaded -> reloaded;
            case Decision.CallEnded ended -> new JournalRecord.CallRecord(ended, optionalText(object, CHANNEL),
                    optionalText(object, RECORDING));
            case Decision decision -> new JournalRecord.Logged(decision);
            default -> throw new IllegalStateException(type + " is read as " + value.getClass());
        };
    }

    private static java.util.Optional<String> optionalText(ObjectNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? java.util.Optional.empty() : java.util.Optional.of(value.asText());
    }

    /** A line that is not a journal record; the message says why, without file and line. */
    public static final class MalformedRecordException extends Exception {
        public MalformedRecordException(String message) {
            super(message);
        }
    }
}
