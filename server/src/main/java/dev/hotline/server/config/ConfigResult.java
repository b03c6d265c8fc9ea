package dev.hotline.server.config;

import dev.hotline.acd.model.CentreConfig;
import dev.hotline.ivr.FlowSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** The outcome of loading a configuration directory: a complete, consistent config, or every problem found. */
public sealed interface ConfigResult {

    /**
     * Every file was read and every rule holds: the config can be handed to the routing engine, the flows to the
     * IVR interpreter and the server settings to {@code hotline serve}.
     *
     * @param recordedQueues the queues whose answered calls are recorded ({@code recording: true} in queues.yaml)
     */
    record Valid(CentreConfig config, FlowSet flows, ServerSettings server, Set<String> recordedQueues)
            implements ConfigResult {
        public Valid {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(flows, "flows");
            Objects.requireNonNull(server, "server");
            recordedQueues = Set.copyOf(recordedQueues);
        }
    }

    /** At least one problem; sorted by file (in {@link ConfigLoader#FILES} order), then line and column. */
    record Invalid(List<ConfigProblem> problems) implements ConfigResult {
        public Invalid {
            problems = List.copyOf(problems);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid configuration has at least one problem");
            }
        }
    }
}
