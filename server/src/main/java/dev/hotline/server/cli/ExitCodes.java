package dev.hotline.server.cli;

/** The exit codes of every {@code hotline} command, as documented in {@code --help} and docs/configuration.md. */
public final class ExitCodes {
    public static final int OK = 0;
    /** The configuration has problems; each was printed to stderr. */
    public static final int INVALID_CONFIG = 1;
    /** The journal cannot be read (a damaged line, no journal files); the file and line were printed to stderr. */
    public static final int INVALID_JOURNAL = 1;
    /** Wrong command-line usage (unknown option, missing argument): picocli's own convention. */
    public static final int USAGE = 2;
    /** An unexpected exception: a bug. */
    public static final int INTERNAL_ERROR = 3;
    /** {@code reload}: the running server could not be asked (none answers, no admin token, the token refused). */
    public static final int NOT_DELIVERED = 4;
    /** {@code serve}: a listener cannot have its address (a port taken); nothing was left running. */
    public static final int CANNOT_LISTEN = 5;
    /** {@code serve}, {@code demo}: the journal cannot be opened, or its open callback requests read; nothing started. */
    public static final int CANNOT_JOURNAL = 6;

    private ExitCodes() {
    }
}
