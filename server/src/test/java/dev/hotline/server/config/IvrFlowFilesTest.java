package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ivr/ folder: flows are validated with the rest of the configuration, and references to them are checked. */
class IvrFlowFilesTest {
    /** The nodes of a flow that says goodbye and hangs up: what the tests below put after the keys they test. */
    private static final String GOODBYE_NODE = """
            nodes:
              goodbye:
                type: hangup
                prompts: [common/thanks-goodbye]
                disposition: thanked
            """;

    @TempDir
    Path dir;
    ConfigFixture config;

    @BeforeEach
    void smallValidCentre() {
        config = new ConfigFixture(dir);
    }

    @Test
    void aNumberMayNameAFlowOfTheIvrFolder() {
        config.withFlow("tea-menu");
        withTeaLineThroughTheMenu();

        assertThat(config.valid().numbers().getFirst().ivrFlow()).contains("tea-menu");
    }

    /** numbers.yaml sending the tea line to flow tea-menu. */
    private void withTeaLineThroughTheMenu() {
        config.with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: tea
                    ivrFlow: tea-menu
                businessTypes:
                  - id: tea
                    queue: sales
                """);
    }

    @Test
    void aFlowFileDeployedAsALinkToNothingIsNamedNotTheNumbersThatRunItsFlow() throws IOException {
        withTeaLineThroughTheMenu();
        Files.createDirectories(dir.resolve("ivr"));
        Files.createSymbolicLink(dir.resolve("ivr/tea-menu.yaml"), dir.resolve("releases/tea-menu.yaml"));

        assertThat(config.problems()).containsExactly("ivr/tea-menu.yaml: is a link to "
                + dir.resolve("releases/tea-menu.yaml") + ", which does not exist");
    }

    @Test
    void aFolderNamedAsAFlowFileIsAProblem() throws IOException {
        Files.createDirectories(dir.resolve("ivr/tea-menu.yaml"));

        assertThat(config.problems()).containsExactly("ivr/tea-menu.yaml: is a directory, not a file");
    }

    @Test
    void anIvrFolderThatIsAFileIsSaidOnceNotAsEveryFlowUnknown() throws IOException {
        withTeaLineThroughTheMenu();
        Files.writeString(dir.resolve("ivr"), "flow: tea-menu\n");

        assertThat(config.problems()).containsExactly("ivr: is a file, not a folder (the folder of IVR flows)");
    }

    @Test
    void aFlowsPromptWrittenWithItsFilesExtensionIsWarnedAboutAsTheConfigurationFilesPromptsAre() {
        config.withFlowText("menu", """
                flow: menu
                start: main
                nodes:
                  main:
                    type: menu
                    prompts: [tv/welcome, tv/main-menu.wav]
                    options: {"1": bye}
                    timeout: 5s
                    invalid-prompt: common/invalid-key.GSM
                    on-failure: bye
                  bye:
                    type: hangup
                    prompts: [common/v1.2-goodbye]
                    disposition: done
                """);

        assertThat(config.warnings()).containsExactly(
                "ivr/menu.yaml:6:27: nodes.main.prompts[1]: prompt 'tv/main-menu.wav' is written with its file's "
                        + "extension: Asterisk adds the format itself and finds no tv/main-menu.wav.<format>, so "
                        + "callers hear nothing; write tv/main-menu",
                "ivr/menu.yaml:9:5: nodes.main.invalid-prompt: prompt 'common/invalid-key.GSM' is written with its "
                        + "file's extension: Asterisk adds the format itself and finds no "
                        + "common/invalid-key.GSM.<format>, so callers hear nothing; write common/invalid-key");
    }

    @Test
    void aPinSentToAnHttpSourceAskedWithGetIsValidButWarnedOfAsItWouldStandInTheUrl() {
        String flow = """
                flow: verify
                start: ask
                sources:
                  bank: {url: "https://bank.example.com/verify", timeout: 2s}
                nodes:
                  ask:
                    type: collect
                    prompts: [bank/enter-pin]
                    max-digits: 6
                    timeout: 5s
                    into: code
                    next: check
                    on-failure: bye
                  check:
                    type: lookup
                    source: bank
                    parameters:
                      cardPin: code
                      shippingRef: "'x'"
                    into: customer
                    found: bye
                    failed: bye
                  bye:
                    type: hangup
                    disposition: done
                """;
        config.withFlowText("verify", flow);

        assertThat(config.warnings()).containsExactly("ivr/verify.yaml:18:7: nodes.check.parameters.cardPin: "
                + "parameter 'cardPin' goes in the URL of source 'bank' (method get), where web servers and proxies "
                + "log it: give the source method: post to send it in the body");

        config.withFlowText("verify", flow.replace("timeout: 2s}", "timeout: 2s, method: post}"));
        assertThat(config.warnings()).isEmpty();

        config.withFlowText("verify", flow.replace("timeout: 2s}", "timeout: 2s, method: post}")
                .replace("https://bank", "http://bank"));
        assertThat(config.warnings()).containsExactly("ivr/verify.yaml:18:7: nodes.check.parameters.cardPin: "
                + "parameter 'cardPin' goes to source 'bank' over plain http://, readable by anyone on the network "
                + "between: give the source an https:// url");

        // a secret sent under another name is one all the same
        config.withFlowText("verify", flow.replace("into: code", "into: pin").replace("cardPin: code", "check: pin"));
        assertThat(config.warnings()).containsExactly("ivr/verify.yaml:18:7: nodes.check.parameters.check: "
                + "parameter 'check' goes in the URL of source 'bank' (method get), where web servers and proxies "
                + "log it: give the source method: post to send it in the body");
    }

    @Test
    void aMenuFromWhichNoWayLeadsToAPersonIsWarnedOf() {
        String flow = """
                flow: shop
                start: menu
                agent-escape: {key: "0", target: agent}
                nodes:
                  menu:
                    type: menu
                    prompts: [shop/menu]
                    options: {"1": agent, "2": last}
                    timeout: 5s
                    on-failure: agent
                  last:
                    type: menu
                    prompts: [shop/anything-else]
                    options: {"9": bye}
                    timeout: 5s
                    on-failure: bye
                    agent-escape: false
                  agent:
                    type: queue
                  bye:
                    type: hangup
                    disposition: done
                """;
        config.withFlowText("shop", flow);

        assertThat(config.warnings()).containsExactly("ivr/shop.yaml:11:3: nodes.last: a caller here cannot reach a "
                + "person: no option, failure or next step leads to a queue node, and this menu turns the agent "
                + "escape off");

        config.withFlowText("shop", flow.replace("    agent-escape: false\n", ""));
        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aNumberNamingAFlowThatDoesNotExistIsAProblemListingTheKnownFlows() {
        config.withFlow("tea-menu").withFlow("knife-menu").withFlow("chair-menu").with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: tea
                    ivrFlow: tea-menus
                businessTypes:
                  - id: tea
                    queue: sales
                """);

        assertThat(config.problems()).as("in name order, the same on every run").containsExactly(
                "numbers.yaml:4:14: numbers[4008001001].ivrFlow: unknown IVR flow 'tea-menus' (known: chair-menu, "
                        + "knife-menu, tea-menu)");
    }

    @Test
    void aNumberOrTreatmentNamingASubflowIsAProblemSinceACallStartedInItWouldHaveNowhereToReturn() {
        config.withFlowText("greeting", """
                flow: greeting
                subflow: true
                start: hello
                nodes:
                  hello: { type: play, prompts: [common/hello], next: back }
                  back: { type: return }
                """).with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: tea
                    ivrFlow: greeting
                businessTypes:
                  - id: tea
                    queue: sales
                """).with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    treatments:
                      noAgents: {ivr: greeting}
                """);

        String why = "IVR flow 'greeting' is a subflow (subflow: true): it runs only from subflow nodes of other "
                + "flows, so a number or treatment cannot start it";
        assertThat(config.problems()).containsExactlyInAnyOrder(
                "numbers.yaml:4:14: numbers[4008001001].ivrFlow: " + why,
                "queues.yaml:5:23: queues[sales].treatments.noAgents.ivr: " + why);
    }

    @Test
    void aQueueOrCallbackNodeNamingABusinessTypeNumbersYamlDoesNotDefineIsAProblemWhetherLiteralOrConstant() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: menu
                constants: { after_sales: after-sale }
                nodes:
                  menu:
                    type: menu
                    prompts: [tea/menu]
                    options: { "1": order, "2": after-sales, "3": call-me, "4": by-caller }
                    timeout: 5s
                    on-failure: order
                  order: { type: queue, business: "'tea'" }
                  after-sales: { type: queue, business: after_sales }
                  call-me: { type: callback, number: caller, business: "'coffee'", next: order }
                  by-caller: { type: queue, business: "caller.startsWith('138') ? 'tea' : 'vip-tea'" }
                """).with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: tea
                    ivrFlow: tea-menu
                businessTypes:
                  - id: tea
                    queue: sales
                """);

        assertThat(config.problems()).containsExactlyInAnyOrder(
                "ivr/tea-menu.yaml:12:31: nodes.after-sales.business: unknown business type 'after-sale' (known: tea)",
                "ivr/tea-menu.yaml:13:46: nodes.call-me.business: unknown business type 'coffee' (known: tea)");
    }

    @Test
    void theBusinessTypesWhoseHoursAConditionReadsAreBusinessTypesOfTheNumberPlan() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: hours
                constants:
                  after_sales: after-sale
                nodes:
                  hours:
                    type: branch
                    rules:
                      - when: "queue_open['tea']"
                        goto: goodbye
                      - when: "queue_holiday[after_sales] || queue_open[ 'coffee' ]"
                        goto: goodbye
                      - when: "queue_open[business]"
                        goto: goodbye
                    otherwise: goodbye
                  goodbye: { type: hangup, prompts: [common/thanks-goodbye], disposition: thanked }
                """);

        assertThat(config.problems()).containsExactlyInAnyOrder(
                "ivr/tea-menu.yaml:11:15: nodes.hours.rules[1].when: unknown business type 'after-sale' (known: tea)",
                "ivr/tea-menu.yaml:11:15: nodes.hours.rules[1].when: unknown business type 'coffee' (known: tea)");
    }

    @Test
    void aNodeIdWrittenTwiceInAFlowIsAProblemAtItsLineAsInEveryOtherFile() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: goodbye
                nodes:
                  goodbye:
                    type: hangup
                    disposition: thanked
                    disposition: done
                  goodbye:
                    type: hangup
                """);

        assertThat(config.problems()).containsExactly(
                "ivr/tea-menu.yaml:7:5: nodes.goodbye.disposition: duplicate key 'disposition' (first at line 6)",
                "ivr/tea-menu.yaml:8:3: nodes.goodbye: duplicate key 'goodbye' (first at line 4)");
    }

    @Test
    void aFlowBreakingTheRulesOfEveryFileIsSaidOnceAndWhatFollowsFromItIsNot() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: goodbye
                nodes:
                  goodbye:
                    type: plya
                    prompts: &bye [common/bye]
                    next: nowhere
                ---
                flow: ignored
                """);

        assertThat(config.problems()).containsExactly("ivr/tea-menu.yaml:6:14: YAML anchors (&bye) are not "
                + "supported: write each value out in full where it applies");
    }

    @Test
    void withoutAnIvrFolderATreatmentNamingAFlowIsAProblem() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    treatments:
                      noAgents: {ivr: callback-request}
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:5:23: queues[sales].treatments.noAgents.ivr: "
                + "unknown IVR flow 'callback-request' (none are defined)");
    }

    @Test
    void aBrokenFlowIsReportedWithItsFileAndNodeAndItsReferencesAreNotReportedAgain() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: goodbye
                nodes:
                  goodbye:
                    type: hangup
                    prompts: [common/thanks-goodbye]
                    disposition: thanked
                    next: nowhere
                """).with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: tea
                    ivrFlow: tea-menu
                businessTypes:
                  - id: tea
                    queue: sales
                """);

        assertThat(config.problems()).containsExactly("ivr/tea-menu.yaml:4:3: nodes.goodbye: unknown key 'next' in a "
                + "hangup (known keys: prompts, disposition, self-service, record, type)");
    }

    @Test
    void aSubflowThatIsNotYamlIsTheOneProblemSaidNotTheFlowsThatRunItButAnUnrelatedFlowsProblemsAreSaid() {
        config.withFlowText("welcome", """
                flow: welcome
                subflow: true
                start: hello
                variables: { open_now: bool }
                nodes:
                  hello: [
                """).withFlowText("tea-menu", """
                flow: tea-menu
                start: greet
                nodes:
                  greet: { type: subflow, flow: welcome, next: route }
                  route:
                    type: branch
                    conditions: [{ if: "open_now", then: goodbye }]
                    else: goodbye
                  goodbye: { type: hangup, disposition: thanked }
                """).withFlowText("coffee-menu", """
                flow: coffee-menu
                start: greet
                nodes:
                  greet: { type: subflow, flow: tea-menu, next: goodbye }
                  goodbye: { type: hangup, disposition: thanked }
                """).withFlowText("juice-menu", """
                flow: juice-menu
                start: goodby
                nodes:
                  goodbye: { type: hangup, disposition: thanked }
                """);

        assertThat(config.problems()).hasSize(2).anySatisfy(p -> assertThat(p)
                        .startsWith("ivr/juice-menu.yaml:2:1: start: start node 'goodby' does not exist"))
                .anySatisfy(p -> assertThat(p).startsWith("ivr/welcome.yaml:").contains("YAML syntax error"));
    }

    @Test
    void aSubflowFileThatIsAListIsTheOneProblemSaidNotTheFlowsThatRunIt() {
        config.withFlowText("welcome", "- flow: welcome\n").withFlowText("tea-menu", """
                flow: tea-menu
                start: greet
                nodes:
                  greet: { type: subflow, flow: welcome, next: goodbye }
                  goodbye: { type: hangup, disposition: thanked }
                """);

        assertThat(config.problems()).singleElement().asString().startsWith("ivr/welcome.yaml:");
    }

    @Test
    void aProblemOfTheFlowItselfIsReportedAtTheKeyItIsWrittenAt() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: goodby
                calendar:
                  zone: Asia/Shangai
                sources:
                  stock:
                    url: ftp://stock.example.com
                    timeout: 2s
                """ + GOODBYE_NODE);

        assertThat(config.problems()).containsExactly(
                "ivr/tea-menu.yaml:2:1: start: start node 'goodby' does not exist",
                "ivr/tea-menu.yaml:4:3: calendar.zone: calendar: unknown time zone 'Asia/Shangai'",
                "ivr/tea-menu.yaml:7:5: sources.stock.url: source 'stock': url 'ftp://stock.example.com' is not an"
                        + " http:// or https:// address");
    }

    @Test
    void aCalendarHolidayOutsideTheYearsACalendarHoldsIsATypoNotAHoliday() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: goodbye
                calendar:
                  zone: Asia/Shanghai
                  holidays: [2026-10-01, 0026-10-02]
                """ + GOODBYE_NODE);

        assertThat(config.problems()).containsExactly("ivr/tea-menu.yaml:5:3: calendar.holidays: calendar: holiday "
                + "'0026-10-02' is not a date a calendar holds (years 2000 to 2199): check the year");
    }

    @Test
    void aFlowCalendarWhoseEveryHolidayIsPastIsWarnedAboutAndOneWithADayToComeIsNot() {
        // the fixture judges dates as of 7 December 2026
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: goodbye
                calendar:
                  zone: Asia/Shanghai
                  holidays: [2026-10-01, 2026-10-07]
                """ + GOODBYE_NODE).withFlowText("tea-menu-2027", """
                flow: tea-menu-2027
                start: goodbye
                calendar:
                  zone: Asia/Shanghai
                  holidays: [2026-10-01, 2027-01-01]
                """ + GOODBYE_NODE);

        assertThat(config.warnings()).containsExactly("ivr/tea-menu.yaml:5:3: calendar.holidays: every holiday listed "
                + "is past (the last: 2026-10-07): the flow's holiday condition is false on the coming public "
                + "holidays; list them");
    }

    @Test
    void aFlowCalendarsHolidaysWrittenWithNoValueAreAProblemAsAQueuesAre() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: goodbye
                calendar:
                  zone: Asia/Shanghai
                  holidays:
                  # - 2026-10-01
                """ + GOODBYE_NODE);

        assertThat(config.problems()).containsExactly("ivr/tea-menu.yaml:5:3: calendar.holidays: calendar: holidays "
                + "has no value: list the days (holidays: [2026-10-01, 2026-10-02]), write holidays: [] for none, or "
                + "remove the key");
    }

    @Test
    void aFlowNameUsedByTwoFilesIsReportedAtTheCopysFlowKey() {
        String flow = "description: tea\nflow: tea-menu\nstart: goodbye\n" + GOODBYE_NODE;
        config.withFlowText("tea-menu", flow).withFlowText("tea-menu-copy", flow);

        assertThat(config.problems()).containsExactly(
                "ivr/tea-menu-copy.yaml:2:1: flow: flow name 'tea-menu' is already used by tea-menu.yaml");
    }

    @Test
    void aFlowNameLongerThanSixtyFourCharactersIsReportedInItsFileAtItsFlowKey() {
        String name = "tea-" + "x".repeat(61);
        config.withFlowText("tea-menu", "description: tea\nflow: " + name + "\nstart: goodbye\n" + GOODBYE_NODE);

        assertThat(config.problems()).containsExactly("ivr/tea-menu.yaml:2:1: flow: IVR flow id '"
                + name.substring(0, 20) + "...' is 65 characters long: an id is at most 64 (it names the IVR flow in "
                + "logs, reports and the API)");
    }

    /** A menu with one more option line after "1": where the tests below write the keys # and * unquoted. */
    private static String menuWithOption(String optionLine) {
        return """
                flow: tea-menu
                start: menu
                nodes:
                  menu:
                    type: menu
                    prompts: [tea/menu]
                    options:
                      "1": goodbye
                %s
                    timeout: 5s
                    on-failure: goodbye
                  goodbye: { type: hangup, disposition: thanked }
                """.formatted(optionLine);
    }

    @Test
    void aHashKeyLeftUnquotedIsRefusedSinceYamlReadsItAsACommentAndTheOptionWouldSilentlyNotExist() {
        config.withFlowText("tea-menu", menuWithOption("      #: goodbye"));

        assertThat(config.problems()).containsExactly("ivr/tea-menu.yaml:9:7: '#: goodbye' is a YAML comment, not a "
                + "key '#': write the key in quotes (\"#\": ...)");
    }

    @Test
    void aStarKeyLeftUnquotedIsASyntaxErrorThatSaysToQuoteIt() {
        config.withFlowText("tea-menu", menuWithOption("      *: goodbye"));

        assertThat(config.problems()).singleElement().asString()
                .startsWith("ivr/tea-menu.yaml:9:8: YAML syntax error: ")
                .endsWith(": the key * must be in quotes (\"*\": ...), since YAML reads an unquoted * as an alias");
    }

    @Test
    void aHashKeyLeftUnquotedInBracesIsASyntaxErrorThatNamesItsLine() {
        String flow = menuWithOption("").replace("""
                    options:
                      "1": goodbye
                """, """
                    options: { "1": goodbye, #: goodbye }
                """);
        config.withFlowText("tea-menu", flow);

        assertThat(config.problems()).singleElement().asString()
                .startsWith("ivr/tea-menu.yaml:")
                .contains(": YAML syntax error: ")
                .endsWith(": the key # on line 7 must be in quotes (\"#\": ...), since YAML reads an unquoted # as "
                        + "the start of a comment");
    }

    @Test
    void aCommentThatIsTextIsNoProblem() {
        config.withFlowText("tea-menu", menuWithOption("      # 2: later, when the tea shop opens"));

        assertThat(config.warnings()).isEmpty();
    }

    @Test
    void aMisspelledOrMistypedTopLevelKeyIsReportedAtItsLine() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: goodbye
                max-step: 50
                sources:
                  stock: {url: "https://stock.example.com", timeout: soon}
                """ + GOODBYE_NODE);

        assertThat(config.problems()).containsExactly(
                "ivr/tea-menu.yaml:3:1: max-step: unknown key 'max-step' in a flow (known keys: flow, description,"
                        + " subflow, start, agent-escape, constants, variables, sources, calendar, max-steps, nodes)",
                "ivr/tea-menu.yaml:5:45: sources.stock.timeout: source 'stock': key 'timeout': expected a duration"
                        + " such as 5s, 800ms or 2m, got 'soon'");
    }

    @Test
    void aProblemAtAKeyThatIsNotWrittenIsReportedAtItsDeepestWrittenParent() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: goodbye
                sources:
                  stock:
                    url: https://stock.example.com
                """ + GOODBYE_NODE);

        assertThat(config.problems()).containsExactly("ivr/tea-menu.yaml:4:3: sources.stock: source 'stock': an HTTP"
                + " source needs a timeout (e.g. 2s) so a slow endpoint cannot keep callers waiting");
    }

    @Test
    void aFlowThatIsNotYamlIsReportedAtThePlaceTheParserGaveUpAsTheOtherFilesAre() {
        config.withFlowText("tea-menu", """
                flow: tea-menu
                start: goodbye
                nodes:
                  goodbye: [
                """);

        assertThat(config.problems()).containsExactly("ivr/tea-menu.yaml:5:1: YAML syntax error: expected the node "
                + "content, but found '<stream end>' (while parsing a flow node)");
    }

    @Test
    void theShippedFlowsLoadWithTheDefaultConfig() {
        ConfigResult result = ConfigLoader.load(Path.of(System.getProperty("hotline.config.dir", "../config")));

        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        assertThat(((ConfigResult.Valid) result).flows().names())
                .contains("tv-shopping", "phone-banking", "timetable", "satisfaction-survey", "welcome");
    }
}
