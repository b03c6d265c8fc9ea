package dev.hotline.server.journal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which attached values are card numbers, and what is left of them on disk. */
class CardNumbersTest {

    @Test
    void aCardNumberKeepsItsFirstSixAndLastFourDigits() {
        assertThat(CardNumbers.mask("6222021234567894")).isEqualTo("622202******7894");
        assertThat(CardNumbers.mask("4111111111111111")).isEqualTo("411111******1111");
        assertThat(CardNumbers.mask("6222 0212 3456 7894")).isEqualTo("622202******7894");
        assertThat(CardNumbers.mask("4111-1111-1111-1111")).isEqualTo("411111******1111");
        assertThat(CardNumbers.mask("6212345678901234569")).as("19 digits").isEqualTo("621234*********4569");
    }

    @Test
    void whatIsNoCardNumberStaysAsItIs() {
        assertThat(CardNumbers.mask("6222021234567899")).as("Luhn check fails").isEqualTo("6222021234567899");
        assertThat(CardNumbers.mask("13911112222")).as("a phone number: too short").isEqualTo("13911112222");
        assertThat(CardNumbers.mask("A-77")).isEqualTo("A-77");
        assertThat(CardNumbers.mask("")).isEmpty();
        assertThat(CardNumbers.mask("41111111111111111111")).as("20 digits").isEqualTo("41111111111111111111");
        assertThat(CardNumbers.mask(" 4111111111111111")).as("a separator first").isEqualTo(" 4111111111111111");
        assertThat(CardNumbers.mask("4111 1111 1111 1111 x")).isEqualTo("4111 1111 1111 1111 x");
    }

    @Test
    void aMapIsMaskedValueByValueAndLeftAsItIsWithoutCardNumbers() {
        Map<String, String> plain = Map.of("order", "A-77");

        assertThat(CardNumbers.masked(plain)).isSameAs(plain);
        assertThat(CardNumbers.masked(Map.of("account", "4111111111111111", "order", "A-77")))
                .containsExactlyInAnyOrderEntriesOf(Map.of("account", "411111******1111", "order", "A-77"));
    }
}
