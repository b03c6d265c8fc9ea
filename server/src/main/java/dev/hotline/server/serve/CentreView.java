package dev.hotline.server.serve;

import dev.hotline.acd.AgentView;
import dev.hotline.acd.QueueView;
import dev.hotline.acd.stats.Figures;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The centre at one moment, as {@link HotlineServer#view()} reads it on the engine thread.
 *
 * @param nowMillis the engine's time of the reading
 * @param queues    every configured queue, in configuration order
 * @param agents    every configured agent the engine knows, in configuration order
 * @param figures   the figures since the server started
 * @param interval  the figures of the reporting interval in progress (its start up to now); empty before the first
 *                  decision
 * @param startedMillis when this server's routing engine started: what it counts begins there
 */
public record CentreView(long nowMillis, List<QueueView> queues, List<AgentView> agents, Figures figures,
                         Optional<Figures> interval, long startedMillis) {
    public CentreView {
        queues = List.copyOf(queues);
        agents = List.copyOf(agents);
        Objects.requireNonNull(figures, "figures");
        Objects.requireNonNull(interval, "interval");
    }
}
