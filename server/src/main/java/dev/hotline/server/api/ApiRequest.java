package dev.hotline.server.api;

import dev.hotline.server.config.ApiSettings;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request as an endpoint sees it, once its token has been checked.
 *
 * @param method     GET, POST...
 * @param path       the path as sent (still percent-encoded), without query string
 * @param parameters the path's {@code {name}} parts, by name
 * @param body       the request body (empty for none)
 * @param caller     the name of the token that opened it ("" for an endpoint open to all)
 * @param role       the token's role (null for an endpoint open to all)
 * @param agent      the agent an agent's token belongs to; empty for the other roles
 */
public record ApiRequest(String method, String path, Map<String, String> parameters, byte[] body, String caller,
                         ApiSettings.Role role, Optional<String> agent) {
    public ApiRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        parameters = Map.copyOf(parameters);
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(agent, "agent");
    }

    /** A path part by name; routes name only parts they have. */
    public String parameter(String name) {
        return Objects.requireNonNull(parameters.get(name), name);
    }
}
