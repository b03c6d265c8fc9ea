package dev.hotline.server.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** A text that is not JSON is explained in one line with its place, not with Jackson's description of its input. */
class JsonErrorsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aRecordCutShortSaysWhereItsObjectOpenedAndWhereItEnded() {
        String reason = JsonErrors.reason(failure("{\"type\":\"bogus\""));

        assertThat(reason).isEqualTo("Unexpected end-of-input: expected close marker for Object (start marker at "
                + "line 1, column 1), at line 1, column 16");
    }

    @Test
    void aStrayCharacterIsNamedWithItsColumn() {
        String reason = JsonErrors.reason(failure("{reason: lunch}"));

        assertThat(reason).startsWith("Unexpected character ('r' (code 114)): was expecting double-quote to start "
                + "field name").endsWith(", at line 1, column 2").doesNotContain("Source", "REDACTED", "\n");
    }

    private static JsonProcessingException failure(String text) {
        return catchThrowableOfType(JsonProcessingException.class, () -> JSON.readTree(text));
    }
}
