package dev.hotline.ivr.internal;

import dev.cel.common.CelIssue;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.types.CelType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.compiler.CelCompiler;
import dev.cel.compiler.CelCompilerBuilder;
import dev.cel.compiler.CelCompilerFactory;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import dev.cel.runtime.CelRuntimeFactory;
import dev.hotline.ivr.FlowError;
import dev.hotline.ivr.VarType;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The expression language of flows: CEL, compiled and type-checked against the flow's declared variables when the
 * flow is loaded. CEL has no loops, no side effects and no access to the JVM, and evaluation is bounded by the size
 * of the expression, so a condition can neither hang nor harm the server.
 */
public final class Expressions {
    /** Variables every flow sees; declared variables may not reuse these names. */
    public static final Map<String, CelType> BUILT_INS = builtIns();

    private static final CelType RECORD = MapType.create(SimpleType.STRING, SimpleType.STRING);
    // The planner runtime evaluates a checked expression several times faster than the legacy interpreter.
    private static final CelRuntime RUNTIME = CelRuntimeFactory.plannerRuntimeBuilder().build();

    private final CelCompiler conditions;
    private final CelCompiler values;

    /** An environment with the built-ins, the flow's constants (strings) and its variables. */
    public Expressions(Map<String, VarType> variables, Set<String> constants) {
        // Standard macros give has(record.field), all/exists over lists; none of them can loop without bound.
        CelCompilerBuilder builder = CelCompilerFactory.standardCelCompilerBuilder()
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS);
        BUILT_INS.forEach(builder::addVar);
        constants.forEach(c -> builder.addVar(c, SimpleType.STRING));
        variables.forEach((name, type) -> builder.addVar(name, celType(type)));
        this.values = builder.setResultType(SimpleType.DYN).build();
        this.conditions = values.toCompilerBuilder().setResultType(SimpleType.BOOL).build();
    }

    private static Map<String, CelType> builtIns() {
        Map<String, CelType> builtIns = new LinkedHashMap<>();
        builtIns.put("caller", SimpleType.STRING);
        builtIns.put("caller_national", SimpleType.STRING);
        builtIns.put("dialled", SimpleType.STRING);
        builtIns.put("business", SimpleType.STRING);
        builtIns.put("vip", SimpleType.BOOL);
        builtIns.put("language", SimpleType.STRING);
        builtIns.put("now", SimpleType.TIMESTAMP);
        builtIns.put("zone", SimpleType.STRING);
        builtIns.put("holiday", SimpleType.BOOL);
        // The local time in the flow's zone, so calendar conditions read like opening hours and cost one lookup.
        builtIns.put("hour", SimpleType.INT);
        builtIns.put("minute", SimpleType.INT);
        builtIns.put("weekday", SimpleType.INT);
        // The queues' own hours, by business type (queues.yaml): queue_open[business], queue_holiday['after-sales']
        builtIns.put("queue_open", MapType.create(SimpleType.STRING, SimpleType.BOOL));
        builtIns.put("queue_holiday", MapType.create(SimpleType.STRING, SimpleType.BOOL));
        return Map.copyOf(builtIns);
    }

    public static CelType celType(VarType type) {
        return switch (type) {
            case STRING -> SimpleType.STRING;
            case INT -> SimpleType.INT;
            case DOUBLE -> SimpleType.DOUBLE;
            case BOOL -> SimpleType.BOOL;
            case RECORD -> RECORD;
        };
    }

    /** A condition: must type-check to bool. */
    public Optional<Expr> condition(String text, String what, Problems problems) {
        return compile(conditions, text, what, Set.of(), problems);
    }

    /**
     * A condition compiled on its own, outside any flow (the benchmarks measure one this way).
     *
     * @throws IllegalArgumentException naming every problem when it does not compile to a bool
     */
    public Expr condition(String text) {
        List<FlowError> errors = new ArrayList<>();
        return condition(text, "condition", new Problems("expression", errors)).orElseThrow(
                () -> new IllegalArgumentException(errors.stream().map(FlowError::message)
                        .collect(Collectors.joining("; "))));
    }

    /**
     * A value whose type must be one of {@code accepted} (empty: any type). Problems name {@code what}, e.g.
     * "value of 'rating'".
     */
    public Optional<Expr> value(String text, String what, Set<CelType> accepted, Problems problems) {
        return compile(values, text, what, accepted, problems);
    }

    /** CEL's words for a name nobody declared, in the flow's terms; its empty container said nothing. */
    private static String readable(String celMessage) {
        java.util.regex.Matcher undeclared = UNDECLARED.matcher(celMessage);
        if (undeclared.matches()) {
            return "unknown name '" + undeclared.group(1) + "': not a variable, constant or built-in of this flow or "
                    + "of a subflow it runs";
        }
        return celMessage.replace(" (in container '')", "");
    }

    private static final java.util.regex.Pattern UNDECLARED =
            java.util.regex.Pattern.compile("undeclared reference to '([^']*)' \\(in container ''\\)");

    private Optional<Expr> compile(CelCompiler compiler, String text, String what, Set<CelType> accepted,
                                   Problems problems) {
        CelValidationResult result = compiler.compile(text);
        if (result.hasError()) {
            for (CelIssue issue : result.getErrors()) {
                problems.add(what + " '" + text + "': " + readable(issue.getMessage())
                        + " (column " + (issue.getSourceLocation().getColumn() + 1) + ")");
            }
            return Optional.empty();
        }
        try {
            var ast = result.getAst();
            CelType type = ast.getResultType();
            if (!accepted.isEmpty() && accepted.stream().noneMatch(t -> t.equals(type))) {
                problems.add(what + " '" + text + "': has type " + type.name() + ", expected "
                        + accepted.stream().map(CelType::name).sorted().collect(Collectors.joining(" or ")));
                return Optional.empty();
            }
            return Optional.of(new Expr(text, type, RUNTIME.createProgram(ast)));
        } catch (CelValidationException | CelEvaluationException e) {
            problems.add(what + " '" + text + "': " + e.getMessage());
            return Optional.empty();
        }
    }
}
