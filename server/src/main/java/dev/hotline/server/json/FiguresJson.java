package dev.hotline.server.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotline.acd.stats.AgentTimeFigures;
import dev.hotline.acd.stats.AnswerFigures;
import dev.hotline.acd.stats.CallFigures;
import dev.hotline.acd.stats.Figures;
import dev.hotline.acd.stats.OfferFigures;
import dev.hotline.acd.stats.StaffFigures;
import dev.hotline.server.journal.JournalReplay;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * The figures as JSON, one shape for {@code hotline report --json} and the API's {@code /api/v1/figures}: every count
 * under its name in {@code dev.hotline.acd.stats}, and next to the counts the ratios and averages of docs/kpis.md
 * ({@code null} when there is no data). Times are milliseconds.
 */
public final class FiguresJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT).build();

    private FiguresJson() {
    }

    /** A report of a journal: where it was read, what was lost, the IVR's requests, then the figures. */
    public static String render(Path journal, JournalReplay.Report report) {
        Figures f = report.figures();
        ObjectNode root = MAPPER.createObjectNode();
        root.put("journal", journal.toString());
        period(root, f);
        root.put("lostRecords", report.lostRecords());
        ObjectNode requests = root.putObject("ivrRequests");
        requests.put("messagesLeft", report.requests().messagesLeft());
        requests.put("callbacksRequested", report.requests().callbacksRequested());
        requests.put("callbacksOpen", report.requests().callbacksOpen());
        requests.put("callbacksDone", report.requests().callbacksDone());
        requests.put("callbacksGivenUp", report.requests().callbacksGivenUp());
        figures(root, f);
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the figures as JSON", e);
        }
    }

    /** The figures of one period: its bounds, the centre, then each queue, group and agent. */
    public static ObjectNode of(Figures f) {
        ObjectNode root = MAPPER.createObjectNode();
        period(root, f);
        figures(root, f);
        return root;
    }

    private static void period(ObjectNode root, Figures f) {
        root.put("from", Instant.ofEpochMilli(f.from()).toString());
        root.put("to", Instant.ofEpochMilli(f.to()).toString());
        root.put("fromMillis", f.from());
        root.put("toMillis", f.to());
    }

    private static void figures(ObjectNode root, Figures f) {
        ObjectNode centre = root.putObject("centre");
        centre.put("inbound", f.centre().inbound());
        centre.put("refusedBlacklist", f.centre().refusedBlacklist());
        centre.put("refusedUnknownNumber", f.centre().refusedUnknownNumber());
        centre.put("refused", f.centre().refused());
        centre.put("selfService", f.centre().selfService());
        centre.put("abandonedInIvr", f.centre().abandonedInIvr());
        centre.put("endedInIvr", f.centre().endedInIvr());
        ratio(centre, "connectionRate", f.centre().connectionRate());
        centre.set("calls", calls(f.centre().calls()));
        centre.set("offers", offers(f.centre().offers()));
        centre.set("agentTime", agentTime(f.centre().agentTime()));

        ObjectNode queues = root.putObject("queues");
        f.queues().forEach((id, q) -> queues.set(id, calls(q)));
        staff(root.putObject("groups"), f.groups());
        staff(root.putObject("agents"), f.agents());
    }

    private static ObjectNode calls(CallFigures c) {
        ObjectNode node = MAPPER.valueToTree(c);
        ratio(node, "serviceLevel", c.serviceLevel());
        ratio(node, "abandonmentRate", c.abandonmentRate());
        ratio(node, "answerRate", c.answerRate());
        node.set("answers", answers(c.answers()));
        return node;
    }

    private static ObjectNode answers(AnswerFigures a) {
        ObjectNode node = MAPPER.valueToTree(a);
        ratio(node, "asaMillis", a.asaMillis());
        ratio(node, "probabilityOfWaiting", a.probabilityOfWaiting());
        ratio(node, "averageTalkMillis", a.averageTalkMillis());
        ratio(node, "ahtMillis", a.ahtMillis());
        return node;
    }

    private static ObjectNode offers(OfferFigures o) {
        ObjectNode node = MAPPER.valueToTree(o);
        node.put("missed", o.missed());
        ratio(node, "missedRate", o.missedRate());
        return node;
    }

    private static ObjectNode agentTime(AgentTimeFigures t) {
        ObjectNode node = MAPPER.valueToTree(t);
        ratio(node, "occupancy", t.occupancy());
        ratio(node, "utilisation", t.utilisation());
        return node;
    }

    private static void staff(ObjectNode into, Map<String, StaffFigures> staff) {
        staff.forEach((id, s) -> {
            ObjectNode node = into.putObject(id);
            node.set("answers", answers(s.answers()));
            node.set("offers", offers(s.offers()));
            node.set("agentTime", agentTime(s.agentTime()));
        });
    }

    private static void ratio(ObjectNode node, String name, OptionalDouble value) {
        if (value.isPresent()) {
            node.put(name, value.getAsDouble());
        } else {
            node.putNull(name);
        }
    }
}
