package dev.hotline.ivr;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Reads config/ivr/ the way the server will: flows by file name, tables by their path under config/ivr/. */
final class ShippedFlows {
    static final Path DIRECTORY = Path.of("..", "config", "ivr");

    private ShippedFlows() {
    }

    static Map<String, String> flowTexts() {
        return texts(DIRECTORY, false);
    }

    static Map<String, String> tableTexts() {
        return texts(DIRECTORY.resolve("tables"), true);
    }

    static FlowSet load() {
        return switch (FlowLoader.load(flowTexts(), tableTexts())) {
            case FlowLoadResult.Loaded loaded -> loaded.flows();
            case FlowLoadResult.Rejected rejected -> throw new AssertionError("shipped flows rejected:\n"
                    + String.join("\n", rejected.errors().stream().map(FlowError::toString).toList()));
        };
    }

    private static Map<String, String> texts(Path directory, boolean tables) {
        Map<String, String> texts = new TreeMap<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = tables ? "tables/" + file.getFileName() : file.getFileName().toString();
                texts.put(name, Files.readString(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return texts;
    }
}
