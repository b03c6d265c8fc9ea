package dev.hotline.bridge.ami;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceStateTest {

    @ParameterizedTest(name = "{0} -> offerable {1}")
    @CsvSource({
            "NOT_INUSE, true",
            "INUSE, false",
            "BUSY, false",
            "RINGING, false",
            "RINGINUSE, false",
            "ONHOLD, false",
            "UNAVAILABLE, false",
            "INVALID, false",
            "UNKNOWN, false",
            "SOMETHING_NEW, false"})
    void onlyAnIdlePhoneMayBeOfferedACall(String asteriskText, boolean offerable) {
        assertThat(DeviceState.parse(asteriskText).offerable()).isEqualTo(offerable);
    }
}
