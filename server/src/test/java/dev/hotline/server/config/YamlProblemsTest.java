package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Problems with the files themselves and with keys and types, whatever the file. */
class YamlProblemsTest {
    @TempDir
    Path dir;
    ConfigFixture config;

    @BeforeEach
    void smallValidCentre() {
        config = new ConfigFixture(dir);
    }

    @Test
    void theSmallCentreIsValid() {
        assertThat(config.valid().queues()).hasSize(1);
    }

    @Test
    void aConfigurationFileUnderAnAlmostRightNameIsReportedNotSilentlyLeftOut() {
        config.with("vip.yaml", "vips:\n  - number: \"13912345678\"\n")
                .with("Blacklist.yml", "blacklist: []\n")
                .with("center.yaml", "settings: {zone: UTC}\n")
                .with("traffic.yaml", "start: 2026-11-20T19:55\n")
                .with("notes.txt", "vips.yaml is the VIP directory\n");

        assertThat(config.problems()).containsExactlyInAnyOrder(
                "Blacklist.yml: not read: did you mean blacklist.yaml? Configuration files have fixed names (rename "
                        + "it, or move it out of the configuration directory)",
                "center.yaml: not read: did you mean centre.yaml? Configuration files have fixed names (rename it, "
                        + "or move it out of the configuration directory)",
                "vip.yaml: not read: did you mean vips.yaml? Configuration files have fixed names (rename it, or "
                        + "move it out of the configuration directory)");
    }

    @Test
    void aKeptCopyOfAMissingBlacklistIsReportedButACopyBesideItsOriginalIsLeftAlone() {
        config.with("blacklist.yaml.bak", "blacklist:\n  - number: \"13900000000\"\n")
                .with("vips.yaml~", "vips: []\n")
                .with("vips.yaml", "vips: []\n");

        assertThat(config.problems()).containsExactly("blacklist.yaml.bak: not read: a copy of blacklist.yaml, which "
                + "is missing, so what it holds is not in force (a blacklist or VIPs left out without a word): rename "
                + "it back to blacklist.yaml, or move it out of the configuration directory");
    }

    @Test
    void aYamlSyntaxErrorIsReportedWhereTheParserGaveUp() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a
                  - id: other
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:4:7: YAML syntax error: expected ',' or ']', but got : (while parsing a flow sequence that starts at line 3)");
    }

    @Test
    void anUnclosedQuoteReportedLinesBelowSaysWhereTheEntryHoldingItStarts() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    name: "Sales - slimming tea
                    groups: [sales-a]
                    # the "best" first
                    strategy: linear
                """);

        assertThat(config.problems()).singleElement().asString().startsWith("queues.yaml:5:")
                .endsWith("(while parsing a block mapping that starts at line 2)");
    }

    @Test
    void aCommentWrittenHashColonOutsideTheIvrFlowsIsAnOrdinaryComment() {
        config.with("queues.yaml", "#: raised from 40 after the spring campaign\n" + ConfigFixture.QUEUES);

        assertThat(config.valid().queues()).hasSize(1);
    }

    @Test
    void aListOrAMapWrittenAsAKeyIsSaidInWordsNotInTheParsersClassNames() {
        config.with("centre.yaml", "settings:\n  [a, b]: Asia/Shanghai\n");

        assertThat(config.problems()).containsExactly("centre.yaml:2:4: YAML syntax error: a key must be plain text, "
                + "not a list (write the key as text: name: value)");
        config.with("centre.yaml", "settings:\n  ? {a: 1}\n  : x\n");
        assertThat(config.problems()).singleElement().asString().contains("a key must be plain text, not a map");
    }

    @Test
    void aTabUsedForIndentationIsASyntaxError() {
        config.with("centre.yaml", "settings:\n\tzone: Asia/Shanghai\n");

        assertThat(config.problems()).containsExactly("centre.yaml:2:1: YAML syntax error: found character "
                + "'\\t(TAB)' that cannot start any token. (Do not use \\t(TAB) for indentation) "
                + "(while scanning for the next token)");
    }

    @Test
    void aControlCharacterIsSaidWhereItIsAndNamedForItIsInvisibleInAnEditor() {
        config.with("blacklist.yaml", "blacklist:\n  - number: \"13800138000\"\n    reason: pr\u001Bank\n");
        assertThat(config.problems()).containsExactly("blacklist.yaml:3:15: YAML syntax error: control character "
                + "U+001B (ESC, from a terminal's colours or keys), invisible in most editors: delete it");

        config.with("blacklist.yaml", "blacklist:\n  - number: \"13800138000\"\n\u0000\u0000\n");
        assertThat(config.problems()).containsExactly("blacklist.yaml:3:1: YAML syntax error: control character "
                + "U+0000 (NUL), invisible in most editors: delete it");
    }

    @Test
    void aNonBreakingSpaceInTheIndentationIsNamed() {
        config.with("centre.yaml", "settings:\n\u00A0 zone: Asia/Shanghai\n");

        assertThat(config.problems()).containsExactly("centre.yaml:2:1: YAML syntax error: a non-breaking space "
                + "(U+00A0) in the indentation, copied from a web page or a document: indent with plain spaces");

        config.with("centre.yaml", "settings:\n \u3000zone: Asia/Shanghai\n");
        assertThat(config.problems()).containsExactly("centre.yaml:2:2: YAML syntax error: a full-width space "
                + "(U+3000, typed with a Chinese input method) in the indentation: indent with plain spaces");
    }

    @Test
    void listsNestedPastWhatTheParserTakesAreSaidInPlainWords() {
        config.with("centre.yaml", "settings:\n  zone: " + "[".repeat(1500) + "]".repeat(1500) + "\n");

        assertThat(config.problems()).singleElement().asString().startsWith("centre.yaml:")
                .endsWith("YAML syntax error: lists or maps nested over 1000 deep ([[[[... or {{{{...): no "
                        + "configuration nests so deep; look for brackets left open")
                .doesNotContain("StreamReadConstraints");
    }

    @Test
    void aFileWithASyntaxErrorDoesNotMakeEveryReferenceToItUnknown() {
        config.with("agents.yaml", "groups: [sales-a\n");

        assertThat(config.problems()).containsExactly(
                "agents.yaml:2:1: YAML syntax error: expected ',' or ']', but got <stream end> "
                        + "(while parsing a flow sequence that starts at line 1)");
    }

    @Test
    void aSecondYamlDocumentInAFileIsRefused() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                ---
                settings:
                  zone: Europe/Paris
                """);

        assertThat(config.problems()).containsExactly(
                "centre.yaml:4:1: a second YAML document starts here: a configuration file holds one document");
    }

    @Test
    void yamlAnchorsAndAliasesAreRefusedRatherThanSilentlyMisread() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: &serving [sales-a]
                  - id: sales-2
                    groups: *serving
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:3:13: YAML anchors (&serving) are not "
                + "supported: write each value out in full where it applies");
    }

    @Test
    void anAnchorOnASingleValueIsRefusedToo() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [&g sales-a]
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:3:14: YAML anchors (&g) are not supported: write "
                + "each value out in full where it applies");
    }

    @Test
    void yamlTagsAreRefusedRatherThanSilentlyDropped() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    maxWaiting: !!int "40"
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:4:17: YAML tags (!!int) are not supported: write "
                + "the plain value (in quotes to make it text)");
    }

    @Test
    void anAliasOfAnAnchorInAnotherFileIsRefusedToo() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                  - id: sales-2
                    groups: *serving
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:5:13: YAML aliases (*serving) are not supported: write the value out in full");
    }

    @Test
    void aTypoInAKeyIsReportedWithTheKeysThatAreKnown() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                agents:
                  - id: "1001"
                    endpoint: PJSIP/1001
                    skils: {sales-a: 5}
                    skills: {sales-a: 5}
                """);

        assertThat(config.problems()).containsExactly(
                "agents.yaml:6:5: agents[1001].skils: unknown key 'skils' (known: id, name, endpoint, skills)");
    }

    @Test
    void aKeyWrittenTwiceIsReportedAtTheSecondOne() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    wrapUp: 30s
                    wrapUp: 45s
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:5:5: queues[sales].wrapUp: duplicate key 'wrapUp' (first at line 4)");
    }

    @Test
    void aKeyWrittenTwiceOnOneLineIsSaidWithTheColumnOfTheFirst() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                agents:
                  - id: "1001"
                    endpoint: PJSIP/1001
                    skills: {sales-a: 9, sales-a: 6}
                """);

        assertThat(config.problems()).containsExactly("agents.yaml:6:26: agents[1001].skills.sales-a: duplicate key "
                + "'sales-a' (first at column 14 of this line)");
    }

    @Test
    void aMissingRequiredKeyIsReportedAtTheMapThatLacksIt() {
        config.with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: tea
                businessTypes:
                  - id: tea
                    name: Tea orders
                """);

        assertThat(config.problems()).containsExactly(
                "numbers.yaml:5:5: businessTypes[tea]: missing required key 'queue'");
    }

    @Test
    void aRequiredKeyWithoutAValueIsReported() {
        config.with("centre.yaml", """
                settings:
                  zone:
                """);

        assertThat(config.problems()).containsExactly("centre.yaml:2:8: settings.zone: 'zone' needs a value");
    }

    @Test
    void aListWhereTextIsExpectedIsAWrongType() {
        config.with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: [tea]
                businessTypes:
                  - id: tea
                    queue: sales
                """);

        assertThat(config.problems()).containsExactly(
                "numbers.yaml:3:19: numbers[4008001001].businessType: expected text, got a list");
    }

    @Test
    void textWhereAListIsExpectedIsAWrongType() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: sales-a
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:3:13: queues[sales].groups: expected a list, got the text 'sales-a'");
    }

    @Test
    void textWhereAWholeNumberIsExpectedIsAWrongType() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    basePriority: high
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:4:19: queues[sales].basePriority: expected a whole number, got the text 'high'");
    }

    @Test
    void aFileThatIsNotAMapOfKeysIsAWrongType() {
        config.with("queues.yaml", """
                - id: sales
                  groups: [sales-a]
                """);

        assertThat(config.problems()).containsExactly("queues.yaml:1:1: expected a map of keys, got a list");
    }

    @Test
    void aDurationWithoutUnitIsRefused() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    ringTimeout: 20
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:4:18: queues[sales].ringTimeout: '20' has no unit: write 20s, 20m or 20h");
    }

    @Test
    void aDurationThatIsNotOneIsRefused() {
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-a]
                    wrapUp: half a minute
                """);

        assertThat(config.problems()).containsExactly(
                "queues.yaml:4:13: queues[sales].wrapUp: 'half a minute' is not a duration: write it like 20s, 5m or 1h30m");
    }

    @Test
    void aMissingRequiredFileIsReportedWithTheListOfRequiredFiles() {
        config.without("agents.yaml");

        assertThat(config.problems()).containsExactly("agents.yaml: required file is missing from " + dir
                + " (required: centre.yaml, numbers.yaml, queues.yaml, agents.yaml)");
    }

    @Test
    void anEmptyRequiredFileIsOneProblemNotOneForEveryReferenceIntoIt() {
        config.with("agents.yaml", "# every agent commented out\n");

        assertThat(config.problems()).containsExactly("agents.yaml: is empty (or only comments): a required file "
                + "(required: centre.yaml, numbers.yaml, queues.yaml, agents.yaml)");
    }

    @Test
    void theBlacklistAndTheVipsAreOptional() {
        assertThat(config.valid().blacklist()).isEmpty();
        assertThat(config.valid().vips()).isEmpty();
    }

    @Test
    void anOptionalFileDeployedAsALinkToNothingIsAProblemNotAnEmptyBlacklist() throws IOException {
        java.nio.file.Files.createSymbolicLink(dir.resolve("blacklist.yaml"), dir.resolve("releases/blacklist.yaml"));

        assertThat(config.problems()).containsExactly("blacklist.yaml: is a link to " + dir.resolve(
                "releases/blacklist.yaml") + ", which does not exist");
    }

    @Test
    void aFileDeployedAsALinkThatLeadsRoundInALoopIsSaidSo() throws IOException {
        Files.createSymbolicLink(dir.resolve("blacklist.yaml"), Path.of("blacklist-current.yaml"));
        Files.createSymbolicLink(dir.resolve("blacklist-current.yaml"), Path.of("blacklist.yaml"));

        assertThat(config.problems()).containsExactly("blacklist.yaml: is a link to blacklist-current.yaml, a chain "
                + "of links that leads round in a loop");
    }

    @Test
    void aConfigurationFileThatIsADirectoryIsSaidSo() throws IOException {
        java.nio.file.Files.createDirectory(dir.resolve("vips.yaml"));

        assertThat(config.problems()).containsExactly("vips.yaml: is a directory, not a file");
    }

    @Test
    void aConfigurationFileThatIsAPipeIsSaidSoRatherThanReadForEver() throws Exception {
        Path fifo = dir.resolve("vips.yaml");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        org.junit.jupiter.api.Assumptions.assumeTrue(mkfifo.waitFor() == 0, "mkfifo is available");

        assertThat(config.problems()).containsExactly("vips.yaml: is not a regular file (a pipe, socket or device): "
                + "give the file itself");
    }

    @Test
    void anEmptyDirectoryNameIsReportedNotTakenForTheWorkingDirectory() {
        assertThat(ConfigLoader.load(Path.of(""))).isEqualTo(new ConfigResult.Invalid(List.of(new ConfigProblem(
                "--config", 0, 0, "", "is empty: give the configuration directory, e.g. --config config/"))));
    }

    @Test
    void aDirectoryThatDoesNotExistIsReported() {
        Path nowhere = dir.resolve("nowhere");

        ConfigResult result = ConfigLoader.load(nowhere);

        assertThat(result).isEqualTo(new ConfigResult.Invalid(List.of(
                new ConfigProblem(nowhere.toString(), 0, 0, "", "no such configuration directory"))));
    }

    @Test
    void aFileGivenAsTheConfigurationDirectoryIsReportedAsAFile() throws IOException {
        Path file = Files.writeString(dir.resolve("queues.yaml.txt"), "queues: []\n");

        ConfigResult result = ConfigLoader.load(file);

        assertThat(result).isEqualTo(new ConfigResult.Invalid(List.of(new ConfigProblem(file.toString(), 0, 0, "",
                "is a file, not a configuration directory (give the directory that holds centre.yaml)"))));
    }

    @Test
    void everyProblemOfEveryFileIsReportedAtOnceInFileOrder() {
        config.with("agents.yaml", """
                groups:
                  - id: sales-a
                agents:
                  - id: "1001"
                    endpoint: PJSIP/1001
                    skills: {sales-a: 0}
                """);
        config.with("centre.yaml", """
                settings:
                  zone: Mars/Olympus
                """);
        config.with("queues.yaml", """
                queues:
                  - id: sales
                    groups: [sales-c]
                """);

        assertThat(config.problems()).containsExactly(
                "centre.yaml:2:9: settings.zone: unknown time zone 'Mars/Olympus' "
                        + "(write a region like Asia/Shanghai or an offset like +08:00)",
                "queues.yaml:3:14: queues[sales].groups[0]: unknown skill group 'sales-c' (known: sales-a)",
                "agents.yaml:6:23: agents[1001].skills.sales-a: skill level must be from 1 to 10, got 0");
    }
}
