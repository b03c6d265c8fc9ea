package dev.hotline.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import dev.hotline.bridge.ami.AmiConnectionState;
import dev.hotline.bridge.simulator.SimulatedAmiServer;
import dev.hotline.server.ConfigCopy;
import dev.hotline.server.Hotline;
import dev.hotline.server.cli.ExitCodes;
import dev.hotline.server.config.ConfigReloader;
import dev.hotline.server.config.ConfigResult;
import dev.hotline.server.config.ServerSettings;
import dev.hotline.server.serve.HotlineServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;

/**
 * {@code hotline serve} in process over real sockets: the shipped configuration with its listeners on free ports, a
 * FastAGI client playing Asterisk's side of one call, and the AMI side played by the simulator.
 */
class ServeEndToEndTest {
    private static final Path SHIPPED = Path.of(System.getProperty("hotline.config.dir", "../config"));
    private static final Duration PATIENCE = Duration.ofSeconds(10);
    private static final String SECRET_VARIABLE = "HOTLINE_AMI_SECRET";
    /** First entry of the shipped config/blacklist.yaml. */
    private static final String BLACKLISTED = "13800138000";

    @TempDir
    Path temp;
    Path config;
    Path journal;
    final LogLines log = new LogLines();
    SimulatedAmiServer asterisk;
    HotlineServer server;

    @BeforeEach
    void shippedConfigurationOnFreePorts() throws IOException {
        config = temp.resolve("config");
        journal = temp.resolve("journal");
        ConfigCopy.tree(SHIPPED, config);
        asterisk = SimulatedAmiServer.start(Map.of("hotline", "amp111"));
        log.attach();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        asterisk.close();
        log.detach();
    }

    @Test
    void theServerLogsOneLinePerListenerAndLogsInToAsterisk() throws IOException {
        serve(asterisk.port());

        int fastAgiPort = server.fastAgiAddress().getPort();
        assertThat(log.lines()).contains(
                "journal: " + journal + "/",
                "FastAGI listening on 127.0.0.1:" + fastAgiPort + " (at most 10000 sessions)",
                "AMI asterisk-1: connecting to 127.0.0.1:" + asterisk.port(),
                "ready: 12 agents (logged in and ready: agents.autoLogin), 4 queues");
        await(() -> asterisk.successfulLogins() == 1, "the AMI login");
        await(() -> server.amiStates().get("asterisk-1") == AmiConnectionState.CONNECTED, "AMI connected");
    }

    @Test
    void aBlacklistedCallerHearsTheBusyPromptAndIsHungUpAndTheJournalKeepsTheCall() throws IOException {
        serve(asterisk.port());

        List<String> commands = call(BLACKLISTED, "4008001001", "1795413027.1");

        assertThat(commands).containsExactly("ANSWER", "STREAM FILE hotline/system-busy-try-later \"\"", "HANGUP");
        server.close();
        assertThat(journalText()).contains("\"type\":\"call-refused\"", "\"callId\":\"1795413027.1\"",
                "\"cause\":\"BLACKLISTED\"", "\"type\":\"call-ended\"");
    }

    @Test
    void aCleanStopLogsTheAgentsOutAtItsTimeSoTheirTimeOnDutyUpToTheStopIsInTheJournal() throws IOException {
        serve(asterisk.port());

        server.close();

        List<String> lines = journalText().lines().toList();
        List<String> loggedOut = lines.stream().filter(l -> l.contains("\"type\":\"agent-state-changed\"")
                && l.contains("\"to\":\"LOGGED_OUT\"")).toList();
        assertThat(loggedOut).as("the 12 agents of the shipped centre").hasSize(12);
        assertThat(lines.getLast()).as("the journal ends with the stop").contains("\"to\":\"LOGGED_OUT\"");
        assertThat(log.lines()).contains("shutdown: 12 agent(s) on duty logged out");
    }

    @Test
    void aBlacklistedCallerWhoseCarrierSendsTheCountryCodeIsRefusedAllTheSame() throws IOException {
        serve(asterisk.port());

        List<String> commands = call("+86" + BLACKLISTED, "4008001001", "1795413027.10");

        assertThat(commands).containsExactly("ANSWER", "STREAM FILE hotline/system-busy-try-later \"\"", "HANGUP");
        server.close();
        assertThat(journalText()).contains("\"callerNumber\":\"+86" + BLACKLISTED + "\"", "\"cause\":\"BLACKLISTED\"");
    }

    @Test
    void aListenerWhosePortIsTakenStopsTheStartWithTheReasonAndLeavesNothingRunning() throws IOException {
        writeServerYaml(asterisk.port());
        Path serverYaml = config.resolve("server.yaml");
        String freePorts = Files.readString(serverYaml);
        String apiOnFreePort = "  bind: 127.0.0.1\n  port: 0\n  tokens:";
        assertThat(freePorts).contains(apiOnFreePort);
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            Files.writeString(serverYaml, freePorts.replace(apiOnFreePort,
                    "  bind: 127.0.0.1\n  port: " + taken.getLocalPort() + "\n  tokens:"));

            assertThatThrownBy(() -> HotlineServer.start(started(), Map.of(SECRET_VARIABLE, "amp111")::get,
                    Clock.systemUTC())).isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("the API cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": ");
        }
        // what the failed start opened is closed again: a start on free ports takes calls and journals them
        Files.writeString(serverYaml, freePorts);
        server = HotlineServer.start(started(), Map.of(SECRET_VARIABLE, "amp111")::get, Clock.systemUTC());
        assertThat(call(BLACKLISTED, "4008001001", "1795413027.9")).last().isEqualTo("HANGUP");
    }

    @Test
    void anUnreachableAsteriskIsRetriedAndTheServerStillTakesCalls() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        serve(closedPort);

        await(() -> server.amiStates().get("asterisk-1") == AmiConnectionState.DOWN, "AMI down");
        await(() -> log.lines().stream().anyMatch(l -> l.startsWith("AMI 'asterisk-1' DOWN: cannot connect to "
                + "127.0.0.1:" + closedPort) && l.contains("reconnecting in")), "a reconnect scheduled");
        assertThat(server.amiHealth().get("asterisk-1")).as("what /health says of it, with why")
                .startsWith("DOWN: cannot connect to 127.0.0.1:" + closedPort);
        assertThat(call(BLACKLISTED, "4008001001", "1795413027.2")).last().isEqualTo("HANGUP");
    }

    @Test
    void anAmiServerWhoseSecretVariableIsNotSetIsSkippedAndTheServerRuns() throws IOException {
        writeServerYaml(asterisk.port());
        server = HotlineServer.start(started(), Map.<String, String>of()::get, Clock.systemUTC());

        assertThat(log.lines()).contains("AMI asterisk-1: its secret variable HOTLINE_AMI_SECRET is not set; "
                + "not connecting to 127.0.0.1:" + asterisk.port() + " (set it and restart)");
        assertThat(server.amiStates()).isEmpty();
        assertThat(server.amiHealth()).as("what /health says of it").containsExactly(Map.entry("asterisk-1",
                "NOT_CONNECTING: its secret variable HOTLINE_AMI_SECRET is not set"));
        assertThat(call(BLACKLISTED, "4008001001", "1795413027.3")).last().isEqualTo("HANGUP");
    }

    @Test
    void anAsteriskLeftOutAtStartConnectsOnceAReloadGivesItsSecretAndCallsGoOnMeanwhile() throws IOException {
        writeServerYaml(asterisk.port());
        server = HotlineServer.start(started(), Map.<String, String>of()::get, Clock.systemUTC());
        assertThat(server.amiStates()).isEmpty();
        Path serverYaml = config.resolve("server.yaml");
        String text = Files.readString(serverYaml);
        assertThat(text).contains("secret: ${HOTLINE_AMI_SECRET}");
        Files.writeString(serverYaml, text.replace("secret: ${HOTLINE_AMI_SECRET}", "secret: amp111"));

        assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

        await(() -> server.amiStates().get("asterisk-1") == AmiConnectionState.CONNECTED, "AMI connected");
        assertThat(asterisk.successfulLogins()).isEqualTo(1);
        assertThat(log.lines()).contains("reload: AMI asterisk-1 added")
                .noneMatch(line -> line.startsWith("reload: server.yaml changed"));
        assertThat(call(BLACKLISTED, "4008001001", "1795413027.5")).last().isEqualTo("HANGUP");
    }

    @Test
    void aServerStartedWithSettingsOfItsOwnIsNotSteeredByServerYamlOnReload() throws IOException {
        writeServerYaml(asterisk.port());
        ConfigReloader reloader = started();
        // as hotline demo does: the file's settings with the AMI server replaced by a simulated one
        ServerSettings own = reloader.current().server().withAmiServers(List.of());
        server = HotlineServer.start(reloader, own, Map.of(SECRET_VARIABLE, "amp111")::get, Clock.systemUTC());
        Path serverYaml = config.resolve("server.yaml");
        Files.writeString(serverYaml, Files.readString(serverYaml).replace("musicOnHold: default", "musicOnHold: jazz"));

        assertThat(server.reload()).isInstanceOf(ConfigResult.Valid.class);

        assertThat(log.lines()).contains("reload: this server runs with settings other than server.yaml's; its "
                + "changes are not applied").noneMatch(line -> line.startsWith("reload: AMI"));
        assertThat(server.amiStates()).isEmpty();
    }

    @Test
    void aReloadWithABrokenQueuesFileIsRefusedWithEveryProblemAndTheRunningConfigurationStays() throws IOException {
        ConfigReloader reloader = serve(asterisk.port());
        ConfigResult.Valid running = reloader.current();
        Files.writeString(config.resolve("queues.yaml"), "queues:\n  - id: sales-health\n    groups: [vip-gold]\n");

        ConfigResult result = server.reload("SIGHUP");

        assertThat(result).isInstanceOf(ConfigResult.Invalid.class);
        assertThat(reloader.current()).isSameAs(running);
        server.close();
        assertThat(journalText().lines()).as("the audit trail keeps refused reloads too").anyMatch(l -> l.contains(
                "\"type\":\"config-reloaded\",") && l.contains("\"by\":\"SIGHUP\",\"applied\":false,\"changes\":[],")
                && l.contains("\"queues.yaml:3:14: queues[sales-health].groups[0]: unknown skill group 'vip-gold'"));
        assertThat(log.lines()).contains("reload: queues.yaml:3:14: queues[sales-health].groups[0]: unknown skill "
                + "group 'vip-gold' (known: vip, sales-health, sales-home, sales-beauty, after-sales, overflow)");
        assertThat(log.lines()).anyMatch(l -> l.startsWith("reload: refused, ")
                && l.endsWith(" problem(s); the running configuration stays"));
    }

    @Test
    void aValidReloadReachesTheRoutingEngineAndTheJournalWithWhoAskedAndWhatItChanged() throws IOException {
        serve(asterisk.port());
        Path queues = config.resolve("queues.yaml");
        Files.writeString(queues, Files.readString(queues).replace("wrapUp: 60s", "wrapUp: 45s"));

        assertThat(server.reload("API token admins")).isInstanceOf(ConfigResult.Valid.class);

        server.close();
        assertThat(log.lines()).contains("reload: applied, 12 agents, 4 queues");
        List<String> lines = journalText().lines().toList();
        int applied = lines.stream().filter(l -> l.contains("\"type\":\"config-applied\"")).findFirst()
                .map(lines::indexOf).orElseThrow();
        assertThat(lines.subList(applied, lines.size())).anyMatch(l -> l.contains("\"type\":\"config-reloaded\",")
                && l.contains("\"by\":\"API token admins\",\"applied\":true,"
                + "\"changes\":[\"queues changed: after-sales (wrapUp)\"]"));
    }

    @Test
    void aReloadSignalledWhileStoppingIsIgnored() throws IOException {
        ConfigReloader reloader = serve(asterisk.port());
        ConfigResult.Valid running = reloader.current();
        server.close();

        assertThat(server.reload()).isSameAs(running);
        assertThat(log.lines()).contains("reload: ignored, the server is stopping").doesNotContain(
                "reload: applied, 12 agents, 4 queues");
    }

    @Test
    @Timeout(60) // a start that wrongly succeeded would serve until stopped
    void hotlineServeExitsFiveWithTheReasonWhenItsFastAgiPortIsTaken() throws IOException {
        writeServerYaml(asterisk.port());
        Path serverYaml = config.resolve("server.yaml");
        try (ServerSocket taken = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            String text = Files.readString(serverYaml);
            String fastAgiOnFreePort = "fastagi:\n  bind: 127.0.0.1\n  port: 0";
            assertThat(text).contains(fastAgiOnFreePort);
            Files.writeString(serverYaml, text.replace(fastAgiOnFreePort,
                    "fastagi:\n  bind: 127.0.0.1\n  port: " + taken.getLocalPort()));
            StringWriter err = new StringWriter();
            CommandLine cli = Hotline.commandLine();
            cli.setErr(new PrintWriter(err, true));

            int exit = cli.execute("serve", "--config", config.toString());

            assertThat(exit).isEqualTo(ExitCodes.CANNOT_LISTEN).isEqualTo(5);
            assertThat(err.toString().lines()).containsExactly(
                    "FastAGI server cannot listen on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use",
                    "nothing was started: stop whatever holds that address (another Hotline?), or give the listener "
                            + "another bind (an address of this machine) or port in server.yaml");
        }
    }

    @Test
    @Timeout(60)
    void hotlineServeExitsSixWithTheReasonWhenItsJournalDirectoryIsAFile() throws IOException {
        writeServerYaml(asterisk.port());
        Files.writeString(journal, "not a directory\n");
        StringWriter err = new StringWriter();
        CommandLine cli = Hotline.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("serve", "--config", config.toString());

        assertThat(exit).isEqualTo(ExitCodes.CANNOT_JOURNAL).isEqualTo(6);
        assertThat(err.toString().lines()).containsExactly(
                "cannot open the journal in " + journal + ": it is a file, not a directory",
                "nothing was started: give journal.directory in server.yaml a directory Hotline can write");
    }

    @Test
    @Timeout(60)
    void hotlineServeExitsSixNamingTheLineWhenTheCallbacksItsJournalHoldsOpenCannotBeRead() throws IOException {
        writeServerYaml(asterisk.port());
        Files.createDirectories(journal);
        Files.writeString(journal.resolve("journal-2026-11-23-001.jsonl"), "{\"type\": \"callback-requested\"\n");
        StringWriter err = new StringWriter();
        CommandLine cli = Hotline.commandLine();
        cli.setErr(new PrintWriter(err, true));

        int exit = cli.execute("serve", "--config", config.toString());

        assertThat(exit).isEqualTo(ExitCodes.CANNOT_JOURNAL);
        assertThat(err.toString()).startsWith("cannot read the callback requests the journal in " + journal
                + " holds open: journal-2026-11-23-001.jsonl:1: not JSON: ").contains("(they were promised to "
                + "callers, so nothing starts until the damaged line is repaired or its file moved away)");
        assertThat(err.toString().lines()).last().isEqualTo("nothing was started: repair the line named above, or "
                + "move its file out of the journal directory");
        assertThat(err.toString()).doesNotContain("\tat ");
    }

    @Test
    @Timeout(60)
    void aServerStartedOnAJournalWrittenAheadOfItsClockSaysSoAndEveryLaterStartStillWorks() throws IOException {
        // a demo's simulated evening written into the directory, then the real server in the afternoon
        writeServerYaml(asterisk.port());
        ConfigReloader reloader = started();
        // one day in Shanghai, whenever the test runs: the day decides the files' names and so their order
        Clock evening = Clock.fixed(Instant.parse("2026-11-23T12:00:00Z"), ZoneOffset.UTC);
        Clock afternoon = Clock.fixed(Instant.parse("2026-11-23T06:00:00Z"), ZoneOffset.UTC);
        HotlineServer.start(reloader, Map.of(SECRET_VARIABLE, "amp111")::get, evening).close();

        server = HotlineServer.start(started(), Map.of(SECRET_VARIABLE, "amp111")::get, afternoon);
        server.close();
        server = HotlineServer.start(started(), Map.of(SECRET_VARIABLE, "amp111")::get, afternoon);

        assertThat(log.lines()).filteredOn(line -> line.contains("with its simulated clock")).singleElement()
                .asString().startsWith("journal: " + journal).contains(", after this start at ")
                .endsWith("move the earlier run's files to a directory of their own (report that one there), or "
                        + "give this server a journal.directory of its own");
        assertThat(log.lines()).filteredOn(line -> line.contains("the clock was set back between two runs; both runs "
                + "are read, one after the other")).as("the third start reads both runs").hasSize(1);
    }

    @Test
    void aCentreWhoseAgentsLogInAtStartOutnumberingTheJournalsHandOffLosesNoRecord() throws IOException {
        writeServerYaml(asterisk.port());
        StringBuilder agents = new StringBuilder(Files.readString(config.resolve("agents.yaml")).stripTrailing());
        for (int i = 0; i < 400; i++) {
            agents.append("\n  - id: \"").append(5000 + i).append("\"\n    endpoint: PJSIP/").append(5000 + i)
                    .append("\n    skills: {sales-health: 5}");
        }
        Files.writeString(config.resolve("agents.yaml"), agents + "\n");
        ConfigReloader reloader = started();
        ServerSettings small = reloader.current().server()
                .withJournal(reloader.current().server().journal().withCapacity(32));

        server = HotlineServer.start(reloader, small, Map.of(SECRET_VARIABLE, "amp111")::get, Clock.systemUTC());
        server.close();

        String journaled = journalText();
        assertThat(journaled).doesNotContain("\"type\":\"records-lost\"");
        assertThat(journaled.lines().filter(l -> l.contains("\"type\":\"agent-state-changed\"")
                && l.contains("\"to\":\"READY\"")).count()).isEqualTo(412);
        assertThat(log.lines()).contains("shutdown: journal flushed and closed in " + journal
                + "/ (0 records lost since start)");
    }

    @Test
    void shutdownClosesFastAgiThenAmiThenTheEngineThenTheJournal() throws IOException {
        serve(asterisk.port());
        await(() -> asterisk.connectedClients() == 1, "the AMI connection");
        InetSocketAddress fastAgi = server.fastAgiAddress();

        server.close();

        assertThat(log.lines().stream().filter(l -> l.startsWith("shutdown: ")).toList()).containsExactly(
                "shutdown: closing FastAGI on 127.0.0.1:" + fastAgi.getPort() + "; no new calls",
                "shutdown: closing AMI connections",
                "shutdown: 12 agent(s) on duty logged out",
                "shutdown: routing engine stopped",
                "shutdown: journal flushed and closed in " + journal + "/ (0 records lost since start)");
        assertThatThrownBy(() -> new Socket(fastAgi.getAddress(), fastAgi.getPort()).close())
                .isInstanceOf(ConnectException.class);
        await(() -> asterisk.connectedClients() == 0, "the AMI connection to close");
        assertThat(journalText()).contains("\"type\":\"agent-state-changed\"");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private ConfigReloader serve(int amiPort) throws IOException {
        writeServerYaml(amiPort);
        ConfigReloader reloader = started();
        server = HotlineServer.start(reloader, Map.of(SECRET_VARIABLE, "amp111")::get, Clock.systemUTC());
        return reloader;
    }

    private ConfigReloader started() {
        return switch (ConfigReloader.start(config)) {
            case ConfigReloader.Startup.Started s -> s.reloader();
            case ConfigReloader.Startup.Refused r -> throw new AssertionError("config refused: " + r.problems());
        };
    }

    /** The shipped server.yaml, with free FastAGI and API ports, the test's journal and AMI on {@code amiPort}. */
    private void writeServerYaml(int amiPort) throws IOException {
        String shipped = Files.readString(config.resolve("server.yaml"));
        String text = shipped.replace("  port: 4573", "  port: 0").replace("  port: 8080", "  port: 0")
                .replace("    port: 5038", "    port: " + amiPort)
                .replace("  directory: journal", "  directory: " + journal);
        assertThat(text).isNotEqualTo(shipped).contains("port: 0", "port: " + amiPort, "directory: " + journal);
        Files.writeString(config.resolve("server.yaml"), text);
    }

    /**
     * Plays Asterisk's side of one inbound call (the environment of fixtures' agi-session-basic.txt with the given
     * numbers), answering every command with success, until the server closes the session.
     *
     * @return the commands the server sent
     */
    private List<String> call(String caller, String dialled, String uniqueId) throws IOException {
        InetSocketAddress at = server.fastAgiAddress();
        try (Socket socket = new Socket(at.getAddress(), at.getPort())) {
            socket.setSoTimeout((int) PATIENCE.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("""
                    agi_network: yes
                    agi_network_script: inbound
                    agi_request: agi://127.0.0.1:4573/inbound
                    agi_channel: PJSIP/trunk-00000001
                    agi_language: en
                    agi_type: PJSIP
                    agi_uniqueid: %s
                    agi_version: GIT-22-22.0.0-pre1-541-g69535d4837
                    agi_callerid: %s
                    agi_calleridname: Test Caller
                    agi_callingpres: 0
                    agi_callingani2: 0
                    agi_callington: 0
                    agi_callingtns: 0
                    agi_dnid: %s
                    agi_rdnis: unknown
                    agi_context: from-pstn
                    agi_extension: %s
                    agi_priority: 1
                    agi_enhanced: 0.0
                    agi_accountcode:\s
                    agi_threadid: 140117598656192

                    """).formatted(uniqueId, caller, dialled, dialled).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            List<String> commands = new java.util.ArrayList<>();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                commands.add(line);
                String reply = switch (line.split(" ")[0]) {
                    case "HANGUP" -> "200 result=1\n";
                    case "STREAM" -> "200 result=0 endpos=16000\n";
                    default -> "200 result=0\n";
                };
                out.write(reply.getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
            return commands;
        }
    }

    private String journalText() throws IOException {
        try (Stream<Path> files = Files.list(journal)) {
            StringBuilder text = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                text.append(Files.readString(file));
            }
            return text.toString();
        }
    }

    private static void await(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited " + PATIENCE + " for " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
    }

    /** The server's log messages, captured from the root logger. */
    static final class LogLines extends AppenderBase<ILoggingEvent> {
        private final ConcurrentLinkedQueue<String> lines = new ConcurrentLinkedQueue<>();

        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getFormattedMessage());
        }

        List<String> lines() {
            return List.copyOf(lines);
        }

        void attach() {
            start();
            root().addAppender(this);
        }

        void detach() {
            root().detachAppender(this);
            stop();
        }

        private static Logger root() {
            return (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        }
    }
}
