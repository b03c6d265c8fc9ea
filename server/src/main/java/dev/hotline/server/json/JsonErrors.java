package dev.hotline.server.json;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.regex.Pattern;

/**
 * Why a text is not JSON, in one line a person can act on. Jackson's own message spans lines and describes its input
 * source ({@code [Source: REDACTED (`StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION` disabled); line: 1, column: 1]}),
 * which says nothing to an admin reading a journal error or an API client reading a 400.
 */
public final class JsonErrors {
    private static final Pattern SOURCE = Pattern.compile(
            "\\[Source: [^\\]]*?; line: (\\d+), column: (\\d+)\\]");

    private JsonErrors() {
    }

    /**
     * The reason and the place: {@code Unexpected end-of-input: expected close marker for Object (start marker at
     * line 1, column 1), at line 1, column 19}.
     */
    public static String reason(JsonProcessingException e) {
        String message = e.getOriginalMessage() == null ? e.getClass().getSimpleName()
                : e.getOriginalMessage().lines().findFirst().orElse("").strip();
        message = SOURCE.matcher(message).replaceAll("line $1, column $2");
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? message
                : message + ", at line " + at.getLineNr() + ", column " + at.getColumnNr();
    }
}
