package dev.hotline.server.serve.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.bridge.agi.server.FastAgiSettings;
import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.NotReadyReasons;
import dev.hotline.server.config.CallbackSettings;
import dev.hotline.server.config.ServerSettings;
import dev.hotline.server.config.ServerSettings.AmiServer;
import dev.hotline.server.config.ServerSettings.Secret;
import dev.hotline.server.journal.JournalSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which parts of a reloaded server.yaml are put in force while calls go on, by whom, and what waits for a restart. */
class LiveServerSettingsTest {
    private static final AmiServer ASTERISK_1 = new AmiServer("asterisk-1", "127.0.0.1", 5038, "hotline",
            new Secret.Written("amp111"), Duration.ofSeconds(15), Duration.ofSeconds(5), Duration.ofSeconds(1),
            Duration.ofSeconds(30));
    private static final ApiSettings API = new ApiSettings("127.0.0.1", 8080, List.of(new ApiSettings.Token(
            "supervisors", ApiSettings.Role.SUPERVISOR, new Secret.Written("supervisor-token-0001"),
            Optional.empty())));
    private static final ServerSettings AT_START = ServerSettings.defaults().withAmiServers(List.of(ASTERISK_1))
            .withApi(Optional.of(API));

    /** What each owner was asked to put in force. */
    private final List<String> applied = new ArrayList<>();
    /** A port that some other program holds: moving there fails. */
    private static final int TAKEN = 5000;
    private final LiveServerSettings.Owners owners = new LiveServerSettings.Owners() {
        @Override
        public boolean fastAgiAddress(String host, int port) {
            applied.add("fastagi to " + host + ":" + port);
            return port != TAKEN;
        }

        @Override
        public void fastAgiLimits(FastAgiSettings settings) {
            applied.add("fastagi " + settings.maxSessions() + " on " + settings.port());
        }

        @Override
        public void journalLimits(JournalSettings settings) {
            applied.add("journal " + settings.maxFileBytes() + " every " + settings.flushEvery().toMillis() + " ms in "
                    + settings.dir());
        }

        @Override
        public void amiServers(List<AmiServer> servers) {
            applied.add("ami " + servers.stream().map(AmiServer::name).toList());
        }

        @Override
        public void calls(ServerSettings settings) {
            applied.add("calls " + settings.musicOnHoldClass());
        }

        @Override
        public void callbacks(CallbackSettings settings) {
            applied.add("callbacks " + settings.attempts() + (settings.placed() ? " on " + settings.endpoint()
                    : " not placed"));
        }

        @Override
        public boolean apiRunning(Optional<ApiSettings> next) {
            applied.add("api " + next.map(a -> "on " + a.port()).orElse("stopped"));
            return true;
        }

        @Override
        public boolean apiAddress(String host, int port) {
            applied.add("api to " + host + ":" + port);
            return port != TAKEN;
        }

        @Override
        public boolean apiTokens(ApiSettings settings) {
            applied.add("tokens " + settings.tokens().size() + " on " + settings.port());
            return true;
        }

        @Override
        public void readyAfterMissedCall(Duration after) {
            applied.add("ready after a missed call " + after);
        }
    };

    @Test
    void aMissedCallsBreakSetByAReloadIsPutInForceInTheEngineAndSaid() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);

        List<String> said = live.apply(AT_START.withReadyAfterMissedCall(Duration.ofMinutes(1)));

        assertThat(applied).containsExactly("ready after a missed call PT1M");
        assertThat(said).containsExactly("agents.readyAfterMissedCall is 1m: an agent who misses a call from now on "
                + "is ready again that long after it");
    }

    @Test
    void notReadyReasonsSetByAReloadAreThoseDesktopsMayGiveFromThenOnAndRemovingThemTakesAnyCodeAgain() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);
        NotReadyReasons listed = new NotReadyReasons(List.of("break", "lunch"));

        List<String> set = live.apply(AT_START.withNotReadyReasons(listed));
        NotReadyReasons inForce = live.notReadyReasons();
        List<String> removed = live.apply(AT_START);

        assertThat(set).containsExactly("agents.notReadyReasons: agents may give break, lunch for a break from now "
                + "on; agents on a break keep theirs");
        assertThat(inForce).isEqualTo(listed);
        assertThat(removed).containsExactly("agents.notReadyReasons removed: agents may give any reason code for a "
                + "break");
        assertThat(live.notReadyReasons().any()).isTrue();
        assertThat(applied).as("nothing else to tell: the API reads them from here").isEmpty();
    }

    @Test
    void anUnchangedServerYamlAsksNothingOfAnyoneAndWaitsForNothing() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);

        live.apply(AT_START);

        assertThat(applied).isEmpty();
        assertThat(live.waitingForRestart(AT_START)).isEmpty();
    }

    @Test
    void eachPartThatCanChangeLiveGoesToItsOwner() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);
        ApiSettings moved = new ApiSettings("0.0.0.0", 9090, List.of());
        ServerSettings next = AT_START.withAmiServers(List.of()).withCallsSettings(Duration.ofSeconds(30), "jazz",
                Duration.ofSeconds(2)).withApi(Optional.of(moved));

        live.apply(next);

        assertThat(applied).containsExactly("ami []", "calls jazz", "api to 0.0.0.0:9090", "tokens 0 on 9090");
        assertThat(live.waitingForRestart(next)).isEmpty();
    }

    @Test
    void fastAgiMovesToItsNewAddressFirstAndItsLimitsApplyThere() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);
        ServerSettings next = AT_START.withFastAgi(AT_START.fastAgi().withMaxSessions(20_000).withPort(4574));

        List<String> said = live.apply(next);

        assertThat(applied).containsExactly("fastagi to 127.0.0.1:4574", "fastagi 20000 on 4574");
        assertThat(said).as("what the reload's answer says").containsExactly("FastAGI listens on 127.0.0.1:4574",
                "FastAGI's limits apply to new connections: at most 20000 sessions, lines of 8192 bytes, 128 "
                        + "environment lines within 10s, idle for 4h");
        assertThat(live.waitingForRestart(next)).isEmpty();
    }

    @Test
    void aJournalFlushedEveryFifthOfASecondIsSaidSoNotAsZeroSeconds() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);
        JournalSettings journal = AT_START.journal();
        ServerSettings next = AT_START.withJournal(new JournalSettings(journal.dir(), 16L << 20,
                java.time.Duration.ofMillis(200), journal.capacity()));

        assertThat(live.apply(next)).containsExactly("journal files close at 16777216 bytes, flushed every 200 ms");
    }

    @Test
    void anAddressThatCannotBeBoundWaitsForARestartWhileTheRestApplies() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);
        ServerSettings next = AT_START.withFastAgi(AT_START.fastAgi().withMaxSessions(20_000).withPort(TAKEN))
                .withApi(Optional.of(new ApiSettings("127.0.0.1", TAKEN, List.of())));

        List<String> said = live.apply(next);

        assertThat(applied).containsExactly("fastagi to 127.0.0.1:5000", "fastagi 20000 on 4573",
                "api to 127.0.0.1:5000", "tokens 0 on 8080");
        assertThat(said).as("the reload's answer names what stayed").contains(
                "FastAGI could not listen on 127.0.0.1:5000 (the log says why: in use, or not an address of this "
                        + "machine); it stays on 127.0.0.1:4573",
                "the API could not listen on 127.0.0.1:5000 (the log says why: in use, or not an address of this "
                        + "machine); it stays on 127.0.0.1:8080");
        assertThat(live.waitingForRestart(next)).contains("server.yaml changed in what only a restart applies "
                + "(FastAGI's address 127.0.0.1:5000, which could not be bound; the API's address 127.0.0.1:5000, "
                + "which could not be bound); the rest of it is in force");
    }

    @Test
    void theJournalsFileSizeAndFlushIntervalApplyWhileItsDirectoryWaitsForARestart() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);
        JournalSettings journal = AT_START.journal();
        ServerSettings next = AT_START.withJournal(new JournalSettings(Path.of("elsewhere"), 1_000_000,
                Duration.ofSeconds(1), journal.capacity()));

        live.apply(next);

        assertThat(applied).containsExactly("journal 1000000 every 1000 ms in " + journal.dir());
        assertThat(live.waitingForRestart(next)).as("the directory").contains("server.yaml changed in what only a "
                + "restart applies (the journal's directory elsewhere); the rest of it is in force");
        assertThat(live.waitingForRestart(next.withJournal(new JournalSettings(journal.dir(), 1_000_000,
                Duration.ofSeconds(1), journal.capacity())))).isEmpty();
    }

    @Test
    void theApiStartsWithItsSectionAndStopsWithout() {
        ServerSettings withoutApi = AT_START.withApi(Optional.empty());
        LiveServerSettings live = new LiveServerSettings(withoutApi, withoutApi, owners);

        live.apply(AT_START);
        live.apply(withoutApi);

        assertThat(applied).containsExactly("api on 8080", "api stopped");
        assertThat(live.waitingForRestart(withoutApi)).isEmpty();
    }

    @Test
    void aReloadTurnsCallbacksOnAndOffThroughTheirOwner() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);
        CallbackSettings placed = new CallbackSettings("PJSIP/{number}@trunk", "hotline-callback", "",
                Duration.ofSeconds(30), 5, Duration.ofMinutes(10), Duration.ofHours(24), 10, "", Duration.ofSeconds(5));
        ServerSettings on = AT_START.withCallbacks(placed);

        live.apply(on);
        live.apply(AT_START);

        assertThat(applied).containsExactly("callbacks 5 on PJSIP/{number}@trunk",
                "callbacks " + AT_START.callbacks().attempts() + " not placed");
        assertThat(live.waitingForRestart(AT_START)).isEmpty();
    }

    @Test
    void autoLoginFollowsTheFileFromTheNextReload() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);

        live.apply(AT_START.withAgentsAutoLogin(true));

        assertThat(live.autoLogin()).isTrue();
        assertThat(applied).isEmpty();
    }

    @Test
    void aServerStartedWithSettingsOfItsOwnIsNotSteeredByServerYaml() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START.withAmiServers(List.of()), owners);

        live.apply(AT_START.withCallsSettings(Duration.ofSeconds(30), "jazz", Duration.ofSeconds(2)));

        assertThat(applied).isEmpty();
    }

    @Test
    void aPartWhoseOwnerFailsStaysAsItWasIsSaidInTheAnswerAndTheOtherPartsStillApply() {
        LiveServerSettings.Owners failingJournal = new LiveServerSettings.Owners() {
            @Override public boolean fastAgiAddress(String host, int port) { return owners.fastAgiAddress(host, port); }
            @Override public void fastAgiLimits(FastAgiSettings settings) { owners.fastAgiLimits(settings); }
            @Override public void journalLimits(JournalSettings settings) {
                throw new ArithmeticException("long overflow");
            }
            @Override public void amiServers(List<AmiServer> servers) { owners.amiServers(servers); }
            @Override public void calls(ServerSettings settings) { owners.calls(settings); }
            @Override public void callbacks(CallbackSettings settings) { owners.callbacks(settings); }
            @Override public boolean apiRunning(Optional<ApiSettings> next) { return owners.apiRunning(next); }
            @Override public boolean apiAddress(String host, int port) { return owners.apiAddress(host, port); }
            @Override public boolean apiTokens(ApiSettings settings) { return owners.apiTokens(settings); }
            @Override public void readyAfterMissedCall(Duration after) { owners.readyAfterMissedCall(after); }
        };
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, failingJournal);
        JournalSettings journal = AT_START.journal();
        ServerSettings next = AT_START.withJournal(new JournalSettings(journal.dir(), journal.maxFileBytes(),
                Duration.ofSeconds(1), journal.capacity())).withCallsSettings(Duration.ofSeconds(30), "jazz",
                Duration.ofSeconds(2));

        List<String> said = live.apply(next);

        assertThat(said.getFirst()).isEqualTo("the journal's limits could not be put in force "
                + "(java.lang.ArithmeticException: long overflow) and stay as they were");
        assertThat(applied).containsExactly("calls jazz");
        assertThat(live.waitingForRestart(next)).as("the journal's change is not in force").isPresent();
    }

    @Test
    void aListenerMovedToAFreePortIsSaidSoNotAsPortZero() {
        LiveServerSettings live = new LiveServerSettings(AT_START, AT_START, owners);
        ServerSettings next = AT_START.withFastAgi(AT_START.fastAgi().withPort(0));

        List<String> said = live.apply(next);

        assertThat(said).containsExactly("FastAGI listens on 127.0.0.1:a free port (the log names it)");
    }
}
