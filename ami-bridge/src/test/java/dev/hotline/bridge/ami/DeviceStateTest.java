package dev.hotline.bridge.ami;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.PhoneState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DeviceStateTest {

    @ParameterizedTest(name = "{0} -> phone {1}")
    @CsvSource({
            "NOT_INUSE, FREE",
            "INUSE, BUSY",
            "BUSY, BUSY",
            "RINGING, BUSY",
            "RINGINUSE, BUSY",
            "ONHOLD, BUSY",
            "UNAVAILABLE, UNREACHABLE",
            "INVALID, UNREACHABLE",
            // valid, state not known to its driver: Asterisk's queues ring such members too
            "UNKNOWN, FREE",
            "SOMETHING_NEW, FREE"})
    void onlyAnIdleOrUnknownPhoneMayBeOfferedACall(String asteriskText, PhoneState phone) {
        assertThat(DeviceState.parse(asteriskText).phone()).isEqualTo(phone);
    }
}
