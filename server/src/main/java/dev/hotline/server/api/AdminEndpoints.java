package dev.hotline.server.api;

import dev.hotline.server.config.ApiSettings.Role;
import dev.hotline.server.config.ConfigProblem;
import dev.hotline.server.config.ConfigResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What admins do over the API (docs/api.md): reload the configuration and be told, in the answer, whether it was
 * applied or why it was refused, with every problem as {@code hotline validate} prints it. A signal ({@code kill -HUP})
 * does the same but answers only in the log, and some platforms have none.
 */
public final class AdminEndpoints {
    private static final Set<Role> ADMINS = Set.of(Role.ADMIN);

    private final Function<String, ConfigResult> reload;
    private final Supplier<List<String>> changes;
    private final Supplier<Optional<String>> waitingForRestart;
    private final Executor reloading;

    /**
     * @param reload            reads the configuration again and applies it if it is valid (it reads files: never
     *                          on the API's event loop), given who asks ({@code API token <name>}) for the journal
     * @param changes           what the last valid reload changed, a sentence per change
     * @param waitingForRestart what server.yaml now says beyond what is in force (listeners: changes a restart
     *                          applies), empty when nothing
     * @param reloading         where {@code reload} runs
     */
    public AdminEndpoints(Function<String, ConfigResult> reload, Supplier<List<String>> changes,
                          Supplier<Optional<String>> waitingForRestart, Executor reloading) {
        this.reload = reload;
        this.changes = changes;
        this.waitingForRestart = waitingForRestart;
        this.reloading = reloading;
    }

    /** Adds the routes to {@code routes}. */
    public ApiRoutes addTo(ApiRoutes routes) {
        return routes.add(new ApiRoutes.Route("POST", "/api/v1/config/reload", ADMINS,
                ApiRoutes.takingNoBody(r -> CompletableFuture.supplyAsync(() -> reload.apply("API token " + r.caller()),
                        reloading).thenApply(this::answer))));
    }

    private ApiResponse answer(ConfigResult result) {
        Map<String, Object> body = new LinkedHashMap<>();
        return switch (result) {
            case ConfigResult.Valid valid -> {
                body.put("result", "applied");
                body.put("agents", valid.config().agents().size());
                body.put("queues", valid.config().queues().size());
                List<String> changed = changes.get();
                if (!changed.isEmpty()) {
                    body.put("changes", changed);
                }
                waitingForRestart.get().ifPresent(what -> body.put("waitingForRestart", what));
                if (!valid.warnings().isEmpty()) {
                    body.put("warnings", valid.warnings().stream().map(ConfigProblem::toString).toList());
                }
                yield ApiResponse.ok(body);
            }
            case ConfigResult.Invalid invalid -> {
                body.put("result", "refused: the running configuration stays");
                body.put("problems", invalid.problems().stream().map(ConfigProblem::toString).toList());
                yield new ApiResponse(422, body, Map.of());
            }
        };
    }
}
