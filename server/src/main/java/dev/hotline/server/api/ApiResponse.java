package dev.hotline.server.api;

import java.util.Map;
import java.util.Objects;

/**
 * What an endpoint answers: an HTTP status and a body written as JSON.
 *
 * @param status  the HTTP status
 * @param body    written with Jackson (records, maps, lists)
 * @param headers extra response headers ({@code Allow}, {@code WWW-Authenticate})
 */
public record ApiResponse(int status, Object body, Map<String, String> headers) {
    public ApiResponse {
        Objects.requireNonNull(body, "body");
        headers = Map.copyOf(headers);
    }

    /** 200 with {@code body}. */
    public static ApiResponse ok(Object body) {
        return new ApiResponse(200, body, Map.of());
    }

    /** {@code status} with {@code {"error": message}}. */
    public static ApiResponse error(int status, String message) {
        return new ApiResponse(status, Map.of("error", message), Map.of());
    }
}
