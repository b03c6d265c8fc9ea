package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.VipEntry;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** blacklist.yaml and vips.yaml. */
class CallersFileTest {
    @TempDir
    Path dir;
    ConfigFixture config;

    @BeforeEach
    void smallValidCentre() {
        config = new ConfigFixture(dir);
    }

    @Test
    void blacklistEntriesAreReadWithTheirExpiry() {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "13800138000"
                    reason: prank calls
                  - number: "1700"
                    match: prefix
                    prompt: custom/refused
                  - number: "15912345678"
                    expires: 2026-12-31T18:00:00+08:00
                """);

        assertThat(config.valid().blacklist()).containsExactly(
                new BlacklistEntry("13800138000", MatchKind.EXACT, Optional.empty(), "prank calls", Optional.empty()),
                new BlacklistEntry("1700", MatchKind.PREFIX, Optional.empty(), "", Optional.of("custom/refused")),
                new BlacklistEntry("15912345678", MatchKind.EXACT, Optional.of(Instant.parse("2026-12-31T10:00:00Z")),
                        "", Optional.empty()));
    }

    @Test
    void aBlacklistPrefixOfOneOrTwoDigitsIsWarnedAboutForItRefusesAWholeClassOfCallers() {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "1"
                    match: prefix
                  - number: "00"
                    match: prefix
                  - number: "170"
                    match: prefix
                """);

        assertThat(config.warnings()).containsExactly(
                "blacklist.yaml:2:13: blacklist[1].number: blacklist prefix '1' refuses every caller whose number "
                        + "starts with it: a whole class of callers (1: every mobile in China; 00: every caller from "
                        + "abroad), not one nuisance line; write the number range you mean",
                "blacklist.yaml:4:13: blacklist[00].number: blacklist prefix '00' refuses every caller whose number "
                        + "starts with it: a whole class of callers (1: every mobile in China; 00: every caller from "
                        + "abroad), not one nuisance line; write the number range you mean");
    }

    @Test
    void anExactNumberOfFourDigitsIsWarnedAboutForItIsMostLikelyARangeWrittenWithoutPrefix() {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "1700"
                  - number: "10086"
                  - number: "1700"
                    match: prefix
                """);

        assertThat(config.warnings()).containsExactly("blacklist.yaml:2:13: blacklist[1700].number: blacklist number "
                + "'1700' has 4 digits: it refuses only a caller whose whole number is 1700; for every number that "
                + "starts with it, add match: prefix");
    }

    @Test
    void aVipTheBlacklistRefusesIsWarnedAboutForTheBlacklistIsLookedAtFirst() {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "1391234"
                    match: prefix
                """).with("vips.yaml", """
                vips:
                  - number: "13912345678"
                    name: Li Wei
                  - number: "13800000008"
                """);

        assertThat(config.warnings()).containsExactly("vips.yaml:2:5: vips[13912345678]: VIP 13912345678 is also "
                + "refused by blacklist.yaml's prefix entry 1391234: the blacklist is looked at first, so this caller "
                + "hears the busy prompt, never the VIP rule");
    }

    @Test
    void anExpiryDateKeepsTheEntryThroughThatWholeDayInTheCentresZone() {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "15912345678"
                    expires: 2026-12-31
                """);

        // Midnight at the end of 31 December in Shanghai (UTC+8).
        assertThat(config.valid().blacklist().getFirst().expires())
                .contains(Instant.parse("2026-12-31T16:00:00Z"));
    }

    @Test
    void aBlacklistEntryThatHasRunOutIsKeptButWarnedAboutForItRefusesNobody() {
        // the fixture judges dates as of the start of 7 December 2026 (Shanghai)
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "15912345678"
                    expires: 2026-12-06
                  - number: "13912345678"
                    expires: 2026-12-06T23:59:59+08:00
                  - number: "13800138000"
                    expires: 2026-12-07
                  - number: "13800138001"
                    expires: 2026-12-07T00:00:01+08:00
                """);

        assertThat(config.warnings()).containsExactly(
                "blacklist.yaml:3:14: blacklist[15912345678].expires: blacklist entry for '15912345678' has run out "
                        + "(at the end of 2026-12-06): it refuses nobody; remove it, or give a later date to keep the "
                        + "caller out",
                "blacklist.yaml:5:14: blacklist[13912345678].expires: blacklist entry for '13912345678' has run out "
                        + "(at 2026-12-06T23:59:59+08:00): it refuses nobody; remove it, or give a later date to keep "
                        + "the caller out");
        assertThat(config.valid().blacklist()).hasSize(4);
    }

    @Test
    void anExpiryOutsideTheYearsACalendarHoldsIsATypoOrANeverThatIsWrittenOutAsAFarDay() {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "15912345678"
                    expires: 9999-12-31
                  - number: "13912345678"
                    expires: 1026-12-31T18:00:00+08:00
                """);

        assertThat(config.problems()).containsExactly(
                "blacklist.yaml:3:14: blacklist[15912345678].expires: '9999-12-31' is not a date a centre's calendar "
                        + "holds (years 2000 to 2199): check the year, or leave expires out for an entry that never "
                        + "runs out",
                "blacklist.yaml:5:14: blacklist[13912345678].expires: '1026-12-31T18:00:00+08:00' is not a date a "
                        + "centre's calendar holds (years 2000 to 2199): check the year, or leave expires out for an "
                        + "entry that never runs out");
    }

    @Test
    void anExpiryThatIsNeitherADateNorAnInstantIsReported() {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "15912345678"
                    expires: 31/12/2026
                """);

        assertThat(config.problems()).containsExactly("blacklist.yaml:3:14: blacklist[15912345678].expires: "
                + "'31/12/2026' is neither a date (2026-12-31) nor an instant (2026-12-31T18:00:00+08:00)");
    }

    /** A blacklist of one entry. */
    private void withBlacklisted(String number, String match) {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "%s"
                    match: %s
                """.formatted(number, match));
    }

    @Test
    void theBlacklistMatchesExactNumbersOrPrefixesNotPatterns() {
        withBlacklisted("_170XXXXXXXX", "pattern");

        assertThat(config.problems()).containsExactly("blacklist.yaml:3:12: blacklist[_170XXXXXXXX].match: "
                + "a blacklist entry matches exact or prefix, not pattern");

        withBlacklisted("170", "Prefix");
        assertThat(config.problems()).containsExactly("blacklist.yaml:3:12: blacklist[170].match: unknown match "
                + "'Prefix' (known: exact, prefix)");
    }

    @Test
    void aBlacklistedNumberIsDigits() {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "138 0013 8000"
                """);

        assertThat(config.problems()).containsExactly("blacklist.yaml:2:13: blacklist[138 0013 8000].number: "
                + "number '138 0013 8000' must be digits only, found ' '");
    }

    @Test
    void aNumberBlacklistedTwiceIsReported() {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "13800138000"
                  - number: "13800138000"
                """);

        assertThat(config.problems()).containsExactly("blacklist.yaml:3:13: blacklist[13800138000].number: "
                + "duplicate blacklist entry for exact number '13800138000' (first at line 2)");
    }

    @Test
    void vipsAreRead() {
        config.with("vips.yaml", """
                vips:
                  - number: "13912345678"
                    name: Ms. Qian
                    tier: platinum
                  - number: "13698765432"
                """);

        assertThat(config.valid().vips()).containsExactly(new VipEntry("13912345678", "Ms. Qian", "platinum"),
                new VipEntry("13698765432", "", ""));
    }

    @Test
    void aVipListedTwiceIsReported() {
        config.with("vips.yaml", """
                vips:
                  - number: "13912345678"
                  - number: "13912345678"
                """);

        assertThat(config.problems()).containsExactly(
                "vips.yaml:3:13: vips[13912345678].number: duplicate VIP number '13912345678' (first at line 2)");
    }

    private static final String CHINA = """
            settings:
              zone: Asia/Shanghai
              callerNumbers:
                countryCode: 86
            """;

    @Test
    void oneCallerWrittenTwiceInTwoFormsIsADuplicateOnceCallerNumbersAreSet() {
        config.with("centre.yaml", CHINA).with("vips.yaml", """
                vips:
                  - number: "13912345678"
                  - number: "008613912345678"
                """);

        assertThat(config.problems()).containsExactly("vips.yaml:3:13: vips[008613912345678].number: duplicate VIP "
                + "number '008613912345678' (caller 13912345678 once centre.yaml's callerNumbers reads it) (first at "
                + "line 2)");
    }

    @Test
    void anEntryInItsInternationalFormWithPlusIsTheCallerItNamesOnceCallerNumbersAreSet() {
        config.with("centre.yaml", CHINA).with("vips.yaml", """
                vips:
                  - number: "+8613912345678"
                """);
        assertThat(config.valid().vips()).singleElement().satisfies(v -> assertThat(v.number())
                .isEqualTo("+8613912345678"));

        config.with("centre.yaml", CHINA).with("vips.yaml", """
                vips:
                  - number: "13912345678"
                  - number: "+8613912345678"
                """);
        assertThat(config.problems()).singleElement().asString().contains("duplicate VIP number '+8613912345678'");
    }

    @Test
    void aBlacklistPrefixThatIsOnlyTheTrunkPrefixWouldRefuseEveryCallerAndIsReported() {
        config.with("centre.yaml", CHINA).with("blacklist.yaml", """
                blacklist:
                  - number: "0"
                    match: prefix
                  - number: "0086"
                    match: prefix
                """);

        assertThat(config.problems()).containsExactly(
                "blacklist.yaml:2:13: blacklist[0].number: '0' is only the trunk prefix of centre.yaml's "
                        + "callerNumbers: write the number that follows it",
                "blacklist.yaml:4:13: blacklist[0086].number: '0086' is only the international prefix and country "
                        + "code of centre.yaml's callerNumbers: write the number that follows it");
    }

    @Test
    void withoutCallerNumbersTheSameDigitsInTwoFormsAreTwoEntries() {
        config.with("blacklist.yaml", """
                blacklist:
                  - number: "13800138000"
                  - number: "008613800138000"
                """);

        assertThat(config.valid().blacklist()).hasSize(2);
    }
}
