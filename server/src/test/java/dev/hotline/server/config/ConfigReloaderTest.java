package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigReloaderTest {
    @TempDir
    Path dir;
    ConfigFixture files;
    ConfigReloader reloader;

    @BeforeEach
    void aRunningCentreWithOneFlow() {
        files = new ConfigFixture(dir).withFlow("tea-menu");
        reloader = ((ConfigReloader.Startup.Started) ConfigReloader.start(dir)).reloader();
    }

    @Test
    void aGoodReloadPutsTheNewConfigurationAndFlowsInForce() {
        files.withFlow("knife-menu");

        ConfigResult result = reloader.reload();

        assertThat(result).isInstanceOf(ConfigResult.Valid.class);
        assertThat(reloader.current().flows().names()).containsExactlyInAnyOrder("tea-menu", "knife-menu");
    }

    @Test
    void aReloadWithABrokenFlowIsRefusedAndTheRunningFlowsStay() {
        ConfigResult.Valid before = reloader.current();
        files.withFlowText("tea-menu", """
                flow: tea-menu
                start: nowhere
                nodes:
                  goodbye:
                    type: hangup
                    disposition: thanked
                """);

        ConfigResult result = reloader.reload();

        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        assertThat(((ConfigResult.Invalid) result).problems()).isNotEmpty()
                .allSatisfy(p -> assertThat(p.file()).isEqualTo("ivr/tea-menu.yaml"));
        assertThat(reloader.current()).isSameAs(before);
    }

    @Test
    void aReloadWithABrokenQueueIsRefusedAndTheRunningConfigurationStays() {
        ConfigResult.Valid before = reloader.current();
        files.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-z]
                """);

        assertThat(reloader.reload()).isInstanceOf(ConfigResult.Invalid.class);
        assertThat(reloader.current()).isSameAs(before);
    }

    @Test
    void aCentreThatIsInvalidAtStartIsRefusedWithEveryProblem() {
        files.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-z]
                """);

        assertThat(ConfigReloader.start(dir)).isInstanceOfSatisfying(ConfigReloader.Startup.Refused.class,
                refused -> assertThat(refused.problems()).extracting(ConfigProblem::toString).containsExactly(
                        "queues.yaml:3:14: queues[sales].groups[0]: unknown skill group 'sales-z' "
                                + "(known: sales-a, sales-b)"));
    }
}
