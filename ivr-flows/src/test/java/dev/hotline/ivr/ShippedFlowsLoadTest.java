package dev.hotline.ivr;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ShippedFlowsLoadTest {
    @Test
    void everyShippedFlowLoadsWithoutAProblem() {
        assertThat(ShippedFlows.load().names()).containsExactlyInAnyOrder("welcome", "tv-shopping", "account-number",
                "phone-banking", "timetable", "satisfaction-survey");
    }
}
