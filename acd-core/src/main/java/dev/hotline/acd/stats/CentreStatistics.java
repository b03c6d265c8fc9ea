package dev.hotline.acd.stats;

import dev.hotline.acd.Decision;
import dev.hotline.acd.DecisionListener;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.stats.internal.Ledger;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The figures a call centre is run by, computed from the routing engine's decisions: per queue, per skill group, per
 * agent and for the whole centre, since start and per reporting interval. The definitions are in {@code docs/kpis.md};
 * the reports and the simulator use this class so that they are the same everywhere.
 *
 * <p>Subscribe it to the engine ({@link DecisionListener}); like the engine it is single-threaded: call every method on
 * the engine's thread. It reads no clock: time comes from {@link Decision#at()}, and figures that depend on the
 * present (time in a state not yet left, the longest wait of a call still waiting) take a {@code now} argument in
 * epoch milliseconds. It follows {@link Decision.ConfigApplied}: service-level thresholds, the short-abandon time,
 * group membership, and the interval length and zone (a change of those cuts the interval in progress short). It
 * follows {@link Decision.AgentPhoneChanged} too: READY time with a busy or unreachable phone is not available for
 * calls and is counted apart from READY time with a free phone.
 *
 * <p>Intervals are aligned to the grid of the configured length counted from local midnight in the centre's zone.
 * Only the latest {@code intervalsKept} intervals are kept ({@link #DEFAULT_INTERVALS_KEPT} by default: a week of
 * 15-minute intervals); older ones are dropped, so memory is bounded by the calls in progress, the agents and the
 * intervals kept. Reports that need more history rebuild it from the journal.
 */
public final class CentreStatistics implements DecisionListener {

    /** A week of 15-minute intervals. */
    public static final int DEFAULT_INTERVALS_KEPT = 96 * 7;

    private final Ledger ledger;

    /** Statistics for a centre configured with {@code config}, keeping {@link #DEFAULT_INTERVALS_KEPT} intervals. */
    public CentreStatistics(CentreConfig config) {
        this(config, DEFAULT_INTERVALS_KEPT);
    }

    /**
     * Statistics for a centre configured with {@code config}, keeping the latest {@code intervalsKept} intervals.
     *
     * @throws IllegalArgumentException if {@code intervalsKept} is less than 1 or the report interval is not positive
     */
    public CentreStatistics(CentreConfig config, int intervalsKept) {
        this.ledger = new Ledger(Objects.requireNonNull(config, "config"), intervalsKept);
    }

    @Override
    public void onDecision(Decision decision) {
        ledger.apply(decision);
    }

    /**
     * How many calls the statistics remember: those between their first queue and their end. Bounded by the calls in
     * progress; 0 once every call has ended.
     */
    public int callsTracked() {
        return ledger.callsTracked();
    }

    /** The figures since the first decision, with states still open and calls still waiting counted up to {@code now}. */
    public Figures snapshot(long now) {
        return ledger.snapshot(now);
    }

    /**
     * The figures of the interval that starts at {@code start} (epoch milliseconds), if it is kept or is the interval
     * in progress at {@code now}.
     */
    public Optional<Figures> interval(long start, long now) {
        return ledger.intervals(now, s -> s == start).stream().findFirst();
    }

    /**
     * The figures of the interval in progress at {@code now} (its start up to {@code now}): what a wallboard shows
     * beside the day's; empty before the first decision.
     */
    public Optional<Figures> intervalInProgress(long now) {
        long start = ledger.intervalStart(now);
        return ledger.intervals(now, s -> s == start).stream().findFirst();
    }

    /**
     * The kept intervals in which anything was recorded, oldest first, up to and including the one in progress at
     * {@code now}. An interval in which nothing happened and no agent was logged in is absent.
     */
    public List<Figures> intervals(long now) {
        return ledger.intervals(now, s -> true);
    }

    /**
     * Every kept interval from the one containing {@code from} to the one in progress at {@code now}, oldest first,
     * those in which nothing happened and no agent was logged in with zero counts: a row for each interval of a
     * period, as a simulation's table shows them (hours nobody was on duty included).
     */
    public List<Figures> intervals(long from, long now) {
        return ledger.intervals(now, s -> true, from);
    }
}
