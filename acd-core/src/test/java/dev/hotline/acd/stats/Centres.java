package dev.hotline.acd.stats;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.CentreSettings;
import dev.hotline.acd.model.OpeningHours;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.QueueTreatments;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.Skill;
import dev.hotline.acd.model.SkillGroup;
import dev.hotline.acd.model.Treatment;
import dev.hotline.acd.model.VipPolicy;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

/**
 * The centre the statistics tests run against: queues "sales" (20 s service level, served by "sales-team") and "vip"
 * (10 s, "vip-team"), 15-minute intervals in Shanghai time, short abandons under 5 s. Agents 1001 and 1002 are in
 * sales-team; 2001 is in vip-team and sales-team.
 */
final class Centres {
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    /** Monday 2 March 2026, 09:00 in Shanghai: the start of a 15-minute interval. */
    static final long NINE_AM = LocalDateTime.of(2026, 3, 2, 9, 0).atZone(ZONE).toInstant().toEpochMilli();

    private Centres() {
    }

    static CentreConfig standard() {
        return withSettings(settings(Duration.ofMinutes(15)));
    }

    static CentreSettings settings(Duration reportInterval) {
        return new CentreSettings(ZONE, reportInterval, Duration.ofSeconds(5), CentreSettings.DEFAULT_BUSY_PROMPT,
                Optional.empty());
    }

    static CentreConfig withSettings(CentreSettings settings) {
        return new CentreConfig(settings, List.of(), List.of(),
                List.of(queue("sales", "sales-team", 20), queue("vip", "vip-team", 10),
                        queue("support", "sales-team", 30)),
                List.of(new SkillGroup("sales-team", "Sales"), new SkillGroup("vip-team", "VIP service")),
                List.of(agent("1001", "sales-team"), agent("1002", "sales-team"),
                        agent("2001", "vip-team", "sales-team")),
                List.of(), new VipPolicy(Optional.of("vip-team"), Duration.ofSeconds(20), 10), List.of());
    }

    private static QueueConfig queue(String id, String group, int serviceLevelSeconds) {
        Treatment busy = new Treatment.Hangup(CentreSettings.DEFAULT_BUSY_PROMPT);
        return new QueueConfig(id, id, List.of(group), RoutingStrategy.LONGEST_IDLE, 0,
                Duration.ofSeconds(serviceLevelSeconds), Duration.ofSeconds(20), Duration.ofSeconds(30), 0,
                Optional.empty(), List.of(), OpeningHours.always(ZONE), new QueueTreatments(busy, busy, busy, busy));
    }

    private static AgentConfig agent(String id, String... groups) {
        return new AgentConfig(id, id, "PJSIP/" + id, List.of(groups).stream().map(g -> new Skill(g, 5)).toList());
    }
}
