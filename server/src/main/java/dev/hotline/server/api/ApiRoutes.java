package dev.hotline.server.api;

import dev.hotline.server.api.internal.ApiJson;
import dev.hotline.server.config.ApiSettings.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The endpoints of the HTTP API: method, path with {@code {name}} parts, the roles allowed, and the handler. A path
 * that matches no route is 404; a path that matches with another method is 405 with {@code Allow}.
 */
public final class ApiRoutes {

    /** What an endpoint does with a request it accepts. */
    public sealed interface Endpoint {
        /** Answers once: it must not block (return a stage that completes later instead). */
        record Answer(Function<ApiRequest, CompletionStage<ApiResponse>> handler) implements Endpoint {
        }

        /** Keeps the connection open as a stream of events, unless {@code open} refuses the request. */
        record Stream(Function<ApiRequest, Opening> open) implements Endpoint {
        }
    }

    /**
     * {@code handler} for a request that takes no body: any other body than none or {@code {}} is answered 400, so a
     * client that sends a reason with {@code logout} learns it was not taken rather than believing it was.
     */
    public static Function<ApiRequest, CompletionStage<ApiResponse>> takingNoBody(
            Function<ApiRequest, CompletionStage<ApiResponse>> handler) {
        return request -> ApiJson.noBodyProblem(request.body())
                .<CompletionStage<ApiResponse>>map(problem -> CompletableFuture.completedFuture(
                        ApiResponse.error(400, problem)))
                .orElseGet(() -> handler.apply(request));
    }

    /** What a stream endpoint makes of a request. */
    public sealed interface Opening {
        /** Not a stream: this answer instead (no such agent, not theirs). */
        record Refuse(ApiResponse answer) implements Opening {
        }

        /** The stream is open: {@code subscriber} gets its sink once the response head is sent. */
        record Accept(Consumer<EventSink> subscriber) implements Opening {
        }
    }

    /**
     * One endpoint.
     *
     * @param method   the HTTP method
     * @param path     e.g. {@code /api/v1/calls/{callId}/hangup}
     * @param roles    who may call it; empty: anyone, without a token
     * @param endpoint what it does
     */
    public record Route(String method, String path, Set<Role> roles, Endpoint endpoint) {
        public Route {
            roles = Set.copyOf(roles);
        }

        /** An endpoint that answers once. */
        public Route(String method, String path, Set<Role> roles,
                     Function<ApiRequest, CompletionStage<ApiResponse>> handler) {
            this(method, path, roles, new Endpoint.Answer(handler));
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

        /** The path is not a path: a bad percent-encoding, or bytes that are not UTF-8; says what and where. */
        record BadPath(String problem) implements Match {
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

    /**
     * Finds the route for a request. {@code rawPath} is the path as sent, without query string and not yet
     * percent-decoded: it is split at its slashes first and each part decoded after, so that an encoded slash
     * ({@code %2F}) stays inside its part instead of making a new one.
     */
    public Match match(String method, String rawPath) {
        String[] parts = rawPath.startsWith("/") ? rawPath.substring(1).split("/", -1) : new String[] {rawPath};
        for (int i = 0; i < parts.length; i++) {
            try {
                parts[i] = PathPart.decode(parts[i]);
            } catch (IllegalArgumentException e) {
                return new Match.BadPath(e.getMessage());
            }
        }
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
