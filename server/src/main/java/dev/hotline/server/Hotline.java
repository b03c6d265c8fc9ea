package dev.hotline.server;

import dev.hotline.server.cli.DemoCommand;
import dev.hotline.server.cli.ExitCodes;
import dev.hotline.server.cli.ReloadCommand;
import dev.hotline.server.cli.ReportCommand;
import dev.hotline.server.cli.ServeCommand;
import dev.hotline.server.cli.SimulateCommand;
import dev.hotline.server.cli.ValidateCommand;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The {@code hotline} command line: one subcommand per job. A new job is one more class in {@code subcommands}.
 * Without a subcommand it prints its usage and exits as for wrong usage: a bare {@code hotline} typed to see the
 * commands must not start a server that takes calls on the default ports.
 */
@Command(name = "hotline",
        mixinStandardHelpOptions = true,
        versionProvider = Hotline.Version.class,
        description = "Inbound ACD and IVR server for call centres, beside Asterisk.",
        subcommands = {
                ServeCommand.class,
                ValidateCommand.class,
                ReloadCommand.class,
                SimulateCommand.class,
                ReportCommand.class,
                DemoCommand.class,
                CommandLine.HelpCommand.class,
        },
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
                ExitCodes.OK + ":done (for validate: the configuration is valid)",
                ExitCodes.INVALID_CONFIG + ":the configuration has problems (each printed to stderr)",
                ExitCodes.USAGE + ":wrong command-line usage",
                ExitCodes.INTERNAL_ERROR + ":unexpected error (a bug: please report it with the printed trace)",
                ExitCodes.NOT_DELIVERED + ":reload: the running server could not be asked",
                ExitCodes.CANNOT_LISTEN + ":serve: a port is taken (the reason is printed to stderr)",
                ExitCodes.CANNOT_JOURNAL + ":serve, demo: the journal cannot be opened or read, or another Hotline "
                        + "writes it (the reason is printed to stderr)",
                "130, 143:serve, demo: stopped by Ctrl-C (SIGINT) or SIGTERM, after a clean shutdown",
        })
public final class Hotline implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        int exit;
        try {
            exit = commandLine().execute(args);
        } catch (OutOfMemoryError e) {
            // picocli maps exceptions to exit codes, not errors: without this the JVM's trace and exit 1 ("invalid
            // configuration") would say the wrong thing
            System.err.println("out of memory (" + e.getMessage() + "): give the JVM more heap (java -Xmx...), or ask "
                    + "for less (simulate: fewer calls or agents; report: a shorter period, --from and --to)");
            exit = ExitCodes.INTERNAL_ERROR;
        }
        System.exit(exit);
    }

    /**
     * The command line as {@code main} runs it: wrong usage is said in its one line (and picocli's suggestion for a
     * misspelt option), with where to read more, not buried under a screenful of help.
     */
    public static CommandLine commandLine() {
        return new CommandLine(new Hotline()).setParameterExceptionHandler((e, args) -> {
            CommandLine command = e.getCommandLine();
            if (e instanceof CommandLine.UnmatchedArgumentException unmatched && command.getParent() == null
                    && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().getFirst().startsWith("-")) {
                command.getErr().println("unknown command '" + unmatched.getUnmatched().getFirst() + "' (commands: "
                        + String.join(", ", command.getSubcommands().keySet()) + ")");
                return ExitCodes.USAGE;
            }
            if (e instanceof CommandLine.MissingParameterException && !command.getUnmatchedArguments().isEmpty()) {
                // picocli checks required options before unknown ones: "--jornal x" would be reported as a missing
                // --journal, hiding the typo that caused it
                e = new CommandLine.UnmatchedArgumentException(command, command.getUnmatchedArguments());
            }
            command.getErr().println(e.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr());
            command.getErr().println("(" + command.getCommandSpec().qualifiedName() + " --help shows every option)");
            return ExitCodes.USAGE;
        });
    }

    /** Without a subcommand: the usage, on stderr, and the wrong-usage exit code. */
    @Override
    public Integer call() {
        spec.commandLine().getErr().println("a command is needed: serve, validate, reload, simulate, report or demo "
                + "(hotline help <command> for its options)");
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }

    /** The version the jar was built as (from its manifest); "development build" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Hotline.class.getPackage().getImplementationVersion();
            return new String[] {"hotline " + (version == null ? "(development build)" : version)};
        }
    }
}
