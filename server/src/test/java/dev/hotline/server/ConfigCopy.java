package dev.hotline.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** A configuration directory copied for a test to change: the shipped one, usually. */
public final class ConfigCopy {

    private ConfigCopy() {
    }

    /** The shipped configuration directory ({@code hotline.config.dir}, else {@code ../config}). */
    public static Path shipped() {
        return Path.of(System.getProperty("hotline.config.dir", "../config"));
    }

    /** Copies the tree under {@code from} (files and directories) to {@code to}. */
    public static void tree(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
