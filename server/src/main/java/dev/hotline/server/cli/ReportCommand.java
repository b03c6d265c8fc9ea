package dev.hotline.server.cli;

import dev.hotline.server.journal.JournalException;
import dev.hotline.server.journal.JournalReader;
import dev.hotline.server.journal.JournalReplay;
import dev.hotline.server.json.FiguresJson;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.zone.ZoneOffsetTransition;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hotline report}: rebuilds the figures of docs/kpis.md from the journal, for any period it covers. */
@Command(name = "report",
        mixinStandardHelpOptions = true,
        exitCodeOnExecutionException = ExitCodes.INTERNAL_ERROR,
        description = {
                "Rebuild the call-centre figures (service level, ASA, AHT, abandonment, connection rate, occupancy, "
                        + "utilisation...) from the journal, per queue, skill group, agent and for the centre.",
                "Times are ISO-8601: 2026-11-23T09:00:00+08:00, 2026-11-23T01:00:00Z, or local to the centre's "
                        + "time zone: 2026-11-23T09:00, 2026-11-23 (midnight).",
                "Exits 0 with the figures, 1 when the journal cannot be read (the damaged file:line is printed to "
                        + "stderr), 2 on wrong usage (an unknown option, a time that cannot be read)."})
public final class ReportCommand implements Callable<Integer> {

    @Option(names = "--journal", paramLabel = "DIR", required = true, description = "the journal directory")
    private Path journal;

    @Option(names = "--from", paramLabel = "TIME", description = "start of the period (default: the journal's start)")
    private String from;

    @Option(names = "--to", paramLabel = "TIME", description = "end of the period, exclusive (default: its end)")
    private String to;

    @Option(names = "--json", description = "print JSON instead of tables")
    private boolean json;

    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            ZoneId zone = new JournalReader(journal, w -> { }).latestZone();
            Instant fromTime = from == null ? null : parseTime("--from", from, zone);
            Instant toTime = to == null ? null : parseTime("--to", to, zone);
            if (fromTime != null && toTime != null && !fromTime.isBefore(toTime)) {
                throw new CommandLine.ParameterException(spec.commandLine(),
                        "--from " + from + " is not before --to " + to);
            }
            JournalReplay.Report report = JournalReplay.of(journal, fromTime, toTime,
                    warning -> err.println("warning: " + warning));
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(FiguresJson.render(journal, report));
            } else {
                out.print(FiguresTable.render(journal, report, zone, fromTime, toTime));
            }
            out.flush();
            return ExitCodes.OK;
        } catch (JournalException | UncheckedIOException e) {
            err.println(e.getMessage());
            return ExitCodes.INVALID_JOURNAL;
        }
    }

    /**
     * A local time of the centre as an instant. A time the clocks skip when they spring forward (02:30 on a night they
     * go from 02:00 to 03:00) is the moment they skip to, 03:00, as a date's midnight is; not 03:30, an hour after
     * the time asked for. A time that occurs twice when they go back is its first occurrence.
     */
    static Instant instantOf(LocalDateTime local, ZoneId zone) {
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        return local.atZone(zone).toInstant();
    }

    private Instant parseTime(String option, String text, ZoneId zone) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException notWithOffset) {
            try {
                return instantOf(LocalDateTime.parse(text), zone);
            } catch (DateTimeParseException notLocal) {
                try {
                    return LocalDate.parse(text).atStartOfDay(zone).toInstant();
                } catch (DateTimeException notADate) {
                    throw new CommandLine.ParameterException(spec.commandLine(), option + ": '" + text
                            + "' is not a time (2026-11-23T09:00:00+08:00, 2026-11-23T09:00 or 2026-11-23)");
                }
            }
        }
    }
}
