package dev.hotline.server.journal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.stats.CentreStatistics;
import dev.hotline.acd.stats.Figures;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Rebuilds the figures of docs/kpis.md from a journal: its decisions are fed to a {@link CentreStatistics}, the same
 * class that computes them live, so a report of a whole journal equals the live figures.
 *
 * <p>A period ({@code from}, {@code to}) counts the decisions stamped in it, as statistics started at {@code from}
 * would, with the configuration in force at {@code from}. Agents on duty at {@code from} are counted from
 * {@code from} in the state they were in (the journal knows it). Calls in progress at {@code from} are counted from
 * their next decision: a call waiting at {@code from} and answered after it is offered and answered in the period but
 * is not among its inbound calls. Figures that depend on the present (open agent states, calls still waiting) are taken
 * at {@code to} if the journal goes on after it, otherwise at the journal's last record.
 *
 * <p>Where the journal was restarted (a file opened by a start), agents still on duty are logged out at the restart,
 * since the new engine starts with nobody logged in; calls in progress at the stop stay waiting.
 */
public final class JournalReplay {

    /**
     * What the journal says about a period.
     *
     * @param figures     the figures of the period
     * @param lostRecords decisions the journal marks as lost in the period (a full hand-off or a write error): when not
     *                    0, the figures are incomplete
     */
    public record Report(Figures figures, long lostRecords) {
        public Report {
            Objects.requireNonNull(figures, "figures");
        }
    }

    private final long from;
    private final long to;
    private final Consumer<String> warnings;

    private CentreConfig config;
    private final Map<String, Decision.AgentStateChanged> onDuty = new TreeMap<>();
    private CentreStatistics statistics;
    private long lastAt = Long.MIN_VALUE;
    private boolean continuesAfterPeriod;
    private long lostRecords;

    private JournalReplay(long from, long to, Consumer<String> warnings) {
        this.from = from;
        this.to = to;
        this.warnings = warnings;
    }

    /**
     * The figures of the decisions stamped in [{@code from}, {@code to}) of the journal in {@code dir}.
     *
     * @param from     empty for the journal's beginning
     * @param to       empty for its end
     * @param warnings receives torn lines skipped and losses the journal marks in the period
     * @throws JournalException for a damaged line or a directory without a journal
     */
    public static Report of(Path dir, Instant from, Instant to, Consumer<String> warnings) {
        long fromMillis = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long toMillis = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        if (fromMillis >= toMillis) {
            throw new IllegalArgumentException("--from " + from + " is not before --to " + to);
        }
        JournalReplay replay = new JournalReplay(fromMillis, toMillis, warnings);
        new JournalReader(dir, warnings).read(fromMillis, replay::accept);
        return replay.report();
    }

    private void accept(JournalRecord record) {
        if (record.at() >= to) {
            continuesAfterPeriod = true;
            return;
        }
        switch (record) {
            case JournalRecord.FileOpened opened -> opened(opened);
            case JournalRecord.Logged logged -> {
                if (statistics == null && record.at() >= from) {
                    beginPeriod(record.at());
                }
                if (statistics != null) {
                    statistics.onDecision(logged.decision());
                }
                follow(logged.decision());
            }
            case JournalRecord.RecordsLost lost -> {
                if (lost.at() >= from) {
                    lostRecords += lost.count();
                    warnings.accept("the journal lost " + lost.count() + " decisions from "
                            + Instant.ofEpochMilli(lost.firstAt()) + " to " + Instant.ofEpochMilli(lost.at())
                            + ": the figures of that time are incomplete");
                }
            }
        }
        lastAt = Math.max(lastAt, record.at());
    }

    private void opened(JournalRecord.FileOpened opened) {
        if (statistics == null) {
            // before the period: the file's first line says what is in force
            config = opened.config();
            onDuty.clear();
            opened.agents().forEach(a -> onDuty.put(a.agentId(), a));
            if (opened.at() >= from) {
                beginPeriod(opened.at());
            }
            return;
        }
        if (opened.cause() == JournalRecord.OpenCause.START) {
            for (Decision.AgentStateChanged a : List.copyOf(onDuty.values())) {
                Decision.AgentStateChanged out = new Decision.AgentStateChanged(opened.at(), a.agentId(), a.to(),
                        AgentState.LOGGED_OUT, "server restarted");
                statistics.onDecision(out);
                follow(out);
            }
            if (!opened.config().equals(config)) {
                Decision.ConfigApplied applied = new Decision.ConfigApplied(opened.at(), opened.config());
                statistics.onDecision(applied);
                follow(applied);
            }
        }
    }

    /** Starts counting; agents on duty count from {@code from}, or from {@code at} for a period from the beginning. */
    private void beginPeriod(long at) {
        statistics = new CentreStatistics(config);
        long start = from == Long.MIN_VALUE ? at : from;
        for (Decision.AgentStateChanged a : new ArrayList<>(onDuty.values())) {
            statistics.onDecision(new Decision.AgentStateChanged(Math.max(start, a.at()), a.agentId(),
                    AgentState.LOGGED_OUT, a.to(), a.reason()));
        }
    }

    private void follow(Decision decision) {
        switch (decision) {
            case Decision.ConfigApplied c -> config = c.config();
            case Decision.AgentStateChanged s when s.to() == AgentState.LOGGED_OUT -> onDuty.remove(s.agentId());
            case Decision.AgentStateChanged s -> onDuty.put(s.agentId(), s);
            default -> { }
        }
    }

    private Report report() {
        if (config == null) {
            throw new JournalException("the journal holds no readable record");
        }
        if (statistics == null) {
            beginPeriod(from);
        }
        long now;
        if (continuesAfterPeriod) {
            now = to;
        } else {
            now = Math.max(lastAt, from);
        }
        return new Report(statistics.snapshot(now), lostRecords);
    }
}
