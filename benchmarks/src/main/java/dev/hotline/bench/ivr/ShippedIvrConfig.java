package dev.hotline.bench.ivr;

import dev.hotline.ivr.FlowError;
import dev.hotline.ivr.FlowLoadResult;
import dev.hotline.ivr.FlowLoader;
import dev.hotline.ivr.FlowSet;
import dev.hotline.ivr.QueueHours;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The flows shipped in config/ivr/, loaded the way the server loads them, so the benchmarks measure the flows callers
 * meet and not a hand-made copy that could drift from them.
 */
final class ShippedIvrConfig {
    /** Relative to the working directory: run the benchmarks from the repository root. */
    static final Path DIRECTORY = Path.of("config", "ivr");

    private ShippedIvrConfig() {
    }

    /** The shipped queues' hours as the server gives the flows at 10:00 on a Tuesday: every line open, no holiday. */
    static final QueueHours EVERY_LINE_OPEN = new QueueHours() {
        private final Map<String, Boolean> open = Map.of("after-sales", true, "general-enquiry", true,
                "slimming-tea", true, "massage-chair", true, "knife-set", true, "skincare-set", true);
        private final Map<String, Boolean> holiday = Map.of("after-sales", false, "general-enquiry", false,
                "slimming-tea", false, "massage-chair", false, "knife-set", false, "skincare-set", false);

        @Override
        public Map<String, Boolean> openAt(java.time.Instant at) {
            return open;
        }

        @Override
        public Map<String, Boolean> holidayAt(java.time.Instant at) {
            return holiday;
        }
    };

    static FlowSet load() {
        if (!Files.isDirectory(DIRECTORY)) {
            throw new IllegalStateException("no flow directory " + DIRECTORY.toAbsolutePath()
                    + ": run the benchmarks from the repository root");
        }
        return switch (FlowLoader.load(texts(DIRECTORY, ""), texts(DIRECTORY.resolve("tables"), "tables/"))) {
            case FlowLoadResult.Loaded loaded -> loaded.flows();
            case FlowLoadResult.Rejected rejected -> throw new IllegalStateException("shipped flows rejected:\n"
                    + rejected.errors().stream().map(FlowError::toString).collect(Collectors.joining("\n")));
        };
    }

    private static Map<String, String> texts(Path directory, String prefix) {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                texts.put(prefix + file.getFileName(), Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
