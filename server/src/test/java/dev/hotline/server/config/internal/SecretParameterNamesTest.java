package dev.hotline.server.config.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which lookup parameter names say a secret (warned of when sent in a URL), and which merely hold the letters. */
class SecretParameterNamesTest {

    @Test
    void namesOfPinsPasswordsOneTimeCodesAndCvvsAreSecrets() {
        for (String name : List.of("pin", "PIN", "cardPin", "card_pin", "pin_code", "pinCode", "pincode", "pin1",
                "pins", "cardpin", "newpin", "password", "userpassword", "accountpassword", "passwordHash", "pass",
                "pwd", "smsOtp", "otp", "otpcode", "cvv", "cvv2", "cvc2", "cvvCode", "secret", "clientSecret")) {
            assertThat(IvrFlowFiles.secret(name)).as(name).isTrue();
        }
    }

    @Test
    void wordsThatOnlyHoldTheLettersAreNot() {
        for (String name : List.of("shipping", "opinion", "spinner", "pinyin", "passenger", "spin", "pinned",
                "option", "topping", "spin_code", "account", "order", "phone", "kind", "service")) {
            assertThat(IvrFlowFiles.secret(name)).as(name).isFalse();
        }
    }
}
