package dev.hotline.bench;

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
import dev.hotline.acd.model.VipEntry;
import dev.hotline.acd.model.VipPolicy;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A seeded synthetic call centre: {@code queues} business types, each with its own queue and dialled number (nine in
 * ten exact numbers, one in ten a prefix route), 100 ordinary skill groups plus a VIP group, and {@code agents} agents
 * each in 2-3 ordinary groups (one in twenty also in the VIP group). Queues are served by one group (seven in ten) or
 * two, mostly longest-idle with some skill-level, round-robin and fewest-calls queues, 10 s wrap-up, 20 s ring
 * timeout, an escalation step after 60 s (another group, priority +1) and a 10 min maximum wait to voicemail. Three
 * in ten numbers go through an IVR flow first. The caller directory holds ordinary callers, VIPs and blacklisted
 * numbers (exact, and one blocked prefix).
 *
 * @param config          the centre's configuration
 * @param dialledNumbers  per queue, a number that routes to it (prefix routes get their own suffix per call)
 * @param prefixRouted    per queue, whether its number is a prefix route
 * @param queueWeight     per queue, its share of the traffic (0.5 to 1.5, so some groups run hotter than others)
 * @param ordinaryCallers caller numbers in no list
 * @param vipCallers      caller numbers in the VIP directory
 * @param blockedCallers  caller numbers on the blacklist
 */
public record SyntheticCentre(CentreConfig config, String[] dialledNumbers, boolean[] prefixRouted,
                              double[] queueWeight, String[] ordinaryCallers, String[] vipCallers,
                              String[] blockedCallers) {

    /** Ordinary skill groups; the VIP group comes on top. */
    public static final int GROUPS = 100;
    public static final String VIP_GROUP = "vip";
    public static final Duration WRAP_UP = Duration.ofSeconds(10);
    public static final Duration RING_TIMEOUT = Duration.ofSeconds(20);

    private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    /** Generates the centre; the same arguments give the same centre. */
    public static SyntheticCentre generate(int agents, int queues, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SkillGroup> groups = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            groups.add(new SkillGroup(groupId(g), "Skill group " + g));
        }
        groups.add(new SkillGroup(VIP_GROUP, "VIP service"));

        List<QueueConfig> queueConfigs = new ArrayList<>();
        List<BusinessType> types = new ArrayList<>();
        List<NumberRoute> routes = new ArrayList<>();
        String[] dialled = new String[queues];
        boolean[] prefix = new boolean[queues];
        double[] weight = new double[queues];
        Treatment busy = new Treatment.Hangup(CentreSettings.DEFAULT_BUSY_PROMPT);
        QueueTreatments treatments = new QueueTreatments(busy, busy,
                new Treatment.Voicemail("general", "hotline/leave-a-message"), busy);
        for (int q = 0; q < queues; q++) {
            String queueId = String.format(Locale.ROOT, "q%04d", q);
            int primary = q % GROUPS;
            Set<String> served = new LinkedHashSet<>();
            served.add(groupId(primary));
            if (random.nextInt(10) < 3) {
                served.add(groupId((primary + 1 + random.nextInt(GROUPS - 1)) % GROUPS));
            }
            String overflowGroup = groupId((primary + 1 + random.nextInt(GROUPS - 1)) % GROUPS);
            EscalationStep step = new EscalationStep("after-60s", Duration.ofSeconds(60), List.of(
                    new EscalationAction.AddGroups(List.of(overflowGroup)), new EscalationAction.RaisePriority(1)));
            queueConfigs.add(new QueueConfig(queueId, "Queue " + q, List.copyOf(served), strategy(random), 0,
                    Duration.ofSeconds(20), RING_TIMEOUT, WRAP_UP, 0, Optional.of(Duration.ofMinutes(10)),
                    List.of(step), OpeningHours.always(ZONE), treatments));
            String typeId = String.format(Locale.ROOT, "bt%04d", q);
            Optional<String> ivr = random.nextInt(10) < 3 ? Optional.of("menu-" + q) : Optional.empty();
            types.add(new BusinessType(typeId, "Business " + q, queueId, ivr));
            prefix[q] = q % 10 == 9;
            if (prefix[q]) {
                String digits = String.format(Locale.ROOT, "4009%04d", q);
                routes.add(new NumberRoute(digits, MatchKind.PREFIX, typeId, Optional.empty(), "prefix " + q));
                dialled[q] = digits;
            } else {
                String digits = String.format(Locale.ROOT, "40080%05d", q);
                routes.add(new NumberRoute(digits, MatchKind.EXACT, typeId, Optional.empty(), "ad slot " + q));
                dialled[q] = digits;
            }
            weight[q] = 0.5 + random.nextDouble();
        }

        List<AgentConfig> agentConfigs = new ArrayList<>(agents);
        for (int a = 0; a < agents; a++) {
            String id = String.format(Locale.ROOT, "a%06d", a);
            List<Skill> skills = new ArrayList<>();
            Set<Integer> in = new LinkedHashSet<>();
            in.add(a % GROUPS); // every group has members once there are at least GROUPS agents
            int count = 2 + random.nextInt(2);
            while (in.size() < count) {
                in.add(random.nextInt(GROUPS));
            }
            for (int g : in) {
                skills.add(new Skill(groupId(g), 1 + random.nextInt(10)));
            }
            if (a % 20 == 0) {
                skills.add(new Skill(VIP_GROUP, 1 + random.nextInt(10)));
            }
            agentConfigs.add(new AgentConfig(id, "Agent " + a, "PJSIP/" + id, skills));
        }

        String[] ordinary = callers(random, "13", 200_000);
        String[] vip = callers(random, "18", 4_000);
        String[] blocked = callers(random, "15", 500);
        List<VipEntry> vips = new ArrayList<>();
        for (String number : vip) {
            vips.add(new VipEntry(number, "Customer " + number, random.nextBoolean() ? "gold" : "platinum"));
        }
        List<BlacklistEntry> blacklist = new ArrayList<>();
        for (String number : blocked) {
            blacklist.add(new BlacklistEntry(number, MatchKind.EXACT, Optional.empty(), "nuisance caller",
                    Optional.empty()));
        }
        blacklist.add(new BlacklistEntry("170", MatchKind.PREFIX, Optional.empty(), "virtual operator range",
                Optional.empty()));

        CentreSettings settings = new CentreSettings(ZONE, Duration.ofMinutes(15), Duration.ofSeconds(5),
                CentreSettings.DEFAULT_BUSY_PROMPT, Optional.empty());
        VipPolicy vipPolicy = new VipPolicy(Optional.of(VIP_GROUP), Duration.ofSeconds(20),
                VipPolicy.DEFAULT_PRIORITY_BOOST);
        CentreConfig config = new CentreConfig(settings, routes, types, queueConfigs, groups, agentConfigs, blacklist,
                vipPolicy, vips);
        return new SyntheticCentre(config, dialled, prefix, weight, ordinary, vip, blocked);
    }

    public int agentCount() {
        return config.agents().size();
    }

    public int queueCount() {
        return dialledNumbers.length;
    }

    private static String groupId(int g) {
        return String.format(Locale.ROOT, "g%03d", g);
    }

    /** Seven in ten queues pick the longest-idle agent; the rest split between three other strategies. */
    private static RoutingStrategy strategy(SplittableRandom random) {
        int r = random.nextInt(10);
        return switch (r) {
            case 7 -> RoutingStrategy.SKILL_LEVEL;
            case 8 -> RoutingStrategy.ROUND_ROBIN;
            case 9 -> RoutingStrategy.FEWEST_CALLS;
            default -> RoutingStrategy.LONGEST_IDLE;
        };
    }

    private static String[] callers(SplittableRandom random, String prefix, int count) {
        Set<String> numbers = new LinkedHashSet<>();
        while (numbers.size() < count) {
            numbers.add(prefix + String.format(Locale.ROOT, "%09d", random.nextInt(1_000_000_000)));
        }
        return numbers.toArray(new String[0]);
    }
}
