package dev.hotline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hotline.server.ConfigCopy;
import dev.hotline.server.Hotline;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code hotline serve} as its own process, as an admin runs it: {@code kill -HUP} reloads the configuration, and a
 * server started under {@code nohup} (which leaves SIGHUP ignored, and the JVM keeps it so) says at start that the
 * signal will do nothing and what to use instead.
 */
@Timeout(90)
class ReloadSignalEndToEndTest {
    @TempDir
    Path temp;
    Path config;
    Process process;
    final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    final List<String> seen = new ArrayList<>();

    @BeforeEach
    void shippedConfigurationOnFreePorts() throws IOException {
        assumeTrue(Path.of("/bin/kill").toFile().canExecute() || Path.of("/usr/bin/kill").toFile().canExecute(),
                "a POSIX system with kill and nohup");
        config = temp.resolve("config");
        ConfigCopy.tree(ShippedCentre.SHIPPED, config);
        Path serverYaml = config.resolve("server.yaml");
        String shipped = Files.readString(serverYaml);
        String text = shipped.replace("  port: 4573", "  port: 0").replace("  port: 8080", "  port: 0")
                .replace("  directory: journal", "  directory: " + temp.resolve("journal"));
        assertThat(text).contains("port: 0", "directory: " + temp.resolve("journal"));
        Files.writeString(serverYaml, text);
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void killHupReloadsTheConfigurationOfARunningServer() throws Exception {
        // with SIGHUP at its default even when this build runs with it ignored (under nohup, say): the child would
        // inherit that, and the JVM keeps an ignored signal ignored
        assumeTrue(new ProcessBuilder("env", "--default-signal=HUP", "true").start().waitFor() == 0,
                "env --default-signal (GNU coreutils 8.31 or newer)");
        start(List.of("env", "--default-signal=HUP"));
        String sendHup = await(line -> line.contains("reload: send SIGHUP (kill -HUP " + process.pid() + ")"));

        new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).inheritIO().start().waitFor();

        await(line -> line.contains("reload: SIGHUP received"));
        assertThat(await(line -> line.contains("reload: applied"))).endsWith("reload: applied, 12 agents, 4 queues");
        assertThat(sendHup).contains("INFO");
    }

    @Test
    void aServerStartedUnderNohupSaysThatKillHupWillDoNothingAndWhatReloadsInstead() throws Exception {
        assumeTrue(Path.of("/usr/bin/nohup").toFile().canExecute(), "nohup");
        start(List.of("/usr/bin/nohup"));

        String warning = await(line -> line.contains("reload: SIGHUP"));

        assertThat(warning).contains("WARN", "reload: SIGHUP is ignored in this process (started with nohup?), so "
                + "kill -HUP does nothing; reload with hotline reload or POST /api/v1/config/reload, or start Hotline "
                + "without nohup (setsid, systemd)");
        assertThat(seen).as("it serves all the same").anyMatch(line -> line.contains("ready: 12 agents"));
    }

    private void start(List<String> prefix) throws IOException {
        List<String> command = new ArrayList<>(prefix);
        command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), Hotline.class.getName(),
                "serve", "--config", config.toString()));
        process = new ProcessBuilder(command).directory(temp.toFile()).redirectErrorStream(true).start();
        Thread.ofPlatform().daemon().start(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException e) {
                lines.add("(output closed: " + e + ")");
            }
        });
    }

    /** The first line of the server's output that {@code wanted} matches, within 60 seconds. */
    private String await(Predicate<String> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line != null) {
                seen.add(line);
                if (wanted.test(line)) {
                    return line;
                }
            }
        }
        throw new AssertionError("the server did not print the line awaited; it printed:\n" + String.join("\n", seen));
    }
}
