package dev.hotline.server.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The API's JSON, both ways: answers and pushed events written, request bodies read. One mapper, thread-safe. */
public final class ApiJson {
    /** Records as objects, {@code Optional} fields as their value or null. */
    private static final ObjectMapper MAPPER = JsonMapper.builder().addModule(new Jdk8Module()).build();

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
     * A request body as a JSON tree; an empty body is an empty object.
     *
     * @throws JsonProcessingException when the body is not JSON (its message says where)
     */
    public static JsonNode body(byte[] body) throws JsonProcessingException {
        if (body.length == 0) {
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
