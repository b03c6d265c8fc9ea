package dev.hotline.server.config.internal;

import dev.hotline.server.config.ConfigProblem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects every problem of one load, so the admin sees them all at once instead of one per run. */
public final class Problems {
    private final List<ConfigProblem> found = new ArrayList<>();

    public void add(Where where, String message) {
        found.add(new ConfigProblem(where.file(), where.mark().line(), where.mark().column(), where.path(), message));
    }

    public void add(ConfigProblem problem) {
        found.add(problem);
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /** Sorted by file in the given order, then by line and column; problems at one place keep the order found. */
    public List<ConfigProblem> sorted(List<String> fileOrder) {
        List<ConfigProblem> sorted = new ArrayList<>(found);
        sorted.sort(Comparator.<ConfigProblem>comparingInt(p -> rank(fileOrder, p.file()))
                .thenComparingInt(ConfigProblem::line)
                .thenComparingInt(ConfigProblem::column));
        return sorted;
    }

    private static int rank(List<String> fileOrder, String file) {
        int i = fileOrder.indexOf(file);
        return i < 0 ? fileOrder.size() : i;
    }
}
