package dev.hotline.server.api;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.server.config.ApiSettings.Role;
import dev.hotline.server.serve.CentreView;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * The agent's desktop (docs/api.md): {@code GET /api/v1/agents/{agentId}/events} is a stream of Server-Sent Events
 * with the agent's offers and their screen pops, state changes, phone changes and call ends ({@link AgentPush}). It
 * starts with an {@code agent} event, the agent as the routing engine sees them then. An agent's token follows only
 * its own agent; supervisors and admins may follow anyone.
 */
public final class AgentEndpoints {
    private static final Set<Role> ANYONE_WITH_A_TOKEN = Set.of(Role.AGENT, Role.SUPERVISOR, Role.ADMIN);

    private final AgentPush push;
    private final Supplier<List<AgentConfig>> agents;
    private final Supplier<CompletionStage<CentreView>> centre;

    /**
     * @param push   where the engine's decisions reach the streams
     * @param agents the agents of the configuration in force
     * @param centre the centre as the routing engine sees it now (a new stream's first event)
     */
    public AgentEndpoints(AgentPush push, Supplier<List<AgentConfig>> agents,
                          Supplier<CompletionStage<CentreView>> centre) {
        this.push = push;
        this.agents = agents;
        this.centre = centre;
    }

    /** Adds the routes to {@code routes}. */
    public ApiRoutes addTo(ApiRoutes routes) {
        return routes.add(new ApiRoutes.Route("GET", "/api/v1/agents/{agentId}/events", ANYONE_WITH_A_TOKEN,
                new ApiRoutes.Endpoint.Stream(this::open)));
    }

    private ApiRoutes.Opening open(ApiRequest request) {
        String agentId = request.parameter("agentId");
        if (request.role() == Role.AGENT && !request.agent().orElse("").equals(agentId)) {
            return new ApiRoutes.Opening.Refuse(ApiResponse.error(403, "token '" + request.caller()
                    + "' belongs to agent " + request.agent().orElse("?") + "; it may follow only that agent's events"));
        }
        if (agents.get().stream().noneMatch(a -> a.id().equals(agentId))) {
            return new ApiRoutes.Opening.Refuse(ApiResponse.error(404, "no agent '" + agentId + "' in agents.yaml"));
        }
        return new ApiRoutes.Opening.Accept(sink -> {
            // following first, then the picture: it is read after every decision the stream might already carry
            push.follow(agentId, sink);
            centre.get().thenAccept(view -> view.agents().stream().filter(a -> a.agentId().equals(agentId))
                    .findFirst().ifPresent(agent -> push.greet(sink, "agent", agent)));
        });
    }
}
