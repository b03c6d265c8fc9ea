package dev.hotline.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The configuration the held-calls test serves: one number, one queue without a waiting limit or a maximum wait, one
 * agent (logged in and ready at start) who takes the first call and talks for the whole test, so every other call
 * waits with music on hold. No announcements, so a waiting call is silent on the wire; no AMI server.
 */
final class HeldCallsConfig {

    static final String NUMBER = "4008001001";
    static final String AGENT_ENDPOINT = "PJSIP/1001";

    private HeldCallsConfig() {
    }

    static void write(Path dir, int port, int maxSessions, Path journal) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("centre.yaml"), """
                settings:
                  zone: UTC
                  busyPrompt: hotline/system-busy-try-later
                  defaultBusinessType: held
                """);
        Files.writeString(dir.resolve("numbers.yaml"), """
                numbers:
                  - number: "%s"
                    businessType: held
                businessTypes:
                  - id: held
                    queue: held
                """.formatted(NUMBER));
        Files.writeString(dir.resolve("queues.yaml"), """
                queues:
                  - id: held
                    groups: [held]
                    maxWaiting: 0   # no limit
                """);
        Files.writeString(dir.resolve("agents.yaml"), """
                groups:
                  - id: held
                agents:
                  - id: "1001"
                    endpoint: %s
                    skills: {held: 5}
                """.formatted(AGENT_ENDPOINT));
        Files.writeString(dir.resolve("server.yaml"), """
                fastagi:
                  bind: 127.0.0.1
                  port: %d
                  maxSessions: %d
                journal:
                  directory: %s
                waiting:
                  announceEvery: 0s
                  musicOnHold: default
                agents:
                  autoLogin: true
                """.formatted(port, maxSessions, journal.toAbsolutePath()));
    }
}
