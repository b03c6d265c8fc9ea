package dev.hotline.server.config;

import dev.hotline.bridge.agi.server.FastAgiSettings;
import dev.hotline.bridge.ami.AmiSettings;
import dev.hotline.server.journal.JournalSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * How {@code hotline serve} runs, from {@code server.yaml}: where the FastAGI server listens and its limits, the
 * Asterisk manager interfaces to connect to, where the journal goes, what waiting callers hear, and whether agents
 * are logged in at start. Read at start; a reload re-checks it but listeners change only with a restart.
 *
 * @param fastAgi          where the FastAGI server listens, and its limits
 * @param amiServers       the Asterisk servers' manager interfaces, in the order written; empty for none
 * @param journal          where the journal is written (a relative directory is relative to the working directory)
 * @param announceEvery    how often a waiting caller hears their position and expected wait; zero for never
 * @param musicOnHoldClass the Asterisk music-on-hold class waiting callers hear
 * @param agentsAutoLogin  log every configured agent in and make them ready at start (until agents log in through
 *                         the agent API)
 * @param ivrRequestTimeout how long a message or callback request may take to be on disk in the journal before the
 *                         caller is told it could not be taken (docs/ivr.md)
 * @param callbacks        how customers who asked for it are called back
 * @param api              where the HTTP API listens and its tokens; empty: no API
 * @param readyAfterMissedCall how long an agent a missed call made not ready stays so before being made ready again;
 *                         zero: until they say ready
 * @param notReadyReasons  the reason codes agents may give for a break
 */
public record ServerSettings(FastAgiSettings fastAgi, List<AmiServer> amiServers, JournalSettings journal,
                             Duration announceEvery, String musicOnHoldClass, boolean agentsAutoLogin,
                             Duration ivrRequestTimeout, CallbackSettings callbacks, Optional<ApiSettings> api,
                             Duration readyAfterMissedCall, NotReadyReasons notReadyReasons) {

    public static final Path DEFAULT_JOURNAL_DIR = Path.of("journal");
    public static final Duration DEFAULT_ANNOUNCE_EVERY = Duration.ofSeconds(60);
    public static final String DEFAULT_MUSIC_ON_HOLD = "default";
    public static final Duration DEFAULT_IVR_REQUEST_TIMEOUT = Duration.ofSeconds(2);

    public ServerSettings {
        Objects.requireNonNull(fastAgi, "fastAgi");
        amiServers = List.copyOf(amiServers);
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(announceEvery, "announceEvery");
        Objects.requireNonNull(musicOnHoldClass, "musicOnHoldClass");
        Objects.requireNonNull(ivrRequestTimeout, "ivrRequestTimeout");
        Objects.requireNonNull(callbacks, "callbacks");
        Objects.requireNonNull(api, "api");
        Objects.requireNonNull(readyAfterMissedCall, "readyAfterMissedCall");
        Objects.requireNonNull(notReadyReasons, "notReadyReasons");
    }

    /** Settings in which an agent who missed a call stays not ready until they say ready, with any reason code. */
    public ServerSettings(FastAgiSettings fastAgi, List<AmiServer> amiServers, JournalSettings journal,
                          Duration announceEvery, String musicOnHoldClass, boolean agentsAutoLogin,
                          Duration ivrRequestTimeout, CallbackSettings callbacks, Optional<ApiSettings> api) {
        this(fastAgi, amiServers, journal, announceEvery, musicOnHoldClass, agentsAutoLogin, ivrRequestTimeout,
                callbacks, api, Duration.ZERO, NotReadyReasons.ANY);
    }

    /** These settings with {@code readyAfterMissedCall} as given. */
    public ServerSettings withReadyAfterMissedCall(Duration readyAfterMissedCall) {
        return new ServerSettings(fastAgi, amiServers, journal, announceEvery, musicOnHoldClass, agentsAutoLogin,
                ivrRequestTimeout, callbacks, api, readyAfterMissedCall, notReadyReasons);
    }

    /** These settings with {@code notReadyReasons} as given. */
    public ServerSettings withNotReadyReasons(NotReadyReasons notReadyReasons) {
        return new ServerSettings(fastAgi, amiServers, journal, announceEvery, musicOnHoldClass, agentsAutoLogin,
                ivrRequestTimeout, callbacks, api, readyAfterMissedCall, notReadyReasons);
    }

    /** These settings with how calls wait and file IVR requests as given. */
    public ServerSettings withCallsSettings(Duration announceEvery, String musicOnHoldClass,
                                            Duration ivrRequestTimeout) {
        return new ServerSettings(fastAgi, amiServers, journal, announceEvery, musicOnHoldClass, agentsAutoLogin,
                ivrRequestTimeout, callbacks, api, readyAfterMissedCall, notReadyReasons);
    }

    /** These settings with {@code fastAgi} instead of these FastAGI settings. */
    public ServerSettings withFastAgi(FastAgiSettings fastAgi) {
        return new ServerSettings(fastAgi, amiServers, journal, announceEvery, musicOnHoldClass, agentsAutoLogin,
                ivrRequestTimeout, callbacks, api, readyAfterMissedCall, notReadyReasons);
    }

    /** These settings with {@code agentsAutoLogin} as given. */
    public ServerSettings withAgentsAutoLogin(boolean agentsAutoLogin) {
        return new ServerSettings(fastAgi, amiServers, journal, announceEvery, musicOnHoldClass, agentsAutoLogin,
                ivrRequestTimeout, callbacks, api, readyAfterMissedCall, notReadyReasons);
    }

    /** These settings with {@code callbacks} instead of these callback settings. */
    public ServerSettings withCallbacks(CallbackSettings callbacks) {
        return new ServerSettings(fastAgi, amiServers, journal, announceEvery, musicOnHoldClass, agentsAutoLogin,
                ivrRequestTimeout, callbacks, api, readyAfterMissedCall, notReadyReasons);
    }

    /** These settings with {@code journal} instead of these journal settings. */
    public ServerSettings withJournal(JournalSettings journal) {
        return new ServerSettings(fastAgi, amiServers, journal, announceEvery, musicOnHoldClass, agentsAutoLogin,
                ivrRequestTimeout, callbacks, api, readyAfterMissedCall, notReadyReasons);
    }

    /** These settings with {@code amiServers} instead of these AMI servers. */
    public ServerSettings withAmiServers(List<AmiServer> amiServers) {
        return new ServerSettings(fastAgi, amiServers, journal, announceEvery, musicOnHoldClass, agentsAutoLogin,
                ivrRequestTimeout, callbacks, api, readyAfterMissedCall, notReadyReasons);
    }

    /** These settings with {@code api} instead of this API section. */
    public ServerSettings withApi(Optional<ApiSettings> api) {
        return new ServerSettings(fastAgi, amiServers, journal, announceEvery, musicOnHoldClass, agentsAutoLogin,
                ivrRequestTimeout, callbacks, api, readyAfterMissedCall, notReadyReasons);
    }

    /**
     * What a configuration without {@code server.yaml} runs with: loopback FastAGI on 4573, no AMI, journal/,
     * callbacks not placed, no HTTP API.
     */
    public static ServerSettings defaults() {
        return new ServerSettings(FastAgiSettings.defaults(), List.of(), JournalSettings.in(DEFAULT_JOURNAL_DIR),
                DEFAULT_ANNOUNCE_EVERY, DEFAULT_MUSIC_ON_HOLD, false, DEFAULT_IVR_REQUEST_TIMEOUT,
                CallbackSettings.NOT_PLACED, Optional.empty());
    }

    /**
     * One Asterisk manager interface, as {@code server.yaml} names it. The secret may be a reference to an
     * environment variable, resolved only when the server connects ({@link #settings}).
     */
    public record AmiServer(String name, String host, int port, String username, Secret secret,
                            Duration keepAliveInterval, Duration keepAliveTimeout, Duration reconnectMin,
                            Duration reconnectMax) {
        public AmiServer {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(username, "username");
            Objects.requireNonNull(secret, "secret");
        }

        /** {@code host:port}. */
        public String address() {
            return host + ":" + port;
        }

        /**
         * The connection settings with the secret resolved from {@code environment}; empty when the secret names an
         * environment variable that is not set.
         */
        public Optional<AmiSettings> settings(Function<String, String> environment) {
            return secret.resolve(environment).map(s -> new AmiSettings(name, host, port, username, s,
                    keepAliveInterval, keepAliveTimeout, reconnectMin, reconnectMax));
        }
    }

    /** An AMI secret: written in the file, or read from an environment variable so it need not live in the file. */
    public sealed interface Secret {
        Optional<String> resolve(Function<String, String> environment);

        record Written(String value) implements Secret {
            public Written {
                Objects.requireNonNull(value, "value");
            }

            @Override
            public Optional<String> resolve(Function<String, String> environment) {
                return Optional.of(value);
            }

            @Override
            public String toString() {
                return "Written[***]";
            }
        }

        /** {@code secret: ${HOTLINE_AMI_SECRET}}. */
        record FromEnvironment(String variable) implements Secret {
            public FromEnvironment {
                Objects.requireNonNull(variable, "variable");
            }

            @Override
            public Optional<String> resolve(Function<String, String> environment) {
                return Optional.ofNullable(environment.apply(variable)).filter(s -> !s.isEmpty());
            }
        }
    }
}
