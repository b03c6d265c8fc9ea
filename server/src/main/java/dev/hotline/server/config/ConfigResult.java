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
     * @param warnings       settings that work as written but are most likely not meant (callbacks that may ring
     *                       any number, an API open to the network without TLS), located like problems
     */
    record Valid(CentreConfig config, FlowSet flows, ServerSettings server, Set<String> recordedQueues,
                 List<ConfigProblem> warnings) implements ConfigResult {
        public Valid {
            Objects.requireNonNull(config, "config");
            Objects.requireNonNull(flows, "flows");
            Objects.requireNonNull(server, "server");
            recordedQueues = Set.copyOf(recordedQueues);
            warnings = List.copyOf(warnings);
        }

        /** A valid configuration with nothing to warn of. */
        public Valid(CentreConfig config, FlowSet flows, ServerSettings server, Set<String> recordedQueues) {
            this(config, flows, server, recordedQueues, List.of());
        }
    }

    /**
     * At least one problem; sorted by file (in {@link ConfigLoader#FILES} order), then line and column.
     *
     * @param warnings what would be warned of were the configuration valid, so that one round of fixes also deals
     *                 with them, sorted like the problems
     */
    record Invalid(List<ConfigProblem> problems, List<ConfigProblem> warnings) implements ConfigResult {
        public Invalid {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
            if (problems.isEmpty()) {
                throw new IllegalArgumentException("an invalid configuration has at least one problem");
            }
        }

        /** An invalid configuration with nothing to warn of besides its problems. */
        public Invalid(List<ConfigProblem> problems) {
            this(problems, List.of());
        }
    }
}
