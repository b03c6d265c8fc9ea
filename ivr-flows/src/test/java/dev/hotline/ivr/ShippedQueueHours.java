package dev.hotline.ivr;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The shipped queues' hours (config/queues.yaml) as the server hands them to flows ({@code queue_open},
 * {@code queue_holiday}), written out for the IVR's own tests, which do not read queues.yaml: the sales lines daily
 * 08:00-24:00, after-sales (and general-enquiry, which waits in it) Monday to Friday 09:00-21:00, weekends 10:00-12:00
 * and 13:00-18:00, closed on National Day 2026 and the Spring Festival. The server's DefaultConfigTest checks the real
 * hours against the flow.
 */
final class ShippedQueueHours implements QueueHours {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final List<String> SALES = List.of("sales-tea", "slimming-tea", "massage-chair", "knife-set",
            "skincare-set");
    private static final List<String> AFTER_SALES = List.of("after-sales", "general-enquiry");
    private static final Set<LocalDate> HOLIDAYS = Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
            LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5), LocalDate.of(2026, 10, 6),
            LocalDate.of(2026, 10, 7), LocalDate.of(2026, 2, 17));

    @Override
    public Map<String, Boolean> openAt(Instant at) {
        LocalDateTime local = LocalDateTime.ofInstant(at, SHANGHAI);
        int hour = local.getHour();
        boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
        boolean afterSales = !HOLIDAYS.contains(local.toLocalDate()) && (weekend
                ? hour >= 10 && hour < 12 || hour >= 13 && hour < 18
                : hour >= 9 && hour < 21);
        Map<String, Boolean> open = new HashMap<>();
        SALES.forEach(type -> open.put(type, hour >= 8));
        AFTER_SALES.forEach(type -> open.put(type, afterSales));
        return open;
    }

    @Override
    public Map<String, Boolean> holidayAt(Instant at) {
        boolean holiday = HOLIDAYS.contains(LocalDate.ofInstant(at, SHANGHAI));
        Map<String, Boolean> holidays = new HashMap<>();
        SALES.forEach(type -> holidays.put(type, false));
        AFTER_SALES.forEach(type -> holidays.put(type, holiday));
        return holidays;
    }
}
