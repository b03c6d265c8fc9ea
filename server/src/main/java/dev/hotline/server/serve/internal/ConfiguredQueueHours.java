package dev.hotline.server.serve.internal;

import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.OpeningHours;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.ivr.QueueHours;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The hours of the configuration in force (queues.yaml), by business type, for the IVR's {@code queue_open} and
 * {@code queue_holiday}: a reload's new hours are what the next condition reads.
 */
public final class ConfiguredQueueHours implements QueueHours {
    private final Supplier<CentreConfig> config;

    public ConfiguredQueueHours(Supplier<CentreConfig> config) {
        this.config = config;
    }

    @Override
    public Map<String, Boolean> openAt(Instant at) {
        return byBusinessType(hours -> hours.isOpenAt(at.toEpochMilli()));
    }

    @Override
    public Map<String, Boolean> holidayAt(Instant at) {
        return byBusinessType(hours -> hours.holiday(LocalDate.ofInstant(at, hours.zone())).isPresent());
    }

    private Map<String, Boolean> byBusinessType(Predicate<OpeningHours> test) {
        CentreConfig centre = config.get();
        Map<String, OpeningHours> hoursOfQueue = new HashMap<>();
        for (QueueConfig queue : centre.queues()) {
            hoursOfQueue.put(queue.id(), queue.hours());
        }
        Map<String, Boolean> answer = new HashMap<>();
        for (BusinessType type : centre.businessTypes()) {
            OpeningHours hours = hoursOfQueue.get(type.queue());
            if (hours != null) {
                answer.put(type.id(), test.test(hours));
            }
        }
        return answer;
    }
}
