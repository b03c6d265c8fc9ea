package dev.hotline.acd.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Asterisk pattern syntax of number routes: what it matches, and what it refuses with which message. */
class DialPatternTest {

    @ParameterizedTest(name = "{0} matches {1}: {2}")
    @CsvSource({
            "_4008XXXX, 40081234, true",
            "_4008XXXX, 4008123A, false",
            "_Z, 0, false",
            "_N, 2, true",
            "_[0-37-9], 5, false",
            "_[0-37-9], 8, true",
            "_9!, 9, true",
            "_9., 9, false",
            "_., 1, true"})
    void aParsedPatternMatchesDialledNumbersAsAsteriskDoes(String pattern, String dialled, boolean matches) {
        assertThat(DialPattern.parse(pattern).matches(dialled)).isEqualTo(matches);
    }

    @ParameterizedTest(name = "{0} covers {1}: {2}")
    @CsvSource({
            "_4008003XXX, _40080030XX, true",
            "_40080030XX, _4008003XXX, false",
            "_4008XXXX, _4008XXX, false",
            "_4008X., _40081234, true",
            "_4008X., _4008X, false",
            "_4008X!, _4008X, true",
            "_4008X!, _4008X., true",
            "_4008X., _4008X!, false",
            "_4008XXXX, _4008X., false",
            "_NXX, _[2-5]XX, true",
            "_NXX, _[1-5]XX, false"})
    void aPatternCoversAnotherWhenEveryNumberTheOtherMatchesItMatchesToo(String first, String second,
                                                                          boolean covers) {
        assertThat(DialPattern.parse(first).covers(DialPattern.parse(second))).isEqualTo(covers);
    }

    @Test
    void aPatternReadsAsWrittenAndEqualsTheSameText() {
        assertThat(DialPattern.parse("_4008[1-5]X.")).hasToString("_4008[1-5]X.")
                .isEqualTo(DialPattern.parse("_4008[1-5]X."));
    }

    @Test
    void aLiteralOtherThanADigitIsRefusedWithItsPosition() {
        assertThatThrownBy(() -> DialPattern.parse("_*8X")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("pattern '_*8X' has '*' at position 2 (allowed: digits, X, Z, N, [sets], and a final . or !)");
    }

    @Test
    void aCharacterBeyondTheBasicPlaneIsNamedWholeAndAnInvisibleOneByItsCode() {
        assertThatThrownBy(() -> DialPattern.parse("_13X\uD83D\uDE00")).hasMessage("pattern '_13X\uD83D\uDE00' has "
                + "'\uD83D\uDE00' at position 5 (allowed: digits, X, Z, N, [sets], and a final . or !)");
        assertThatThrownBy(() -> DialPattern.parse("_1\u200B3")).hasMessage("pattern '_1\u200B3' has U+200B at "
                + "position 3 (allowed: digits, X, Z, N, [sets], and a final . or !)");
        assertThatThrownBy(() -> DialPattern.parse("_1[3\u200F]")).hasMessage("pattern '_1[3\u200F]' has U+200F in "
                + "the set at position 3 (a set holds digits and ranges like [1-5])");
    }
}
