package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NumbersFileTest {
    @TempDir
    Path dir;
    ConfigFixture config;

    @BeforeEach
    void smallValidCentre() {
        config = new ConfigFixture(dir);
    }

    private ConfigFixture withNumber(String number, String match) {
        return config.with("numbers.yaml", """
                numbers:
                  - number: "%s"
                    match: %s
                    businessType: tea
                businessTypes:
                  - id: tea
                    queue: sales
                """.formatted(number, match));
    }

    @Test
    void numbersAndBusinessTypesAreReadWithTheirDefaults() {
        config.withFlow("ad-welcome").withFlow("tea-menu").with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: tea
                  - number: "_40080030XX"
                    match: pattern
                    businessType: tea
                    ivrFlow: ad-welcome
                    label: late-night repeats
                businessTypes:
                  - id: tea
                    name: Slimming tea
                    queue: sales
                    ivrFlow: tea-menu
                """);

        assertThat(config.valid().numbers()).containsExactly(
                new NumberRoute("4008001001", MatchKind.EXACT, "tea", Optional.empty(), ""),
                new NumberRoute("_40080030XX", MatchKind.PATTERN, "tea", Optional.of("ad-welcome"),
                        "late-night repeats"));
        assertThat(config.valid().businessTypes()).containsExactly(
                new BusinessType("tea", "Slimming tea", "sales", Optional.of("tea-menu")));
    }

    @Test
    void aNumberWrittenWithoutQuotesKeepsItsLeadingZero() {
        config.with("numbers.yaml", """
                numbers:
                  - number: 02161234567
                    businessType: tea
                businessTypes:
                  - id: tea
                    queue: sales
                """);

        assertThat(config.valid().numbers().getFirst().number()).isEqualTo("02161234567");
    }

    @Test
    void aPatternListedTwiceInLowerAndUpperCaseIsOnePatternListedTwice() {
        config.with("numbers.yaml", """
                numbers:
                  - {number: "_40080030XX", match: pattern, businessType: tea}
                  - {number: "_40080030xx", match: pattern, businessType: tea}
                businessTypes:
                  - id: tea
                    queue: sales
                """);

        assertThat(config.problems()).singleElement().asString()
                .endsWith("duplicate pattern number '_40080030xx' (first at line 2)");
    }

    @Test
    void aPatternAnEarlierOneCoversIsWarnedAboutForItNeverMatches() {
        config.with("numbers.yaml", """
                numbers:
                  - {number: "_4008003XXX", match: pattern, businessType: tea}
                  - {number: "_40080030XX", match: pattern, businessType: tea}
                  - {number: "_4008004XXX", match: pattern, businessType: tea}
                businessTypes:
                  - id: tea
                    queue: sales
                """);

        assertThat(config.warnings()).containsExactly("numbers.yaml:3:5: numbers[_40080030XX]: pattern _40080030XX "
                + "never matches: every number it matches, the earlier pattern _4008003XXX (line 2) matches first; "
                + "list the narrower one first");
    }

    @Test
    void aNumberListedTwiceIsReported() {
        config.with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: tea
                  - number: "4008001001"
                    businessType: tea
                businessTypes:
                  - id: tea
                    queue: sales
                """);

        assertThat(config.problems()).containsExactly(
                "numbers.yaml:4:13: numbers[4008001001].number: duplicate exact number '4008001001' (first at line 2)");
    }

    @Test
    void theSameDigitsMayBeAnExactNumberAndAPrefix() {
        config.with("numbers.yaml", """
                numbers:
                  - number: "400800"
                    businessType: tea
                  - number: "400800"
                    match: prefix
                    businessType: tea
                businessTypes:
                  - id: tea
                    queue: sales
                """);

        assertThat(config.valid().numbers()).hasSize(2);
    }

    @Test
    void aBusinessTypeIdUsedTwiceIsReported() {
        config.with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: tea
                businessTypes:
                  - id: tea
                    queue: sales
                  - id: tea
                    queue: sales
                """);

        assertThat(config.problems()).containsExactly(
                "numbers.yaml:7:9: businessTypes[tea].id: duplicate business type id 'tea' (first at line 5)");
    }

    @Test
    void aNumberMustLeadToAKnownBusinessType() {
        config.with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: coffee
                businessTypes:
                  - id: tea
                    queue: sales
                """);

        assertThat(config.problems()).containsExactly(
                "numbers.yaml:3:19: numbers[4008001001].businessType: unknown business type 'coffee' (known: tea)");
    }

    @Test
    void aBusinessTypeMustWaitInAKnownQueue() {
        config.with("numbers.yaml", """
                numbers:
                  - number: "4008001001"
                    businessType: tea
                businessTypes:
                  - id: tea
                    queue: sales-tea
                """);

        assertThat(config.problems()).containsExactly(
                "numbers.yaml:6:12: businessTypes[tea].queue: unknown queue 'sales-tea' (known: sales)");
    }

    @Test
    void anUnknownMatchKindIsReportedWithTheKnownOnes() {
        withNumber("4008", "regex");

        assertThat(config.problems()).containsExactly(
                "numbers.yaml:3:12: numbers[4008].match: unknown match 'regex' (known: exact, prefix, pattern)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400-800-1001 | exact  | number '400-800-1001' must be digits only, found '-'",
            "+86400800    | prefix | prefix '+86400800' must be digits only, found '+'",
            "_400800XXXX  | exact  | number '_400800XXXX' must be digits only, found '_' (an Asterisk pattern needs match: pattern)",
            "400800100140080010014008001001400 | exact | number '40080010014008001001...' is 33 characters long: a telephone number is at most 32 digits",
    })
    void exactNumbersAndPrefixesAreDigits(String number, String match, String message) {
        withNumber(number, match);

        assertThat(config.problems()).containsExactly(
                "numbers.yaml:2:13: numbers[" + number + "].number: " + message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "400800XXXX   | pattern '400800XXXX' must start with '_' (Asterisk pattern syntax, e.g. _400800XXXX)",
            "_            | pattern '_' is empty: write digits, X, Z, N, [sets] after '_'",
            "_4008.XX     | pattern '_4008.XX' has '.' at position 6: '.' and '!' may only end a pattern",
            "_4008Q       | pattern '_4008Q' has 'Q' at position 6 (allowed: digits, X, Z, N, [sets], and a final . or !)",
            "_4008[1-5    | pattern '_4008[1-5' has a '[' at position 6 that is never closed",
            "_4008[]X     | pattern '_4008[]X' has an empty set [] at position 6",
            "_4008[9-1]   | pattern '_4008[9-1]' has the backward range 9-1 in the set at position 6",
            "_4008[1-5a]  | pattern '_4008[1-5a]' has 'a' in the set at position 6 (a set holds digits and ranges like [1-5])",
    })
    void patternsFollowAsteriskSyntax(String pattern, String message) {
        withNumber(pattern, "pattern");

        assertThat(config.problems()).containsExactly(
                "numbers.yaml:2:13: numbers[" + pattern + "].number: " + message);
    }

    @ParameterizedTest
    @CsvSource({"_400800XXXX", "_NXXNXXXXXX", "_4008[1-5]Z.", "_400[1357]!", "_4008x"})
    void soundAsteriskPatternsAreAccepted(String pattern) {
        withNumber(pattern, "pattern");

        assertThat(config.valid().numbers().getFirst().number()).isEqualTo(pattern);
    }
}
