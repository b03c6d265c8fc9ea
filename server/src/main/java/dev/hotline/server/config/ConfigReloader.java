package dev.hotline.server.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The configuration in force, and its reload: a reload that finds any problem (in the centre's files or in an IVR
 * flow) is refused as a whole and the running configuration and flows stay; a good one replaces both at once.
 * Readers on any thread see either the old or the new configuration, never a mix.
 */
public final class ConfigReloader {

    private final Path dir;
    private final AtomicReference<ConfigResult.Valid> current;

    private ConfigReloader(Path dir, ConfigResult.Valid first) {
        this.dir = dir;
        this.current = new AtomicReference<>(first);
    }

    /** Loads {@code dir} for the first time; an invalid configuration is returned as such, with nothing running. */
    public static Startup start(Path dir) {
        return switch (ConfigLoader.load(dir)) {
            case ConfigResult.Valid valid -> new Startup.Started(new ConfigReloader(dir, valid));
            case ConfigResult.Invalid invalid -> new Startup.Refused(invalid.problems());
        };
    }

    /** The configuration and flows in force. */
    public ConfigResult.Valid current() {
        return current.get();
    }

    /**
     * Reads the directory again. On success the new configuration is in force and returned (the caller hands it to
     * the routing engine as a {@code ConfigChanged} event); on failure nothing changes and every problem is returned.
     */
    public ConfigResult reload() {
        // no logging here: the server logs the outcome, each problem and what changed, once
        ConfigResult result = ConfigLoader.load(dir);
        if (result instanceof ConfigResult.Valid valid) {
            current.set(valid);
        }
        return result;
    }

    /** The outcome of the first load. */
    public sealed interface Startup {
        record Started(ConfigReloader reloader) implements Startup {
            public Started {
                Objects.requireNonNull(reloader, "reloader");
            }
        }

        record Refused(List<ConfigProblem> problems) implements Startup {
            public Refused {
                problems = List.copyOf(problems);
            }
        }
    }
}
