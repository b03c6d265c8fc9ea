package dev.hotline.server.serve.internal;

import dev.hotline.bridge.agi.server.FastAgiSettings;
import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.CallbackSettings;
import dev.hotline.server.config.Durations;
import dev.hotline.server.config.NotReadyReasons;
import dev.hotline.server.config.ServerSettings;
import dev.hotline.server.journal.JournalSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * server.yaml as far as it is in force, and a reload's changes to it put in force while calls go on: the FastAGI and
 * API addresses (the new one bound before the old one closes), FastAGI's limits for new connections, the journal's
 * file size and flush interval, the AMI servers, how calls wait and file IVR requests (for calls that start from then
 * on), how callbacks are placed (turning them on or off too), {@code agents.autoLogin}, the not-ready reason codes,
 * the API (started, stopped or with new tokens). What only a restart applies (the journal's directory, and a listener
 * that could not be bound) is named in one warning, and the rest of the change still applies.
 */
public final class LiveServerSettings {
    private static final Logger log = LoggerFactory.getLogger(LiveServerSettings.class);

    /** What a reload says when server.yaml changed in ways only a restart applies. */
    public static final String WAITING_FOR_RESTART = "server.yaml changed in what only a restart applies (the "
            + "journal's directory, or a listener that could not be bound); the rest of it is in force";

    /** Who puts each part in force; each is called only when its part changed. */
    public interface Owners {
        /** FastAGI listens on {@code host:port} from now on; false (logged) when that address cannot be bound. */
        boolean fastAgiAddress(String host, int port);

        /** FastAGI's limits for new connections ({@code settings} keeps the running address). */
        void fastAgiLimits(FastAgiSettings settings);

        /** The journal's file size and flush interval ({@code settings} keeps the running directory). */
        void journalLimits(JournalSettings settings);

        /** The AMI servers server.yaml lists now (secrets not resolved yet). */
        void amiServers(List<ServerSettings.AmiServer> servers);

        /** How calls that start from now on wait and file IVR requests. */
        void calls(ServerSettings settings);

        /** How callbacks are placed, turning them on (an endpoint set) or off (the endpoint removed). */
        void callbacks(CallbackSettings settings);

        /**
         * The API runs by {@code next} from now on (server.yaml's {@code api} added), or stops (removed); false
         * (logged) when it cannot start.
         */
        boolean apiRunning(Optional<ApiSettings> next);

        /** The API listens on {@code host:port} from now on; false (logged) when that address cannot be bound. */
        boolean apiAddress(String host, int port);

        /** The API's tokens ({@code settings} keeps the running address); false when the API does not run. */
        boolean apiTokens(ApiSettings settings);

        /** How long an agent a missed call made not ready stays so from now on (zero: until they say ready). */
        void readyAfterMissedCall(java.time.Duration after);
    }

    private final Owners owners;
    /** False for a server started with settings of its own (hotline demo): server.yaml does not steer it. */
    private final boolean followsServerYaml;
    /** The settings the server started with: what it runs by when it does not follow server.yaml. */
    private final ServerSettings running;
    private ServerSettings inForce;

    /**
     * @param serverYaml server.yaml as read at start
     * @param running    the settings the server started with (server.yaml's, unless it was given its own)
     */
    public LiveServerSettings(ServerSettings serverYaml, ServerSettings running, Owners owners) {
        this.inForce = Objects.requireNonNull(serverYaml, "serverYaml");
        this.followsServerYaml = serverYaml.equals(running);
        this.running = running;
        this.owners = Objects.requireNonNull(owners, "owners");
    }

    /** Whether agents a reload adds are logged in and made ready. */
    public synchronized boolean autoLogin() {
        return followsServerYaml ? inForce.agentsAutoLogin() : running.agentsAutoLogin();
    }

    /** The reason codes agents may give for a break now. */
    public synchronized NotReadyReasons notReadyReasons() {
        return followsServerYaml ? inForce.notReadyReasons() : running.notReadyReasons();
    }

    /** What {@code lastRead} (server.yaml as a reload last read it) says beyond what is in force, if anything. */
    public synchronized Optional<String> waitingForRestart(ServerSettings lastRead) {
        if (lastRead.equals(inForce)) {
            return Optional.empty();
        }
        List<String> waiting = new ArrayList<>();
        if (!lastRead.journal().dir().equals(inForce.journal().dir())) {
            waiting.add("the journal's directory " + lastRead.journal().dir());
        }
        FastAgiSettings fastAgi = lastRead.fastAgi();
        if (!sameAddress(fastAgi.host(), fastAgi.port(), inForce.fastAgi().host(), inForce.fastAgi().port())) {
            waiting.add("FastAGI's address " + address(fastAgi.host(), fastAgi.port()) + ", which could not be bound");
        }
        if (lastRead.api().isPresent() && inForce.api().isPresent()) {
            ApiSettings api = lastRead.api().get();
            if (!sameAddress(api.host(), api.port(), inForce.api().get().host(), inForce.api().get().port())) {
                waiting.add("the API's address " + address(api.host(), api.port()) + ", which could not be bound");
            }
        }
        return Optional.of(waiting.isEmpty() ? WAITING_FOR_RESTART : "server.yaml changed in what only a restart "
                + "applies (" + String.join("; ", waiting) + "); the rest of it is in force");
    }

    /**
     * Puts what can change of {@code next} (a valid server.yaml just read) in force, part by part, and says what it
     * changed, a sentence per part, for the reload's answer.
     */
    public synchronized List<String> apply(ServerSettings next) {
        List<String> changed = new ArrayList<>();
        if (!followsServerYaml) {
            if (!next.equals(inForce)) {
                log.warn("reload: this server runs with settings other than server.yaml's; its changes are not "
                        + "applied");
            }
            return List.of();
        }
        FastAgiSettings listening = inForce.fastAgi();
        FastAgiSettings fastAgi = next.fastAgi();
        if (!sameAddress(fastAgi.host(), fastAgi.port(), listening.host(), listening.port())) {
            if (applied(changed, "FastAGI's address", () -> owners.fastAgiAddress(fastAgi.host(), fastAgi.port()))) {
                listening = listening.withAddress(fastAgi.host(), fastAgi.port());
                inForce = inForce.withFastAgi(listening);
                changed.add("FastAGI listens on " + address(fastAgi.host(), fastAgi.port()));
            } else {
                changed.add(notMoved("FastAGI", fastAgi.host(), fastAgi.port(), listening.host(), listening.port()));
            }
        }
        FastAgiSettings limits = fastAgi.withAddress(listening.host(), listening.port());
        if (!limits.equals(listening) && applied(changed, "FastAGI's limits", () -> owners.fastAgiLimits(limits))) {
            inForce = inForce.withFastAgi(limits);
            changed.add("FastAGI's limits apply to new connections: at most " + limits.maxSessions() + " sessions, "
                    + "lines of " + limits.maxLineLength() + " bytes, " + limits.maxEnvironmentLines()
                    + " environment lines within " + Durations.format(limits.environmentTimeout()) + ", idle for "
                    + Durations.format(limits.idleTimeout()));
        }
        JournalSettings journal = inForce.journal();
        JournalSettings journalLimits = new JournalSettings(journal.dir(), next.journal().maxFileBytes(),
                next.journal().flushEvery(), journal.capacity());
        if (!journalLimits.equals(journal)
                && applied(changed, "the journal's limits", () -> owners.journalLimits(journalLimits))) {
            inForce = inForce.withJournal(journalLimits);
            java.time.Duration flush = journalLimits.flushEvery();
            changed.add("journal files close at " + journalLimits.maxFileBytes() + " bytes, flushed every "
                    + (flush.toMillis() % 1000 == 0 ? Durations.format(flush) : flush.toMillis() + " ms"));
        }
        if (!next.amiServers().equals(inForce.amiServers())
                && applied(changed, "the AMI servers", () -> owners.amiServers(next.amiServers()))) {
            inForce = inForce.withAmiServers(next.amiServers());
            changed.add("AMI servers: " + (next.amiServers().isEmpty() ? "none"
                    : String.join(", ", next.amiServers().stream().map(ServerSettings.AmiServer::name).toList())));
        }
        ServerSettings calls = inForce.withCallsSettings(next.announceEvery(), next.musicOnHoldClass(),
                next.ivrRequestTimeout());
        if (!calls.equals(inForce) && applied(changed, "how calls wait", () -> owners.calls(calls))) {
            inForce = calls;
            said(changed, "calls from now on wait with music on hold '" + next.musicOnHoldClass()
                    + "', announcements every " + Durations.format(next.announceEvery()) + ", and have "
                    + Durations.format(next.ivrRequestTimeout()) + " to file an IVR request; calls in progress keep "
                    + "theirs");
        }
        if (next.agentsAutoLogin() != inForce.agentsAutoLogin()) {
            inForce = inForce.withAgentsAutoLogin(next.agentsAutoLogin());
            said(changed, "agents.autoLogin is " + next.agentsAutoLogin() + ": agents added to agents.yaml from now "
                    + "on are " + (next.agentsAutoLogin() ? "logged in and made ready"
                            : "logged out until they log in"));
        }
        if (!next.readyAfterMissedCall().equals(inForce.readyAfterMissedCall())) {
            owners.readyAfterMissedCall(next.readyAfterMissedCall());
            inForce = inForce.withReadyAfterMissedCall(next.readyAfterMissedCall());
            said(changed, next.readyAfterMissedCall().isZero()
                    ? "agents.readyAfterMissedCall removed: an agent who misses a call from now on stays not ready "
                    + "until they say ready"
                    : "agents.readyAfterMissedCall is " + Durations.format(next.readyAfterMissedCall()) + ": an agent "
                    + "who misses a call from now on is ready again that long after it");
        }
        if (!next.notReadyReasons().equals(inForce.notReadyReasons())) {
            inForce = inForce.withNotReadyReasons(next.notReadyReasons());
            said(changed, next.notReadyReasons().any()
                    ? "agents.notReadyReasons removed: agents may give any reason code for a break"
                    : "agents.notReadyReasons: agents may give " + String.join(", ", next.notReadyReasons().codes())
                    + " for a break from now on; agents on a break keep theirs");
        }
        CallbackSettings callbacks = next.callbacks();
        boolean wasPlaced = inForce.callbacks().placed();
        if (!callbacks.equals(inForce.callbacks())
                && applied(changed, "the callbacks", () -> owners.callbacks(callbacks))) {
            inForce = inForce.withCallbacks(callbacks);
            if (callbacks.placed()) {
                said(changed, "callbacks rung on " + callbacks.endpoint() + " into context " + callbacks.context()
                        + ", at most " + callbacks.attempts() + " attempt(s) "
                        + Durations.format(callbacks.retryAfter()) + " apart, given up after "
                        + Durations.format(callbacks.expireAfter()) + ", to " + callbacks.allowedNumbersDescribed());
            } else if (wasPlaced) {
                said(changed, "callbacks are no longer placed (callbacks.endpoint removed); open requests stay in the "
                        + "journal and are rung once an endpoint is set again");
            }
        }
        if (inForce.api().isPresent() != next.api().isPresent()) {
            if (applied(changed, "the API", () -> owners.apiRunning(next.api()))) {
                inForce = inForce.withApi(next.api());
                said(changed, "the API " + next.api().map(a -> "runs on " + a.host() + ":" + a.port())
                        .orElse("stops (server.yaml has no api section any more)"));
            }
        } else if (inForce.api().isPresent()) {
            ApiSettings running = inForce.api().get();
            ApiSettings asked = next.api().get();
            if (!sameAddress(asked.host(), asked.port(), running.host(), running.port())) {
                if (applied(changed, "the API's address", () -> owners.apiAddress(asked.host(), asked.port()))) {
                    running = new ApiSettings(asked.host(), asked.port(), running.tokens());
                    inForce = inForce.withApi(Optional.of(running));
                    changed.add("the API listens on " + address(asked.host(), asked.port()));
                } else {
                    changed.add(notMoved("the API", asked.host(), asked.port(), running.host(), running.port()));
                }
            }
            if (!asked.tokens().equals(running.tokens())) {
                ApiSettings retokened = new ApiSettings(running.host(), running.port(), asked.tokens());
                if (applied(changed, "the API tokens", () -> owners.apiTokens(retokened))) {
                    inForce = inForce.withApi(Optional.of(retokened));
                    changed.add("API tokens: " + (asked.tokens().isEmpty() ? "none" : String.join(", ",
                            asked.tokens().stream().map(t -> t.name() + " (" + t.role().written() + ")").toList())));
                }
            }
        }
        waitingForRestart(next).ifPresent(waiting -> log.warn("reload: {}", waiting));
        return List.copyOf(changed);
    }

    /**
     * Asks one part's owner to put its change in force. The file was valid, so a failure here is a fault of the
     * server, not of the file: logged with its trace and said in the answer, that part stays as it was, and the other
     * parts still apply, so one fault never leaves the reload's answer unsaid or later parts unapplied.
     */
    private static boolean applied(List<String> changed, String part, BooleanSupplier change) {
        try {
            return change.getAsBoolean();
        } catch (RuntimeException e) {
            log.error("reload: {} could not be put in force and stay as they were: {}", part, e.toString(), e);
            changed.add(part + " could not be put in force (" + e + ") and stay as they were");
            return false;
        }
    }

    private static boolean applied(List<String> changed, String part, Runnable change) {
        return applied(changed, part, () -> {
            change.run();
            return true;
        });
    }

    /** An address as the answer says it: port 0 asks the system for a free one, which the log names once bound. */
    private static String address(String host, int port) {
        return host + ":" + (port == 0 ? "a free port (the log names it)" : String.valueOf(port));
    }

    /** A listener that could not move, for the reload's answer (its owner logged why). */
    private static String notMoved(String listener, String host, int port, String stayHost, int stayPort) {
        return listener + " could not listen on " + host + ":" + port + " (the log says why: in use, or not an "
                + "address of this machine); it stays on " + stayHost + ":" + stayPort;
    }

    /** A change this class puts in force itself: logged, and said in the answer. */
    private static void said(List<String> changed, String sentence) {
        log.info("reload: {}", sentence);
        changed.add(sentence);
    }

    private static boolean sameAddress(String host, int port, String otherHost, int otherPort) {
        return host.equals(otherHost) && port == otherPort;
    }
}
