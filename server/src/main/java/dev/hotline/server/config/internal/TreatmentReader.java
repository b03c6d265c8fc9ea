package dev.hotline.server.config.internal;

import dev.hotline.acd.model.Treatment;
import dev.hotline.server.config.internal.YamlNode.MapNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads a treatment written as a one-key map: {@code {hangup: prompt}}, {@code {overflow: queue}},
 * {@code {voicemail: mailbox}} (with an optional {@code prompt}) or {@code {ivr: flow}}.
 */
final class TreatmentReader {
    private static final List<String> KINDS = List.of("hangup", "overflow", "voicemail", "ivr");
    private static final Set<String> KEYS = Fields.known("hangup", "overflow", "voicemail", "ivr", "prompt");

    private TreatmentReader() {
    }

    /** The treatment at {@code at}; {@code queueId} is the queue it belongs to, which it may not overflow to. */
    static Optional<Treatment> read(Where at, YamlNode node, String queueId, LoadContext ctx) {
        if (!(node instanceof MapNode)) {
            ctx.problems().add(at, "expected a treatment like {hangup: prompt}, {overflow: queue}, "
                    + "{voicemail: mailbox} or {ivr: flow}, got " + node.describe());
            return Optional.empty();
        }
        Optional<Fields> fields = Fields.of(ctx.problems(), at, node, KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        List<String> given = KINDS.stream().filter(k -> f.keys().contains(k)).toList();
        if (given.isEmpty()) {
            ctx.problems().add(at, "a treatment needs one of hangup, overflow, voicemail, ivr (e.g. {hangup: hotline/closed})");
            return Optional.empty();
        }
        if (given.size() > 1) {
            ctx.problems().add(f.at(given.get(1)), "a treatment does one thing: found both " + given.get(0) + " and "
                    + given.get(1));
            return Optional.empty();
        }
        String kind = given.getFirst();
        if (f.keys().contains("prompt") && !kind.equals("voicemail")) {
            ctx.problems().add(f.at("prompt"), "prompt goes with voicemail only ({" + kind + ": ...} says it all)");
            return Optional.empty();
        }
        Optional<String> target = f.requiredText(kind);
        Optional<String> prompt = f.text("prompt");
        if (target.isEmpty() || f.keys().contains("prompt") && prompt.isEmpty()) {
            return Optional.empty();
        }
        String t = target.get();
        if (kind.equals("hangup")) {
            PromptNames.check(t, f.at(kind), ctx);
        }
        prompt.ifPresent(p -> PromptNames.check(p, f.at("prompt"), ctx));
        return switch (kind) {
            case "hangup" -> Optional.of(new Treatment.Hangup(t));
            case "overflow" -> {
                if (t.equals(queueId)) {
                    ctx.problems().add(f.at(kind), "queue '" + queueId + "' cannot overflow to itself");
                    yield Optional.empty();
                }
                ctx.ids().refer(Ids.Kind.QUEUE, t, f.at(kind));
                yield Optional.of(new Treatment.Overflow(t));
            }
            case "voicemail" -> Optional.of(new Treatment.Voicemail(t, prompt.orElse("")));
            case "ivr" -> {
                ctx.ids().refer(Ids.Kind.IVR_FLOW, t, f.at(kind));
                yield Optional.of(new Treatment.IvrFlow(t));
            }
            default -> throw new IllegalStateException("treatment kind " + kind);
        };
    }
}
