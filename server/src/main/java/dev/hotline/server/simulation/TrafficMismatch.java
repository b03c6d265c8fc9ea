package dev.hotline.server.simulation;

/**
 * A traffic file that is sound on its own but does not fit the configuration (a business type it lacks, VIP callers
 * with no VIP list). The message is {@code <key path>: <reason>}; {@link TrafficFile#problemAt} finds the line.
 */
public final class TrafficMismatch extends IllegalArgumentException {
    private final String path;
    private final String reason;

    TrafficMismatch(String path, String reason) {
        super(path + ": " + reason);
        this.path = path;
        this.reason = reason;
    }

    /** The traffic file's key it is about, e.g. {@code businessTypes.tea.vipShare}. */
    public String path() {
        return path;
    }

    /** What is wrong with it. */
    public String reason() {
        return reason;
    }
}
