package dev.hotline.acd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The engine's calls by id find each call the centre holds, and only those, as a map would. */
class CallTableTest {

    private long seq;

    @Test
    void findsACallByAnEqualIdStringNotOnlyByTheSameOne() {
        CallTable table = new CallTable();
        Call call = call("1700000000.42");
        table.add(call);
        assertThat(table.get(new String("1700000000.42".toCharArray()))).isSameAs(call);
        assertThat(table.get("1700000000.43")).isNull();
    }

    @Test
    void callsWhoseIdsShareAHashAreFoundAndRemovedApart() {
        // "Aa" and "BB" have the same String.hashCode, so these ids all land in one slot
        CallTable table = new CallTable();
        Call a = call("AaAa");
        Call b = call("AaBB");
        Call c = call("BBAa");
        table.add(a);
        table.add(b);
        table.add(c);
        assertThat(table.get("AaBB")).isSameAs(b);
        table.remove(b);
        assertThat(table.get("AaBB")).isNull();
        assertThat(table.get("AaAa")).isSameAs(a);
        assertThat(table.get("BBAa")).isSameAs(c);
        table.remove(b);
        assertThat(table.size()).isEqualTo(2);
    }

    @Test
    void agreesWithAMapThroughRandomArrivalsAndEndsAcrossGrowth() {
        CallTable table = new CallTable();
        Map<String, Call> expected = new HashMap<>();
        List<String> ids = new ArrayList<>();
        Random random = new Random(5);
        for (int step = 0; step < 200_000; step++) {
            // the table grows to several thousand calls, then mostly drains, then fills again
            boolean arrive = random.nextInt(100) < (step / 20_000 % 2 == 0 ? 70 : 30);
            if (arrive || ids.isEmpty()) {
                String id = "1700000000." + step;
                Call call = call(id);
                table.add(call);
                expected.put(id, call);
                ids.add(id);
            } else {
                String id = ids.remove(random.nextInt(ids.size()));
                table.remove(expected.remove(id));
            }
            String probe = "1700000000." + random.nextInt(step + 1);
            assertThat(table.get(probe)).as("call %s at step %d", probe, step).isSameAs(expected.get(probe));
        }
        assertThat(table.size()).isEqualTo(expected.size());
        assertThat(table.all()).containsExactlyInAnyOrderElementsOf(expected.values());
    }

    private Call call(String id) {
        return new Call(id, "1001", "4008001001", ++seq, null, "sales");
    }
}
