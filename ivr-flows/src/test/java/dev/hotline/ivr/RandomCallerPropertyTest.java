package dev.hotline.ivr;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Property: whatever a caller presses (random keys, silence, hang-ups at any moment) and however the lookups answer
 * (records, nothing, garbage, failures), the interpreter never throws and every session ends in a hang-up, a queue
 * transfer or a completed self-service within the flow's step bound.
 */
class RandomCallerPropertyTest {
    private static final FlowSet FLOWS = ShippedFlows.load();
    private static final List<String> ENTRY_FLOWS = List.of("tv-shopping", "phone-banking", "timetable",
            "satisfaction-survey");
    private static final String KEYS = "0123456789*#";

    static Stream<Long> seeds() {
        return IntStream.range(0, 60).mapToObj(i -> 7919L * i + 13);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void randomCallersAlwaysEndWithinTheStepBound(long seed) {
        Random random = new Random(seed);
        FlowInterpreter interpreter = new FlowInterpreter(FLOWS, new NodeStatistics());
        for (String flow : ENTRY_FLOWS) {
            // Any moment of a year: open hours, nights, Sundays and holidays.
            Instant now = Instant.parse("2025-01-01T00:00:00Z").plusSeconds(random.nextLong(365L * 24 * 3600));
            CallContext call = new CallContext(random.nextBoolean() ? "13800138111" : randomKeys(random, 11),
                    "4008001234", "sales-tea", random.nextBoolean(), random.nextBoolean() ? "zh" : "en");
            int bound = FLOWS.flow(flow).orElseThrow().maxSteps() + 1;
            Step step = interpreter.start(flow, call, now);
            int steps = 0;
            while (!step.state().finished()) {
                if (++steps > bound) {
                    fail("seed " + seed + ": flow " + flow + " still running after " + bound + " steps at node "
                            + step.state().node());
                }
                now = now.plus(Duration.ofMillis(random.nextInt(10_000)));
                step = interpreter.step(step.state(), answer(step.action(), random), now);
            }
            assertThat(step.action()).isInstanceOfAny(Action.Hangup.class, Action.TransferToQueue.class,
                    Action.Finished.class);
            assertThat(step.state().outcome()).isPresent();
        }
    }

    /** What a random caller (and a random back-end) answers to an action. */
    private static Input answer(Action action, Random random) {
        if (random.nextInt(100) < 2) {
            return Input.HANG_UP;
        }
        return switch (action) {
            case Action.Play p -> random.nextInt(4) == 0 ? Input.digits(randomKeys(random, 1)) : Input.DONE;
            case Action.SayNumber s -> Input.DONE;
            case Action.SayDigits s -> Input.DONE;
            case Action.SayDateTime s -> Input.DONE;
            case Action.Collect c -> random.nextInt(5) == 0 ? Input.TIMEOUT
                    : Input.digits(randomKeys(random, 1 + random.nextInt(c.maxDigits() + 1)));
            case Action.Lookup l -> switch (random.nextInt(4)) {
                case 0 -> new Input.LookupFailed("timed out");
                case 1 -> new Input.LookupResult(Map.of());
                default -> new Input.LookupResult(randomRecord(random));
            };
            case Action.SetLanguage s -> Input.DONE;
            case Action.RecordMessage r -> Input.DONE;
            case Action.RequestCallback r -> Input.DONE;
            case Action.TransferToQueue t -> throw new AssertionError("session over after " + t);
            case Action.Hangup h -> throw new AssertionError("session over after " + h);
            case Action.Finished f -> throw new AssertionError("session over after " + f);
        };
    }

    private static Map<String, String> randomRecord(Random random) {
        Map<String, String> record = new HashMap<>();
        if (random.nextBoolean()) {
            record.put("name", "Li Wei");
        }
        if (random.nextBoolean()) {
            record.put("balance", random.nextBoolean() ? String.valueOf(random.nextInt(1_000_000) / 100.0) : "n/a");
        }
        if (random.nextBoolean()) {
            record.put("departs", random.nextBoolean() ? "2025-03-04T08:05:00+08:00" : "soon");
        }
        if (random.nextBoolean()) {
            record.put("fare", String.valueOf(random.nextInt(200_000) / 100.0));
        }
        return record;
    }

    private static String randomKeys(Random random, int length) {
        StringBuilder keys = new StringBuilder();
        for (int i = 0; i < length; i++) {
            keys.append(KEYS.charAt(random.nextInt(KEYS.length())));
        }
        return keys.toString();
    }
}
