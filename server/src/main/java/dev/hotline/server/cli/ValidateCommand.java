package dev.hotline.server.cli;

import dev.hotline.acd.model.CentreConfig;
import dev.hotline.server.config.AsOf;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigProblem;
import dev.hotline.server.config.ConfigResult;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code hotline validate}: checks a configuration directory and says what is in it, or everything wrong with it. */
@Command(name = "validate",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        description = {
                "Check the configuration without starting anything.",
                "Prints a one-line summary and exits 0 when it is valid (with a warning on stderr for each setting "
                        + "that works but is most likely not meant); otherwise prints every problem, one per "
                        + "line (file:line:column: key: what is wrong), then the warnings, to stderr and exits 1."})
public final class ValidateCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
            description = "the configuration directory (default: ${DEFAULT-VALUE})")
    private Path dir;

    @Option(names = "--as-of", paramLabel = "WHEN",
            description = "judge the dates in the files (blacklist expiries, holiday calendars) as of this day "
                    + "(2027-01-01) or moment (2027-01-01T09:00:00+08:00) instead of now: what will have run out "
                    + "by then")
    private String asOf;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        String shown = display(dir);
        AsOf judgedAt;
        try {
            judgedAt = asOf == null ? AsOf.now() : AsOf.parse(asOf);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), "--as-of: " + e.getMessage());
        }
        return switch (ConfigLoader.load(dir, judgedAt)) {
            case ConfigResult.Valid valid -> {
                // valid, and it runs as written: a warning is a door most likely left open, not a refusal
                PrintWriter err = spec.commandLine().getErr();
                for (ConfigProblem w : valid.warnings()) {
                    err.println("warning: " + w);
                }
                spec.commandLine().getOut().println(shown + " is valid: " + summary(valid)
                        + (valid.warnings().isEmpty() ? "" : "; " + count(valid.warnings().size(), "warning",
                        "warnings")));
                yield ExitCodes.OK;
            }
            case ConfigResult.Invalid invalid -> {
                PrintWriter err = spec.commandLine().getErr();
                for (ConfigProblem p : invalid.problems()) {
                    err.println(p);
                }
                for (ConfigProblem w : invalid.warnings()) {
                    err.println("warning: " + w);
                }
                err.println(shown + " is invalid: " + count(invalid.problems().size(), "problem", "problems")
                        + (invalid.warnings().isEmpty() ? "" : "; " + count(invalid.warnings().size(), "warning",
                        "warnings")));
                yield ExitCodes.INVALID_CONFIG;
            }
        };
    }

    /** The directory as the messages show it: with a trailing slash. */
    static String display(Path dir) {
        String s = dir.toString();
        // a slash says "the directory"; a file given by mistake is shown as it is
        return s.endsWith("/") || Files.isRegularFile(dir) ? s : s + "/";
    }

    private static String summary(ConfigResult.Valid valid) {
        CentreConfig c = valid.config();
        return String.join(", ",
                count(c.numbers().size(), "number", "numbers"),
                count(c.businessTypes().size(), "business type", "business types"),
                count(c.queues().size(), "queue", "queues"),
                count(c.groups().size(), "group", "groups"),
                count(c.agents().size(), "agent", "agents"),
                count(c.blacklist().size(), "blacklist entry", "blacklist entries"),
                count(c.vips().size(), "VIP", "VIPs"),
                count(valid.flows().names().size(), "IVR flow", "IVR flows"));
    }

    /** {@code 1 problem}, {@code 2 problems}. */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
