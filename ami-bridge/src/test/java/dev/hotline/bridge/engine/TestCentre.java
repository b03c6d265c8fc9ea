package dev.hotline.bridge.engine;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.CentreSettings;
import dev.hotline.acd.model.EscalationAction;
import dev.hotline.acd.model.EscalationStep;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import dev.hotline.acd.model.OpeningHours;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.acd.model.QueueTreatments;
import dev.hotline.acd.model.RoutingStrategy;
import dev.hotline.acd.model.Skill;
import dev.hotline.acd.model.SkillGroup;
import dev.hotline.acd.model.Treatment;
import dev.hotline.acd.model.VipPolicy;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A small TV-shopping centre for bridge tests: the slimming-tea advertisement number 4008001000 goes straight to the
 * {@code sales} queue, 4008002000 through the IVR flow {@code menu} first, 4008003000 to the night line whose queue
 * is never open. Agents 1001 and 1002 of the sales team ring for 20 s (1003 is a backup an escalation step adds);
 * caller 13900000000 is blacklisted.
 */
public final class TestCentre {

    /** A Monday, 10:00 UTC. */
    public static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    public static final String TEA_AD = "4008001000";
    public static final String TEA_AD_WITH_MENU = "4008002000";
    public static final String NIGHT_LINE = "4008003000";
    /** Closed, like the night line, but its callers may leave a message in Asterisk's mailbox {@link #MAILBOX}. */
    public static final String MESSAGE_LINE = "4008004000";
    public static final String MAILBOX = "tea-messages";
    /** A line whose queue is always closed and sends its callers to the IVR flow "menu" (its closed treatment). */
    public static final String AFTER_HOURS_MENU = "4008005000";
    public static final String LEAVE_A_MESSAGE = "hotline/closed-leave-message";
    /**
     * Lines whose queue (served by the sales team) has one escalation step after {@link #STEP_AFTER}: the prompt
     * {@link #SORRY}, then a hang-up with {@link #GOODBYE}, the mailbox {@link #MAILBOX}, the sales queue, or the
     * backup group (agent 1003) added.
     */
    public static final String SORRY_THEN_HANG_UP = "4008006001";
    public static final String SORRY_THEN_VOICEMAIL = "4008006002";
    public static final String SORRY_THEN_SALES = "4008006003";
    public static final String SORRY_THEN_BACKUP = "4008006004";
    public static final Duration STEP_AFTER = Duration.ofSeconds(10);
    public static final String SORRY = "hotline/sorry-for-the-wait";
    public static final String GOODBYE = "hotline/goodbye";
    public static final String BLACKLISTED = "13900000000";
    public static final String CLOSED_PROMPT = "hotline/closed-now";

    private TestCentre() {
    }

    private static QueueConfig steppedQueue(String id, EscalationAction then, QueueTreatments treatments) {
        return new QueueConfig(id, id, List.of("sales-team"), RoutingStrategy.LINEAR, 0, Duration.ofSeconds(20),
                Duration.ofSeconds(20), Duration.ZERO, 0, Optional.empty(),
                List.of(new EscalationStep("sorry", STEP_AFTER, List.of(new EscalationAction.Announce(SORRY), then))),
                OpeningHours.always(ZoneOffset.UTC), treatments);
    }

    public static CentreConfig config() {
        var treatments = new QueueTreatments(new Treatment.Hangup(CLOSED_PROMPT),
                new Treatment.Hangup(CentreSettings.DEFAULT_BUSY_PROMPT),
                new Treatment.Hangup(CentreSettings.DEFAULT_BUSY_PROMPT),
                new Treatment.Hangup(CentreSettings.DEFAULT_BUSY_PROMPT));
        var sales = new QueueConfig("sales", "Sales", List.of("sales-team"), RoutingStrategy.LINEAR, 0,
                Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ZERO, 0, Optional.empty(), List.of(),
                OpeningHours.always(ZoneOffset.UTC), treatments);
        var night = new QueueConfig("night", "Night line", List.of("sales-team"), RoutingStrategy.LINEAR, 0,
                Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ZERO, 0, Optional.empty(), List.of(),
                new OpeningHours(ZoneOffset.UTC, Map.of(), List.of()), treatments);
        var messages = new QueueConfig("messages", "Messages after hours", List.of("sales-team"),
                RoutingStrategy.LINEAR, 0, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ZERO, 0,
                Optional.empty(), List.of(), new OpeningHours(ZoneOffset.UTC, Map.of(), List.of()),
                new QueueTreatments(new Treatment.Voicemail(MAILBOX, LEAVE_A_MESSAGE), treatments.full(),
                        treatments.maxWait(), treatments.noAgents()));
        var afterHours = new QueueConfig("after-hours", "After hours", List.of("sales-team"),
                RoutingStrategy.LINEAR, 0, Duration.ofSeconds(20), Duration.ofSeconds(20), Duration.ZERO, 0,
                Optional.empty(), List.of(), new OpeningHours(ZoneOffset.UTC, Map.of(), List.of()),
                new QueueTreatments(new Treatment.IvrFlow("menu"), treatments.full(), treatments.maxWait(),
                        treatments.noAgents()));
        List<QueueConfig> stepped = List.of(
                steppedQueue("sorry-hang-up", new EscalationAction.OverflowTo(new Treatment.Hangup(GOODBYE)),
                        treatments),
                steppedQueue("sorry-voicemail", new EscalationAction.OverflowTo(new Treatment.Voicemail(MAILBOX, "")),
                        treatments),
                steppedQueue("sorry-sales", new EscalationAction.OverflowTo(new Treatment.Overflow("sales")),
                        treatments),
                steppedQueue("sorry-backup", new EscalationAction.AddGroups(List.of("backup")), treatments));
        List<QueueConfig> queues = new java.util.ArrayList<>(List.of(sales, night, messages, afterHours));
        queues.addAll(stepped);
        List<NumberRoute> numbers = new java.util.ArrayList<>(List.of(
                new NumberRoute(TEA_AD, MatchKind.EXACT, "tea", Optional.empty(), "slimming tea"),
                new NumberRoute(TEA_AD_WITH_MENU, MatchKind.EXACT, "tea", Optional.of("menu"), "tea, menu"),
                new NumberRoute(NIGHT_LINE, MatchKind.EXACT, "night", Optional.empty(), "night line"),
                new NumberRoute(MESSAGE_LINE, MatchKind.EXACT, "messages", Optional.empty(), "messages"),
                new NumberRoute(AFTER_HOURS_MENU, MatchKind.EXACT, "after-hours", Optional.empty(), "after hours")));
        List<BusinessType> types = new java.util.ArrayList<>(List.of(
                new BusinessType("tea", "Slimming tea", "sales", Optional.empty()),
                new BusinessType("night", "Night line", "night", Optional.empty()),
                new BusinessType("messages", "Messages after hours", "messages", Optional.empty()),
                new BusinessType("after-hours", "After hours", "after-hours", Optional.empty())));
        String[] steppedNumbers = {SORRY_THEN_HANG_UP, SORRY_THEN_VOICEMAIL, SORRY_THEN_SALES, SORRY_THEN_BACKUP};
        for (int i = 0; i < stepped.size(); i++) {
            String id = stepped.get(i).id();
            numbers.add(new NumberRoute(steppedNumbers[i], MatchKind.EXACT, id, Optional.empty(), id));
            types.add(new BusinessType(id, id, id, Optional.empty()));
        }
        return new CentreConfig(
                new CentreSettings(ZoneOffset.UTC, Duration.ofMinutes(15), Duration.ofSeconds(5),
                        CentreSettings.DEFAULT_BUSY_PROMPT, Optional.empty()),
                numbers, types, queues,
                List.of(new SkillGroup("sales-team", "Sales team"), new SkillGroup("backup", "Backup")),
                List.of(new AgentConfig("1001", "Li", "PJSIP/1001", List.of(new Skill("sales-team", 5))),
                        new AgentConfig("1002", "Wang", "PJSIP/1002", List.of(new Skill("sales-team", 5))),
                        new AgentConfig("1003", "Zhao", "PJSIP/1003", List.of(new Skill("backup", 5)))),
                List.of(new BlacklistEntry(BLACKLISTED, MatchKind.EXACT, Optional.empty(), "abusive caller",
                        Optional.empty())),
                new VipPolicy(Optional.empty(), Duration.ZERO, VipPolicy.DEFAULT_PRIORITY_BOOST),
                List.of());
    }
}
