package dev.hotline.server.simulation;

import dev.hotline.acd.AcdEvent;
import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.RoutingEngine;
import dev.hotline.acd.model.AgentConfig;
import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.model.QueueConfig;
import dev.hotline.server.config.Durations;
import dev.hotline.server.config.NotReadyReasons;
import dev.hotline.server.simulation.internal.CallerNumbers;
import dev.hotline.server.simulation.internal.DialledNumbers;
import dev.hotline.server.simulation.internal.SimulationRun;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Drives the real routing engine with synthetic traffic in virtual time: callers dial the centre's numbers, wait,
 * lose patience, talk; agents answer offers after a ring delay and hang up when the conversation is over. Every
 * engine decision also goes to the statistics listener the caller supplies, which computes the figures.
 *
 * <p>Repeatable: the same configuration, traffic and seed give the same decisions in the same order.
 */
public final class CentreSimulation {
    /**
     * How long the calls still in the centre when callers stop calling may take to finish before the run gives up on
     * them: those still waiting then are reported as waiting (in no outcome).
     */
    public static final Duration PLAY_OUT_LIMIT = Duration.ofHours(24);
    private final CentreConfig config;
    private final TrafficProfile traffic;
    /** The traffic's roster, its shifts reading the calendars of the queues they keep. */
    private final Roster roster;
    private final long seed;
    private final List<String> dialled;
    private final long startMillis;

    /**
     * @throws TrafficMismatch when the traffic does not fit the configuration; it names the traffic's key (e.g.
     *                         {@code businessTypes.tea.vipShare}) and what is wrong
     */
    public CentreSimulation(CentreConfig config, TrafficProfile traffic, long seed) {
        this(config, traffic, seed, NotReadyReasons.ANY);
    }

    /**
     * As {@link #CentreSimulation(CentreConfig, TrafficProfile, long)}, for a centre whose agents may give only
     * {@code reasons} for a break (server.yaml): a shift's break with another reason is a mismatch, a break no agent
     * of the centre could take from their desktop.
     */
    public CentreSimulation(CentreConfig config, TrafficProfile traffic, long seed, NotReadyReasons reasons) {
        this.config = Objects.requireNonNull(config, "config");
        this.traffic = Objects.requireNonNull(traffic, "traffic");
        this.seed = seed;
        this.startMillis = startMillis(traffic.start(), config.settings().zone());
        this.dialled = check(reasons);
        this.roster = traffic.roster().following(config.queues().stream()
                .collect(Collectors.toMap(QueueConfig::id, QueueConfig::hours)));
    }

    /** Runs the simulation; every decision of the engine also goes to {@code figures}. */
    public SimulationResult run(DecisionListener figures) {
        return run(figures, 0);
    }

    /**
     * Runs the simulation, leaving the first {@code warmUpCalls} calls out of the figures: they meet a centre that
     * starts empty with every agent idle, not the steady state. Agent time figures cover the whole run.
     */
    public SimulationResult run(DecisionListener figures, long warmUpCalls) {
        TrafficProfile kept = new TrafficProfile(traffic.start(), traffic.arrivalsEnd(), traffic.agents(),
                traffic.businessTypes(), roster);
        return new SimulationRun(config, kept, dialled, startMillis, seed).run(figures, warmUpCalls);
    }

    /** Virtual epoch milliseconds at which the simulation starts. */
    public long startMillis() {
        return startMillis;
    }

    /** The start in the centre's zone; a local time the clocks skip (spring forward) is refused, not moved. */
    private static long startMillis(LocalDateTime start, ZoneId zone) {
        if (zone.getRules().getValidOffsets(start).isEmpty()) {
            ZonedDateTime moved = start.atZone(zone);
            throw new TrafficMismatch("start", start + " does not exist in the centre's zone " + zone
                    + ": the clocks go forward then (write " + moved.toLocalDateTime() + ", the same moment)");
        }
        return start.atZone(zone).toInstant().toEpochMilli();
    }

    private List<String> check(NotReadyReasons reasons) {
        Map<String, BusinessType> types = config.businessTypes().stream()
                .collect(Collectors.toMap(BusinessType::id, Function.identity()));
        CallerNumbers numbers = new CallerNumbers(config, startMillis);
        List<TrafficMismatch.Problem> problems = new ArrayList<>();
        List<String> result = new ArrayList<>();
        for (BusinessTraffic b : traffic.businessTypes()) {
            String key = "businessTypes." + b.businessType();
            if (!types.containsKey(b.businessType())) {
                problems.add(new TrafficMismatch.Problem(key, "the configuration has no such business type (it has "
                        + String.join(", ", types.keySet().stream().sorted().toList()) + ")"));
                continue;
            }
            if (b.vipShare() > 0 && !numbers.hasVips()) {
                problems.add(new TrafficMismatch.Problem(key + ".vipShare", "is " + b.vipShare()
                        + " but the configuration lists no VIP callers"));
            }
            if (b.blacklistedShare() > 0 && !numbers.hasBlacklist()) {
                problems.add(new TrafficMismatch.Problem(key + ".blacklistedShare", "is " + b.blacklistedShare()
                        + " but the configuration's blacklist has no entry in force at the start"));
            }
            Optional<String> number = b.dialledNumber().or(() -> DialledNumbers.of(config, b.businessType()));
            if (number.isEmpty()) {
                problems.add(new TrafficMismatch.Problem(key + ".number", "is needed, because no exact number or "
                        + "prefix of the number plan leads to business type " + b.businessType()));
                continue;
            }
            if (b.dialledNumber().isPresent()) {
                // the number plan decides, not the traffic file: its calls would be another business's demand
                String reached = businessTypeOf(number.get());
                if (!reached.equals(b.businessType())) {
                    problems.add(new TrafficMismatch.Problem(key + ".number", number.get() + " leads to "
                            + (reached.isEmpty() ? "no business type (the number plan refuses it)"
                            : "business type " + reached) + " in numbers.yaml, not to " + b.businessType()));
                }
            }
            result.add(number.get());
        }
        if (traffic.arrivalsEnd() instanceof ArrivalsEnd.After a && problems.isEmpty() && traffic.businessTypes()
                .stream().allMatch(b -> b.rate().expectedCalls(startMillis, config.settings().zone(), a.duration())
                        == 0)) {
            problems.add(new TrafficMismatch.Problem("businessTypes", "nobody would call: every business type's "
                    + "rate is 0 from " + traffic.start() + " for " + Durations.format(a.duration()) + " in the "
                    + "centre's zone " + config.settings().zone() + " (a curve's rates hold from their time of day)"));
        }
        if (traffic.roster() instanceof Roster.Shifts shifts) {
            Set<String> configured = config.agents().stream().map(AgentConfig::id)
                    .collect(Collectors.toCollection(LinkedHashSet::new));
            for (Roster.Shift shift : shifts.shifts()) {
                // each at its item, the first few: a roster written for another configuration would list hundreds
                String key = "agents.shifts." + shift.name() + ".agents";
                List<Integer> unknown = new ArrayList<>();
                for (int i = 0; i < shift.agents().size(); i++) {
                    if (!configured.contains(shift.agents().get(i))) {
                        unknown.add(i);
                    }
                }
                unknown.stream().limit(UNKNOWN_AGENTS_SAID).forEach(i -> problems.add(new TrafficMismatch.Problem(
                        key + "[" + i + "]", "agent " + shift.agents().get(i) + " is not in agents.yaml (it has "
                        + firstFew(configured) + ")")));
                if (unknown.size() > UNKNOWN_AGENTS_SAID) {
                    problems.add(new TrafficMismatch.Problem(key, (unknown.size() - UNKNOWN_AGENTS_SAID)
                            + " more agents of shift " + shift.name() + " are not in agents.yaml either"));
                }
                shift.calendar().filter(q -> config.queues().stream().noneMatch(c -> c.id().equals(q)))
                        .ifPresent(q -> problems.add(new TrafficMismatch.Problem("agents.shifts." + shift.name()
                                + ".calendar", "queue " + q + " is not in queues.yaml (it has " + firstFew(config
                                .queues().stream().map(QueueConfig::id).toList()) + "): a shift keeps the holidays "
                                + "and make-up days of a queue")));
                for (int i = 0; i < shift.breaks().size(); i++) {
                    int at = i;
                    reasons.refusal(shift.breaks().get(i).reason()).ifPresent(why -> problems.add(
                            new TrafficMismatch.Problem("agents.shifts." + shift.name() + ".breaks[" + at
                                    + "].reason", why + ": an agent could not give it for this break")));
                }
            }
        }
        long maxRingDelay = traffic.agents().ringDelayMax().toMillis();
        for (QueueConfig q : config.queues()) {
            if (maxRingDelay >= q.ringTimeout().toMillis()) {
                problems.add(new TrafficMismatch.Problem("agents.ringDelay.max",
                        Durations.format(traffic.agents().ringDelayMax()) + " is not below queue " + q.id()
                        + "'s ring timeout " + Durations.format(q.ringTimeout())
                        + ": agents would never answer in time (use agents.noAnswerProbability for ring-no-answers)"));
                break;
            }
        }
        if (!problems.isEmpty()) {
            throw new TrafficMismatch(problems);
        }
        return result;
    }

    /**
     * What the run should be read with, though nothing is wrong with it: the configured agents no shift lists, who
     * stay logged out throughout; a run in which no agent of the shifts is on duty at all, or no agent of a queue's
     * groups (its callers all meet its treatment for no agents: a shift's times, the start or the zone written wrong,
     * most likely). Empty when every agent works throughout.
     */
    public List<String> notes() {
        if (!(roster instanceof Roster.Shifts shifts)) {
            return List.of();
        }
        List<String> notes = new ArrayList<>();
        Set<String> rostered = Set.copyOf(shifts.agents());
        List<String> idle = config.agents().stream().map(AgentConfig::id).filter(a -> !rostered.contains(a))
                .toList();
        if (!idle.isEmpty()) {
            notes.add((idle.size() == 1 ? "agent " + idle.getFirst() + " is" : idle.size() + " agents are")
                    + " in no shift of agents.shifts and stay" + (idle.size() == 1 ? "s" : "")
                    + " logged out throughout" + (idle.size() == 1 ? "" : ": " + firstFew(idle)));
        }
        List<Roster.Shift> seen = new ArrayList<>();
        for (Roster.Shift shift : shifts.shifts()) {
            seen.stream().filter(other -> shift.from().equals(other.from()) && shift.to().equals(other.to())
                    && shift.days().equals(other.days()) && shift.breaks().equals(other.breaks())
                    && Set.copyOf(shift.agents()).equals(Set.copyOf(other.agents()))).findFirst()
                    .ifPresent(other -> notes.add("shift " + shift.name() + " is shift " + other.name()
                            + " written again (the same hours, days, breaks and agents): its agents work it once"));
            seen.add(shift);
            shift.breaks().stream().filter(b -> b.from().equals(shift.from()) && b.to().equals(shift.to()))
                    .forEach(b -> notes.add("shift " + shift.name() + "'s break " + b.from() + " to " + b.to()
                            + " is the whole shift: its agents are logged in and take no call in it"));
        }
        if (!(traffic.arrivalsEnd() instanceof ArrivalsEnd.After a)) {
            return notes;
        }
        ZoneId zone = config.settings().zone();
        long end = startMillis + a.duration().toMillis();
        Set<String> groupsOnDuty = new HashSet<>();
        boolean anyone = false;
        for (AgentConfig agent : config.agents()) {
            if (shifts.onDuty(agent.id(), startMillis, zone)
                    || shifts.nextChange(agent.id(), startMillis, zone) < end) {
                anyone = true;
                agent.skills().forEach(skill -> groupsOnDuty.add(skill.group()));
            }
        }
        String during = " during the run (from " + traffic.start() + " for " + Durations.format(a.duration())
                + " in the centre's zone " + zone + ")";
        Map<String, String> queueOf = config.businessTypes().stream()
                .collect(Collectors.toMap(BusinessType::id, BusinessType::queue));
        Set<String> called = traffic.businessTypes().stream().map(b -> queueOf.get(b.businessType()))
                .collect(Collectors.toCollection(java.util.TreeSet::new));
        if (!anyone) {
            notes.add("no agent of agents.shifts is on duty" + during + ": every caller meets the queues' treatment "
                    + "for no agents");
        }
        for (QueueConfig q : config.queues()) {
            if (anyone && called.contains(q.id()) && q.groups().stream().noneMatch(groupsOnDuty::contains)) {
                notes.add("queue " + q.id() + ": no agent of its groups (" + String.join(", ", q.groups())
                        + ") is on duty" + during + ": its callers meet its treatment for no agents (its closed "
                        + "treatment while it is closed), or wait for an escalation step's groups");
            }
        }
        // the calendar that may be why: a make-up day nobody is rostered for, a holiday worked for a closed queue
        Set<String> kept = shifts.shifts().stream().flatMap(s -> s.calendar().stream()).collect(Collectors.toSet());
        LocalDate first = Instant.ofEpochMilli(startMillis).atZone(zone).toLocalDate();
        LocalDate last = Instant.ofEpochMilli(end - 1).atZone(zone).toLocalDate();
        for (QueueConfig q : config.queues()) {
            if (called.contains(q.id()) && !kept.contains(q.id())) {
                calendarNote(q, first, last).ifPresent(notes::add);
            }
        }
        return notes;
    }

    /**
     * What a queue's calendar changes within the run's days ({@code first} to {@code last}) that shifts worked by the
     * day of the week alone do not follow: its make-up days (open, nobody rostered as on a weekday) and holidays
     * (closed, agents rostered as on any other day).
     */
    private static Optional<String> calendarNote(QueueConfig q, LocalDate first, LocalDate last) {
        List<String> makeUp = new ArrayList<>();
        List<String> holidays = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            LocalDate day = d;
            q.hours().makeUpDay(d).ifPresent(m -> makeUp.add(day + " (" + day.getDayOfWeek().getDisplayName(
                    TextStyle.SHORT, Locale.ENGLISH) + ", " + m.hoursOf().getDisplayName(TextStyle.FULL,
                    Locale.ENGLISH) + "'s hours)"));
            q.hours().holiday(d).ifPresent(h -> holidays.add(day + " (" + h.name() + ")"));
        }
        if (makeUp.isEmpty() && holidays.isEmpty()) {
            return Optional.empty();
        }
        List<String> said = new ArrayList<>();
        if (!makeUp.isEmpty()) {
            said.add("make-up working day" + (makeUp.size() == 1 ? " " : "s ") + firstFew(makeUp));
        }
        if (!holidays.isEmpty()) {
            said.add("holiday" + (holidays.size() == 1 ? " " : "s ") + firstFew(holidays));
        }
        return Optional.of("queue " + q.id() + " keeps " + String.join(" and ", said) + " during the run, and no "
                + "shift keeps its calendar: shifts are worked by the day of the week alone, so "
                + (makeUp.isEmpty() ? "" : "a make-up day is staffed as its own weekday, ")
                + (holidays.isEmpty() ? "" : "agents work a holiday while the queue is closed, ")
                + "unless the shifts that follow the queue say calendar: " + q.id());
    }

    /** Unknown agents of one shift said one by one; the rest are counted. */
    private static final int UNKNOWN_AGENTS_SAID = 5;

    /** Ids for a message: the first ten, then how many more. */
    private static String firstFew(Collection<String> ids) {
        List<String> first = ids.stream().limit(10).toList();
        return String.join(", ", first) + (ids.size() > first.size() ? " and " + (ids.size() - first.size())
                + " more" : "");
    }

    /**
     * The business type the engine gives a call to {@code number} (exact numbers, prefixes, patterns, the default),
     * found by asking a fresh engine, so the answer is the routing's own; "" when it refuses the number.
     */
    private String businessTypeOf(String number) {
        String[] reached = {""};
        RoutingEngine dryRun = new RoutingEngine(config, startMillis, seed, decision -> {
            if (decision instanceof Decision.CallClassified c) {
                reached[0] = c.businessType();
            }
        });
        // no caller number: on neither the blacklist nor the VIP list
        dryRun.handle(new AcdEvent.CallArrived(startMillis, "dry-run", "", number));
        return reached[0];
    }
}
