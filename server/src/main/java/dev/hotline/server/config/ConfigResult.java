package dev.hotline.server.config;

import dev.hotline.acd.model.CentreConfig;
import java.util.List;
import java.util.Objects;

/** The outcome of loading a configuration directory: a complete, consistent config, or every problem found. */
public sealed interface ConfigResult {

    /** Every file was read and every rule holds: the config can be handed to the routing engine. */
    record Valid(CentreConfig config) implements ConfigResult {
        public Valid {
            Objects.requireNonNull(config, "config");
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
