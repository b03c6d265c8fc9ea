package dev.hotline.server.config.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Why a path where a configuration file (or the folder of IVR flows) is expected cannot be read as one: a link whose
 * target is gone (deployed as a link to a release directory or a ConfigMap), a directory, or a pipe or device, which
 * would be read for ever or as nothing. Said instead of what would follow from the file's absence ("unknown IVR flow",
 * "no VIPs"), which sends an admin looking in the wrong file.
 */
public final class FileKind {

    private FileKind() {
    }

    /** Why {@code path}, which exists or is a link, is not a regular file; empty when it is one. */
    public static Optional<String> notAFile(Path path) {
        return dangling(path).or(() -> Files.isDirectory(path) ? Optional.of("is a directory, not a file")
                : Files.isRegularFile(path) ? Optional.empty()
                : Optional.of("is not a regular file (a pipe, socket or device): give the file itself"));
    }

    /** Why {@code path}, which exists or is a link, is not a directory; empty when it is one. */
    public static Optional<String> notAFolder(Path path) {
        return dangling(path).or(() -> Files.isDirectory(path) ? Optional.empty()
                : Optional.of("is a file, not a folder"));
    }

    /** A link whose target does not exist, or that leads round to itself. */
    private static Optional<String> dangling(Path path) {
        if (Files.exists(path) || !Files.isSymbolicLink(path)) {
            return Optional.empty();
        }
        try {
            Path target = path.resolveSibling(Files.readSymbolicLink(path));
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                // the target is there, itself a link that never reaches a file
                return Optional.of("is a link to " + target(path) + ", a chain of links that leads round in a loop");
            }
        } catch (IOException e) {
            // said as a link to nothing below
        }
        return Optional.of("is a link to " + target(path) + ", which does not exist");
    }

    private static String target(Path link) {
        try {
            return Files.readSymbolicLink(link).toString();
        } catch (IOException e) {
            return "a path that cannot be read (" + e.getMessage() + ")";
        }
    }
}
