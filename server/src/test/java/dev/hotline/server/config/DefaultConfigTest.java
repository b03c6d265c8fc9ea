package dev.hotline.server.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.ivr.Action;
import dev.hotline.ivr.CallContext;
import dev.hotline.ivr.FlowInterpreter;
import dev.hotline.ivr.FlowListener;
import dev.hotline.ivr.Input;
import dev.hotline.ivr.Step;
import dev.hotline.server.serve.internal.ConfiguredQueueHours;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
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

    @Test
    void afterSalesKeepsWeekdayHoursOnTheMakeUpWorkingDaysOfTheHolidaySchedule() {
        QueueConfig afterSales = queue(load(), "after-sales");

        // Saturday 14 February 2026 is worked: open at 09:30 and over lunch, as on a weekday
        assertThat(afterSales.hours().isOpenAt(at("2026-02-14T09:30:00"))).isTrue();
        assertThat(afterSales.hours().isOpenAt(at("2026-02-14T12:30:00"))).isTrue();
        assertThat(afterSales.hours().isOpenAt(at("2026-02-14T20:59:59"))).isTrue();
        // the Saturday before keeps the weekend's hours
        assertThat(afterSales.hours().isOpenAt(at("2026-02-07T09:30:00"))).isFalse();
        assertThat(afterSales.hours().isOpenAt(at("2026-02-07T12:30:00"))).isFalse();
        assertThat(afterSales.hours().makeUpDay(LocalDate.of(2026, 10, 10)).orElseThrow().name())
                .isEqualTo("National Day make-up day");
    }

    /**
     * Whether the shipped welcome flow (through tv-shopping, the after-sales line's flow and the treatment of its
     * closed queue) lets a caller of {@code businessType} on to the main menu at {@code at}, or says it is closed:
     * it reads the queues' hours ({@code queue_open}), so this holds whatever hours queues.yaml gives.
     */
    private static boolean welcomeSaysOpen(ConfigResult.Valid valid, String businessType, Instant at) {
        // as the server runs flows: with the hours of the queues in force
        FlowInterpreter ivr = new FlowInterpreter(valid.flows(), FlowListener.NONE,
                new ConfiguredQueueHours(valid::config));
        Step step = ivr.start("tv-shopping", new CallContext("13800138000", "4008000000", businessType, false, "zh"),
                at);
        step = ivr.step(step.state(), Input.digits("1"), at);          // Mandarin
        step = ivr.step(step.state(), Input.DONE, at);                 // the language is set
        Action heard = step.action();
        if (heard instanceof Action.Collect menu && menu.prompt().equals("tv/main-menu")) {
            return true;
        }
        assertThat(heard).as("%s at %s", businessType, at).isIn(new Action.Play("common/closed-hours", ""),
                new Action.Play("common/closed-holiday", ""));
        return false;
    }

    @Test
    void longerAfterSalesHoursInQueuesYamlAloneAreWhatTheWelcomeFlowSays(@org.junit.jupiter.api.io.TempDir Path dir)
            throws java.io.IOException {
        try (var files = java.nio.file.Files.walk(defaultConfigDir())) {
            for (Path from : files.toList()) {
                Path to = dir.resolve(defaultConfigDir().relativize(from).toString());
                if (java.nio.file.Files.isDirectory(from)) {
                    java.nio.file.Files.createDirectories(to);
                } else {
                    java.nio.file.Files.copy(from, to);
                }
            }
        }
        Path queues = dir.resolve("queues.yaml");
        String text = java.nio.file.Files.readString(queues);
        assertThat(text).contains("mon-fri: 09:00-21:00");
        java.nio.file.Files.writeString(queues, text.replace("mon-fri: 09:00-21:00", "mon-fri: 09:00-23:00"));
        ConfigResult.Valid valid = (ConfigResult.Valid) ConfigLoader.load(dir);
        Instant mondayEvening = LocalDateTime.parse("2026-12-07T22:05:00").atZone(SHANGHAI).toInstant();

        assertThat(welcomeSaysOpen(valid, "after-sales", mondayEvening)).isTrue();
    }

    @Test
    void theWelcomeFlowSaysOpenExactlyWhenTheQueueOfTheCallersBusinessTypeTakesCalls() {
        ConfigResult.Valid valid = (ConfigResult.Valid) ConfigLoader.load(defaultConfigDir());
        CentreConfig config = valid.config();
        // weekdays, weekends, National Day (holidays for after-sales, open days for sales) and the Sunday and
        // Saturday worked around it (weekday hours for after-sales)
        List<LocalDateTime> times = new ArrayList<>();
        for (LocalDateTime t = LocalDateTime.parse("2026-09-19T00:30:00");
                t.isBefore(LocalDateTime.parse("2026-10-12T00:00:00")); t = t.plusHours(1)) {
            times.add(t);
        }
        for (BusinessType type : config.businessTypes()) {
            QueueConfig queue = queue(config, type.queue());
            for (LocalDateTime local : times) {
                Instant at = local.atZone(SHANGHAI).toInstant();
                assertThat(welcomeSaysOpen(valid, type.id(), at))
                        .as("business type %s (queue %s) at %s Shanghai", type.id(), queue.id(), local)
                        .isEqualTo(queue.hours().isOpenAt(at.toEpochMilli()));
            }
        }
    }
}
