package dev.hotline.server.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import dev.hotline.server.json.JsonErrors;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The API's JSON, both ways: answers and pushed events written, request bodies read. One mapper, thread-safe. */
public final class ApiJson {
    /**
     * Records as objects, {@code Optional} fields as their value or null. Bodies are read strictly: a key written
     * twice or anything after the value is not a body the client meant (a truncated or concatenated request).
     */
    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new Jdk8Module())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();

    private ApiJson() {
    }

    /** {@code value} as one line of JSON. */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON", e);
        }
    }

    /** {@code value} as JSON bytes. */
    static byte[] bytes(Object value) throws JsonProcessingException {
        return MAPPER.writeValueAsBytes(value);
    }

    /**
     * What is wrong with the shape of a request body, if anything: it must be an object, and every field must be one
     * the endpoint takes (a misspelt field is refused rather than ignored, so "reson" does not pass as no reason).
     *
     * @param example a body the endpoint takes, for the message
     * @param fields  the fields it takes
     */
    public static Optional<String> shapeProblem(JsonNode body, String example, List<String> fields) {
        if (!body.isObject()) {
            return Optional.of("the body must be a JSON object such as " + example + ", not " + kind(body));
        }
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!fields.contains(name)) {
                return Optional.of("unknown field '" + name + "': the body takes " + String.join(", ", fields));
            }
        }
        return Optional.empty();
    }

    /** What kind of JSON value {@code node} is, for messages: "a number", "an array", "null"... */
    public static String kind(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case OBJECT, POJO -> "an object";
            case NULL, MISSING -> "null";
            case BOOLEAN -> "true or false";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }

    /**
     * What is wrong with the body of a request that takes none, if anything: empty, or an empty JSON object, is
     * none; anything else is refused rather than ignored, so a client does not believe it applied what it sent.
     */
    public static Optional<String> noBodyProblem(byte[] body) {
        JsonNode node;
        try {
            node = body(body);
        } catch (JsonProcessingException e) {
            return Optional.of("this request takes no body, and the body is not JSON: " + JsonErrors.reason(e));
        }
        if (node.isObject() && node.isEmpty()) {
            return Optional.empty();
        }
        if (node.isObject()) {
            List<String> fields = new java.util.ArrayList<>();
            node.fieldNames().forEachRemaining(fields::add);
            return Optional.of("this request takes no body; got the field(s) " + String.join(", ", fields));
        }
        return Optional.of("this request takes no body; got " + kind(node));
    }

    /**
     * A request body as a JSON tree; an empty body (or only white space) is an empty object.
     *
     * @throws JsonProcessingException when the body is not JSON (its message says where)
     */
    public static JsonNode body(byte[] body) throws JsonProcessingException {
        if (new String(body, java.nio.charset.StandardCharsets.UTF_8).isBlank()) {
            return MAPPER.createObjectNode();
        }
        try {
            return MAPPER.readTree(body);
        } catch (JsonProcessingException e) {
            throw e;
        } catch (IOException e) {
            // an array in memory has nothing to fail on but its contents
            throw new UncheckedIOException(e);
        }
    }
}
