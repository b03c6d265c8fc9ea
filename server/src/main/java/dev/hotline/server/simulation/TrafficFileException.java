package dev.hotline.server.simulation;

import java.nio.file.Path;

/** A traffic file that cannot be read or makes no sense; the message names the file, the key and the value. */
public final class TrafficFileException extends Exception {
    private final Path file;

    public TrafficFileException(Path file, String problem) {
        super(file + ": " + problem);
        this.file = file;
    }

    public TrafficFileException(Path file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
        this.file = file;
    }

    public Path file() {
        return file;
    }
}
