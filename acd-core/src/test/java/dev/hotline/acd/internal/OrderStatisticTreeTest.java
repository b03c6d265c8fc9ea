package dev.hotline.acd.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The treap behind queue positions and ready-agent indexes agrees with a TreeSet on every operation. */
class OrderStatisticTreeTest {

    @Test
    void rankSelectAndMinimumAgreeWithASortedSetUnderRandomInsertsAndRemovals() {
        Random random = new Random(11);
        OrderStatisticTree<Long> tree = new OrderStatisticTree<>(Comparator.naturalOrder(), v -> -v);
        TreeSet<Long> reference = new TreeSet<>();
        for (int i = 0; i < 5_000; i++) {
            long v = random.nextInt(500);
            if (random.nextBoolean()) {
                if (reference.add(v)) {
                    tree.add(v);
                }
            } else {
                assertThat(tree.remove(v)).isEqualTo(reference.remove(v));
            }
            assertThat(tree.size()).isEqualTo(reference.size());
            assertThat(tree.rankOf(v)).isEqualTo(reference.headSet(v).size());
            assertThat(tree.contains(v)).isEqualTo(reference.contains(v));
            assertThat(tree.first()).isEqualTo(reference.isEmpty() ? null : reference.first());
            if (!reference.isEmpty()) {
                int k = random.nextInt(reference.size());
                assertThat(tree.get(k)).isEqualTo(new ArrayList<>(reference).get(k));
                assertThat(tree.minAux()).isEqualTo(-reference.last());
            }
            if (i % 100 == 0) {
                tree.checkStructure("tree");
            }
        }
        tree.checkStructure("tree");
        List<Long> inOrder = new ArrayList<>();
        tree.forEach(inOrder::add);
        assertThat(inOrder).containsExactlyElementsOf(reference);
    }

    @Test
    void takingTheHeadAgreesWithASortedSetAsWell() {
        // an agent takes the first waiting call of its group: the head itself, removed without comparisons
        Random random = new Random(12);
        OrderStatisticTree<Long> tree = new OrderStatisticTree<>(Comparator.naturalOrder(), v -> -v);
        TreeSet<Long> reference = new TreeSet<>();
        for (int i = 0; i < 20_000; i++) {
            if (random.nextInt(3) > 0 || reference.isEmpty()) {
                Long v = (long) random.nextInt(100_000);
                if (reference.add(v)) {
                    tree.add(v);
                }
            } else if (random.nextBoolean()) {
                assertThat(tree.remove(tree.first())).isTrue();
                reference.pollFirst();
            } else {
                Long v = new ArrayList<>(reference).get(random.nextInt(reference.size()));
                assertThat(tree.remove(v)).isTrue();
                reference.remove(v);
            }
            assertThat(tree.size()).isEqualTo(reference.size());
            assertThat(tree.first()).isEqualTo(reference.isEmpty() ? null : reference.first());
            if (!reference.isEmpty()) {
                assertThat(tree.minAux()).isEqualTo(-reference.last());
            }
            if (i % 500 == 0) {
                tree.checkStructure("tree");
                assertThat(tree.rankOf(reference.isEmpty() ? 0L : reference.last())).isEqualTo(
                        Math.max(0, reference.size() - 1));
            }
        }
        tree.checkStructure("tree");
        List<Long> inOrder = new ArrayList<>();
        tree.forEach(inOrder::add);
        assertThat(inOrder).containsExactlyElementsOf(reference);
    }

    @Test
    void anEmptyTreeHasNoFirstAndNoMinimum() {
        OrderStatisticTree<Long> tree = new OrderStatisticTree<>(Comparator.naturalOrder());

        assertThat(tree.first()).isNull();
        assertThat(tree.minAux()).isEqualTo(Long.MAX_VALUE);
        assertThat(tree.remove(1L)).isFalse();
    }
}
