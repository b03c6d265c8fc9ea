package dev.hotline.server.cli;

import java.net.URISyntaxException;
import java.nio.file.Path;

/**
 * How a user runs Hotline again, for the commands the program suggests ("... report --journal DIR"): the jar it was
 * started from, as {@code java -jar} with a path from the working directory, or {@code hotline} when it runs from
 * classes (tests, an IDE) or the jar cannot be found. There is no installed {@code hotline} launcher to point to.
 */
final class ThisCommand {

    private ThisCommand() {
    }

    /** "java -jar server/target/hotline.jar", or "hotline". */
    static String invocation() {
        try {
            var source = ThisCommand.class.getProtectionDomain().getCodeSource();
            if (source == null) {
                return "hotline";
            }
            Path jar = Path.of(source.getLocation().toURI());
            if (!jar.getFileName().toString().endsWith(".jar")) {
                return "hotline";
            }
            Path here = Path.of("").toAbsolutePath();
            Path shown = jar.startsWith(here) ? here.relativize(jar) : jar;
            return "java -jar " + shown;
        } catch (URISyntaxException | RuntimeException e) {
            return "hotline";
        }
    }
}
