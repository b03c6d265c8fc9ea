package dev.hotline.server.demo;

import dev.hotline.acd.model.BlacklistEntry;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import dev.hotline.acd.model.VipEntry;
import dev.hotline.bridge.simulator.SimulatedAgent;
import dev.hotline.bridge.simulator.SimulatedCaller;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

/**
 * The demo's callers and agents, drawn from one seeded random source: Poisson arrivals to the configuration's
 * numbers, a share of VIP and blacklisted callers taken from its lists, callers to a number with an IVR flow keying
 * in one of a few journeys, patience, and agents who answer after a few seconds (now and then not at all) and talk
 * a while. All durations are simulated time.
 */
public final class DemoTraffic {
    /** Share of callers from the VIP list, and from the blacklist. */
    static final double VIP_SHARE = 0.10;
    static final double BLACKLISTED_SHARE = 0.05;
    /** Mean patience of a waiting caller, and the share of rings an agent lets go unanswered. */
    static final Duration MEAN_PATIENCE = Duration.ofSeconds(90);
    static final double NO_ANSWER_SHARE = 0.03;
    /** Agents answer after 2 to 8 s and talk 40 s at least, 90 s on average. */
    static final Duration MEAN_TALK = Duration.ofSeconds(90);
    /**
     * What callers to an IVR number key in. For the shipped tv-shopping flow: Mandarin, order status, finish (found
     * by their number), or the order phone keyed in, or an agent (0), or after-sales (3), or nothing at all.
     */
    static final List<List<String>> IVR_JOURNEYS = List.of(
            List.of("1", "2", "9"),
            List.of("1", "2", "88889999#", "9"),
            List.of("1", "0"),
            List.of("2", "3"),
            List.of());

    private final Random random;
    private final List<NumberRoute> routes;
    private final List<String> vips;
    private final List<BlacklistEntry> blacklist;
    private final CentreConfig config;

    /**
     * @throws IllegalArgumentException if the configuration has no number a caller could dial
     */
    public DemoTraffic(CentreConfig config, long seed) {
        this.config = config;
        this.random = new Random(seed);
        this.routes = config.numbers().stream().filter(r -> dialable(r).isPresent()).toList();
        this.vips = config.vips().stream().map(VipEntry::number).toList();
        this.blacklist = config.blacklist();
        if (routes.isEmpty()) {
            throw new IllegalArgumentException("the configuration has no number a simulated caller can dial "
                    + "(numbers.yaml: exact numbers, prefixes, or patterns of X, Z and N digits)");
        }
    }

    /** The simulated time until the next call, for {@code callsPerMinute} arriving at random (Poisson). */
    public synchronized Duration nextGap(double callsPerMinute) {
        double seconds = -Math.log(1 - random.nextDouble()) * 60 / callsPerMinute;
        return Duration.ofNanos(Math.round(seconds * 1e9));
    }

    /** The next caller: who, which number, what they key in, how long they wait for an agent. */
    public synchronized SimulatedCaller nextCaller() {
        NumberRoute route = routes.get(random.nextInt(routes.size()));
        String dialled = expand(route.number().startsWith("_") ? route.number().substring(1) : route.number(),
                route.kind());
        double who = random.nextDouble();
        String callerId = who < BLACKLISTED_SHARE && !blacklist.isEmpty() ? blacklisted()
                : who < BLACKLISTED_SHARE + VIP_SHARE && !vips.isEmpty() ? vips.get(random.nextInt(vips.size()))
                : "13" + digits(9);
        List<String> presses = hasIvr(route) ? IVR_JOURNEYS.get(random.nextInt(IVR_JOURNEYS.size())) : List.of();
        Duration patience = Duration.ofSeconds(5).plus(exponential(MEAN_PATIENCE));
        return SimulatedCaller.of(callerId, dialled).pressing(presses.toArray(String[]::new)).hangingUpAfter(patience);
    }

    /** How an agent's phone behaves on this ring: usually answered after 2 to 8 s, then a conversation. */
    public synchronized SimulatedAgent nextAgent(String endpoint) {
        if (random.nextDouble() < NO_ANSWER_SHARE) {
            return SimulatedAgent.neverAnswers();
        }
        return SimulatedAgent.answersAfter(Duration.ofMillis(2_000 + random.nextInt(6_000)),
                Duration.ofSeconds(40).plus(exponential(MEAN_TALK.minusSeconds(40))));
    }

    private boolean hasIvr(NumberRoute route) {
        return route.ivrFlow().isPresent() || config.businessTypes().stream()
                .filter(b -> b.id().equals(route.businessType())).findFirst().flatMap(BusinessType::ivrFlow)
                .isPresent();
    }

    private String blacklisted() {
        BlacklistEntry entry = blacklist.get(random.nextInt(blacklist.size()));
        return entry.kind() == MatchKind.PREFIX ? entry.number() + digits(Math.max(0, 11 - entry.number().length()))
                : entry.number();
    }

    /** A number a caller dials for the route: the route's own, or one its prefix or pattern matches. */
    private String expand(String number, MatchKind kind) {
        return switch (kind) {
            case EXACT -> number;
            case PREFIX -> number + digits(Math.max(0, 10 - number.length()));
            case PATTERN -> {
                StringBuilder dialled = new StringBuilder();
                for (char c : number.toCharArray()) {
                    dialled.append(switch (c) {
                        case 'X', 'x' -> (char) ('0' + random.nextInt(10));
                        case 'Z', 'z' -> (char) ('1' + random.nextInt(9));
                        case 'N', 'n' -> (char) ('2' + random.nextInt(8));
                        default -> c;
                    });
                }
                yield dialled.toString();
            }
        };
    }

    /** The route's number if a simulated caller can dial it (patterns of digits, X, Z and N only). */
    private static Optional<String> dialable(NumberRoute route) {
        String number = route.number().startsWith("_") ? route.number().substring(1) : route.number();
        return number.matches(route.kind() == MatchKind.PATTERN ? "[0-9XxZzNn]+" : "[0-9]+")
                ? Optional.of(number) : Optional.empty();
    }

    private String digits(int count) {
        StringBuilder digits = new StringBuilder(count);
        for (int i = 0; i < count; i++) {
            digits.append((char) ('0' + random.nextInt(10)));
        }
        return digits.toString();
    }

    private Duration exponential(Duration mean) {
        return Duration.ofMillis(Math.round(-Math.log(1 - random.nextDouble()) * mean.toMillis()));
    }

    /** The endpoints of the configuration's agents, for the simulated phones and their device states. */
    public List<String> endpoints() {
        List<String> endpoints = new ArrayList<>();
        config.agents().forEach(agent -> endpoints.add(agent.endpoint()));
        return endpoints;
    }
}
