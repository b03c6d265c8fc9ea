package dev.hotline.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.server.Hotline;
import dev.hotline.server.config.ConfigLoader;
import dev.hotline.server.config.ConfigResult;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The shipped configuration, through the real command line, in process: what a new user runs first. */
class SimulateEndToEndTest {
    private static final Path CONFIG = Path.of(System.getProperty("hotline.config.dir", "../config"));

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int hotline(String... args) {
        CommandLine cli = Hotline.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return cli.execute(args);
    }

    @Test
    void theShippedConfigurationIsValid() {
        assertThat(hotline("validate", "--config", CONFIG.toString())).as(err.toString()).isZero();
    }

    @Test
    void theShippedCentreUnderTheShippedTrafficGivesFiguresForEveryConfiguredQueue() throws Exception {
        int exit = hotline("simulate", "--config", CONFIG.toString(), "--traffic",
                CONFIG.resolve("traffic.yaml").toString(), "--seed", "7", "--json");

        assertThat(exit).as(err.toString()).isZero();
        JsonNode root = new ObjectMapper().readTree(out.toString());
        List<String> queues = ((ConfigResult.Valid) ConfigLoader.load(CONFIG)).config().queues().stream()
                .map(QueueConfig::id).toList();
        assertThat(queues).isNotEmpty();
        for (String queue : queues) {
            JsonNode q = root.at("/queues/" + queue);
            assertThat(q.isObject()).as("figures of queue %s", queue).isTrue();
            assertThat(q.get("offered").asLong()).as("calls offered to %s", queue).isPositive();
            assertThat(q.get("answered").asLong()).as("calls answered in %s", queue).isPositive();
        }
        assertThat(root.at("/centre/inbound").asLong()).isEqualTo(root.at("/simulator/callsGenerated").asLong());
        assertThat(root.at("/centre/refused").asLong()).isEqualTo(root.at("/centre/refusedBlacklist").asLong()
                + root.at("/centre/refusedUnknownNumber").asLong() + root.at("/centre/refusedByQueues").asLong());
        assertThat(root.at("/centre/refusedBlacklist").asLong())
                .isEqualTo(root.at("/simulator/blacklistedCalls").asLong());
        assertThat(root.at("/centre/connectionRate").asDouble()).isBetween(0.0, 1.0);
        assertThat(root.at("/simulator/rejectedEvents").asLong()).isZero();
        assertThat(root.at("/simulator/unfinishedCalls").asLong()).isZero();

        out.getBuffer().setLength(0);
        assertThat(hotline("simulate", "--config", CONFIG.toString(), "--traffic",
                CONFIG.resolve("traffic.yaml").toString(), "--seed", "7")).isZero();
        assertThat(out.toString()).as("the table's last line counts what the JSON's centre refused does").contains(
                "refused " + root.at("/centre/refused").asLong() + " (blacklisted "
                        + root.at("/centre/refusedBlacklist").asLong() + ", unknown number "
                        + root.at("/centre/refusedUnknownNumber").asLong() + ", by queues "
                        + root.at("/centre/refusedByQueues").asLong() + ")");
    }
}
