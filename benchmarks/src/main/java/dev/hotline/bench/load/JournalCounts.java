package dev.hotline.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code call-ended} records of a journal directory (one JSON object per line, docs/journal.md): per call id, the
 * outcomes recorded, so that a call ended twice or never shows.
 */
final class JournalCounts {

    private static final Pattern CALL_ENDED = Pattern.compile(
            "\"type\":\"call-ended\".*\"callId\":\"([^\"]*)\",\"outcome\":\"([A-Z_]+)\"");

    private JournalCounts() {
    }

    static Map<String, List<String>> outcomesByCall(Path journal) throws IOException {
        Map<String, List<String>> outcomes = new HashMap<>();
        List<Path> files;
        try (Stream<Path> list = Files.list(journal)) {
            files = list.sorted().toList();
        }
        for (Path file : files) {
            for (String line : Files.readAllLines(file)) {
                if (line.contains("\"type\":\"call-ended\"")) {
                    Matcher record = CALL_ENDED.matcher(line);
                    if (!record.find()) {
                        throw new IllegalStateException(file + ": a call-ended record without callId and outcome: "
                                + line);
                    }
                    outcomes.computeIfAbsent(record.group(1), id -> new ArrayList<>()).add(record.group(2));
                }
            }
        }
        return outcomes;
    }
}
