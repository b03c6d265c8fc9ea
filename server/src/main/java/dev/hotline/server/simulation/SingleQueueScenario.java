package dev.hotline.server.simulation;

import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.CentreSettings;
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
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The textbook queue, the M/M/N model of Erlang C: one queue, one skill group of {@code agents} identical agents, one
 * Poisson stream of {@code erlangs} Erlangs with exponential handle times of mean {@code aht}, no wrap-up (so the
 * handle time is all talk) and agents who answer the instant a call is offered.
 *
 * @param agents      N, the agents serving the queue
 * @param erlangs     A, the offered traffic: arrival rate times mean handle time
 * @param aht         the mean handle time
 * @param slThreshold the service-level threshold T
 * @param calls       how many calls arrive
 * @param patience    the mean of the callers' exponential patience; empty when callers never hang up (Erlang C)
 */
public record SingleQueueScenario(int agents, double erlangs, Duration aht, Duration slThreshold, long calls,
                                  Optional<Duration> patience) {
    public static final String NUMBER = "100";
    public static final String BUSINESS_TYPE = "calls";
    public static final String QUEUE = "queue";
    public static final String GROUP = "agents";
    /** An arbitrary fixed start: the queue is always open, so only repeatability matters. */
    static final LocalDateTime START = LocalDateTime.of(2026, 1, 5, 9, 0);
    /** The longest handle time, patience or threshold: a billion seconds (31 years), far beyond any real call. */
    public static final Duration LONGEST = Duration.ofSeconds(1_000_000_000);
    /** How long the calls may take to arrive, in simulated time: far inside what the engine's clock counts. */
    static final double LONGEST_ARRIVALS_YEARS = 10_000;
    private static final double MILLIS_PER_YEAR = 365.25 * 24 * 3_600_000;

    public SingleQueueScenario {
        if (agents < 1) {
            throw new IllegalArgumentException("agents must be at least 1: " + agents);
        }
        if (!(erlangs > 0) || Double.isInfinite(erlangs)) {
            throw new IllegalArgumentException("erlangs must be a number above 0: " + erlangs);
        }
        Objects.requireNonNull(aht, "aht");
        if (aht.toMillis() < 1 || aht.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("aht must be 1 ms to " + LONGEST.toSeconds() + " s: " + aht);
        }
        Objects.requireNonNull(slThreshold, "slThreshold");
        if (slThreshold.isNegative() || slThreshold.compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException("the service-level threshold must be 0 to " + LONGEST.toSeconds()
                    + " s: " + slThreshold);
        }
        if (calls < 1) {
            throw new IllegalArgumentException("calls must be at least 1: " + calls);
        }
        Objects.requireNonNull(patience, "patience");
        patience.ifPresent(p -> {
            if (p.toMillis() < 1 || p.compareTo(LONGEST) > 0) {
                throw new IllegalArgumentException("patience must be 1 ms to " + LONGEST.toSeconds() + " s: " + p);
            }
        });
        // years before dividing by the Erlangs: milliseconds first would overflow to infinity sooner than need be
        double arrivalYears = calls * (aht.toMillis() / MILLIS_PER_YEAR) / erlangs;
        if (!(arrivalYears <= LONGEST_ARRIVALS_YEARS)) {
            // too long to count in a double at 1e-300 Erlangs: said as "more than", not as "Infinity years"
            String howLong = Double.isFinite(arrivalYears) ? String.format(Locale.ROOT, "about %.3g", arrivalYears)
                    : "more than 1e308";
            throw new IllegalArgumentException(String.format(Locale.ROOT, "%d calls at %s Erlangs with a mean handle"
                    + " time of %s s would take %s years of simulated time to arrive, more than the"
                    + " simulator's %,.0f: raise the Erlangs or lower the calls", calls, erlangs,
                    aht.toMillis() / 1000.0, howLong, LONGEST_ARRIVALS_YEARS));
        }
    }

    /** Calls per hour: A / AHT. */
    public double callsPerHour() {
        return erlangs * 3_600_000.0 / aht.toMillis();
    }

    public CentreConfig centreConfig() {
        String busy = CentreSettings.DEFAULT_BUSY_PROMPT;
        Treatment hangup = new Treatment.Hangup(busy);
        QueueConfig queue = new QueueConfig(QUEUE, "Queue", List.of(GROUP), RoutingStrategy.LONGEST_IDLE, 0,
                slThreshold, Duration.ofSeconds(30), Duration.ZERO, 0, Optional.empty(), List.of(),
                OpeningHours.always(ZoneOffset.UTC), new QueueTreatments(hangup, hangup, hangup, hangup));
        List<AgentConfig> staff = new ArrayList<>();
        int width = String.valueOf(agents).length();
        for (int i = 1; i <= agents; i++) {
            String id = "agent-" + String.format("%0" + width + "d", i);
            staff.add(new AgentConfig(id, id, "Local/" + id, List.of(new Skill(GROUP, Skill.MIN_LEVEL))));
        }
        return new CentreConfig(
                new CentreSettings(ZoneOffset.UTC, Duration.ofMinutes(15), Duration.ZERO, busy, Optional.empty()),
                List.of(new NumberRoute(NUMBER, MatchKind.EXACT, BUSINESS_TYPE, Optional.empty(), "the one number")),
                List.of(new BusinessType(BUSINESS_TYPE, "Calls", QUEUE, Optional.empty())),
                List.of(queue),
                List.of(new SkillGroup(GROUP, "Agents")),
                staff,
                List.of(),
                new VipPolicy(Optional.empty(), Duration.ZERO, VipPolicy.DEFAULT_PRIORITY_BOOST),
                List.of());
    }

    public TrafficProfile traffic() {
        BusinessTraffic stream = new BusinessTraffic(BUSINESS_TYPE, Optional.of(NUMBER), callsPerHour(),
                new HandleTime.Exponential(aht), patience, 0.0, 0.0);
        return new TrafficProfile(START, new ArrivalsEnd.AfterCalls(calls), AgentBehaviour.INSTANT, List.of(stream));
    }
}
