package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.QueueConfig;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

/** The configuration shipped in config/ is the documented example: it must load, and say what it claims. */
class DefaultConfigTest {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    static Path defaultConfigDir() {
        return Path.of(System.getProperty("hotline.config.dir", "../config"));
    }

    private static CentreConfig load() {
        ConfigResult result = ConfigLoader.load(defaultConfigDir());
        assertThat(result).as("%s", result).isInstanceOf(ConfigResult.Valid.class);
        return ((ConfigResult.Valid) result).config();
    }

    private static QueueConfig queue(CentreConfig config, String id) {
        return config.queues().stream().filter(q -> q.id().equals(id)).findFirst().orElseThrow();
    }

    private static long at(String localDateTime) {
        return ZonedDateTime.of(LocalDateTime.parse(localDateTime), SHANGHAI).toInstant().toEpochMilli();
    }

    @Test
    void theShippedTvShoppingCentreIsValid() {
        CentreConfig config = load();

        assertThat(config.numbers()).hasSize(9);
        assertThat(config.businessTypes()).hasSize(6);
        assertThat(config.queues()).hasSize(4);
        assertThat(config.groups()).hasSize(6);
        assertThat(config.agents()).hasSize(12);
        assertThat(config.blacklist()).hasSize(3);
        assertThat(config.vips()).hasSize(4);
        assertThat(config.vipPolicy().group()).contains("vip");
    }

    @Test
    void salesQueuesAreOpenFromEightToMidnightEvenOnHolidays() {
        QueueConfig sales = queue(load(), "sales-health");

        assertThat(sales.hours().isOpenAt(at("2026-10-01T07:59:59"))).isFalse();
        assertThat(sales.hours().isOpenAt(at("2026-10-01T08:00:00"))).isTrue();
        assertThat(sales.hours().isOpenAt(at("2026-10-01T23:59:59"))).isTrue();
    }

    @Test
    void afterSalesIsClosedOnChinesePublicHolidays() {
        QueueConfig afterSales = queue(load(), "after-sales");

        assertThat(afterSales.hours().isOpenAt(at("2026-09-30T10:00:00"))).isTrue();
        assertThat(afterSales.hours().isOpenAt(at("2026-10-01T10:00:00"))).isFalse();
        assertThat(afterSales.hours().isOpenAt(at("2026-02-20T10:00:00"))).isFalse();
        assertThat(afterSales.hours().holiday(LocalDate.of(2027, 2, 6)).orElseThrow().name())
                .isEqualTo("Spring Festival");
    }
}
