package dev.hotline.server.cli;

import dev.hotline.server.config.ConfigReloader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;

/** The configuration a running command starts from: loaded and valid, or every problem reported and nothing run. */
final class ConfigStartup {

    private ConfigStartup() {
    }

    /** The reloader of a valid configuration; empty after printing each problem and a summary to {@code err}. */
    static Optional<ConfigReloader> start(Path dir, PrintWriter err) {
        return switch (ConfigReloader.start(dir)) {
            case ConfigReloader.Startup.Started started -> Optional.of(started.reloader());
            case ConfigReloader.Startup.Refused refused -> {
                refused.problems().forEach(err::println);
                err.println(dir + " is invalid: " + refused.problems().size()
                        + (refused.problems().size() == 1 ? " problem" : " problems") + "; not starting");
                yield Optional.empty();
            }
        };
    }
}
