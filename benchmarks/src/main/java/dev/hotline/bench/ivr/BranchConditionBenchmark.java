package dev.hotline.bench.ivr;

import dev.hotline.ivr.CallContext;
import dev.hotline.ivr.Flow;
import dev.hotline.ivr.FlowSet;
import dev.hotline.ivr.Node;
import dev.hotline.ivr.VarType;
import dev.hotline.ivr.internal.Expr;
import dev.hotline.ivr.internal.Expressions;
import dev.hotline.ivr.internal.SessionVariables;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The time one branch condition takes to evaluate, the way the interpreter evaluates it at a branch node: the
 * compiled CEL program run against a fresh {@link SessionVariables} view of the session. The conditions are taken
 * from the shipped flows' text and compiled in those flows' environments.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class BranchConditionBenchmark {
    /** Tuesday 3 March 2026, 10:00 in Shanghai. */
    private static final Instant NOW = Instant.parse("2026-03-03T02:00:00Z");
    private static final CallContext CALL = new CallContext("13800138000", "4008008888", "after-sales", false, "zh");

    /** The welcome flow's condition before the built-ins hour and weekday existed, on CEL's timestamp functions. */
    private static final String GET_HOURS_CONDITION =
            "now.getDayOfWeek(zone) == 0 || now.getHours(zone) < 8 || now.getHours(zone) >= 22";

    private Flow welcome;
    private Expr salesHours;
    private Expr afterSalesHours;
    private Expr holiday;
    private Expr getHoursCondition;
    private Map<String, Object> welcomeVariables;

    private Flow banking;
    private Expr pinTries;
    private Map<String, Object> bankingVariables;

    private Flow tvShopping;
    private Expr orderShipped;
    private Map<String, Object> tvShoppingVariables;

    @Setup
    public void compileTheShippedConditions() {
        FlowSet flows = ShippedIvrConfig.load();
        welcome = flows.flow("welcome").orElseThrow();
        salesHours = condition(welcome, welcome.variables(), "sales-hours", 0);
        holiday = condition(welcome, welcome.variables(), "check-hours", 2);
        Node.SetVariables openFlag = (Node.SetVariables) welcome.nodes().get("after-sales-hours");
        afterSalesHours = new Expressions(welcome.variables(), welcome.constants().keySet())
                .condition(openFlag.assignments().get("after_sales_open"));
        getHoursCondition = new Expressions(welcome.variables(), welcome.constants().keySet())
                .condition(GET_HOURS_CONDITION);
        welcomeVariables = Map.of("after_sales_open", true);
        banking = flows.flow("phone-banking").orElseThrow();
        pinTries = condition(banking, banking.variables(), "too-many-tries", 0);
        bankingVariables = Map.of("pin_tries", 2L, "account_number", "6222020200112233445", "pin", "123456");
        tvShopping = flows.flow("tv-shopping").orElseThrow();
        // The lookup node's "into: order" declares the record; the flow's variables section is only for the others.
        orderShipped = condition(tvShopping, Map.of("order", VarType.RECORD), "tell-status", 0);
        tvShoppingVariables = Map.of("order", Map.of("phone", "13800138000", "status", "delivered"),
                "order_phone", "");
    }

    /** Rule {@code rule} (from 0) of a branch node, compiled against the flow's constants and these variables. */
    private static Expr condition(Flow flow, Map<String, VarType> variables, String node, int rule) {
        Node.Branch branch = (Node.Branch) flow.nodes().get(node);
        String text = branch.rules().get(rule).when();
        return new Expressions(variables, flow.constants().keySet()).condition(text);
    }

    private static SessionVariables session(Flow flow, Map<String, Object> variables) {
        return new SessionVariables(CALL, "zh", NOW, flow.calendar(), flow.constants(), variables,
                ShippedIvrConfig.EVERY_LINE_OPEN);
    }

    /** The welcome flow's sales hours, {@code business in queue_open && !queue_open[business]}: the queue's own. */
    @Benchmark
    public boolean calendarSalesHours() {
        return salesHours.test(session(welcome, welcomeVariables));
    }

    /** The welcome flow's after-sales hours, {@code queue_open[after_sales_business]} (its set node's value). */
    @Benchmark
    public boolean calendarAfterSalesHours() {
        return afterSalesHours.test(session(welcome, welcomeVariables));
    }

    /** The same kind of condition written with CEL's timestamp functions, each converting to the zone itself. */
    @Benchmark
    public boolean calendarWithTimestampFunctions() {
        return getHoursCondition.test(session(welcome, welcomeVariables));
    }

    /** The welcome flow's holiday test, {@code queue_holiday[after_sales_business]}. */
    @Benchmark
    public boolean calendarHoliday() {
        return holiday.test(session(welcome, welcomeVariables));
    }

    /** Phone banking's {@code pin_tries >= 3}: one int variable against a constant. */
    @Benchmark
    public boolean variableComparison() {
        return pinTries.test(session(banking, bankingVariables));
    }

    /** TV shopping's {@code order.status == 'shipped'}: a field of a looked-up record against a text. */
    @Benchmark
    public boolean recordFieldComparison() {
        return orderShipped.test(session(tvShopping, tvShoppingVariables));
    }
}
