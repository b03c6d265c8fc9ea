package dev.hotline.server.config.internal;

import dev.hotline.ivr.Flow;
import dev.hotline.ivr.FlowSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The business types an IVR flow's conditions read the queues' hours of ({@code queue_open['after-sales']},
 * {@code queue_holiday[after_sales_business]}), referred to as a queue node's are, so that a typo is a problem with
 * its place rather than a branch that never matches.
 */
final class QueueHoursKeys {

    /** {@code queue_open[key]} or {@code queue_holiday[key]} in a condition; group 2 is the key as written. */
    private static final Pattern QUEUE_HOURS_KEY = Pattern.compile(
            "\\bqueue_(open|holiday)\\s*\\[\\s*('[^'\\\\]*'|\"[^\"\\\\]*\"|[A-Za-z_][A-Za-z0-9_]*)\\s*]");

    private QueueHoursKeys() {
    }

    /**
     * The business types conditions look up the hours of ({@code queue_open['after-sales']},
     * {@code queue_holiday[after_sales_business]} with a constant of the flow): each must be one of numbers.yaml, as a
     * queue node's must, or the lookup finds nothing and the branch reads as not matching: callers told the line is
     * closed, or open, by a typo. Keys the flow computes (a variable) are known only when a call runs.
     */
    static void refer(FlowSet loaded, Map<String, YamlNode> trees, LoadContext ctx) {
        for (String name : loaded.names()) {
            Flow flow = loaded.flow(name).orElseThrow();
            YamlNode tree = trees.get(flow.source());
            if (tree instanceof YamlNode.MapNode map) {
                for (YamlNode.Entry entry : map.entries()) {
                    if (entry.key().equals("nodes")) {
                        refer(flow, entry.value(), List.of("nodes"), ctx);
                    }
                }
            }
        }
    }

    private static void refer(Flow flow, YamlNode node, List<String> path, LoadContext ctx) {
        switch (node) {
            case YamlNode.MapNode map -> map.entries().forEach(e -> refer(flow, e.value(),
                    append(path, e.key()), ctx));
            case YamlNode.ListNode list -> {
                for (int i = 0; i < list.items().size(); i++) {
                    // rules[1], as the other messages name an item of a list
                    List<String> item = new ArrayList<>(path);
                    item.set(item.size() - 1, item.getLast() + "[" + i + "]");
                    refer(flow, list.items().get(i), item, ctx);
                }
            }
            case YamlNode.Scalar scalar -> {
                Matcher m = QUEUE_HOURS_KEY.matcher(scalar.text());
                while (m.find()) {
                    Optional<String> type = IvrFlowFiles.named(m.group(2), flow.constants());
                    type.ifPresent(t -> ctx.ids().refer(Ids.Kind.BUSINESS_TYPE, t, new Where(
                            IvrFlowFiles.FOLDER + "/" + flow.source(), scalar.mark(), String.join(".", path))));
                }
            }
        }
    }

    private static List<String> append(List<String> path, String key) {
        List<String> longer = new ArrayList<>(path);
        longer.add(key);
        return longer;
    }
}
