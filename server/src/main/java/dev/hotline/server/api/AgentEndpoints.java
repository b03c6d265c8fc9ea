package dev.hotline.server.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.AgentView;
import dev.hotline.acd.Decision;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.server.api.internal.ApiJson;
import dev.hotline.server.config.ApiSettings.Role;
import dev.hotline.server.config.NotReadyReasons;
import dev.hotline.server.json.JsonErrors;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The agent's desktop (docs/api.md). {@code GET /api/v1/agents/{agentId}/events} is a stream of Server-Sent Events
 * with the agent's offers and their screen pops, state changes, phone changes and call ends ({@link AgentPush}); it
 * starts with an {@code agent} event, the agent as the routing engine sees them then. {@code POST .../login},
 * {@code .../ready}, {@code .../not-ready} (with a reason) and {@code .../logout} change the agent's state and answer
 * with the routing engine's verdict: the new state, or why not. Asked during a call, not-ready and logout take effect
 * when the call and its wrap-up are over (the answer says {@code afterCall}); ready withdraws such a request. An
 * agent's token acts for its own agent only; supervisors and admins act for anyone.
 */
public final class AgentEndpoints {
    private static final Set<Role> ANYONE_WITH_A_TOKEN = Set.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);


    private final AgentPush push;
    private final Supplier<List<AgentConfig>> agents;
    private final Function<String, CompletionStage<Optional<AgentView>>> agentNow;
    private final Function<AcdEvent, CompletionStage<List<Decision>>> engine;
    private final LongSupplier clock;
    private final Supplier<NotReadyReasons> reasons;

    /**
     * @param push   where the engine's decisions reach the streams
     * @param agents the agents of the configuration in force
     * @param agentNow one agent as the routing engine sees it now (a new stream's first event)
     * @param engine applies an event and answers with the decisions it made ({@code EngineLoop.decide})
     * @param clock  the time events are stamped with
     * @param reasons the reason codes agents may give for a break, as server.yaml has them now
     */
    public AgentEndpoints(AgentPush push, Supplier<List<AgentConfig>> agents,
                          Function<String, CompletionStage<Optional<AgentView>>> agentNow,
                          Function<AcdEvent, CompletionStage<List<Decision>>> engine, LongSupplier clock,
                          Supplier<NotReadyReasons> reasons) {
        this.push = push;
        this.agents = agents;
        this.agentNow = agentNow;
        this.engine = engine;
        this.clock = clock;
        this.reasons = reasons;
    }

    /** Adds the routes to {@code routes}. */
    public ApiRoutes addTo(ApiRoutes routes) {
        return routes.add(new ApiRoutes.Route("GET", "/api/v1/agents/{agentId}/events", ANYONE_WITH_A_TOKEN,
                        new ApiRoutes.Endpoint.Stream(this::open)))
                .add(new ApiRoutes.Route("POST", "/api/v1/agents/{agentId}/login", ANYONE_WITH_A_TOKEN,
                        ApiRoutes.takingNoBody(r -> change(r, id -> new AcdEvent.AgentLoggedIn(clock.getAsLong(),
                                id)))))
                .add(new ApiRoutes.Route("POST", "/api/v1/agents/{agentId}/ready", ANYONE_WITH_A_TOKEN,
                        ApiRoutes.takingNoBody(r -> change(r, id -> new AcdEvent.AgentReady(clock.getAsLong(), id)))))
                .add(new ApiRoutes.Route("GET", "/api/v1/not-ready-reasons", ANYONE_WITH_A_TOKEN,
                        r -> CompletableFuture.completedFuture(ApiResponse.ok(Map.of("notReadyReasons",
                                reasons.get().codes())))))
                .add(new ApiRoutes.Route("POST", "/api/v1/agents/{agentId}/not-ready", ANYONE_WITH_A_TOKEN,
                        r -> change(r, id -> new AcdEvent.AgentNotReady(clock.getAsLong(), id, reason(r)))))
                .add(new ApiRoutes.Route("POST", "/api/v1/agents/{agentId}/logout", ANYONE_WITH_A_TOKEN,
                        ApiRoutes.takingNoBody(r -> change(r, id -> new AcdEvent.AgentLoggedOut(clock.getAsLong(),
                                id)))));
    }

    /** Why the request may not act for its agent: not their own, or no such agent; empty when it may. */
    private Optional<ApiResponse> refusal(ApiRequest request, String what) {
        String agentId = request.parameter("agentId");
        if (request.role() == Role.AGENT && !request.agent().orElse("").equals(agentId)) {
            return Optional.of(ApiResponse.error(403, "token '" + request.caller() + "' belongs to agent "
                    + request.agent().orElse("?") + "; it may " + what + " that agent only"));
        }
        if (agents.get().stream().noneMatch(a -> a.id().equals(agentId))) {
            return Optional.of(ApiResponse.error(404, "no agent '" + agentId + "' in agents.yaml"));
        }
        return Optional.empty();
    }

    /**
     * Applies the agent's state change and answers with the engine's verdict: 200 with the state it is in now, 409
     * with the reason the engine refused it; 400 when {@code event} finds the request itself wrong (no reason code).
     */
    private CompletionStage<ApiResponse> change(ApiRequest request, StateChange event) {
        Optional<ApiResponse> refused = refusal(request, "change the state of");
        if (refused.isPresent()) {
            return CompletableFuture.completedFuture(refused.get());
        }
        String agentId = request.parameter("agentId");
        AcdEvent change;
        try {
            change = event.of(agentId);
        } catch (BadRequest e) {
            return CompletableFuture.completedFuture(ApiResponse.error(400, e.getMessage()));
        }
        return engine.apply(change).thenApply(decisions -> {
            Decision.AgentStateChanged last = null;
            Decision.AgentAfterCall later = null;
            for (Decision decision : decisions) {
                if (decision instanceof Decision.EventRejected rejected && rejected.event().equals(change)) {
                    return ApiResponse.error(409, rejected.message());
                }
                if (decision instanceof Decision.AgentStateChanged s && s.agentId().equals(agentId)) {
                    last = s;
                }
                if (decision instanceof Decision.AgentAfterCall a && a.agentId().equals(agentId)) {
                    later = a;
                }
            }
            if (last != null) {
                return ApiResponse.ok(inOrder("agentId", agentId, "state", last.to().name(), "reason",
                        last.reason()));
            }
            // on a call: the change waits for its end
            return later == null ? ApiResponse.ok(inOrder("agentId", agentId, "result", "no change"))
                    : ApiResponse.ok(inOrder("agentId", agentId, "state", later.state().name(), "afterCall",
                            later.after().name(), "reason", later.reason()));
        });
    }

    /** A JSON object with its fields in the order given (keys and values alternate): the same answer every run. */
    private static Map<String, String> inOrder(String... keysAndValues) {
        Map<String, String> fields = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            fields.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return fields;
    }

    /** The body's reason code: {@code {"reason": "lunch"}}. */
    private String reason(ApiRequest request) throws BadRequest {
        JsonNode body;
        try {
            body = ApiJson.body(request.body());
        } catch (JsonProcessingException e) {
            throw new BadRequest("the body is not JSON: " + JsonErrors.reason(e));
        }
        Optional<String> shape = ApiJson.shapeProblem(body, "{\"reason\": \"lunch\"}", List.of("reason"));
        if (shape.isPresent()) {
            throw new BadRequest(shape.get());
        }
        JsonNode reason = body.get("reason");
        if (reason != null && !reason.isNull() && !reason.isTextual()) {
            throw new BadRequest("'reason' must be text such as \"lunch\", not " + ApiJson.kind(reason));
        }
        String text = NotReadyReasons.strip(reason == null || !reason.isTextual() ? "" : reason.asText());
        Optional<String> problem = NotReadyReasons.formProblem(text);
        if (problem.isPresent()) {
            // nothing given is the usual mistake: show the body that is wanted
            throw new BadRequest(NotReadyReasons.blank(text) ? "not ready needs a reason code: a body such as "
                    + "{\"reason\": \"lunch\"}, 1 to " + NotReadyReasons.MAX_LENGTH + " printable characters"
                    : problem.get());
        }
        Optional<String> refusal = reasons.get().refusal(text);
        if (refusal.isPresent()) {
            throw new BadRequest(refusal.get());
        }
        return text;
    }

    /** The event a state-change request makes for its agent. */
    @FunctionalInterface
    private interface StateChange {
        AcdEvent of(String agentId) throws BadRequest;
    }

    /** A request the endpoint cannot act on as sent; the message says what is wrong with it. */
    private static final class BadRequest extends Exception {
        BadRequest(String message) {
            super(message, null, false, false);
        }
    }

    private ApiRoutes.Opening open(ApiRequest request) {
        Optional<ApiResponse> refused = refusal(request, "follow the events of");
        if (refused.isPresent()) {
            return new ApiRoutes.Opening.Refuse(refused.get());
        }
        String agentId = request.parameter("agentId");
        return new ApiRoutes.Opening.Accept(sink -> {
            // following first, then the picture: it is read after every decision the stream might already carry
            push.follow(agentId, sink);
            agentNow.apply(agentId).thenAccept(agent -> agent.ifPresent(a -> {
                push.greet(sink, "agent", a);
                // mid-call, the screen pop again: a desktop that reconnected would show a bare call id
                a.callId().flatMap(callId -> push.offerOf(agentId, callId)).ifPresent(o -> push.greet(sink, "offer", o));
            }));
        });
    }
}
