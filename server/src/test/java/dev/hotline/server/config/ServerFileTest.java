package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.DialPattern;
import dev.hotline.bridge.agi.server.FastAgiSettings;
import dev.hotline.bridge.ami.AmiSettings;
import dev.hotline.server.config.ServerSettings.AmiServer;
import dev.hotline.server.config.ServerSettings.Secret;
import dev.hotline.server.journal.JournalSettings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerFileTest {
    @TempDir
    Path dir;
    ConfigFixture config;

    @BeforeEach
    void smallValidCentre() {
        config = new ConfigFixture(dir);
    }

    @Test
    void withoutServerYamlFastAgiListensOnLoopbackWithNoAsteriskManagerAndTheJournalInJournal() {
        assertThat(config.server()).isEqualTo(ServerSettings.defaults());
        assertThat(config.server().fastAgi()).isEqualTo(FastAgiSettings.defaults());
        assertThat(config.server().amiServers()).isEmpty();
        assertThat(config.server().journal().dir()).isEqualTo(Path.of("journal"));
        assertThat(config.server().agentsAutoLogin()).isFalse();
    }

    @Test
    void everySettingIsRead() {
        config.with("server.yaml", """
                fastagi:
                  bind: 10.0.0.2
                  port: 4600
                  maxLineLength: 4096
                  maxEnvironmentLines: 64
                  environmentTimeout: 5s
                  idleTimeout: 2h
                  maxSessions: 500
                ami:
                  - name: asterisk-1
                    host: 10.0.0.5
                    port: 5039
                    username: hotline
                    secret: s3cret
                    keepAliveInterval: 10s
                    keepAliveTimeout: 3s
                    reconnectMin: 2s
                    reconnectMax: 1m
                journal:
                  directory: /var/lib/hotline/journal
                  maxFileSize: 16MB
                  flushEvery: 1s
                waiting:
                  announceEvery: 45s
                  musicOnHold: hotline-jazz
                agents:
                  autoLogin: true
                  readyAfterMissedCall: 2m
                  notReadyReasons: [break, lunch, training, 培训]
                ivr:
                  requestTimeout: 5s
                callbacks:
                  endpoint: PJSIP/{number}@pstn-trunk
                  context: tv-callback
                  callerId: '"TV shop" <4008001000>'
                  ringTimeout: 25s
                  attempts: 4
                  retryAfter: 15m
                  expireAfter: 12h
                  priorityRaise: 20
                  greeting: tv/your-callback
                  checkEvery: 2s
                  allowedNumbers: ["_1[3-9]XXXXXXXXX", "_0[1-9]XXXXXXXX!"]
                api:
                  bind: 0.0.0.0
                  port: 8443
                  tokens:
                    - {name: supervisors, role: supervisor, token: "${HOTLINE_SUPERVISOR_TOKEN}"}
                    - {name: wallboard, role: admin, token: 0123456789abcdef}
                    - {name: desk-1001, role: agent, agent: "1001", token: 0123456789abcdeg}
                """);

        ServerSettings s = config.server();

        assertThat(s.fastAgi()).isEqualTo(new FastAgiSettings("10.0.0.2", 4600, 4096, 64, Duration.ofSeconds(5),
                Duration.ofHours(2), 500));
        assertThat(s.amiServers()).containsExactly(new AmiServer("asterisk-1", "10.0.0.5", 5039, "hotline",
                new Secret.Written("s3cret"), Duration.ofSeconds(10), Duration.ofSeconds(3), Duration.ofSeconds(2),
                Duration.ofMinutes(1)));
        assertThat(s.journal()).isEqualTo(new JournalSettings(Path.of("/var/lib/hotline/journal"), 16L << 20,
                Duration.ofSeconds(1), JournalSettings.DEFAULT_CAPACITY));
        assertThat(s.announceEvery()).isEqualTo(Duration.ofSeconds(45));
        assertThat(s.musicOnHoldClass()).isEqualTo("hotline-jazz");
        assertThat(s.agentsAutoLogin()).isTrue();
        assertThat(s.readyAfterMissedCall()).isEqualTo(Duration.ofMinutes(2));
        assertThat(s.notReadyReasons()).isEqualTo(new NotReadyReasons(List.of("break", "lunch", "training", "培训")));
        assertThat(s.ivrRequestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(s.callbacks()).isEqualTo(new CallbackSettings("PJSIP/{number}@pstn-trunk", "tv-callback",
                "\"TV shop\" <4008001000>", Duration.ofSeconds(25), 4, Duration.ofMinutes(15), Duration.ofHours(12),
                20, "tv/your-callback", Duration.ofSeconds(2), List.of(DialPattern.parse("_1[3-9]XXXXXXXXX"),
                DialPattern.parse("_0[1-9]XXXXXXXX!"))));
        assertThat(s.callbacks().endpointFor("13911112222")).isEqualTo("PJSIP/13911112222@pstn-trunk");
        assertThat(s.callbacks().allows("13911112222")).isTrue();
        assertThat(s.callbacks().allows("01012345678")).isTrue();
        assertThat(s.callbacks().allows("0088216123456")).as("international").isFalse();
        assertThat(s.callbacks().allows("95123")).as("a premium short number").isFalse();
        assertThat(s.callbacks().allows("+8613911112222")).isFalse();
        assertThat(s.api()).contains(new ApiSettings("0.0.0.0", 8443, List.of(
                new ApiSettings.Token("supervisors", ApiSettings.Role.SUPERVISOR,
                        new Secret.FromEnvironment("HOTLINE_SUPERVISOR_TOKEN"), Optional.empty()),
                new ApiSettings.Token("wallboard", ApiSettings.Role.ADMIN, new Secret.Written("0123456789abcdef"),
                        Optional.empty()),
                new ApiSettings.Token("desk-1001", ApiSettings.Role.AGENT, new Secret.Written("0123456789abcdeg"),
                        Optional.of("1001")))));
    }

    @Test
    void theApiCannotTakeFastAgisPortOnAnOverlappingAddress() {
        config.with("server.yaml", """
                fastagi:
                  bind: 0.0.0.0
                  port: 4573
                api:
                  bind: 127.0.0.1
                  port: 4573
                """);

        assertThat(config.problems()).containsExactly("server.yaml:6:9: api.port: port 4573 is FastAGI's too "
                + "(fastagi.port, 0.0.0.0): the two cannot listen on it both; give the API another port");
        config.with("server.yaml", """
                fastagi: {bind: 127.0.0.1, port: 4573}
                api: {bind: 10.0.0.5, port: 4573}
                """);
        assertThat(config.server().api()).as("other addresses, no overlap").isPresent();
        config.with("server.yaml", """
                fastagi: {bind: 127.0.0.1, port: 4573}
                api: {bind: localhost, port: 4573}
                """);
        assertThat(config.problems()).as("localhost is the loopback too").singleElement().asString()
                .contains("port 4573 is FastAGI's too");
    }

    @Test
    void aBindAddressOfDigitsAndDotsMustBeAnIpv4Address() {
        config.with("server.yaml", """
                fastagi: {bind: 999.999.999.999}
                api: {bind: 127.0.0}
                """);

        assertThat(config.problems()).containsExactly(
                "server.yaml:1:17: fastagi.bind: '999.999.999.999' is not an IPv4 address (four numbers of 0 to 255, "
                        + "as in 127.0.0.1)",
                "server.yaml:2:13: api.bind: '127.0.0' is not an IPv4 address (four numbers of 0 to 255, as in "
                        + "127.0.0.1)");
    }

    @Test
    void aBindOrHostWithAColonMustBeAnIpv6AddressNotAHostAndPort() {
        config.with("server.yaml", """
                fastagi: {bind: "127.0.0.1:4573"}
                ami:
                  - {name: a1, host: "zz::zz", port: 5038, username: hotline, secret: s}
                  - {name: a2, host: "[::1]", port: 5039, username: hotline, secret: s}
                api: {bind: "::1", port: 8081}
                """);

        assertThat(config.problems()).containsExactly(
                "server.yaml:1:17: fastagi.bind: '127.0.0.1:4573' is a host and a port: write the host here and the "
                        + "port in its own key (port: 4573)",
                "server.yaml:3:22: ami[a1].host: 'zz::zz' is not an IPv6 address (as in ::1), nor a host name (no "
                        + "colons)");
    }

    @Test
    void anAgentsTokenNamesAnAgentOfAgentsYaml() {
        config.with("server.yaml", """
                api:
                  tokens:
                    - {name: desk, role: agent, agent: "1002", token: "${DESK_TOKEN}"}
                """);

        assertThat(config.problems()).containsExactly(
                "server.yaml:3:40: api.tokens[desk].agent: unknown agent '1002' (known: 1001)");
    }

    @Test
    void twoTokensCannotShareAValueOrAVariable() {
        config.with("server.yaml", """
                api:
                  tokens:
                    - {name: supervisors, role: supervisor, token: same-token-0123456789}
                    - {name: admins, role: admin, token: same-token-0123456789}
                    - {name: desk, role: agent, agent: "1001", token: "${DESK_TOKEN}"}
                    - {name: wallboard, role: supervisor, token: "${DESK_TOKEN}"}
                """);

        assertThat(config.problems()).containsExactly(
                "server.yaml:4:42: api.tokens[admins].token: duplicate token value: each token must be its own "
                        + "(first at line 3)",
                "server.yaml:6:50: api.tokens[wallboard].token: duplicate token variable: each token must be its own "
                        + "(first at line 5)");
    }

    @Test
    void everyApiProblemIsNamedWithItsPlace() {
        config.with("server.yaml", """
                api:
                  port: 80800
                  tokens:
                    - {name: supervisors, role: boss, token: short}
                    - {name: supervisors, role: admin, token: "${TOKEN"}
                    - {role: admin, token: 0123456789abcde1}
                    - {name: desk, role: agent, token: 0123456789abcde2}
                    - {name: boss, role: admin, agent: "1001", token: 0123456789abcde3}
                    - {name: wall, role: supervisor, token: "токен-стены-0123456789"}
                """);

        assertThat(config.problems()).containsExactly(
                "server.yaml:2:9: api.port: port must be from 0 to 65535, got 80800",
                "server.yaml:4:33: api.tokens[supervisors].role: role 'boss' is not one of admin, supervisor, agent",
                "server.yaml:4:46: api.tokens[supervisors].token: a token must be at least 16 characters, so it "
                        + "cannot be guessed",
                "server.yaml:5:14: api.tokens[supervisors].name: duplicate token name 'supervisors' (first at line 4)",
                "server.yaml:5:47: api.tokens[supervisors].token: a secret from the environment is written as the "
                        + "whole value ${VARIABLE}, with letters, digits and _ in the name",
                "server.yaml:6:7: api.tokens[2]: missing required key 'name'",
                "server.yaml:7:7: api.tokens[desk]: an agent's token names its agent (agents.yaml's id), e.g. "
                        + "agent: 1001",
                "server.yaml:8:40: api.tokens[boss].agent: only an agent's token names an agent; this token's role "
                        + "is admin",
                "server.yaml:9:45: api.tokens[wall].token: a token may hold only printable ASCII characters (letters, "
                        + "digits, punctuation; no spaces): an HTTP header cannot carry others as written");
    }

    @Test
    void withoutACallbackEndpointRequestsAreJournaledButNotPlaced() {
        config.with("server.yaml", """
                callbacks:
                  attempts: 2
                """);

        assertThat(config.server().callbacks().placed()).isFalse();
        assertThat(config.server().callbacks().attempts()).isEqualTo(2);
    }

    @Test
    void callbackSettingsThatCannotWorkTogetherAreProblems() {
        config.with("server.yaml", """
                callbacks:
                  ringTimeout: 2h
                  attempts: 3
                  retryAfter: 10m
                  expireAfter: 5m
                  checkEvery: 48h
                """);

        assertThat(config.problems()).containsExactly(
                "server.yaml:2:16: callbacks.ringTimeout: ringTimeout 2h is longer than a phone rings: at most 5m",
                "server.yaml:5:16: callbacks.expireAfter: expireAfter 5m ends a request before its 3 attempts 10m "
                        + "apart can be made (they take 20m): lengthen expireAfter, or shorten retryAfter or attempts",
                "server.yaml:6:15: callbacks.checkEvery: checkEvery 48h would leave free agents unused for that "
                        + "long: at most 1h");
    }

    @Test
    void anEmptyGreetingPlaysNothingAndAnEmptyCallerIdLeavesTheTrunksOwn() {
        config.with("server.yaml", """
                callbacks:
                  endpoint: PJSIP/{number}@trunk
                  allowedNumbers: ["_1[3-9]XXXXXXXXX"]
                  callerId: ""
                  greeting: ""
                """);

        assertThat(config.server().callbacks().greeting()).isEmpty();
        assertThat(config.server().callbacks().callerId()).isEmpty();
    }

    @Test
    void everyCallbackProblemIsNamedWithItsPlace() {
        config.with("server.yaml", """
                callbacks:
                  endpoint: PJSIP/trunk
                  context: tv callback
                  attempts: 0
                  retryAfter: 0s
                  greeting: "tv/your callback; rm"
                  ringtimeout: 20s
                """);

        assertThat(config.problems()).containsExactly(
                "server.yaml:2:13: callbacks.endpoint: endpoint 'PJSIP/trunk' must be a channel with {number} where "
                        + "the customer's number goes, e.g. PJSIP/{number}@trunk",
                "server.yaml:3:12: callbacks.context: dialplan context 'tv callback' may hold only letters, digits, "
                        + "_ and -",
                "server.yaml:4:13: callbacks.attempts: attempts must be from 1 to 20, got 0",
                "server.yaml:5:15: callbacks.retryAfter: retryAfter must be longer than 0s",
                "server.yaml:6:13: callbacks.greeting: greeting 'tv/your callback; rm' is not a sound file name "
                        + "(letters, digits, _, - and /)",
                "server.yaml:7:3: callbacks.ringtimeout: unknown key 'ringtimeout' (known: endpoint, context, "
                        + "callerId, ringTimeout, attempts, retryAfter, expireAfter, priorityRaise, greeting, "
                        + "checkEvery, allowedNumbers)");
    }

    @Test
    void fastAgiOnEveryInterfaceIsValidButWarnedOfAndOnTheAsteriskNetworkIsNot() {
        config.with("server.yaml", """
                fastagi:
                  bind: 0.0.0.0
                """);
        assertThat(config.warnings()).containsExactly("server.yaml:2:9: fastagi.bind: FastAGI listens on 0.0.0.0, "
                + "every interface of this machine, and has no authentication: whoever reaches the port can place "
                + "calls into the centre; bind the address the Asterisk servers reach it on and let only them through");

        config.with("server.yaml", """
                fastagi:
                  bind: 10.0.0.5
                """);
        assertThat(config.warnings()).isEmpty();

        for (String everyInterface : List.of("00.00.00.00", "\"::0\"", "\"::ffff:0.0.0.0\"")) {
            config.with("server.yaml", "fastagi:\n  bind: " + everyInterface + "\n");
            assertThat(config.warnings()).as(everyInterface).singleElement().asString()
                    .contains("every interface of this machine");
        }
    }

    @Test
    void callbacksThatMayRingAnyNumberAndAnApiOpenToTheNetworkAreValidButWarnedOf() {
        config.with("server.yaml", """
                callbacks:
                  endpoint: PJSIP/{number}@trunk
                api:
                  bind: 0.0.0.0
                """);

        assertThat(config.warnings()).containsExactly(
                "server.yaml:2:13: callbacks.endpoint: callbacks ring any number a caller keys in, an international "
                        + "or premium-rate one too, at the centre's cost: list the numbers they may ring in "
                        + "allowedNumbers (e.g. [\"_1[3-9]XXXXXXXXX\"])",
                "server.yaml:4:9: api.bind: the API listens on 0.0.0.0 without TLS: its tokens, the screen pops and "
                        + "the wallboard cross the network in clear; keep it on 127.0.0.1 behind a TLS proxy "
                        + "(docs/api.md)");

        config.with("server.yaml", """
                callbacks:
                  endpoint: PJSIP/{number}@trunk
                  allowedNumbers: ["_1[3-9]XXXXXXXXX"]
                api:
                  bind: localhost
                """);
        assertThat(config.warnings()).isEmpty();
        for (String loopback : List.of("127.0.0.2", "\"::1\"", "\"::ffff:127.0.0.1\"")) {
            config.with("server.yaml", "api:\n  bind: " + loopback + "\n");
            assertThat(config.warnings()).as(loopback).isEmpty();
        }
    }

    @Test
    void theNumbersCallbacksMayRingAreAsteriskPatternsAndAnEmptyListIsAMistakeNotAnOpenDoor() {
        config.with("server.yaml", """
                callbacks:
                  allowedNumbers: ["_1[3-9]XXXXXXXXX", "1390000", "_0Q", "_1[3-9]xxxxxxxxx"]
                """);
        assertThat(config.problems()).containsExactly(
                "server.yaml:2:40: callbacks.allowedNumbers[1]: pattern '1390000' must start with '_' (Asterisk "
                        + "pattern syntax, e.g. _400800XXXX)",
                "server.yaml:2:51: callbacks.allowedNumbers[2]: pattern '_0Q' has 'Q' at position 3 (allowed: "
                        + "digits, X, Z, N, [sets], and a final . or !)",
                "server.yaml:2:58: callbacks.allowedNumbers[3]: duplicate pattern '_1[3-9]xxxxxxxxx' (first at "
                        + "line 2)");

        config.with("server.yaml", """
                callbacks:
                  allowedNumbers:
                """);
        assertThat(config.problems()).containsExactly("server.yaml:2:18: callbacks.allowedNumbers: allowedNumbers "
                + "has no value: list the numbers callbacks may ring as Asterisk patterns (e.g. [\"_1[3-9]XXXXXXXXX\"]), "
                + "or remove the key to allow any number");

        config.with("server.yaml", """
                callbacks:
                  allowedNumbers: []
                """);
        assertThat(config.problems()).containsExactly("server.yaml:2:19: callbacks.allowedNumbers: allowedNumbers "
                + "is empty: list the numbers callbacks may ring as Asterisk patterns (e.g. [\"_1[3-9]XXXXXXXXX\"]), "
                + "or remove the key to allow any number");
    }

    @Test
    void aPatternThatLetsCallbacksRingNumbersAbroadIsWarnedAboutForItOpensTheDoorTheListCloses() {
        config.with("server.yaml", """
                callbacks:
                  endpoint: PJSIP/{number}@trunk
                  allowedNumbers: ["_1[3-9]XXXXXXXXX", "_X.", "_0[1-9]XXXXXXXX!"]
                """);

        assertThat(config.warnings()).containsExactly("server.yaml:3:40: callbacks.allowedNumbers[1]: pattern '_X.' "
                + "lets callbacks ring numbers abroad (it matches 00442079460000), at the centre's cost: list the "
                + "numbers you mean (e.g. _1[3-9]XXXXXXXXX for mobiles in China)");
    }

    @Test
    void anIdleTimeoutShorterThanAnHourIsWarnedAboutSinceItCutsLongCallsShort() {
        config.with("server.yaml", """
                fastagi:
                  idleTimeout: 5m
                """);

        assertThat(config.warnings()).containsExactly("server.yaml:2:16: fastagi.idleTimeout: idleTimeout 5m is "
                + "shorter than 1h: a session says nothing while its caller talks to an agent or waits between "
                + "announcements, so a call longer than that is handed back to Asterisk's dialplan mid-way "
                + "(docs/asterisk.md)");
    }

    @Test
    void withoutAListOfNotReadyReasonsAgentsMayGiveAnyCode() {
        config.with("server.yaml", """
                agents:
                  autoLogin: true
                """);

        assertThat(config.server().notReadyReasons().any()).isTrue();
    }

    @Test
    void theNotReadyReasonsAreCodesOfTheAPIsFormEachOnceAndAnEmptyListIsAMistake() {
        config.with("server.yaml", """
                agents:
                  notReadyReasons: [break, " ", "lunch\\tbreak", break, 42]
                """);
        assertThat(config.problems()).containsExactly(
                "server.yaml:2:28: agents.notReadyReasons[1]: must not be empty",
                "server.yaml:2:33: agents.notReadyReasons[2]: the reason code has a control, invisible or broken "
                        + "character; it must be printable",
                "server.yaml:2:49: agents.notReadyReasons[3]: duplicate reason code 'break' (first at line 2)");

        config.with("server.yaml", """
                agents:
                  notReadyReasons: []
                """);
        assertThat(config.problems()).containsExactly("server.yaml:2:20: agents.notReadyReasons: notReadyReasons is "
                + "empty: list the reason codes agents may give for a break (e.g. [break, lunch, training]), or remove "
                + "the key to take any code");
    }

    @Test
    void twoReasonCodesThatDifferOnlyInCaseAreWarnedAboutForReportsCountThemApart() {
        config.with("server.yaml", """
                agents:
                  notReadyReasons: [break, lunch, Lunch]
                """);

        assertThat(config.warnings()).containsExactly("server.yaml:2:35: agents.notReadyReasons[2]: reason codes "
                + "'lunch' and 'Lunch' differ only in case: reports count their not-ready time apart; keep one");
    }

    @Test
    void anAmiSecretWrittenAsAVariableIsReadFromTheEnvironmentWhenConnecting() {
        config.with("server.yaml", """
                ami:
                  - {name: asterisk-1, host: 127.0.0.1, username: hotline, secret: "${HOTLINE_AMI_SECRET}"}
                """);

        AmiServer server = config.server().amiServers().getFirst();

        assertThat(server.secret()).isEqualTo(new Secret.FromEnvironment("HOTLINE_AMI_SECRET"));
        assertThat(server.port()).isEqualTo(5038);
        Optional<AmiSettings> settings = server.settings(Map.of("HOTLINE_AMI_SECRET", "from-env")::get);
        assertThat(settings).map(AmiSettings::secret).contains("from-env");
        assertThat(settings.orElseThrow().keepAliveInterval()).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void aVariableWrittenAsAShellOrWindowsWouldIsRefusedForTakenLiterallyItWouldBeTheSecretAnyoneCanRead() {
        config.with("server.yaml", """
                ami:
                  - {name: asterisk-1, host: 127.0.0.1, username: hotline, secret: $HOTLINE_AMI_SECRET}
                api:
                  tokens:
                    - {name: supervisors, role: supervisor, token: $HOTLINE_SUPERVISOR_TOKEN}
                    - {name: admins, role: admin, token: "%HOTLINE_ADMIN_TOKEN%"}
                    - {name: wall, role: supervisor, token: "$ecret-that-is-long-enough"}
                    - {name: desk, role: supervisor, token: "$Ecret0That1Is2Long3Enough"}
                """);

        assertThat(config.problems()).containsExactly(
                "server.yaml:2:68: ami[asterisk-1].secret: '$HOTLINE_AMI_SECRET' would be taken as the secret itself, "
                        + "not read from the environment: write ${HOTLINE_AMI_SECRET}",
                "server.yaml:5:52: api.tokens[supervisors].token: '$HOTLINE_SUPERVISOR_TOKEN' would be taken as the "
                        + "secret itself, not read from the environment: write ${HOTLINE_SUPERVISOR_TOKEN}",
                "server.yaml:6:42: api.tokens[admins].token: '%HOTLINE_ADMIN_TOKEN%' would be taken as the secret "
                        + "itself, not read from the environment: write ${HOTLINE_ADMIN_TOKEN}");
    }

    @Test
    void anAmiServerWhoseSecretVariableIsNotSetCannotConnect() {
        config.with("server.yaml", """
                ami:
                  - {name: asterisk-1, host: 127.0.0.1, username: hotline, secret: "${HOTLINE_AMI_SECRET}"}
                """);

        assertThat(config.server().amiServers().getFirst().settings(Map.<String, String>of()::get)).isEmpty();
    }

    @Test
    void everyProblemIsNamedWithItsPlace() {
        config.with("server.yaml", """
                fastagi:
                  port: 70000
                  idleTimeout: 0s
                  maxSesions: 5
                ami:
                  - {name: asterisk-1, host: 127.0.0.1, username: hotline, secret: "x${SECRET}"}
                  - {name: asterisk-1, host: 10.0.0.5, username: hotline, secret: s, reconnectMin: 1m,
                     reconnectMax: 10s}
                  - {name: asterisk 3, username: hotline, secret: s}
                journal:
                  maxFileSize: 64
                  flushEvery: 0ms
                waiting:
                  announceEvery: 60
                agents:
                  autoLogin: sometimes
                ivr:
                  requestTimeout: 0s
                """);

        assertThat(config.problems()).containsExactly(
                "server.yaml:2:9: fastagi.port: port must be from 0 to 65535, got 70000",
                "server.yaml:3:16: fastagi.idleTimeout: idleTimeout must be longer than 0s",
                "server.yaml:4:3: fastagi.maxSesions: unknown key 'maxSesions' (known: bind, port, maxLineLength, "
                        + "maxEnvironmentLines, environmentTimeout, idleTimeout, maxSessions)",
                "server.yaml:6:68: ami[asterisk-1].secret: a secret from the environment is written as the whole "
                        + "value ${VARIABLE}, with letters, digits and _ in the name",
                "server.yaml:7:12: ami[asterisk-1].name: duplicate AMI server name 'asterisk-1' (first at line 6)",
                "server.yaml:8:20: ami[asterisk-1].reconnectMax: reconnectMax 10s is shorter than reconnectMin 1m",
                "server.yaml:9:5: ami[asterisk 3]: missing required key 'host'",
                "server.yaml:9:12: ami[asterisk 3].name: AMI server name 'asterisk 3' may hold only letters, "
                        + "digits, _ and -",
                "server.yaml:11:16: journal.maxFileSize: '64' is not a file size: write a whole number of KB, MB or "
                        + "GB, e.g. 64MB",
                "server.yaml:12:15: journal.flushEvery: flushEvery must be longer than 0s",
                "server.yaml:14:18: waiting.announceEvery: '60' has no unit: write 60s, 60m or 60h",
                "server.yaml:16:14: agents.autoLogin: expected true or false, got the text 'sometimes'",
                "server.yaml:18:19: ivr.requestTimeout: requestTimeout must be longer than 0s");
    }

    @Test
    void aNameLongerThanSixtyFourCharactersIsSaidSoWithItsBeginning() {
        String name = "asterisk-" + "x".repeat(56);
        config.with("server.yaml", "ami:\n  - {name: " + name + ", host: 127.0.0.1, username: hotline, secret: s}\n");

        assertThat(config.problems()).containsExactly("server.yaml:2:12: ami[" + name + "].name: AMI server name "
                + "'asterisk-xxxxxxxxxxx...' is 65 characters long: a name is at most 64 (it goes into every log line "
                + "about it)");

        config.with("server.yaml", "ami:\n  - {name: " + name.substring(1) + ", host: 127.0.0.1, username: hotline, "
                + "secret: s}\n");
        assertThat(config.server().amiServers()).singleElement().extracting(AmiServer::name)
                .isEqualTo(name.substring(1));
    }

    @Test
    void aFileSizeOfNothingOrInSmallLettersIsSaidSo() {
        config.with("server.yaml", "journal: {maxFileSize: 0MB}\n");
        assertThat(config.problems()).containsExactly(
                "server.yaml:1:24: journal.maxFileSize: a file size of 0MB holds nothing: at least 1KB");

        config.with("server.yaml", "journal: {maxFileSize: 64mb}\n");
        assertThat(config.problems()).containsExactly("server.yaml:1:24: journal.maxFileSize: '64mb' is not a file "
                + "size: write a whole number of KB, MB or GB, e.g. 64MB (units in capitals)");
    }

    @Test
    void theShippedServerFileListensOnLoopbackAndTakesTheAmiSecretFromTheEnvironment() {
        ConfigResult result = ConfigLoader.load(Path.of(System.getProperty("hotline.config.dir", "../config")));

        assertThat(result).isInstanceOf(ConfigResult.Valid.class);
        ServerSettings s = ((ConfigResult.Valid) result).server();
        assertThat(s.fastAgi().host()).isEqualTo("127.0.0.1");
        assertThat(s.fastAgi().port()).isEqualTo(4573);
        assertThat(s.amiServers()).singleElement().satisfies(ami -> {
            assertThat(ami.address()).isEqualTo("127.0.0.1:5038");
            assertThat(ami.username()).isEqualTo("hotline");
            assertThat(ami.secret()).isEqualTo(new Secret.FromEnvironment("HOTLINE_AMI_SECRET"));
        });
        assertThat(s.agentsAutoLogin()).isTrue();
    }
}
