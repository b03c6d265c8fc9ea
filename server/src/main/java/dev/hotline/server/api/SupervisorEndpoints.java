package dev.hotline.server.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotline.bridge.ami.AmiActions.ListenMode;
import dev.hotline.server.api.internal.ApiJson;
import dev.hotline.server.config.ApiSettings.Role;
import dev.hotline.server.json.FiguresJson;
import dev.hotline.server.json.JsonErrors;
import dev.hotline.server.serve.CallControl;
import dev.hotline.server.serve.CentreView;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What supervisors do over the API (docs/api.md): see the queues and agents as the routing engine sees them and the
 * figures, hang a call up, listen in on an agent. Admins may do the same; agents may not. {@code GET /health} is open to all.
 */
public final class SupervisorEndpoints {
    private static final Set<Role> SUPERVISORS = Set.of(Role.SUPERVISOR, Role.ADMIN);
    /** A phone to ring: technology/resource, as agents.yaml writes endpoints (no spaces, commas or quotes). */
    /**
     * A supervisor's phone: an endpoint of the Asterisk (technology/resource), never a trunk dial string ({@code @})
     * or a dialplan context ({@code Local/}): a token misused must not ring any number in the world into a live call.
     */
    private static final Pattern PHONE = Pattern.compile("(?!(?i:local)/)[A-Za-z0-9]+/[A-Za-z0-9._+#*-]+");

    private final CallControl calls;
    private final Supplier<CompletionStage<CentreView>> centre;
    private final Supplier<Map<String, String>> ami;
    private final Supplier<JournalHealth> journal;

    /**
     * @param calls  hang-up and listen-in over AMI
     * @param centre the centre as the routing engine sees it now
     * @param ami    each Asterisk manager interface's state, or why it is not connected to, for health
     */
    public SupervisorEndpoints(CallControl calls, Supplier<CompletionStage<CentreView>> centre,
                               Supplier<Map<String, String>> ami, Supplier<JournalHealth> journal) {
        this.calls = calls;
        this.centre = centre;
        this.ami = ami;
        this.journal = journal;
    }

    /**
     * The journal as {@code /health} shows it.
     *
     * @param failing     it cannot be written now: the decisions from then on are lost (counted) until it can
     * @param lostRecords decisions lost since the start
     */
    public record JournalHealth(boolean failing, long lostRecords) {
    }

    /** Adds the routes to {@code routes}. */
    public ApiRoutes addTo(ApiRoutes routes) {
        return routes
                .add(new ApiRoutes.Route("GET", "/health", Set.of(), this::health))
                .add(new ApiRoutes.Route("GET", "/api/v1/queues", SUPERVISORS,
                        r -> centre.get().thenApply(view -> ApiResponse.ok(view.queues()))))
                .add(new ApiRoutes.Route("GET", "/api/v1/agents", SUPERVISORS,
                        r -> centre.get().thenApply(view -> ApiResponse.ok(view.agents()))))
                .add(new ApiRoutes.Route("GET", "/api/v1/figures", SUPERVISORS,
                        r -> centre.get().thenApply(SupervisorEndpoints::figures)))
                .add(new ApiRoutes.Route("POST", "/api/v1/calls/{callId}/hangup", SUPERVISORS,
                        ApiRoutes.takingNoBody(this::hangUp)))
                .add(new ApiRoutes.Route("POST", "/api/v1/agents/{agentId}/listen", SUPERVISORS, this::listenIn));
    }

    /**
     * The figures of docs/kpis.md as a wallboard reads them: since the server started and for the reporting interval
     * in progress, each in the shape of {@code hotline report --json}.
     */
    private static ApiResponse figures(CentreView view) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nowMillis", view.nowMillis());
        body.put("sinceStart", FiguresJson.of(view.figures()));
        body.put("interval", view.interval().map(interval -> {
            ObjectNode node = FiguresJson.of(interval);
            long countedFrom = view.startedMillis();
            if (countedFrom > interval.from()) {
                // restarted within the interval: what came before is in the journal, not in these counts
                node.put("countedFrom", Instant.ofEpochMilli(countedFrom).toString());
                node.put("countedFromMillis", countedFrom);
            }
            return node;
        }).orElse(null));
        return ApiResponse.ok(body);
    }

    private CompletionStage<ApiResponse> health(ApiRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        JournalHealth journalHealth = journal.get();
        // calls are routed either way; a journal that loses every decision is what a monitor must see
        body.put("status", journalHealth.failing() ? "degraded" : "up");
        body.put("ami", ami.get());
        Map<String, Object> journalBody = new LinkedHashMap<>();
        journalBody.put("state", journalHealth.failing() ? "FAILING" : "WRITING");
        journalBody.put("lostRecords", journalHealth.lostRecords());
        body.put("journal", journalBody);
        return CompletableFuture.completedFuture(ApiResponse.ok(body));
    }

    private CompletionStage<ApiResponse> hangUp(ApiRequest request) {
        return calls.hangUp(request.parameter("callId")).thenApply(SupervisorEndpoints::answer);
    }

    /** Body {@code {"phone": "PJSIP/2001", "mode": "listen" | "whisper" | "barge"}} (mode defaults to listen). */
    private CompletionStage<ApiResponse> listenIn(ApiRequest request) {
        JsonNode body;
        try {
            body = ApiJson.body(request.body());
        } catch (JsonProcessingException e) {
            return bad("the body is not JSON: " + JsonErrors.reason(e));
        }
        Optional<String> shape = ApiJson.shapeProblem(body, "{\"phone\": \"PJSIP/2001\", \"mode\": \"listen\"}",
                List.of("phone", "mode"));
        if (shape.isPresent()) {
            return bad(shape.get());
        }
        JsonNode phone = body.path("phone");
        if (!phone.isMissingNode() && !phone.isNull() && !phone.isTextual()) {
            return bad("'phone' must be text such as \"PJSIP/2001\", not " + ApiJson.kind(phone));
        }
        if (!phone.isTextual() || phone.asText().isEmpty()) {
            return bad("'phone' is missing: the supervisor's phone to ring, e.g. \"PJSIP/2001\"");
        }
        if (!PHONE.matcher(phone.asText()).matches()) {
            return bad("'phone' must be the supervisor's endpoint such as PJSIP/2001 (letters, digits and ._+#*- "
                    + "after the /; no trunk dial string with @, no Local/ channel)");
        }
        JsonNode modeNode = body.path("mode");
        if (!modeNode.isMissingNode() && !modeNode.isTextual()) {
            return bad("'mode' must be text (listen, whisper or barge), not " + ApiJson.kind(modeNode));
        }
        String modeText = modeNode.asText("listen");
        ListenMode mode;
        try {
            mode = ListenMode.valueOf(modeText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return bad("'mode' must be " + Arrays.stream(ListenMode.values())
                    .map(m -> m.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")) + ", not '"
                    + modeText + "'");
        }
        return calls.listenIn(phone.asText(), request.parameter("agentId"), mode)
                .thenApply(SupervisorEndpoints::answer);
    }

    private static CompletionStage<ApiResponse> bad(String message) {
        return CompletableFuture.completedFuture(ApiResponse.error(400, message));
    }

    /** A call-control result as HTTP: done 200, unknown call or agent 404, no AMI 503, every server refused 502. */
    static ApiResponse answer(CallControl.Result result) {
        return switch (result) {
            case CallControl.Result.Done d -> ApiResponse.ok(Map.of("result", "done", "what", d.what()));
            case CallControl.Result.NoSuchCall n -> ApiResponse.error(404, "no call '" + n.callId()
                    + "' is in progress");
            case CallControl.Result.NoSuchAgent n -> ApiResponse.error(404, "no agent '" + n.agentId()
                    + "' in agents.yaml");
            case CallControl.Result.NotPossible n -> ApiResponse.error(400, n.why());
            case CallControl.Result.NoManagerInterface n -> ApiResponse.error(503, n.why());
            case CallControl.Result.Refused r -> new ApiResponse(502, Map.of("error",
                    "every Asterisk server refused", "refusals", List.copyOf(r.reasons())), Map.of());
        };
    }
}
