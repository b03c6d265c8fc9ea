package dev.hotline.ivr;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Every validation rule, each shown by one broken flow and the exact message an admin reads. */
class FlowValidationTest {
    /** A flow that looks callers up by phone in tables/orders.csv. */
    private static final String ORDERS_BY_PHONE = """
            flow: orders
            start: find
            sources: { orders: { table: tables/orders.csv, key: phone } }
            variables: { order: record }
            nodes:
              find: { type: lookup, source: orders, key: caller, into: order, found: agent, failed: agent }
              agent: { type: queue }
            """;


    private static List<String> errors(Map<String, String> flows) {
        return errors(flows, Map.of());
    }

    private static List<String> errors(Map<String, String> flows, Map<String, String> tables) {
        return switch (FlowLoader.load(flows, tables)) {
            case FlowLoadResult.Loaded loaded -> List.of();
            case FlowLoadResult.Rejected rejected -> rejected.errors().stream().map(FlowError::toString).toList();
        };
    }

    private static List<String> errorsOf(String text) {
        return errors(Map.of("sales.yaml", text));
    }

    /** A valid menu flow; tests replace one piece of it. */
    private static final String MENU = """
            flow: sales
            start: menu
            nodes:
              menu:
                type: menu
                prompts: [sales/menu]
                options: { "1": agent }
                timeout: 5s
                on-failure: agent
              agent:
                type: queue
            """;

    @Test
    void aValidFlowLoads() {
        assertThat(FlowLoader.load(Map.of("sales.yaml", MENU), Map.of()))
                .isInstanceOf(FlowLoadResult.Loaded.class);
    }

    @Test
    void aNodeWrittenTwiceIsRefusedSinceTheCopyWouldSilentlyReplaceTheFirst() {
        assertThat(errorsOf(MENU + """
                  menu:
                    type: queue
                """)).singleElement().asString()
                .startsWith("sales.yaml: not valid YAML: Duplicate field 'menu'");
    }

    @Test
    void aSecondYamlDocumentIsRefusedRatherThanDropped() {
        assertThat(errorsOf(MENU + "---\nflow: other\n")).containsExactly(
                "sales.yaml: a second YAML document starts at line 13: a flow file holds one flow");
    }

    @Test
    void anEmptyFileSaysItHoldsNothing() {
        assertThat(errorsOf("")).containsExactly(
                "sales.yaml: expected a mapping with keys flow, start and nodes, got nothing");
    }

    @Test
    void aProblemOfTheFlowItselfSaysAtWhichKeyItIsWrittenSoALoaderCanGiveItsLine() {
        String broken = MENU.replace("start: menu", "start: meun") + """
                sources:
                  stock: {url: "ftp://stock.example.com", timeout: 2s}
                """;

        FlowLoadResult result = FlowLoader.load(Map.of("sales.yaml", broken), Map.of());

        assertThat(result).isInstanceOfSatisfying(FlowLoadResult.Rejected.class, rejected ->
                assertThat(rejected.errors()).filteredOn(e -> e.node().isEmpty())
                        .extracting(e -> e.key().orElse("(none)"))
                        .containsExactlyInAnyOrder("start", "sources.stock.url"));
    }

    @Test
    void anHttpSourceIsAskedWithGetOrPostAndNothingElse() {
        String flow = MENU + """
                sources:
                  stock: {url: "https://stock.example.com", timeout: 2s, method: put}
                """;

        assertThat(errorsOf(flow)).containsExactly("sales.yaml: source 'stock': method 'put' is not get "
                + "(parameters in the URL) or post (parameters in a JSON body)");
        assertThat(errorsOf(flow.replace("method: put", "method:"))).containsExactly("sales.yaml: source 'stock': "
                + "method has no value: write get (parameters in the URL) or post (parameters in a JSON body)");
        assertThat(FlowLoader.load(Map.of("sales.yaml", flow.replace("method: put", "method: POST")), Map.of()))
                .isInstanceOf(FlowLoadResult.Loaded.class);
    }

    @Test
    void anOptionLeadingToAnUnknownNodeIsNamed() {
        assertThat(errorsOf(MENU.replace("\"1\": agent", "\"1\": agnet"))).containsExactly(
                "sales.yaml: node 'menu': exit 'key 1' leads to unknown node 'agnet'");
    }

    @Test
    void anUnreachableNodeIsNamed() {
        assertThat(errorsOf(MENU + """
                  forgotten:
                    type: hangup
                    disposition: never
                """)).containsExactly(
                "sales.yaml: node 'forgotten': unreachable: no path from start node 'menu' leads here");
    }

    @Test
    void aMenuWithoutTimeoutIsRejected() {
        assertThat(errorsOf(MENU.replace("    timeout: 5s\n", ""))).containsExactly(
                "sales.yaml: node 'menu': menu has no timeout handling: add 'timeout' (e.g. 5s), how long to wait "
                        + "for a key");
    }

    @Test
    void aMenuWithoutInvalidInputHandlingIsRejected() {
        assertThat(errorsOf(MENU.replace("    on-failure: agent\n", ""))).containsExactly(
                "sales.yaml: node 'menu': menu has no invalid-input handling: add 'on-failure', where callers go "
                        + "after the last invalid key or timeout");
    }

    /** A valid collect flow; tests replace one piece of it. */
    private static final String COLLECT = """
            flow: sales
            start: ask
            nodes:
              ask:
                type: collect
                prompts: [sales/enter-number]
                max-digits: 6
                pattern: "[0-9]{6}"
                timeout: 5s
                into: number
                next: agent
                on-failure: agent
              agent:
                type: queue
            """;

    @Test
    void onlyTheHashKeyCanEndAnEntrySinceAsteriskStopsOnItAlone() {
        assertThat(errorsOf(COLLECT.replace("max-digits: 6", "max-digits: 6\n    terminator: \"*\""))).containsExactly(
                "sales.yaml: node 'ask': key 'terminator': only '#' can end an entry (Asterisk's GET DATA stops on # "
                        + "alone), got '*'");
        assertThat(errorsOf(COLLECT.replace("max-digits: 6", "max-digits: 6\n    terminator: \"#\""))).isEmpty();
    }

    @Test
    void smallMistakesAreToldInTheWordsThatFixThem() {
        assertThat(errorsOf(MENU.replace("\"1\": agent", "\"123456789\": agent"))).containsExactly(
                "sales.yaml: node 'menu': option '123456789': expected 1 to 8 keys of 0-9, * or # (quote * and # in "
                        + "YAML)");
        assertThat(errorsOf(MENU.replace("  agent:\n    type: queue", "  agent:\n    type: set\n    values: {}\n"
                + "    next: menu"))).contains("sales.yaml: node 'agent': key 'values' is empty: give at least one "
                + "variable: expression pair");
        assertThat(errorsOf(MENU.replace("  agent:\n    type: queue", "  agent:\n    type: say\n    as: number\n"
                + "    value: \"42\"\n    currency: usd\n    next: menu"))).containsExactly("sales.yaml: node 'agent': "
                + "key 'currency' is for 'as: money' only, and this node says number: remove it, or say money");
        assertThat(errorsOf(MENU.replace("options: { \"1\": agent }", "options: { *: agent }")))
                .singleElement().asString().endsWith("(a * outside quotes starts a YAML alias: write \"*\")");
        assertThat(errorsOf(COLLECT.replace("flow: sales", "flow: sales\nvariables: { number: int }")))
                .singleElement().asString().endsWith(": keys collected are text; declare it string and convert "
                        + "where it is used (int(number))");
    }

    @Test
    void aCollectWithoutAnUpperBoundIsRejected() {
        assertThat(errorsOf(COLLECT.replace("    max-digits: 6\n", ""))).containsExactly(
                "sales.yaml: node 'ask': collect has no bound: add 'max-digits', the longest entry accepted");
    }

    @Test
    void aCollectPatternThatIsNoRegularExpressionIsReportedWithWhereItBreaks() {
        assertThat(errors(Map.of("sales.yaml", COLLECT))).isEmpty();
        assertThat(errorsOf(COLLECT.replace("[0-9]{6}", "[0-9{6}"))).containsExactly(
                "sales.yaml: node 'ask': key 'pattern': '[0-9{6}' is not a valid regular expression: Unclosed "
                        + "character class at character 7");
    }

    @Test
    void aNodeWithoutItsNextIsReportedOnceSayingWhatNextIsFor() {
        assertThat(errorsOf(MENU.replace("type: queue", "type: play\n    prompts: [sales/thanks]"))).containsExactly(
                "sales.yaml: node 'agent': missing key 'next' (where callers go next)");
        assertThat(errorsOf(MENU.replace("type: queue", "type: goto"))).containsExactly(
                "sales.yaml: node 'agent': missing key 'target' (where callers go next)");
        assertThat(errorsOf(COLLECT.replace("    next: agent\n", ""))).containsExactly(
                "sales.yaml: node 'ask': missing key 'next' (where callers go next)");
    }

    @Test
    void aWaitOfNothingIsRejected() {
        assertThat(errorsOf(COLLECT.replace("timeout: 5s", "timeout: 0s"))).containsExactly(
                "sales.yaml: node 'ask': key 'timeout': must be longer than 0, got '0s'");
        assertThat(errorsOf(MENU.replace("timeout: 5s", "timeout: 5s\n    inter-digit-timeout: 0ms"))).containsExactly(
                "sales.yaml: node 'menu': key 'inter-digit-timeout': must be longer than 0, got '0ms'");
    }

    @Test
    void aWaitOfMoreThanAnHourIsRejectedSinceAsteriskReadsTimeoutsInMillisecondsIntoAnInt() {
        assertThat(errorsOf(COLLECT.replace("timeout: 5s", "timeout: 999999999m"))).containsExactly(
                "sales.yaml: node 'ask': key 'timeout': at most 60m, got '999999999m'");
        assertThat(errorsOf(COLLECT.replace("timeout: 5s", "timeout: 60m"))).isEmpty();
    }

    @Test
    void aConditionThatIsNotBooleanIsRejectedWithItsType() {
        assertThat(errorsOf(branchOn("caller.size() + 1"))).containsExactly(
                "sales.yaml: node 'route': condition 'caller.size() + 1': expected type 'bool' but found 'int' "
                        + "(column 15)");
    }

    @Test
    void aConditionNamingAnUnknownVariableIsRejected() {
        assertThat(errorsOf(branchOn("vip && customer_tier == 'gold'"))).containsExactly(
                "sales.yaml: node 'route': condition 'vip && customer_tier == 'gold'': unknown name 'customer_tier': "
                        + "not a variable, constant or built-in of this flow or of a subflow it runs (column 8)");
    }

    @Test
    void aConditionThatDoesNotParseIsRejected() {
        assertThat(errorsOf(branchOn("vip &&"))).singleElement().asString()
                .startsWith("sales.yaml: node 'route': condition 'vip &&': mismatched input '<EOF>'");
    }

    private static String branchOn(String condition) {
        return """
                flow: sales
                start: route
                nodes:
                  route:
                    type: branch
                    rules:
                      - when: "%s"
                        goto: agent
                    otherwise: agent
                  agent:
                    type: queue
                """.formatted(condition);
    }

    @Test
    void aMissingSubflowIsNamed() {
        assertThat(errorsOf("""
                flow: sales
                start: account
                nodes:
                  account:
                    type: subflow
                    flow: enter-account
                    next: agent
                  agent:
                    type: queue
                """)).containsExactly("sales.yaml: node 'account': subflow 'enter-account' does not exist");
    }

    @Test
    void subflowsCallingEachOtherInACircleAreRejected() {
        String ping = """
                flow: ping
                subflow: true
                start: call
                nodes:
                  call:
                    type: subflow
                    flow: pong
                    next: back
                  back:
                    type: return
                """;
        assertThat(errors(Map.of("ping.yaml", ping, "pong.yaml", ping.replace("ping", "pong")
                .replace("flow: pong\n    next", "flow: ping\n    next")))).containsExactly(
                "ping.yaml: subflows call each other in a circle: ping -> pong -> ping (a call stack without bound)",
                "pong.yaml: subflows call each other in a circle: pong -> ping -> pong (a call stack without bound)");
    }

    @Test
    void aLoopWithoutCallerInputIsRejected() {
        assertThat(errorsOf("""
                flow: sales
                start: hold
                nodes:
                  hold:
                    type: play
                    prompts: [sales/please-hold]
                    next: check
                  check:
                    type: branch
                    rules:
                      - when: vip
                        goto: agent
                    otherwise: hold
                  agent:
                    type: queue
                """)).containsExactly("sales.yaml: node 'hold': loop without caller input: hold -> check -> hold "
                + "(add a menu or collect to the loop)");
    }

    @Test
    void aCallbacksOrAMessagesFailedExitToAnUnknownNodeIsNamed() {
        assertThat(errorsOf(MENU.replace("\"1\": agent", "\"1\": call-me-back, \"2\": message") + """
                  call-me-back:
                    type: callback
                    number: caller
                    next: agent
                    failed: sory
                  message:
                    type: voicemail
                    mailbox: sales
                    next: agent
                    failed: agnet
                """)).containsExactly(
                "sales.yaml: node 'call-me-back': exit 'failed' leads to unknown node 'sory'",
                "sales.yaml: node 'message': exit 'failed' leads to unknown node 'agnet'");
    }

    @Test
    void anOptionHidingTheAgentEscapeIsRejected() {
        assertThat(errorsOf(MENU.replace("start: menu", "start: menu\nagent-escape: { key: \"1\", target: agent }")))
                .containsExactly("sales.yaml: node 'menu': option '1' hides the flow's agent escape key; use another "
                        + "key or set agent-escape: false on this menu");
    }

    @Test
    void aMistypedKeyIsReportedWithTheKnownKeys() {
        assertThat(errorsOf(MENU.replace("timeout: 5s", "timeout: 5s\n    retires: 3"))).containsExactly(
                "sales.yaml: node 'menu': unknown key 'retires' in a menu (known keys: prompts, options, timeout, "
                        + "on-failure, inter-digit-timeout, invalid-prompt, timeout-prompt, retries, agent-escape, "
                        + "into, on-hang-up, type)");
    }

    @Test
    void aQueueNodeNamingSkillsIsToldThatTheBusinessTypeDecidesWhoServesTheCall() {
        assertThat(errorsOf(MENU.replace("    type: queue", "    type: queue\n    skills: [banking]")))
                .containsExactly("sales.yaml: node 'agent': key 'skills' is not a queue node's: the business type's "
                        + "queue and its skill groups decide who serves the call; to reach other agents, name their "
                        + "business type with 'business'");
    }

    @Test
    void aMistypedExitIsOneProblemNotAlsoEveryNodeBehindIt() {
        assertThat(errorsOf(MENU.replace("\"1\": agent", "\"1\": agnet") + """
                  bye:
                    type: hangup
                    disposition: bye
                """)).containsExactly("sales.yaml: node 'menu': exit 'key 1' leads to unknown node 'agnet'");
    }

    @Test
    void aNodeOfAnUnknownTypeIsSaidOnceNotAsAMissingStartNodeToo() {
        assertThat(errorsOf(MENU.replace("    type: menu", "    type: meun"))).singleElement().asString()
                .contains("unknown type 'meun'");
    }

    @Test
    void aMenusOnHangUpNamesAHangupNode() {
        assertThat(errorsOf(MENU.replace("on-failure: agent", "on-failure: agent\n    on-hang-up: agent")))
                .containsExactly("sales.yaml: node 'menu': on-hang-up 'agent' is a queue node: it names the hangup "
                        + "node whose disposition (and self-service) a caller hanging up here ends with");
        assertThat(errorsOf(MENU.replace("on-failure: agent", "on-failure: agent\n    on-hang-up: bye")))
                .containsExactly("sales.yaml: node 'menu': exit 'hang-up' leads to unknown node 'bye'");
    }

    @Test
    void aBadDurationIsReportedWithItsValue() {
        assertThat(errorsOf(MENU.replace("timeout: 5s", "timeout: five"))).contains(
                "sales.yaml: node 'menu': key 'timeout': expected a duration such as 5s, 800ms or 2m, got 'five'");
    }

    @Test
    void brokenYamlIsReportedWithItsLine() {
        assertThat(errorsOf("flow: sales\nnodes: [unclosed\n")).containsExactly("sales.yaml: not valid YAML: while "
                + "parsing a flow sequence: expected ',' or ']', but got <stream end> (line 2, column 17)");
    }

    @Test
    void aLookupOfAnUndeclaredSourceAndAMissingTableAreNamed() {
        assertThat(errors(Map.of("orders.yaml", """
                flow: orders
                start: find
                sources:
                  orders: { table: tables/orders.csv, key: phone }
                nodes:
                  find:
                    type: lookup
                    source: order
                    key: caller
                    into: order
                    found: agent
                    failed: agent
                  agent:
                    type: queue
                """), Map.of("tables/other.csv", "a,b\n1,2\n"))).containsExactly(
                "orders.yaml: node 'find': source 'order' is not declared under sources (declared: orders)",
                "orders.yaml: source 'orders': table 'tables/orders.csv' was not found (tables: tables/other.csv)");
    }

    @Test
    void aSourceOfATableThatCannotBeReadDoesNotAlsoSayTheTableIsMissing() {
        String flow = ORDERS_BY_PHONE;

        assertThat(errors(Map.of("orders.yaml", flow), Map.of("tables/orders.csv",
                "phone,order_id\n13800138000,\"TV-1\n13900139000,TV-2\n"))).containsExactly(
                "tables/orders.csv: not a readable table: a quote opened on line 2 is never closed");
    }

    @Test
    void aSpreadsheetsCsvWithAByteOrderMarkIsReadAndAnEmptyOrTwiceNamedColumnTableIsSaidSo() {
        String flow = ORDERS_BY_PHONE;

        assertThat(errors(Map.of("orders.yaml", flow), Map.of("tables/orders.csv",
                "\uFEFFphone,order_id\n13800138000,TV-1\n"))).isEmpty();
        assertThat(errors(Map.of("orders.yaml", flow), Map.of("tables/orders.csv", ""))).containsExactly(
                "tables/orders.csv: not a readable table: it is empty: a table starts with a header line naming its "
                        + "columns");
        assertThat(errors(Map.of("orders.yaml", flow), Map.of("tables/orders.csv",
                "phone,order_id,phone\n1,2,3\n"))).containsExactly(
                "tables/orders.csv: not a readable table: the header names column 'phone' twice");
    }

    @Test
    void aSourceIsATableOrAnHttpEndpointNotBothAndAnUnquotedHashTerminatorIsCaught() {
        String both = MENU + """
                sources:
                  stock: {url: "https://stock.example.com", timeout: 2s, table: tables/stock.csv}
                """;
        assertThat(errorsOf(both)).containsExactly("sales.yaml: source 'stock': a source is a table (table, key) or "
                + "an HTTP endpoint (url, timeout, method), not both");

        String collect = """
                flow: sales
                start: ask
                nodes:
                  ask:
                    type: collect
                    prompts: [common/enter-phone]
                    max-digits: 11
                    terminator: #
                    timeout: 5s
                    into: phone
                    next: bye
                    on-failure: bye
                  bye:
                    type: hangup
                    disposition: done
                """;
        assertThat(errorsOf(collect)).containsExactly("sales.yaml: node 'ask': key 'terminator' has no value: quote "
                + "it, terminator: \"#\" (an unquoted # starts a YAML comment)");
    }

    @Test
    void aCsvTableThatCannotBeReadIsReportedWithItsLineNotThrown() {
        assertThat(errors(Map.of("sales.yaml", MENU), Map.of("tables/orders.csv",
                "phone,order_id,status\n13800138000,\"TV-1,shipped\n"))).containsExactly(
                "tables/orders.csv: not a readable table: a quote opened on line 2 is never closed");
        assertThat(errors(Map.of("sales.yaml", MENU), Map.of("tables/orders.csv",
                "phone,order_id,status\n13800138000,TV-1,shipped\n13900139000,TV-2\n"))).containsExactly(
                "tables/orders.csv: not a readable table: Not enough column values: expected 3, found 2 (line 3)");
    }

    @Test
    void aYamlTableOverSnakeYamlsDefaultThreeMegabytesIsRead() {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < 50_000; i++) {
            rows.append("- { phone: \"1380013").append(String.format("%04d", i % 10_000)).append(i / 10_000)
                    .append("\", order_id: TV-20250301-").append(i).append(", status: shipped }\n");
        }
        assertThat(rows.length()).isGreaterThan(3 * 1024 * 1024);

        assertThat(errors(Map.of("sales.yaml", MENU), Map.of("tables/orders.yaml", rows.toString()))).isEmpty();
    }

    @Test
    void aSetOfAnUndeclaredVariableOrOfTheWrongTypeIsRejected() {
        assertThat(errorsOf("""
                flow: sales
                start: count
                variables: { tries: int }
                nodes:
                  count:
                    type: set
                    values: { tries: "'three'", total: "1" }
                    next: agent
                  agent:
                    type: queue
                """)).containsExactly(
                "sales.yaml: node 'count': value of 'tries' ''three'': has type string, expected int",
                "sales.yaml: node 'count': variable 'total' is not declared under variables (declared: tries)");
    }

    @Test
    void everyProblemOfEveryFlowIsReportedAtOnceWithItsFile() {
        assertThat(errors(Map.of(
                "sales.yaml", MENU.replace("\"1\": agent", "\"1\": agnet"),
                "service.yaml", MENU.replace("flow: sales", "flow: service").replace("    timeout: 5s\n", "")),
                Map.of())).containsExactly(
                "sales.yaml: node 'menu': exit 'key 1' leads to unknown node 'agnet'",
                "service.yaml: node 'menu': menu has no timeout handling: add 'timeout' (e.g. 5s), how long to wait "
                        + "for a key");
    }

    @Test
    void twoFilesDeclaringTheSameFlowNameAreRejected() {
        assertThat(errors(Map.of("a.yaml", MENU, "b.yaml", MENU))).containsExactly(
                "b.yaml: flow name 'sales' is already used by a.yaml");
    }

    @Test
    void aCopyOfAFlowUnderAnotherFileNameIsTheOneReportedAndTheOthersAreCheckedAgainstTheOriginal() {
        String caller = """
                flow: main
                start: greet
                nodes:
                  greet: { type: subflow, flow: sales, next: bye }
                  bye: { type: hangup, disposition: greeted }
                """;
        String subflow = """
                flow: sales
                subflow: true
                start: hello
                nodes:
                  hello: { type: play, prompts: [hello], next: back }
                  back: { type: return }
                """;

        assertThat(errors(Map.of("main.yaml", caller, "sales.yaml", subflow, "a-copy.yaml", MENU))).containsExactly(
                "a-copy.yaml: flow name 'sales' is already used by sales.yaml");
    }
}
