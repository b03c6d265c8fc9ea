package dev.hotline.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class HotlineCliTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cli = Hotline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    private static String defaultConfig() {
        return System.getProperty("hotline.config.dir", "../config");
    }

    @Test
    void withoutACommandItSaysOneIsNeededAndStartsNothing() {
        int exit = run();

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("a command is needed: serve, validate, reload, simulate, report or demo")
                .contains("Usage: hotline");
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void anUnknownCommandIsSaidWithTheCommandsThereAre() {
        assertThat(run("nosuch")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly(
                "unknown command 'nosuch' (commands: serve, validate, reload, simulate, report, demo, help)");
    }

    @Test
    void helpNamesACommandsOptions() {
        int exit = run("help", "simulate");

        assertThat(exit).isZero();
        assertThat(out.toString()).startsWith("Usage: hotline simulate").contains("--erlangs");
    }

    @Test
    void validateSummarisesAValidConfigOnStdoutAndExitsZero() {
        int exit = run("validate", "--config", defaultConfig(), "--as-of", "2026-12-07");

        assertThat(exit).isZero();
        assertThat(out.toString()).isEqualTo(Path.of(defaultConfig()) + "/ is valid: 9 numbers, 6 business types, "
                + "4 queues, 6 groups, 12 agents, 3 blacklist entries, 4 VIPs, 6 IVR flows" + System.lineSeparator());
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validateAsOfADayToComeSaysWhichBlacklistEntriesWillHaveRunOutByThen() {
        int exit = run("validate", "--config", defaultConfig(), "--as-of", "2027-06-01");

        assertThat(exit).isZero();
        assertThat(err.toString().lines()).containsExactly("warning: blacklist.yaml:19:14: "
                + "blacklist[15912345678].expires: blacklist entry for '15912345678' has run out (at the end of "
                + "2027-05-31): it refuses nobody; remove it, or give a later date to keep the caller out");
        assertThat(out.toString()).endsWith("6 IVR flows; 1 warning" + System.lineSeparator());
    }

    @Test
    void validateAsOfTheLastDayOfAnEntryDoesNotYetWarnForADateKeepsTheEntryThroughThatDay() {
        int exit = run("validate", "--config", defaultConfig(), "--as-of", "2027-05-31T23:59:59+08:00");

        assertThat(exit).isZero();
        assertThat(err.toString()).isEmpty();
    }

    @Test
    void validateRefusesAnAsOfThatIsNeitherADayNorAnInstant() {
        int exit = run("validate", "--config", defaultConfig(), "--as-of", "next monday");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).startsWith("--as-of: 'next monday' is neither a date (2027-01-01) nor an instant "
                + "with its offset (2027-01-01T09:00:00+08:00)");

        err.getBuffer().setLength(0);
        assertThat(run("validate", "--config", defaultConfig(), "--as-of", "1999-01-01")).isEqualTo(2);
        assertThat(err.toString()).startsWith("--as-of: '1999-01-01' is not a day a centre's calendar holds (years "
                + "2000 to 2199): check the year");
    }

    @Test
    void validateSaysWhatWorksButIsMostLikelyNotMeantAsWarningsAndStillExitsZero(@TempDir Path dir)
            throws IOException {
        ConfigCopy.tree(Path.of(defaultConfig()), dir);
        Files.writeString(dir.resolve("server.yaml"), "callbacks:\n  endpoint: PJSIP/{number}@trunk\n");

        int exit = run("validate", "--config", dir.toString(), "--as-of", "2026-12-07");

        assertThat(exit).isZero();
        assertThat(err.toString().lines()).containsExactly("warning: server.yaml:2:13: callbacks.endpoint: callbacks "
                + "ring any number a caller keys in, an international or premium-rate one too, at the centre's cost: "
                + "list the numbers they may ring in allowedNumbers (e.g. [\"_1[3-9]XXXXXXXXX\"])");
        assertThat(out.toString()).endsWith("6 IVR flows; 1 warning" + System.lineSeparator());
    }

    @Test
    void validatePrintsEveryProblemOnStderrAndExitsOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("centre.yaml"), "settings:\n  zone: Asia/Shangai\n");
        Files.writeString(dir.resolve("numbers.yaml"), "numbers: []\nbusinessTypes: []\n");
        Files.writeString(dir.resolve("queues.yaml"), "queues: []\n");

        int exit = run("validate", "--config", dir.toString(), "--as-of", "2026-12-07");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        assertThat(err.toString().lines()).containsExactly(
                "centre.yaml:2:9: settings.zone: unknown time zone 'Asia/Shangai' "
                        + "(write a region like Asia/Shanghai or an offset like +08:00)",
                "agents.yaml: required file is missing from " + dir
                        + " (required: centre.yaml, numbers.yaml, queues.yaml, agents.yaml)",
                dir + "/ is invalid: 2 problems");
    }

    @Test
    void anInvalidConfigAlsoShowsItsWarningsSoOneRoundOfFixesDealsWithBoth(@TempDir Path dir) throws IOException {
        ConfigCopy.tree(Path.of(defaultConfig()), dir);
        Files.writeString(dir.resolve("server.yaml"), "callbacks:\n  endpoint: PJSIP/{number}@trunk\n");
        Files.writeString(dir.resolve("centre.yaml"), Files.readString(dir.resolve("centre.yaml"))
                .replace("zone: Asia/Shanghai", "zone: Asia/Shangai"));

        int exit = run("validate", "--config", dir.toString(), "--as-of", "2026-12-07");

        assertThat(exit).isEqualTo(1);
        assertThat(out.toString()).isEmpty();
        List<String> lines = err.toString().lines().toList();
        assertThat(lines.getFirst()).startsWith("centre.yaml:").contains("unknown time zone 'Asia/Shangai'");
        assertThat(lines.get(1)).startsWith("warning: server.yaml:2:13: callbacks.endpoint: callbacks ring any number");
        assertThat(lines.getLast()).isEqualTo(dir + "/ is invalid: 1 problem; 1 warning");
        assertThat(lines).hasSize(3);
    }

    @Test
    void versionIsPrinted() {
        assertThat(run("--version")).isZero();
        assertThat(out.toString()).startsWith("hotline ");
    }

    @Test
    void helpListsTheCommandsAndTheExitCodes() {
        assertThat(run("--help")).isZero();
        assertThat(out.toString()).contains("validate", "Exit codes:", "the configuration has problems");
    }

    @Test
    void anUnknownOptionIsAUsageError() {
        assertThat(run("validate", "--konfig", "x")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("Unknown options: '--konfig', 'x'",
                "(hotline validate --help shows every option)");
    }

    @Test
    void aMisspeltRequiredOptionIsReportedAsUnknownWithTheSuggestionNotAsMissing() {
        assertThat(run("report", "--jornal", "x")).isEqualTo(2);
        assertThat(err.toString().lines()).containsExactly("Unknown options: '--jornal', 'x'",
                "Possible solutions: --journal", "(hotline report --help shows every option)");
    }

    @Test
    void serveWithoutAConfigDirectoryRefusesToStart() {
        // the tests run in server/, which has no config/: serve's default directory is missing
        assertThat(run("serve")).isEqualTo(1);
        assertThat(err.toString().lines()).containsExactly("config: no such configuration directory",
                "config is invalid: 1 problem; not starting");
    }

    @Test
    void serveRefusesAnInvalidConfigurationWithEveryProblemAndExitsOne(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("centre.yaml"), "settings:\n  zone: Asia/Shangai\n");

        int exit = run("serve", "--config", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(err.toString().lines()).hasSize(5).last().isEqualTo(dir + " is invalid: 4 problems; not starting");
    }
}
