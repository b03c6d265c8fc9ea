package dev.hotline.server.journal;

import dev.hotline.acd.AgentState;
import dev.hotline.acd.Decision;
import dev.hotline.acd.PhoneState;
import dev.hotline.acd.model.CentreConfig;
import dev.hotline.acd.stats.CentreStatistics;
import dev.hotline.acd.stats.Figures;
import dev.hotline.server.journal.internal.CallsInProgress;
import dev.hotline.server.journal.internal.IvrRequestCount;
import dev.hotline.server.journal.internal.JournalCodec;
import dev.hotline.server.journal.internal.PeriodFigures;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Rebuilds the figures of docs/kpis.md from a journal: its decisions are fed to a {@link CentreStatistics}, the same
 * class that computes them live, so a report of a whole journal equals the live figures.
 *
 * <p>A period [{@code from}, {@code to}) is the running figures at its end minus those at its start, the statistics
 * having followed the journal from the file in which {@code from} falls (its first line says which configuration and
 * which agent states were in force). So each event of a call counts in the period in which it happened, as in the
 * statistics' reporting intervals (a call queued before {@code from} and abandoned after it is abandoned in the period,
 * not offered in it), and agent time is the time spent in the period. Calls waiting and the longest current wait are
 * taken at the period's end, which is {@code to} if the journal goes on after it, otherwise its last record.
 *
 * <p>Where the server was restarted (a file opened by a start), agents still on duty are logged out at the last
 * record before it, when the server stopped as far as the journal knows: the time it was down is nobody's time on
 * duty, and the new engine starts with nobody logged in.
 */
public final class JournalReplay {

    /**
     * What the journal says about a period.
     *
     * @param figures     the figures of the period
     * @param lostRecords decisions the journal marks as lost in the period (a full hand-off or a write error): when not
     *                    0, the figures are incomplete
     * @param requests    what callers left in the IVR in the period
     */
    public record Report(Figures figures, long lostRecords, IvrRequests requests) {
        public Report {
            Objects.requireNonNull(figures, "figures");
            Objects.requireNonNull(requests, "requests");
        }
    }

    /**
     * What callers left in the IVR in a period, for people to act on.
     *
     * @param messagesLeft       messages recorded
     * @param callbacksRequested callback requests made
     * @param callbacksOpen      of them, still open at the period's end: not closed by Hotline's callback, and no
     *                           call from the number was answered by an agent after the request
     * @param callbacksDone      callback requests closed in the period because the customer reached an agent
     *                           (Hotline's callback, or a call of their own)
     * @param callbacksGivenUp   callback requests closed in the period without reaching the customer: every attempt
     *                           failed, expired, or Hotline's rules turned the callback's call away
     */
    public record IvrRequests(long messagesLeft, long callbacksRequested, long callbacksOpen, long callbacksDone,
                              long callbacksGivenUp) {
    }

    private final long from;
    private final long to;
    /** Where warnings go; a restart's reading keeps them for the last run only ({@link #beforeRestart}). */
    private Consumer<String> warnings;

    private CentreConfig config;
    private final Map<String, Decision.AgentStateChanged> onDuty = new TreeMap<>();
    /** Agents whose phone is not FREE, as the journal last said: a restart frees them, as a new engine starts. */
    private final Map<String, PhoneState> phonesNotFree = new TreeMap<>();
    /** Calls the running server has in progress, to end those a run that did not stop cleanly left behind. */
    private final CallsInProgress callsInProgress = new CallsInProgress();
    /** The first line read: when it is the journal's first and continues a file not there, calls were missed. */
    private JournalRecord.FileOpened firstOpened;
    private CentreStatistics statistics;
    private Figures atStart;
    private final PeriodFigures period = new PeriodFigures();
    private final IvrRequestCount requests = new IvrRequestCount();
    private long lastAt = Long.MIN_VALUE;
    /**
     * Where the records before a file opened after a write error end, and where that file says the journal went on:
     * a gap, unless the loss that file marks first covers it. {@link Long#MIN_VALUE} when none is pending.
     */
    private long gapFrom = Long.MIN_VALUE;
    private long gapTo;
    private boolean continuesAfterPeriod;
    private long lostRecords;
    /** The centre's zone as the last file's first line gave it: warnings show times as the journal's lines do. */
    private ZoneId zone = ZoneOffset.UTC;

    private JournalReplay(long from, long to, Consumer<String> warnings) {
        this.from = from;
        this.to = to;
        this.warnings = warnings;
    }

    /**
     * The figures of [{@code from}, {@code to}) of the journal in {@code dir}.
     *
     * @param from     null for the journal's beginning
     * @param to       null for its end
     * @param warnings receives torn lines skipped and losses the journal marks in the period
     * @throws JournalException         for a damaged line or a directory without a journal
     * @throws IllegalArgumentException if {@code from} is not before {@code to}
     */
    public static Report of(Path dir, Instant from, Instant to, Consumer<String> warnings) {
        long fromMillis = from == null ? Long.MIN_VALUE : from.toEpochMilli();
        long toMillis = to == null ? Long.MAX_VALUE : to.toEpochMilli();
        if (fromMillis >= toMillis) {
            throw new IllegalArgumentException("from " + from + " is not before to " + to);
        }
        JournalReplay replay = new JournalReplay(fromMillis, toMillis, warnings);
        JournalReader reader = new JournalReader(dir, warnings);
        reader.read(fromMillis, toMillis, replay::accept);
        reader.beginsAt().filter(begins -> begins > fromMillis && fromMillis != Long.MIN_VALUE).ifPresent(begins ->
                warnings.accept("the journal begins at " + replay.at(begins) + ", after the period's "
                        + "start: " + (begins >= toMillis ? "nothing of the period is in it"
                        : "the figures cover the period from then on")));
        reader.beginsAt().filter(begins -> replay.firstOpened != null && replay.firstOpened.at() == begins
                && replay.firstOpened.cause() != JournalRecord.OpenCause.START).ifPresent(begins ->
                warnings.accept("the journal's first file continues an earlier one that is not in " + dir
                        + " (its first line, of " + replay.at(begins) + ", says it began at a new "
                        + (replay.firstOpened.cause() == JournalRecord.OpenCause.DAY ? "day" : "file")
                        + "): the calls in progress then are not known, and the figures about them are incomplete"));
        // a period that only ends, before the journal's first record: nothing of it is in the journal either
        reader.beginsAt().filter(begins -> fromMillis == Long.MIN_VALUE && begins >= toMillis).ifPresent(begins ->
                warnings.accept("the journal begins at " + replay.at(begins) + ", at or after the "
                        + "period's end: nothing of the period is in it"));
        return replay.report();
    }

    /**
     * The figures from {@code from} to the end of the journal {@code reader} reads, as a server about to start again
     * on it finds them: a last run that did not stop cleanly has its calls in progress ended at its last record (and
     * said to {@code warnings}), as the restart's first line will end them for a report, and its agents logged out.
     *
     * @throws JournalException for a damaged line or a directory without a journal
     */
    public static Report beforeRestart(JournalReader reader, Instant from, Consumer<String> warnings) {
        // earlier runs' crashes were said at the starts after them: only the last run's matters now
        JournalReplay replay = new JournalReplay(from.toEpochMilli(), Long.MAX_VALUE, warning -> { });
        reader.read(replay.from, Long.MAX_VALUE, replay::accept);
        replay.gapFrom = Long.MIN_VALUE; // a start has no figures to call incomplete
        replay.warnings = warnings;
        if (replay.statistics != null) {
            replay.stopped();
        }
        return replay.report();
    }

    private void accept(JournalRecord record) {
        if (record instanceof JournalRecord.FileOpened opened) {
            zone = opened.config().settings().zone();
            if (firstOpened == null) {
                firstOpened = opened;
            }
        }
        if (record instanceof JournalRecord.FileOpened opened && opened.cause() == JournalRecord.OpenCause.START
                && statistics != null && !continuesAfterPeriod) {
            stopped();
        }
        if (gapFrom != Long.MIN_VALUE) {
            // a write error's gap is explained by the loss the next file marks first; any other is not
            if (!(record instanceof JournalRecord.RecordsLost lost && lost.firstAt() >= gapFrom
                    && lost.at() >= gapTo)) {
                warnGap();
            }
            gapFrom = Long.MIN_VALUE;
        }
        if (record instanceof JournalRecord.FileOpened opened && opened.cause() != JournalRecord.OpenCause.START
                && statistics != null && !continuesAfterPeriod && lastAt < opened.at()) {
            // a file's first line is stamped with the last record of the file before it: that one is not all here
            gapFrom = lastAt;
            gapTo = opened.at();
            if (opened.cause() != JournalRecord.OpenCause.WRITE_ERROR) {
                warnGap();
                gapFrom = Long.MIN_VALUE;
            }
        }
        if (record.at() >= to) {
            if (record instanceof JournalRecord.RecordsLost lost && lost.firstAt() < to && lost.at() >= from
                    && !continuesAfterPeriod) {
                // marked after the period's end, the loss began within it (or before it and went on through it)
                lostRecords += lost.count();
                warnings.accept("the journal lost " + lost.count() + " decisions from " + at(lost.firstAt())
                        + " to " + at(lost.at()) + ", past the period's end: the figures of the period are "
                        + "incomplete from " + at(Math.max(lost.firstAt(), from)));
            }
            if (statistics == null && record instanceof JournalRecord.FileOpened opened) {
                // the journal begins after the period: its configuration, and nothing that happened in the period
                config = opened.config();
                statistics = new CentreStatistics(config);
            }
            continuesAfterPeriod = true;
            return;
        }
        if (record.at() >= from && atStart == null && statistics != null && from != Long.MIN_VALUE) {
            atStart = statistics.snapshot(from);
        }
        switch (record) {
            case JournalRecord.FileOpened opened -> {
                opened(opened);
                requests.follow(opened); // the business types' queues, which callback requests are settled by
            }
            case JournalRecord.Logged logged -> {
                feed(logged.decision());
                if (logged.decision() instanceof Decision.ConfigApplied) {
                    requests.follow(logged);
                }
                if (record.at() >= from) {
                    period.follow(logged.decision());
                }
            }
            case JournalRecord.CallRecord call -> {
                feed(call.ended());
                if (record.at() >= from) {
                    period.follow(call.ended());
                    requests.follow(call);
                }
            }
            case JournalRecord.MessageLeft m -> {
                if (record.at() >= from) {
                    requests.follow(m);
                }
            }
            case JournalRecord.CallbackRequested c -> {
                if (record.at() >= from) {
                    requests.follow(c);
                }
            }
            case JournalRecord.CallbackAttempted c -> { }
            // the audit trail of reloads: the configuration they applied comes as config-applied
            case JournalRecord.ConfigReloaded c -> { }
            // what flows recorded (survey ratings) is kept for whoever reads the journal; no figure uses it yet
            case JournalRecord.IvrResults r -> { }
            case JournalRecord.CallbackClosed c -> {
                if (record.at() >= from) {
                    requests.follow(c);
                }
            }
            case JournalRecord.RecordsLost lost -> {
                if (lost.at() >= from) {
                    lostRecords += lost.count();
                    warnings.accept("the journal lost " + lost.count() + " decisions from "
                            + at(lost.firstAt()) + " to " + at(lost.at())
                            + ": the figures of that time are incomplete");
                }
            }
        }
        lastAt = Math.max(lastAt, record.at());
    }

    private void opened(JournalRecord.FileOpened opened) {
        if (statistics == null) {
            // the first file read: its first line says what is in force
            config = opened.config();
            statistics = new CentreStatistics(config);
            for (Decision.AgentStateChanged a : opened.agents()) {
                feed(new Decision.AgentStateChanged(opened.at(), a.agentId(), AgentState.LOGGED_OUT, a.to(),
                        a.reason()));
            }
            // a private call going on when the file began counts from the file's start, as it does live
            for (Decision.AgentPhoneChanged p : opened.phones()) {
                feed(new Decision.AgentPhoneChanged(opened.at(), p.agentId(), PhoneState.FREE, p.to()));
            }
            return;
        }
        if (opened.cause() == JournalRecord.OpenCause.START && !opened.config().equals(config)) {
            feed(new Decision.ConfigApplied(opened.at(), opened.config()));
        }
    }

    /**
     * The server stopped (a restart follows): its agents stop working at its last record, not at the restart, so
     * the time it was down is nobody's time on duty; and the restarted engine knows no phone until AMI reports it.
     */
    private void stopped() {
        if (callsInProgress.size() > 0) {
            // a clean stop ends every call; these were lost with the run (killed, a power cut)
            warnings.accept("the server's run whose last record is at " + at(lastAt) + " stopped with "
                    + callsInProgress.size() + " call(s) in progress (" + callsInProgress.describe() + "), as a crash "
                    + "leaves them: they are counted as ended there (a conversation answered, a waiting call "
                    + "overflowed to Asterisk's dialplan)");
            callsInProgress.lostAt(lastAt).forEach(this::feed);
        }
        for (Decision.AgentStateChanged a : List.copyOf(onDuty.values())) {
            feed(new Decision.AgentStateChanged(lastAt, a.agentId(), a.to(), AgentState.LOGGED_OUT,
                    "server stopped"));
        }
        for (Map.Entry<String, PhoneState> p : List.copyOf(phonesNotFree.entrySet())) {
            feed(new Decision.AgentPhoneChanged(lastAt, p.getKey(), p.getValue(), PhoneState.FREE));
        }
    }

    private void feed(Decision decision) {
        if (statistics == null) {
            throw new JournalException("the journal's first file does not start with its journal-opened line");
        }
        statistics.onDecision(decision);
        callsInProgress.follow(decision);
        switch (decision) {
            case Decision.ConfigApplied c -> config = c.config();
            case Decision.AgentStateChanged s when s.to() == AgentState.LOGGED_OUT -> onDuty.remove(s.agentId());
            case Decision.AgentStateChanged s -> onDuty.put(s.agentId(), s);
            case Decision.AgentPhoneChanged p when p.to() == PhoneState.FREE -> phonesNotFree.remove(p.agentId());
            case Decision.AgentPhoneChanged p -> phonesNotFree.put(p.agentId(), p.to());
            default -> { }
        }
    }

    private void warnGap() {
        warnings.accept("the journal has no records from " + at(gapFrom) + " to " + at(gapTo) + ", where the next "
                + "file says it went on: a file is missing or cut short, and the figures of that time are incomplete");
    }

    /** A time as the journal's lines write it. */
    private String at(long millis) {
        return JournalCodec.formatAt(millis, zone);
    }

    private Report report() {
        if (statistics == null) {
            throw new JournalException("the journal holds no readable record");
        }
        if (gapFrom != Long.MIN_VALUE) {
            if (continuesAfterPeriod) {
                // the file opened after the write error begins the period's end: its mark of the loss comes after
                warnings.accept("the journal has no records from " + at(gapFrom) + " to the period's end: a write "
                        + "error lost decisions from then on (the journal marks the loss after the period), and the "
                        + "figures of that time are incomplete");
            } else {
                warnGap();
            }
            gapFrom = Long.MIN_VALUE;
        }
        long end = continuesAfterPeriod ? to : Math.max(lastAt, from);
        if (!continuesAfterPeriod && (to != Long.MAX_VALUE || lastAt < from)) {
            warnings.accept("the journal ends at " + at(lastAt) + ", before the period's "
                    + (lastAt < from ? "start: nothing of the period is in it" : "end: the figures stop there (a "
                    + "server still running writes nothing while its agents wait for calls, and their time since is "
                    + "not counted: report the period again once the journal goes on past it)"));
        }
        Figures atEnd = statistics.snapshot(end);
        if (from == Long.MIN_VALUE) {
            return new Report(atEnd, lostRecords, requests.counts());
        }
        Figures start = atStart != null ? atStart : statistics.snapshot(from);
        return new Report(period.between(from, start, atEnd), lostRecords, requests.counts());
    }
}
