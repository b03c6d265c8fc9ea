package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.DialPattern;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** What the logs and a reload's answer say of the numbers callbacks may ring: short, and loud when it is any. */
class CallbackSettingsTest {

    @Test
    void withoutAListAnyNumberIsSaidSoAndALongListShowsItsFirstPatternsAndHowManyThereAre() {
        CallbackSettings any = CallbackSettings.NOT_PLACED;
        CallbackSettings two = any.withAllowedNumbers(List.of(DialPattern.parse("_1[3-9]XXXXXXXXX"),
                DialPattern.parse("_0[1-9]XXXXXXXX!")));
        CallbackSettings many = any.withAllowedNumbers(IntStream.range(0, 20_000)
                .mapToObj(i -> DialPattern.parse("_1" + String.format("%05d", i) + "XXXXX")).toList());

        assertThat(any.allowedNumbersDescribed()).isEqualTo("any number (no allowedNumbers)");
        assertThat(two.allowedNumbersDescribed()).isEqualTo("numbers matching _1[3-9]XXXXXXXXX, _0[1-9]XXXXXXXX!");
        assertThat(many.allowedNumbersDescribed()).isEqualTo("numbers matching _100000XXXXX, _100001XXXXX, "
                + "_100002XXXXX, _100003XXXXX, _100004XXXXX, ... (20000 patterns)");
    }
}
