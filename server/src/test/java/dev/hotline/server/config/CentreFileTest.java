package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.CallerNumbers;
import dev.hotline.acd.model.CentreSettings;
import dev.hotline.acd.model.VipPolicy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CentreFileTest {
    @TempDir
    Path dir;
    ConfigFixture config;

    @BeforeEach
    void smallValidCentre() {
        config = new ConfigFixture(dir);
    }

    @Test
    void onlyTheZoneIsRequiredTheRestHasDefaults() {
        assertThat(config.valid().settings()).isEqualTo(new CentreSettings(ZoneId.of("Asia/Shanghai"),
                Duration.ofMinutes(15), Duration.ofSeconds(5), CentreSettings.DEFAULT_BUSY_PROMPT, Optional.empty()));
        assertThat(config.valid().vipPolicy()).isEqualTo(
                new VipPolicy(Optional.empty(), Duration.ZERO, VipPolicy.DEFAULT_PRIORITY_BOOST));
    }

    @Test
    void everySettingAndTheVipPolicyAreRead() {
        config.with("centre.yaml", """
                settings:
                  zone: Europe/Berlin
                  reportInterval: 30m
                  shortAbandon: 3s
                  busyPrompt: custom/busy
                  defaultBusinessType: tea
                vip:
                  group: sales-b
                  escalateAfter: 15s
                  priorityBoost: 20
                """);

        assertThat(config.valid().settings()).isEqualTo(new CentreSettings(ZoneId.of("Europe/Berlin"),
                Duration.ofMinutes(30), Duration.ofSeconds(3), "custom/busy", Optional.of("tea")));
        assertThat(config.valid().vipPolicy()).isEqualTo(
                new VipPolicy(Optional.of("sales-b"), Duration.ofSeconds(15), 20));
    }

    @Test
    void aTimeZoneThatDoesNotExistIsReported() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shangai
                """);

        assertThat(config.problems()).containsExactly("centre.yaml:2:9: settings.zone: unknown time zone "
                + "'Asia/Shangai' (write a region like Asia/Shanghai or an offset like +08:00)");
    }

    @Test
    void theDefaultBusinessTypeMustExist() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                  defaultBusinessType: coffee
                """);

        assertThat(config.problems()).containsExactly(
                "centre.yaml:3:24: settings.defaultBusinessType: unknown business type 'coffee' (known: tea)");
    }

    @Test
    void theVipGroupMustBeASkillGroup() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                vip:
                  group: vip-gold
                """);

        assertThat(config.problems()).containsExactly(
                "centre.yaml:4:10: vip.group: unknown skill group 'vip-gold' (known: sales-a, sales-b)");
    }

    @Test
    void theVipPriorityBoostMustRaiseThePriority() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                vip:
                  priorityBoost: -3
                """);

        assertThat(config.problems()).containsExactly(
                "centre.yaml:4:18: vip.priorityBoost: priorityBoost must be at least 1, got -3");
    }

    @Test
    void reportIntervalsMustTileTheDay() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                  reportInterval: 7m
                """);

        assertThat(config.problems()).containsExactly("centre.yaml:3:19: settings.reportInterval: "
                + "report interval 7m does not divide a day evenly (use e.g. 15m, 30m or 1h)");
    }

    @Test
    void aZeroReportIntervalIsSaidToBeTooShortNotUneven() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                  reportInterval: 0s
                """);

        assertThat(config.problems()).containsExactly("centre.yaml:3:19: settings.reportInterval: "
                + "report interval 0s: an interval must be longer than that (use e.g. 15m, 30m or 1h)");
    }

    @Test
    void callerNumbersWithEveryLineUnderItCommentedOutIsAMistakeNotNumbersComparedAsGiven() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                  callerNumbers:
                  #  countryCode: 86
                """);

        assertThat(config.problems()).containsExactly("centre.yaml:3:17: settings.callerNumbers: callerNumbers has "
                + "no value: give its countryCode (and prefixes), or remove the key to compare caller numbers exactly "
                + "as Asterisk gives them");
    }

    @Test
    void callerNumbersTakeTheCountryCodeWithTheInternationalAndTrunkPrefixesDefaulted() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                  callerNumbers:
                    countryCode: 86
                """);

        assertThat(config.valid().settings().callerNumbers()).isEqualTo(new CallerNumbers("86", "00", "0"));
    }

    @Test
    void callerNumbersOfACountryWithOtherPrefixes() {
        config.with("centre.yaml", """
                settings:
                  zone: America/New_York
                  callerNumbers:
                    countryCode: "1"
                    internationalPrefix: "011"
                    trunkPrefix: "1"
                """);

        assertThat(config.valid().settings().callerNumbers()).isEqualTo(new CallerNumbers("1", "011", "1"));
    }

    @Test
    void withoutCallerNumbersNumbersAreComparedAsGiven() {
        assertThat(config.valid().settings().callerNumbers()).isEqualTo(CallerNumbers.AS_GIVEN);
    }

    @Test
    void callerNumbersMistakesAreReported() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                  callerNumbers:
                    countryCode: "+86"
                    internationalPrefix: "00"
                    trunkPrefix: "00"
                """);

        assertThat(config.problems()).containsExactly(
                "centre.yaml:4:18: settings.callerNumbers.countryCode: countryCode '+86' must be digits only "
                        + "(write it without +)",
                "centre.yaml:6:18: settings.callerNumbers.trunkPrefix: trunkPrefix '00' starts with the "
                        + "international prefix '00': a number of the country could not be told from a number abroad");
    }

    @Test
    void aCountryCodeIsRequiredAndNeverStartsWithZero() {
        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                  callerNumbers:
                    trunkPrefix: ""
                """);
        assertThat(config.problems()).containsExactly(
                "centre.yaml:4:5: settings.callerNumbers: missing required key 'countryCode'");

        config.with("centre.yaml", """
                settings:
                  zone: Asia/Shanghai
                  callerNumbers:
                    countryCode: "086"
                """);
        assertThat(config.problems()).containsExactly("centre.yaml:4:18: settings.callerNumbers.countryCode: "
                + "countryCode '086' starts with 0: write the country's calling code without + or 00 (86 for China)");
    }
}
