package dev.hotline.acd.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** A caller number is compared by its significant number: the same line whichever form the network sends. */
class CallerNumbersTest {

    private static final CallerNumbers CHINA = new CallerNumbers("86", "00", "0");

    @Test
    void aMobileIsTheSameInNationalAndInternationalForm() {
        assertThat(CHINA.significant("13800138000")).isEqualTo("13800138000");
        assertThat(CHINA.significant("+8613800138000")).isEqualTo("13800138000");
        assertThat(CHINA.significant("008613800138000")).isEqualTo("13800138000");
    }

    @Test
    void aLandlineLosesItsTrunkPrefixOrItsCountryCode() {
        assertThat(CHINA.significant("02166668888")).isEqualTo("2166668888");
        assertThat(CHINA.significant("+862166668888")).isEqualTo("2166668888");
        assertThat(CHINA.significant("00862166668888")).isEqualTo("2166668888");
    }

    @Test
    void aTrunkPrefixWrittenAfterTheCountryCodeIsDroppedToo() {
        assertThat(CHINA.significant("+8602166668888")).isEqualTo("2166668888");
        assertThat(CHINA.significant("008602166668888")).isEqualTo("2166668888");
        assertThat(CHINA.significant("00860")).isEmpty();
    }

    @Test
    void aNumberAbroadKeepsItsCountryCodeBehindTheInternationalPrefix() {
        assertThat(CHINA.significant("+15551234567")).isEqualTo("0015551234567");
        assertThat(CHINA.significant("0015551234567")).isEqualTo("0015551234567");
    }

    @Test
    void aCountryWhoseInternationalPrefixIsLongerReadsItsOwn() {
        CallerNumbers northAmerica = new CallerNumbers("1", "011", "1");
        assertThat(northAmerica.significant("+12125550100")).isEqualTo("2125550100");
        assertThat(northAmerica.significant("12125550100")).isEqualTo("2125550100");
        assertThat(northAmerica.significant("01112125550100")).isEqualTo("2125550100");
        assertThat(northAmerica.significant("+8613800138000")).isEqualTo("0118613800138000");
    }

    @Test
    void asGivenComparesNumbersAsWrittenSeparatorsAside() {
        assertThat(CallerNumbers.AS_GIVEN.significant("+8613800138000")).isEqualTo("+8613800138000");
        assertThat(CallerNumbers.AS_GIVEN.significant("013800138000")).isEqualTo("013800138000");
        assertThat(CallerNumbers.AS_GIVEN.significant(" 138-0013-8000 ")).isEqualTo("13800138000");
    }

    @Test
    void spacesDashesDotsBracketsAndATelPrefixAreOnlyForReadingAndNeverHideACaller() {
        for (String written : new String[] {"+86 138 0013 8000", " 13800138000", "13800138000 ", "+86-138-0013-8000",
                "(+86)13800138000", "tel:+8613800138000", "TEL:+86.138.0013.8000", "0086 138\t0013\u00a08000"}) {
            assertThat(CHINA.significant(written)).as(written).isEqualTo("13800138000");
        }
        assertThat(CHINA.significant("+86 (0)21 6123 4567")).isEqualTo("2161234567");
        assertThat(CHINA.significant("+86(0)2161234567")).isEqualTo("2161234567");
        assertThat(CHINA.significant("(021) 6123-4567")).isEqualTo("2161234567");
        assertThat(CHINA.significant("tel:13800138000;phone-context=+86")).isEqualTo("13800138000");
        assertThat(CHINA.significant("tel:+8613800138000;ext=12")).isEqualTo("13800138000");
    }

    @Test
    void aCountryCodeNeedsAnInternationalPrefix() {
        assertThatThrownBy(() -> new CallerNumbers("86", "", "0"))
                .hasMessage("an international prefix is needed with country code 86");
    }
}
