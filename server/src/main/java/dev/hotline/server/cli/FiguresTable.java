package dev.hotline.server.cli;

import dev.hotline.acd.stats.AgentTimeFigures;
import dev.hotline.acd.stats.AnswerFigures;
import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.CentreFigures;
import dev.hotline.acd.stats.Figures;
import dev.hotline.acd.stats.OfferFigures;
import dev.hotline.acd.stats.StaffFigures;
import dev.hotline.server.journal.JournalReplay;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The figures as plain-text tables for people: the centre, then one line per queue, skill group and agent. Ratios are
 * percentages, times m:ss (h:mm:ss for logged-in time); "-" means no data (docs/kpis.md). "ready" is READY time with
 * a free phone (available for calls); "phone busy" and "unreachable" are READY time the phone held back from calls.
 */
final class FiguresTable {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");

    private FiguresTable() {
    }

    /**
     * The report as tables; {@code askedFrom} and {@code askedTo} (null when not given) are the period asked for,
     * shown when none of it is in the journal (the figures then cover no time at all).
     */
    static String render(Path journal, JournalReplay.Report report, ZoneId zone, Instant askedFrom, Instant askedTo) {
        Figures f = report.figures();
        StringBuilder out = new StringBuilder();
        out.append("Journal ").append(journal).append(", ");
        if (f.from() == f.to() && (askedFrom != null || askedTo != null)) {
            boolean offsets = clocksChange(askedFrom, askedTo, zone);
            out.append(askedFrom == null ? "its start" : time(askedFrom.toEpochMilli(), zone, offsets)).append(" to ")
                    .append(askedTo == null ? "its end" : time(askedTo.toEpochMilli(), zone, offsets)).append(" (")
                    .append(zone).append("): nothing of this period is in the journal\n");
        } else {
            out.append(period(f.from(), f.to(), zone)).append(" (").append(zone).append(")\n");
        }
        if (report.lostRecords() > 0) {
            out.append("INCOMPLETE: the journal lost ").append(report.lostRecords())
                    .append(" decisions in this period (see the warnings)\n");
        }
        centre(out, f.centre());
        JournalReplay.IvrRequests r = report.requests();
        out.append(String.format(Locale.ROOT, "  messages left %d, callbacks requested %d, open callback requests %d,"
                + " callbacks done %d, given up %d%n", r.messagesLeft(), r.callbacksRequested(), r.callbacksOpen(),
                r.callbacksDone(), r.callbacksGivenUp()));
        queues(out, f.queues());
        staff(out, "Groups", f.groups());
        staff(out, "Agents", f.agents());
        return out.toString();
    }

    private static void centre(StringBuilder out, CentreFigures c) {
        CallFigures calls = c.calls();
        out.append("\nCentre\n");
        out.append(String.format(Locale.ROOT, "  inbound %d, refused %d (blacklist %d, unknown number %d, by queues %d),"
                        + " self-service %d, abandoned in IVR %d, ended in IVR %d%n", c.inbound(), c.refused(),
                c.refusedBlacklist(), c.refusedUnknownNumber(), calls.refused(), c.selfService(), c.abandonedInIvr(),
                c.endedInIvr()));
        out.append(String.format(Locale.ROOT, "  offered %d, answered %d, abandoned %d (short %d), overflowed %d,"
                        + " waiting %d%n", calls.offered(), calls.answers().answered(), calls.abandoned(),
                calls.shortAbandoned(), calls.overflowed(), calls.waiting()));
        out.append(String.format(Locale.ROOT, "  connection rate %s (answer rate %s), service level %s, ASA %s, AHT %s,"
                        + " abandonment %s, occupancy %s, utilisation %s%n",
                percent(c.connectionRate()), percent(calls.answerRate()), percent(calls.serviceLevel()),
                duration(calls.answers().asaMillis()),
                duration(calls.answers().ahtMillis()), percent(calls.abandonmentRate()),
                percent(c.agentTime().occupancy()), percent(c.agentTime().utilisation())));
        OfferFigures o = c.offers();
        out.append(String.format(Locale.ROOT, "  offers to agents %d, missed %d (no answer %d, failed %d)%n",
                o.offers(), o.missed(), o.notAnswered(), o.failed()));
        AgentTimeFigures t = c.agentTime();
        out.append(String.format(Locale.ROOT, "  agents logged in %s: ready %s; ringing %s; talking %s; wrap-up %s;"
                        + " ready, phone busy %s; ready, phone unreachable %s; not ready %s%n",
                hours(t.loggedInMillis()), hours(t.readyMillis()), hours(t.reservedMillis()), hours(t.talkMillis()),
                hours(t.wrapUpMillis()), hours(t.readyPhoneBusyMillis()), hours(t.readyPhoneUnreachableMillis()),
                hours(t.notReadyMillis())));
    }

    private static void queues(StringBuilder out, Map<String, CallFigures> queues) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"Queue", "offered", "answered", "abandoned", "short", "overflowed", "refused",
                "waiting", "service", "ASA", "AHT", "abandon", "answer", "longest"});
        queues.forEach((id, q) -> rows.add(new String[] {id, count(q.offered()), count(q.answers().answered()),
                count(q.abandoned()), count(q.shortAbandoned()), count(q.overflowed()), count(q.refused()),
                count(q.waiting()), percent(q.serviceLevel()), duration(q.answers().asaMillis()),
                duration(q.answers().ahtMillis()), percent(q.abandonmentRate()), percent(q.answerRate()),
                duration(q.longestWaitMillisIfAny())}));
        table(out, rows);
        TreatedLine.of(queues).ifPresent(line -> out.append(line).append('\n'));
    }

    private static void staff(StringBuilder out, String title, Map<String, StaffFigures> staff) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {title.substring(0, title.length() - 1), "offers", "missed", "answered", "ASA",
                "avg talk", "AHT", "logged in", "ready", "phone busy", "unreachable", "not ready", "occupancy",
                "utilisation"});
        staff.forEach((id, s) -> {
            AnswerFigures a = s.answers();
            AgentTimeFigures t = s.agentTime();
            rows.add(new String[] {id, count(s.offers().offers()), count(s.offers().missed()), count(a.answered()),
                    duration(a.asaMillis()), duration(a.averageTalkMillis()),
                    duration(a.ahtMillis()), hours(t.loggedInMillis()), hours(t.readyMillis()),
                    hours(t.readyPhoneBusyMillis()), hours(t.readyPhoneUnreachableMillis()),
                    hours(t.notReadyMillis()), percent(t.occupancy()), percent(t.utilisation())});
        });
        table(out, rows);
    }

    /** Left-aligned first column, right-aligned figures, two spaces apart. */
    private static void table(StringBuilder out, List<String[]> rows) {
        int[] widths = new int[rows.getFirst().length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        out.append('\n');
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                String cell = row[i];
                String pad = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? cell + pad : "  " + pad + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
        }
    }

    /**
     * The period of the header, "2026-11-23 09:00:00 to 2026-11-23 12:00:00", on {@code zone}'s clock; with the UTC
     * offsets when the clocks change in it or it begins or ends in an hour they go back over, which the wall clock
     * shows twice.
     */
    static String period(long from, long to, ZoneId zone) {
        boolean offsets = clocksChange(Instant.ofEpochMilli(from), Instant.ofEpochMilli(to), zone);
        return time(from, zone, offsets) + " to " + time(to, zone, offsets);
    }

    /** A time of the header; with its UTC offset when the clocks change in the period (an hour read twice). */
    private static String time(long epochMillis, ZoneId zone, boolean offset) {
        ZonedDateTime at = Instant.ofEpochMilli(epochMillis).atZone(zone);
        return TIME.format(at) + (offset ? " " + at.getOffset() : "");
    }

    /**
     * Whether the clocks change between {@code from} and {@code to} (either may be null: the journal's own end), or
     * either falls in the hour they go back over, whose wall-clock times name two moments.
     */
    private static boolean clocksChange(Instant from, Instant to, ZoneId zone) {
        ZoneRules rules = zone.getRules();
        for (Instant at : new Instant[] {from, to}) {
            if (at != null && rules.getValidOffsets(at.atZone(zone).toLocalDateTime()).size() > 1) {
                return true;
            }
        }
        if (from == null || to == null) {
            return false;
        }
        ZoneOffsetTransition next = rules.nextTransition(from);
        return next != null && !next.getInstant().isAfter(to);
    }

    private static String count(long n) {
        return Long.toString(n);
    }

    static String percent(OptionalDouble ratio) {
        return ratio.isPresent() ? String.format(Locale.ROOT, "%.1f %%", ratio.getAsDouble() * 100) : "-";
    }

    static String duration(OptionalDouble millis) {
        if (millis.isEmpty()) {
            return "-";
        }
        long seconds = Math.round(millis.getAsDouble() / 1000);
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    /** To the nearest second, as {@link #duration} rounds averages: 29.987 s is 0:00:30. */
    private static String hours(long millis) {
        long seconds = Math.round(millis / 1000.0);
        return String.format(Locale.ROOT, "%d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
