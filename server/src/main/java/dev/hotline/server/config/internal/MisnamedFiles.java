package dev.hotline.server.config.internal;

import dev.hotline.server.config.ConfigProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds YAML files in the configuration directory named almost like a configuration file ({@code vip.yaml},
 * {@code blacklist.yml}, {@code center.yaml}), or kept copies of one that is missing ({@code blacklist.yaml.bak}):
 * read by nobody, they would leave a blacklist or a VIP directory out without a word. Other YAML files (traffic
 * profiles) are left alone, and so are copies kept beside the file they copy.
 */
public final class MisnamedFiles {

    private MisnamedFiles() {
    }

    /** A problem for each file of {@code dir} that is {@code known} misspelt. */
    public static void check(Path dir, List<String> known, Problems problems) {
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            return; // each known file reports its own trouble
        }
        List<String> present = files.stream().map(f -> f.getFileName().toString()).toList();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (known.contains(name)) {
                continue;
            }
            Optional<String> copied = copyOf(name, known).filter(original -> !present.contains(original));
            if (copied.isPresent()) {
                problems.add(new ConfigProblem(name, 0, 0, "", "not read: a copy of " + copied.get() + ", which is "
                        + "missing, so what it holds is not in force (a blacklist or VIPs left out without a word): "
                        + "rename it back to " + copied.get() + ", or move it out of the configuration directory"));
                continue;
            }
            meant(name, known).ifPresent(meant -> problems.add(new ConfigProblem(name, 0, 0, "",
                    "not read: did you mean " + meant + "? Configuration files have fixed names (rename it, or move "
                            + "it out of the configuration directory)")));
        }
    }

    /** The configuration file {@code name} is a kept copy of ({@code blacklist.yaml.bak}, {@code vips.yaml~}). */
    static Optional<String> copyOf(String name, List<String> known) {
        for (String file : known) {
            if (name.startsWith(file) && name.length() > file.length()
                    && name.substring(file.length()).matches("~|[.~_-][A-Za-z0-9_-]*~?")) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** The configuration file {@code name} looks like a misspelling of, if any. */
    static Optional<String> meant(String name, List<String> known) {
        String lower = name.toLowerCase(Locale.ROOT);
        int dot = lower.lastIndexOf('.');
        if (dot < 0 || !(lower.endsWith(".yaml") || lower.endsWith(".yml"))) {
            return Optional.empty();
        }
        String stem = lower.substring(0, dot);
        for (String file : known) {
            String knownStem = file.substring(0, file.lastIndexOf('.'));
            if (distance(stem, knownStem) <= 1) {
                return Optional.of(file);
            }
        }
        return Optional.empty();
    }

    /** Edits (insert, delete, change, swap two neighbours) that turn {@code a} into {@code b}. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int change = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + change);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
