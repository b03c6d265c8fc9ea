package dev.hotline.server.journal.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The journal's file names: {@code journal-2026-11-23-001.jsonl}, the day in the centre's zone and a sequence number
 * within the day. Files are ordered by day, then by number (not by name: the 1000th file of a day sorts after the
 * 999th).
 */
public final class JournalFiles {
    private static final Pattern NAME = Pattern.compile("journal-(\\d{4}-\\d{2}-\\d{2})-(\\d{3,})\\.jsonl");

    private JournalFiles() {
    }

    /** A journal file's place in the order. */
    public record FileId(LocalDate day, int sequence, Path path) {
    }

    public static String name(LocalDate day, int sequence) {
        return String.format("journal-%s-%03d.jsonl", day, sequence);
    }

    /** Which journal file {@code path} is; empty for a file that is not one (it is left alone). */
    public static Optional<FileId> parse(Path path) {
        Matcher m = NAME.matcher(path.getFileName().toString());
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new FileId(LocalDate.parse(m.group(1)), Integer.parseInt(m.group(2)), path));
        } catch (DateTimeParseException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The journal files of {@code dir}, oldest first. */
    public static List<FileId> list(Path dir) throws IOException {
        return named(dir).stream().filter(f -> Files.isRegularFile(f.path())).toList();
    }

    /** Entries of {@code dir} with a journal file's name that are not files (a directory): never read, said. */
    public static List<Path> notFiles(Path dir) throws IOException {
        return named(dir).stream().map(FileId::path).filter(path -> !Files.isRegularFile(path)).toList();
    }

    /**
     * The number the next file of {@code day} gets: one more than the highest name there is (a directory of that name
     * too, which a new file could not take), 1 for the first.
     */
    public static int nextSequence(Path dir, LocalDate day) throws IOException {
        return named(dir).stream().filter(f -> f.day().equals(day)).mapToInt(FileId::sequence).max().orElse(0) + 1;
    }

    /** Every entry of {@code dir} with a journal file's name, oldest first. */
    private static List<FileId> named(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(JournalFiles::parse).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(FileId::day).thenComparingInt(FileId::sequence))
                    .toList();
        }
    }
}
