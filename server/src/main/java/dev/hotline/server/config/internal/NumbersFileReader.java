package dev.hotline.server.config.internal;

import dev.hotline.acd.model.BusinessType;
import dev.hotline.acd.model.DialPattern;
import dev.hotline.acd.model.MatchKind;
import dev.hotline.acd.model.NumberRoute;
import dev.hotline.server.config.internal.Fields.Item;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Reads {@code numbers.yaml}: the dialled-number plan and the business types the numbers lead to. */
public final class NumbersFileReader {
    private static final Set<String> FILE_KEYS = Fields.known("numbers", "businessTypes");
    private static final Set<String> NUMBER_KEYS = Fields.known("number", "match", "businessType", "ivrFlow", "label");
    private static final Set<String> BUSINESS_TYPE_KEYS = Fields.known("id", "name", "queue", "ivrFlow");

    /** What {@code numbers.yaml} holds, every entry sound (unsound ones were reported and left out). */
    public record NumbersFile(List<NumberRoute> numbers, List<BusinessType> businessTypes) {
    }

    private NumbersFileReader() {
    }

    public static NumbersFile read(Where top, YamlNode root, LoadContext ctx) {
        Optional<Fields> file = Fields.of(ctx.problems(), top, root, FILE_KEYS);
        if (file.isEmpty()) {
            return new NumbersFile(List.of(), List.of());
        }
        List<BusinessType> businessTypes = new ArrayList<>();
        for (Item item : file.get().requiredList("businessTypes", "id")) {
            businessType(item, ctx).ifPresent(businessTypes::add);
        }
        List<NumberRoute> numbers = new ArrayList<>();
        FirstSeen<String> seen = new FirstSeen<>();
        // patterns are tried in the order written: one that an earlier one covers never matches
        Map<DialPattern, Item> patterns = new LinkedHashMap<>();
        for (Item item : file.get().requiredList("numbers", "number")) {
            number(item, ctx, seen).ifPresent(route -> {
                numbers.add(route);
                if (route.kind() == MatchKind.PATTERN) {
                    DialPattern pattern = DialPattern.parse(route.number());
                    patterns.forEach((earlier, at) -> {
                        if (earlier.covers(pattern)) {
                            ctx.warnings().add(item.where(), "pattern " + route.number() + " never matches: every "
                                    + "number it matches, the earlier pattern " + earlier + " (line "
                                    + at.node().mark().line() + ") matches first; list the narrower one first");
                        }
                    });
                    patterns.putIfAbsent(pattern, item);
                }
            });
        }
        return new NumbersFile(numbers, businessTypes);
    }

    private static Optional<BusinessType> businessType(Item item, LoadContext ctx) {
        Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), BUSINESS_TYPE_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<String> id = f.requiredText("id");
        boolean unique = id.map(i -> ctx.ids().declare(Ids.Kind.BUSINESS_TYPE, i, f.at("id"), ctx.problems()))
                .orElse(false);
        Optional<String> name = f.text("name");
        Optional<String> queue = f.requiredText("queue");
        queue.ifPresent(q -> ctx.ids().refer(Ids.Kind.QUEUE, q, f.at("queue")));
        Optional<String> ivrFlow = f.text("ivrFlow");
        ivrFlow.ifPresent(flow -> ctx.ids().refer(Ids.Kind.IVR_FLOW, flow, f.at("ivrFlow")));
        if (!unique || queue.isEmpty() || f.has("name") && name.isEmpty() || f.has("ivrFlow") && ivrFlow.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new BusinessType(id.get(), name.orElse(null), queue.get(), ivrFlow));
    }

    private static Optional<NumberRoute> number(Item item, LoadContext ctx, FirstSeen<String> seen) {
        Optional<Fields> fields = Fields.of(ctx.problems(), item.where(), item.node(), NUMBER_KEYS);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Fields f = fields.get();
        Optional<MatchKind> kind = f.has("match")
                ? f.text("match").flatMap(m -> Choices.parse(MatchKind.class, m, "match", f.at("match"), ctx.problems()))
                : Optional.of(MatchKind.EXACT);
        Optional<String> number = f.requiredText("number");
        boolean sound = number.isPresent() && kind.isPresent()
                && soundNumber(number.get(), kind.get(), f.at("number"), ctx)
                // a pattern's letters match alike in either case (as in Asterisk): _40X and _40x are one pattern
                && seen.firstTime(Choices.name(kind.get()) + ":" + (kind.get() == MatchKind.PATTERN
                        ? number.get().toUpperCase(java.util.Locale.ROOT) : number.get()), f.at("number"),
                        ctx.problems(),
                        Choices.name(kind.get()) + " number '" + number.get() + "'");
        Optional<String> businessType = f.requiredText("businessType");
        businessType.ifPresent(b -> ctx.ids().refer(Ids.Kind.BUSINESS_TYPE, b, f.at("businessType")));
        Optional<String> ivrFlow = f.text("ivrFlow");
        ivrFlow.ifPresent(flow -> ctx.ids().refer(Ids.Kind.IVR_FLOW, flow, f.at("ivrFlow")));
        Optional<String> label = f.text("label");
        if (!sound || businessType.isEmpty() || f.has("ivrFlow") && ivrFlow.isEmpty()
                || f.has("label") && label.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new NumberRoute(number.get(), kind.get(), businessType.get(), ivrFlow, label.orElse("")));
    }

    /**
     * Reports a number that is not digits, or, for {@code match: pattern}, not an Asterisk pattern (the syntax is
     * acd-core's {@link DialPattern}, so the loader accepts exactly what the engine can match).
     */
    static boolean soundNumber(String number, MatchKind kind, Where at, LoadContext ctx) {
        Optional<String> problem = switch (kind) {
            case EXACT, PREFIX -> digitsProblem(number, kind);
            case PATTERN -> patternProblem(number);
        };
        problem.ifPresent(p -> ctx.problems().add(at, p));
        return problem.isEmpty();
    }

    /** The longest number or prefix: an international number is at most 15 digits, with its prefix 20 or so. */
    static final int MOST_DIGITS = 32;

    private static Optional<String> digitsProblem(String number, MatchKind kind) {
        if (number.length() > MOST_DIGITS) {
            return Optional.of((kind == MatchKind.EXACT ? "number" : "prefix") + " '" + number.substring(0, 20)
                    + "...' is " + number.length() + " characters long: a telephone number is at most " + MOST_DIGITS
                    + " digits");
        }
        for (int i = 0; i < number.length(); i++) {
            char c = number.charAt(i);
            if (c < '0' || c > '9') {
                String what = kind == MatchKind.EXACT ? "number" : "prefix";
                String hint = number.startsWith("_") ? " (an Asterisk pattern needs match: pattern)" : "";
                return Optional.of(what + " '" + number + "' must be digits only, found '" + c + "'" + hint);
            }
        }
        return Optional.empty();
    }

    private static Optional<String> patternProblem(String pattern) {
        try {
            DialPattern.parse(pattern);
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
    }
}
