package dev.hotline.server.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.server.Hotline;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Every command's help reads as written: picocli passes each help line through {@code String.format}, and a line it
 * cannot format (a bare "5 %") is printed raw, with a warning on standard error every time the help is shown.
 */
class UsageHelpTest {

    @Test
    void everyCommandsHelpIsRenderedWithoutAWarning() {
        Map<String, String> helps = new LinkedHashMap<>();
        ByteArrayOutputStream warnings = new ByteArrayOutputStream();
        PrintStream stderr = System.err;
        System.setErr(new PrintStream(warnings, true, StandardCharsets.UTF_8));
        try {
            collect("hotline", Hotline.commandLine(), helps);
        } finally {
            System.setErr(stderr);
        }

        assertThat(helps).containsKeys("hotline", "hotline simulate", "hotline validate", "hotline serve");
        assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
        helps.forEach((command, help) -> assertThat(help).as(command).doesNotContain("%n"));
    }

    @Test
    void simulatesHelpSaysWhichShareOfTheCallsIsWarmUp() {
        String help = Hotline.commandLine().getSubcommands().get("simulate").getUsageMessage();

        assertThat(help.replaceAll("\\s+", " ")).contains("The first of them are warm-up, left out of the figures: "
                + "5 % of them or the calls of five handle times (5 x A), whichever is more, at most half.");
    }

    private static void collect(String name, CommandLine command, Map<String, String> helps) {
        helps.put(name, command.getUsageMessage());
        command.getSubcommands().forEach((sub, line) -> collect(name + " " + sub, line, helps));
    }
}
