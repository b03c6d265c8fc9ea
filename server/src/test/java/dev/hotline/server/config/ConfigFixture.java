package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.CentreConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** A small valid configuration directory; each test breaks one thing in it and reads the problems. */
final class ConfigFixture {
    static final String CENTRE = """
            settings:
              zone: Asia/Shanghai
            """;
    static final String NUMBERS = """
            numbers:
              - number: "4008001001"
                businessType: tea
            businessTypes:
              - id: tea
                queue: sales
            """;
    static final String QUEUES = """
            queues:
              - id: sales
                groups: [sales-a]
            """;
    static final String AGENTS = """
            groups:
              - id: sales-a
              - id: sales-b
            agents:
              - id: "1001"
                endpoint: PJSIP/1001
                skills: {sales-a: 5}
            """;

    /** The day the tests' dates are judged on: the same whatever day they run. */
    static final AsOf AS_OF = new AsOf.StartOf(java.time.LocalDate.of(2026, 12, 7));

    private final Path dir;

    ConfigFixture(Path dir) {
        this.dir = dir;
        with(ConfigLoader.CENTRE, CENTRE);
        with(ConfigLoader.NUMBERS, NUMBERS);
        with(ConfigLoader.QUEUES, QUEUES);
        with(ConfigLoader.AGENTS, AGENTS);
    }

    Path dir() {
        return dir;
    }

    ConfigFixture with(String file, String text) {
        try {
            Files.writeString(dir.resolve(file), text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Adds {@code ivr/<name>.yaml}: a one-node flow that thanks the caller and hangs up. */
    ConfigFixture withFlow(String name) {
        return withFlowText(name, """
                flow: %s
                start: goodbye
                nodes:
                  goodbye:
                    type: hangup
                    prompts: [common/thanks-goodbye]
                    disposition: thanked
                """.formatted(name));
    }

    /** Adds {@code ivr/<name>.yaml} with the given text. */
    ConfigFixture withFlowText(String name, String text) {
        try {
            Files.createDirectories(dir.resolve("ivr"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return with("ivr/" + name + ".yaml", text);
    }

    ConfigFixture without(String file) {
        try {
            Files.delete(dir.resolve(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Every problem, as {@code hotline validate} prints them. */
    List<String> problems() {
        ConfigResult result = ConfigLoader.load(dir, AS_OF);
        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        return ((ConfigResult.Invalid) result).problems().stream().map(ConfigProblem::toString).toList();
    }

    /** The warnings of a valid configuration, as {@code hotline validate} prints them (without "warning: "). */
    List<String> warnings() {
        ConfigResult result = ConfigLoader.load(dir, AS_OF);
        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).warnings().stream().map(ConfigProblem::toString).toList();
    }

    ServerSettings server() {
        ConfigResult result = ConfigLoader.load(dir, AS_OF);
        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).server();
    }

    /** The queues that record their answered calls. */
    java.util.Set<String> recordedQueues() {
        ConfigResult result = ConfigLoader.load(dir, AS_OF);
        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).recordedQueues();
    }

    CentreConfig valid() {
        ConfigResult result = ConfigLoader.load(dir, AS_OF);
        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config();
    }
}
