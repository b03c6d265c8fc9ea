package dev.hotline.server.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotline.acd.stats.AgentTimeFigures;
import dev.hotline.acd.stats.AnswerFigures;
import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.CentreFigures;
import dev.hotline.acd.stats.Figures;
import dev.hotline.acd.stats.OfferFigures;
import dev.hotline.acd.stats.StaffFigures;
import dev.hotline.server.simulation.SimulationResult;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The simulator's figures as JSON (fractions as numbers in 0..1, times in seconds, {@code null} where there is no
 * data, e.g. the ASA of a queue that answered nothing) and as a table for people. The figures themselves all come
 * from {@link dev.hotline.acd.stats.CentreStatistics}; only the {@code simulator} section is the simulator's own.
 */
final class SimulationReport {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    private SimulationReport() {
    }

    /** The headline figures of one queue, flat, for the single-queue (Erlang C) mode. */
    static void queueFigures(ObjectNode out, CallFigures calls, AgentTimeFigures agentTime) {
        callFigures(out, calls);
        fraction(out, "occupancy", agentTime.occupancy());
        fraction(out, "utilisation", agentTime.utilisation());
    }

    /** Per queue, per group and for the whole centre, over the run from {@code startMillis}. */
    static void centreFigures(ObjectNode out, Figures figures, long startMillis) {
        long length = figures.to() - startMillis;
        centre(out.putObject("centre"), figures.centre(), length);
        ObjectNode queues = out.putObject("queues");
        for (Map.Entry<String, CallFigures> q : figures.queues().entrySet()) {
            callFigures(queues.putObject(q.getKey()), q.getValue());
        }
        groups(out.putObject("groups"), figures, length);
    }

    /** Each group's figures over a period of {@code length} milliseconds. */
    private static void groups(ObjectNode groups, Figures figures, long length) {
        for (Map.Entry<String, StaffFigures> g : figures.groups().entrySet()) {
            ObjectNode group = groups.putObject(g.getKey());
            group.put("answered", g.getValue().answers().answered());
            answerTimes(group, g.getValue().answers());
            offers(group, g.getValue().offers());
            agents(group, g.getValue().agentTime(), length);
        }
    }

    /**
     * How many agents were logged in on average over a period of {@code length} milliseconds (their logged-in time
     * over its length: the staffing a roster of shifts gave it), how many of them not ready (on breaks, by reason),
     * then occupancy and utilisation.
     */
    private static void agents(ObjectNode out, AgentTimeFigures t, long length) {
        if (length > 0) {
            out.put("agentsLoggedIn", average(t.loggedInMillis(), length));
            out.put("agentsNotReady", average(t.notReadyMillis(), length));
            ObjectNode byReason = out.putObject("agentsNotReadyByReason");
            new TreeMap<>(t.notReadyByReason()).forEach((reason, millis) ->
                    byReason.put(reason, average(millis, length)));
        } else {
            out.putNull("agentsLoggedIn");
            out.putNull("agentsNotReady");
            out.putObject("agentsNotReadyByReason");
        }
        fraction(out, "occupancy", t.occupancy());
        fraction(out, "utilisation", t.utilisation());
    }

    /** Agents in a state for {@code millis} of {@code length} milliseconds, on average, to three decimals. */
    private static double average(long millis, long length) {
        return Math.round(millis * 1000.0 / length) / 1000.0;
    }

    /** Agents in a state for {@code millis} of {@code length} milliseconds, for tables: one decimal, "-" for none. */
    private static String hundredths(long millis, long length) {
        return String.format(Locale.ROOT, "%.2f", millis / (double) length);
    }

    static String averageText(long millis, long length) {
        return length > 0 ? String.format(Locale.ROOT, "%.1f", millis / (double) length) : "-";
    }

    /**
     * The centre's, each queue's and each skill group's figures of each reporting interval of the run, oldest first,
     * its times in {@code zone}; the first interval from the run's start. What waits at an interval's end is not kept, so an
     * interval has no {@code waiting} and {@code longestCurrentWait} (the whole run's figures have them).
     */
    static void intervals(ObjectNode out, List<Figures> intervals, long startMillis, ZoneId zone) {
        ArrayNode list = out.putArray("intervals");
        for (Figures f : intervals) {
            ObjectNode interval = list.addObject();
            interval.put("from", Instant.ofEpochMilli(Math.max(f.from(), startMillis)).atZone(zone)
                    .toOffsetDateTime().toString());
            interval.put("to", Instant.ofEpochMilli(f.to()).atZone(zone).toOffsetDateTime().toString());
            long length = f.to() - Math.max(f.from(), startMillis);
            ObjectNode centre = interval.putObject("centre");
            centre(centre, f.centre(), length);
            withoutWhatWaits(centre);
            ObjectNode queues = interval.putObject("queues");
            for (Map.Entry<String, CallFigures> q : f.queues().entrySet()) {
                ObjectNode queue = queues.putObject(q.getKey());
                callFigures(queue, q.getValue());
                withoutWhatWaits(queue);
            }
            groups(interval.putObject("groups"), f, length);
        }
    }

    /**
     * Each business type's callers: how many dialled, and how many its rate makes on average over the traffic's
     * duration (a planner's check of a curve: Poisson counts stray from it by about their square root).
     */
    static void businessTypes(ObjectNode simulator, SimulationResult r, Map<String, Double> expected) {
        ObjectNode types = simulator.putObject("businessTypes");
        r.callsByBusinessType().forEach((type, calls) -> {
            ObjectNode t = types.putObject(type);
            t.put("calls", calls);
            t.put("expected", Math.round(expected.getOrDefault(type, 0.0) * 10) / 10.0);
        });
    }

    /** The line saying each business type's callers against what its rate makes on average. */
    static String businessTypesLine(SimulationResult r, Map<String, Double> expected) {
        StringBuilder s = new StringBuilder("callers by business type (expected from the rates):");
        r.callsByBusinessType().forEach((type, calls) -> s.append(String.format(Locale.ROOT, " %s %d (%.1f),", type,
                calls, expected.getOrDefault(type, 0.0))));
        s.setLength(s.length() - 1);
        return s.append(System.lineSeparator()).toString();
    }

    private static void withoutWhatWaits(ObjectNode figures) {
        figures.remove("waiting");
        figures.remove("longestCurrentWait");
    }

    private static void centre(ObjectNode centre, CentreFigures c, long length) {
        centre.put("inbound", c.inbound());
        centre.put("refusedBlacklist", c.refusedBlacklist());
        centre.put("refusedUnknownNumber", c.refusedUnknownNumber());
        fraction(centre, "connectionRate", c.connectionRate());
        callFigures(centre, c.calls());
        // a queue's "refused" counts the calls it turned away; the centre's counts every refused call
        centre.put("refusedByQueues", c.calls().refused());
        centre.put("refused", c.refused());
        offers(centre, c.offers());
        agents(centre, c.agentTime(), length);
    }

    static void simulator(ObjectNode out, SimulationResult r) {
        ObjectNode s = out.putObject("simulator");
        s.put("callsGenerated", r.callsGenerated());
        s.put("vipCalls", r.vipCalls());
        s.put("blacklistedCalls", r.blacklistedCalls());
        s.put("ringNoAnswers", r.ringNoAnswers());
        s.put("simulatedSeconds", seconds(r.endMillis() - r.startMillis()));
        s.put("unfinishedCalls", r.unfinishedCalls());
        s.put("rejectedEvents", r.rejectedEvents());
        s.set("rejectedSamples", JSON.arrayNode().addAll(r.rejectedSamples().stream().map(JSON::textNode).toList()));
    }

    private static void callFigures(ObjectNode out, CallFigures f) {
        out.put("offered", f.offered());
        out.put("answered", f.answers().answered());
        out.put("abandoned", f.abandoned());
        out.put("shortAbandoned", f.shortAbandoned());
        out.put("overflowed", f.overflowed());
        out.put("refused", f.refused());
        ObjectNode treated = out.putObject("treated");
        treated.put("closed", f.treated().closed());
        treated.put("full", f.treated().full());
        treated.put("maxWait", f.treated().maxWait());
        treated.put("noAgents", f.treated().noAgents());
        treated.put("escalation", f.treated().escalation());
        treated.put("reconfigured", f.treated().reconfigured());
        treated.put("handedBack", f.treated().handedBack());
        // still in the queue when the run stopped: offered = answered + abandoned + overflowed + refused + waiting
        out.put("waiting", f.waiting());
        fraction(out, "serviceLevel", f.serviceLevel());
        fraction(out, "abandonmentRate", f.abandonmentRate());
        fraction(out, "answerRate", f.answerRate());
        answerTimes(out, f.answers());
        time(out, "longestWait", f.longestWaitMillisIfAny());
        out.put("longestCurrentWait", seconds(f.longestCurrentWaitMillis()));
    }

    /** Offers made, and those missed (rang out or failed), with the share missed. */
    private static void offers(ObjectNode out, OfferFigures o) {
        out.put("offers", o.offers());
        out.put("missedOffers", o.missed());
        fraction(out, "missedRate", o.missedRate());
    }

    private static void answerTimes(ObjectNode out, AnswerFigures a) {
        time(out, "asa", a.asaMillis());
        fraction(out, "pWait", a.probabilityOfWaiting());
        time(out, "aht", a.ahtMillis());
        time(out, "averageTalk", a.averageTalkMillis());
    }

    /** Fractions rounded to 6 decimals: finer than any simulation can claim, short enough to read. */
    private static void fraction(ObjectNode out, String field, OptionalDouble value) {
        if (value.isPresent()) {
            out.put(field, Math.round(value.getAsDouble() * 1e6) / 1e6);
        } else {
            out.putNull(field);
        }
    }

    private static void time(ObjectNode out, String field, OptionalDouble millis) {
        if (millis.isPresent()) {
            out.put(field, seconds(millis.getAsDouble()));
        } else {
            out.putNull(field);
        }
    }

    /** Seconds, to the millisecond. */
    static double seconds(double millis) {
        return Math.round(millis) / 1000.0;
    }

    // ---- tables for people ----

    static String percent(OptionalDouble f) {
        return f.isPresent() ? String.format(Locale.ROOT, "%.1f %%", f.getAsDouble() * 100) : "-";
    }

    static String secondsText(OptionalDouble millis) {
        return millis.isPresent() ? String.format(Locale.ROOT, "%.1f s", millis.getAsDouble() / 1000) : "-";
    }

    /** One line per queue, one per group, and the centre's, over the run from {@code startMillis}. */
    static String centreTable(Figures figures, long startMillis) {
        long length = figures.to() - startMillis;
        StringBuilder s = new StringBuilder();
        String callFormat = "%-20s %8s %8s %9s %8s %7s %7s %8s %8s %8s %8s %8s%n";
        s.append(String.format(Locale.ROOT, callFormat, "QUEUE", "offered", "answered", "abandoned", "overflow",
                "refused", "waiting", "abandon", "SL", "ASA", "P(wait)", "AHT"));
        figures.queues().forEach((id, q) -> s.append(callLine(callFormat, id, q)));
        s.append(callLine(callFormat, "(centre)", figures.centre().calls()));
        TreatedLine.of(figures.queues()).ifPresent(line -> s.append(line).append(System.lineSeparator()));
        s.append(System.lineSeparator());
        String groupFormat = "%-20s %8s %8s %8s %8s %8s %6s %9s %11s%n";
        s.append(String.format(Locale.ROOT, groupFormat, "GROUP", "offers", "missed", "answered", "ASA", "AHT",
                "agents", "occupancy", "utilisation"));
        figures.groups().forEach((id, g) -> s.append(String.format(Locale.ROOT, groupFormat, id,
                g.offers().offers(), g.offers().missed(), g.answers().answered(),
                secondsText(g.answers().asaMillis()), secondsText(g.answers().ahtMillis()),
                averageText(g.agentTime().loggedInMillis(), length), percent(g.agentTime().occupancy()),
                percent(g.agentTime().utilisation()))));
        CentreFigures c = figures.centre();
        s.append(System.lineSeparator());
        // the queues' "refused" column counts the calls a queue turned away; here every refused call, as the JSON's
        s.append(String.format(Locale.ROOT, "inbound %d, refused %d (blacklisted %d, unknown number %d, by queues "
                        + "%d), connection rate %s, short abandons %d, agents logged in %s on average%s, occupancy %s, "
                        + "utilisation %s%n", c.inbound(),
                c.refused(), c.refusedBlacklist(), c.refusedUnknownNumber(), c.calls().refused(),
                percent(c.connectionRate()), c.calls().shortAbandoned(), averageText(c.agentTime().loggedInMillis(),
                        length), notReadyText(c.agentTime(), length),
                percent(c.agentTime().occupancy()), percent(c.agentTime().utilisation())));
        return s.toString();
    }

    /**
     * " (not ready 0.42: lunch 0.30, no answer 0.12)": those of them not ready on average, by reason, to a hundredth
     * (a few missed offers' pauses would read 0.0); "" if none.
     */
    private static String notReadyText(AgentTimeFigures t, long length) {
        if (t.notReadyMillis() == 0 || length <= 0) {
            return "";
        }
        StringBuilder text = new StringBuilder(" (not ready " + hundredths(t.notReadyMillis(), length) + ":");
        String separator = " ";
        for (Map.Entry<String, Long> reason : new TreeMap<>(t.notReadyByReason()).entrySet()) {
            text.append(separator).append(reason.getKey()).append(' ').append(hundredths(reason.getValue(), length));
            separator = ", ";
        }
        return text.append(')').toString();
    }

    /**
     * The centre's calls per reporting interval: when a burst of callers came, and how they were served. Each row
     * says its local times, the first from the run's start; with the UTC offset when the clocks change during the
     * run (the hour they go back would show twice).
     */
    static String intervalTable(List<Figures> intervals, long startMillis, ZoneId zone) {
        boolean offsets = !intervals.isEmpty() && !zone.getRules().getOffset(Instant.ofEpochMilli(startMillis))
                .equals(zone.getRules().getOffset(Instant.ofEpochMilli(intervals.getLast().to())));
        // seconds only when a row begins or ends within a minute (a run that starts or stops there)
        boolean seconds = (startMillis % 60_000 != 0) || intervals.stream().anyMatch(f -> f.to() % 60_000 != 0);
        String hhmm = "HH:mm" + (seconds ? ":ss" : "") + (offsets ? "xxx" : "");
        DateTimeFormatter day = DateTimeFormatter.ofPattern("yyyy-MM-dd " + hhmm, Locale.ROOT);
        DateTimeFormatter time = DateTimeFormatter.ofPattern(hhmm, Locale.ROOT);
        String format = "%-" + (22 + (offsets ? 12 : 0) + (seconds ? 6 : 0))
                + "s %7s %7s %8s %9s %5s %8s %7s %7s %7s %7s %7s %6s %7s %9s%n";
        StringBuilder s = new StringBuilder();
        s.append(String.format(Locale.ROOT, format, "INTERVAL", "inbound", "offered", "answered", "abandoned",
                "short", "overflow", "refused", "abandon", "SL", "ASA", "P(wait)", "agents", "not rdy", "occupancy"));
        for (Figures f : intervals) {
            CentreFigures c = f.centre();
            CallFigures q = c.calls();
            long from = Math.max(f.from(), startMillis);
            long length = f.to() - from;
            String when = day.format(Instant.ofEpochMilli(from).atZone(zone)) + "-"
                    + time.format(Instant.ofEpochMilli(f.to()).atZone(zone));
            s.append(String.format(Locale.ROOT, format, when, c.inbound(), q.offered(), q.answers().answered(),
                    q.abandoned(), q.shortAbandoned(), q.overflowed(), q.refused(), percent(q.abandonmentRate()),
                    percent(q.serviceLevel()), secondsText(q.answers().asaMillis()),
                    percent(q.answers().probabilityOfWaiting()),
                    averageText(c.agentTime().loggedInMillis(), length),
                    averageText(c.agentTime().notReadyMillis(), length),
                    percent(c.agentTime().occupancy())));
        }
        return s.toString();
    }

    private static String callLine(String format, String id, CallFigures q) {
        return String.format(Locale.ROOT, format, id, q.offered(), q.answers().answered(), q.abandoned(),
                q.overflowed(), q.refused(), q.waiting(), percent(q.abandonmentRate()), percent(q.serviceLevel()),
                secondsText(q.answers().asaMillis()), percent(q.answers().probabilityOfWaiting()),
                secondsText(q.answers().ahtMillis()));
    }

    static String simulatorLine(SimulationResult r) {
        String s = String.format(Locale.ROOT, "simulator: %s generated (%d VIP, %d blacklisted), ring-no-answers: %d,"
                        + " %.0f s simulated, %s, %s%n", ValidateCommand.count(r.callsGenerated(), "call", "calls"),
                r.vipCalls(), r.blacklistedCalls(), r.ringNoAnswers(), seconds(r.endMillis() - r.startMillis()),
                ValidateCommand.count(r.unfinishedCalls(), "unfinished call", "unfinished calls"),
                ValidateCommand.count(r.rejectedEvents(), "rejected event", "rejected events"));
        return r.rejectedSamples().isEmpty() ? s
                : s + "  first rejected: " + String.join(System.lineSeparator() + "  ", r.rejectedSamples())
                + System.lineSeparator();
    }
}
