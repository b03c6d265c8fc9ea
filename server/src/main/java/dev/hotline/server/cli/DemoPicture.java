package dev.hotline.server.cli;

import dev.hotline.acd.AgentView;
import dev.hotline.acd.QueueView;
import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.CentreFigures;
import dev.hotline.server.serve.CentreView;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * One picture of the running demo for a terminal: the centre's clock and the calls the simulated Asterisk placed,
 * each queue (waiting, ringing, longest wait, ready of logged-in agents), each agent's state, and the centre's
 * figures since start (docs/kpis.md).
 */
final class DemoPicture {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("EEE HH:mm:ss", Locale.ROOT);

    private DemoPicture() {
    }

    /**
     * @param placed calls the simulated Asterisk has placed so far
     * @param live   of them, still going on
     */
    static String render(CentreView view, ZoneId zone, double speed, long placed, int live) {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "-- %s (%s, x%s)  calls placed %d, on the line %d%n",
                CLOCK.format(Instant.ofEpochMilli(view.nowMillis()).atZone(zone)), zone, speedText(speed), placed,
                live));
        out.append(String.format(Locale.ROOT, "   %-16s %7s %7s %8s %9s%n", "queue", "waiting", "ringing", "longest",
                "ready/in"));
        for (QueueView q : view.queues()) {
            out.append(String.format(Locale.ROOT, "   %-16s %7d %7d %8s %9s%s%n", q.queueId(), q.waiting(), q.ringing(),
                    q.waiting() + q.ringing() == 0 ? "-" : FiguresTable.duration(OptionalDouble.of(
                            q.oldestWaitMillis())), q.agentsReady() + "/" + q.agentsLoggedIn(),
                    q.open() ? "" : "  closed (" + q.closedBecause() + ")"));
        }
        out.append("   agents:");
        for (AgentView agent : view.agents()) {
            out.append(' ').append(agent.agentId()).append(' ').append(state(agent));
        }
        out.append('\n');
        CentreFigures centre = view.figures().centre();
        CallFigures calls = centre.calls();
        out.append(String.format(Locale.ROOT, "   inbound %d, refused %d, self-service %d, answered %d, abandoned %d;"
                        + " service level %s, connection rate %s, ASA %s, AHT %s%n",
                centre.inbound(), centre.refused(), centre.selfService(), calls.answers().answered(),
                calls.abandoned(), FiguresTable.percent(calls.serviceLevel()),
                FiguresTable.percent(centre.connectionRate()), FiguresTable.duration(calls.answers().asaMillis()),
                FiguresTable.duration(calls.answers().ahtMillis())));
        return out.toString();
    }

    /** A short word per state, so twelve agents fit on a line or two. */
    private static String state(AgentView agent) {
        return switch (agent.state()) {
            case LOGGED_OUT -> "out";
            case READY -> "ready";
            case RESERVED -> "ringing";
            case TALKING -> "talking";
            case WRAP_UP -> "wrap-up";
            case NOT_READY -> "not-ready";
        };
    }

    private static String speedText(double speed) {
        return speed == Math.rint(speed) ? Long.toString((long) speed) : Double.toString(speed);
    }
}
