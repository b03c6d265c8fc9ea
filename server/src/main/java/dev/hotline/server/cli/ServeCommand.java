package dev.hotline.server.cli;

import dev.hotline.server.config.ConfigReloader;
import dev.hotline.server.serve.HotlineServer;
import dev.hotline.server.serve.JournalUnavailable;
import dev.hotline.server.serve.ListenerUnavailable;
import dev.hotline.server.serve.SteadyClock;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hotline serve}: runs the server until SIGTERM or Ctrl-C; SIGHUP reloads the configuration.
 */
@Command(name = "serve",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        description = {
                "Run Hotline: FastAGI for Asterisk's calls, the AMI connections, the routing engine and the journal.",
                "An invalid configuration is refused like validate does (every problem on stderr, exit 1); a "
                        + "FastAGI or API port already taken stops the start (the reason on stderr, exit 5).",
                "kill -HUP <pid> reloads the configuration: a valid one applies without dropping calls, an "
                        + "invalid one is logged and the running one stays. SIGTERM or Ctrl-C stops it cleanly."})
public final class ServeCommand implements Callable<Integer> {
    private static final Logger log = LoggerFactory.getLogger(ServeCommand.class);

    @Option(names = "--config", paramLabel = "DIR", defaultValue = "config",
            description = "the configuration directory (default: ${DEFAULT-VALUE})")
    private Path dir;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() throws InterruptedException {
        Optional<ConfigReloader> started = ConfigStartup.start(dir, spec.commandLine().getErr());
        if (started.isEmpty()) {
            return ExitCodes.INVALID_CONFIG;
        }
        ConfigReloader reloader = started.get();
        log.info("configuration: {}", dir.toAbsolutePath().normalize());
        HotlineServer server;
        try {
            server = HotlineServer.start(reloader, System::getenv, SteadyClock.system());
        } catch (ListenerUnavailable e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(e.getMessage());
            err.println("nothing was started: stop whatever holds that address (another Hotline?), or give the "
                    + "listener another bind (an address of this machine) or port in server.yaml");
            err.flush();
            return ExitCodes.CANNOT_LISTEN;
        } catch (JournalUnavailable e) {
            PrintWriter err = spec.commandLine().getErr();
            err.println(e.getMessage());
            err.println(e.inUse()
                    ? "nothing was started: stop the other Hotline, or give this one its own journal.directory in"
                    + " server.yaml"
                    : e.damaged()
                    ? "nothing was started: repair the line named above, or move its file out of the journal directory"
                    : e.getMessage().contains(" is in the way: ")
                    ? "nothing was started: move away what the message above names as in the way"
                    : "nothing was started: give journal.directory in server.yaml a directory Hotline can write");
            err.flush();
            return ExitCodes.CANNOT_JOURNAL;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("hotline-shutdown").unstarted(() -> {
            log.info("shutdown: signal received");
            server.close();
            stopped.countDown();
        }));
        onHangUpSignal(server);
        stopped.await();
        return ExitCodes.OK;
    }

    /**
     * SIGHUP reloads, the Unix convention for daemons. The JDK has no supported signal API; sun.misc.Signal (module
     * jdk.unsupported, kept for exactly this use) is the one that works on every JDK. Where there is no SIGHUP
     * (Windows), the log points to the API's reload instead.
     */
    private static void onHangUpSignal(HotlineServer server) {
        try {
            sun.misc.SignalHandler before = sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> {
                log.info("reload: SIGHUP received");
                try {
                    server.reload("SIGHUP");
                } catch (RuntimeException e) {
                    // a fault of the server's, not of the files: logged where the admin looks, not on stderr
                    log.error("reload: failed: {}", e.toString(), e);
                }
            });
            if (before == sun.misc.SignalHandler.SIG_IGN) {
                // the JVM leaves a signal its parent ignored ignored (nohup does that to SIGHUP): kill -HUP would
                // silently do nothing, so say so and name what works
                log.warn("reload: SIGHUP is ignored in this process (started with nohup?), so kill -HUP does nothing; "
                        + "reload with hotline reload or POST /api/v1/config/reload, or start Hotline without nohup "
                        + "(setsid, systemd)");
            } else {
                log.info("reload: send SIGHUP (kill -HUP {})", ProcessHandle.current().pid());
            }
        } catch (IllegalArgumentException e) {
            log.warn("reload: this platform has no SIGHUP ({}); reload with an admin token over the API "
                    + "(POST /api/v1/config/reload), or restart", e.getMessage());
        }
    }
}
