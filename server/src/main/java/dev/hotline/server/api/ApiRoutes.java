package dev.hotline.server.api;

import dev.hotline.server.config.ApiSettings.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * The endpoints of the HTTP API: method, path with {@code {name}} parts, the roles allowed, and the handler. A path
 * that matches no route is 404; a path that matches with another method is 405 with {@code Allow}.
 */
public final class ApiRoutes {

    /**
     * One endpoint.
     *
     * @param method  the HTTP method
     * @param path    e.g. {@code /api/v1/calls/{callId}/hangup}
     * @param roles   who may call it; empty: anyone, without a token
     * @param handler answers the request; it must not block (return a stage that completes later instead)
     */
    public record Route(String method, String path, Set<Role> roles,
                        Function<ApiRequest, CompletionStage<ApiResponse>> handler) {
        public Route {
            roles = Set.copyOf(roles);
        }

        private Optional<Map<String, String>> match(String[] parts) {
            String[] pattern = path.substring(1).split("/", -1);
            if (pattern.length != parts.length) {
                return Optional.empty();
            }
            Map<String, String> parameters = new HashMap<>();
            for (int i = 0; i < pattern.length; i++) {
                if (pattern[i].startsWith("{") && pattern[i].endsWith("}")) {
                    if (parts[i].isEmpty()) {
                        return Optional.empty();
                    }
                    parameters.put(pattern[i].substring(1, pattern[i].length() - 1), parts[i]);
                } else if (!pattern[i].equals(parts[i])) {
                    return Optional.empty();
                }
            }
            return Optional.of(parameters);
        }
    }

    /** How a request's method and path came out. */
    public sealed interface Match {
        /** A route takes it, with these path parts. */
        record Found(Route route, Map<String, String> parameters) implements Match {
        }

        /** The path exists with other methods. */
        record WrongMethod(Set<String> allowed) implements Match {
        }

        /** No such path. */
        record NotFound() implements Match {
        }
    }

    private final List<Route> routes = new ArrayList<>();

    /** Adds an endpoint. */
    public ApiRoutes add(Route route) {
        routes.add(route);
        return this;
    }

    /** Every endpoint, as {@code METHOD path}, for the 404 answer. */
    public List<String> listed() {
        return routes.stream().map(r -> r.method() + " " + r.path()).toList();
    }

    /** Finds the route for a request; the path is already decoded and without query string. */
    public Match match(String method, String path) {
        String[] parts = path.startsWith("/") ? path.substring(1).split("/", -1) : new String[] {path};
        Set<String> allowed = new LinkedHashSet<>();
        for (Route route : routes) {
            Optional<Map<String, String>> parameters = route.match(parts);
            if (parameters.isPresent()) {
                if (route.method().equals(method)) {
                    return new Match.Found(route, parameters.get());
                }
                allowed.add(route.method());
            }
        }
        return allowed.isEmpty() ? new Match.NotFound() : new Match.WrongMethod(allowed);
    }
}
