package dev.hotline.bridge.agi.server;

import java.time.Duration;
import java.util.Objects;

/**
 * Where the FastAGI server listens and the limits that protect it. A breach of any limit closes only the session
 * that broke it, with a log line.
 *
 * @param host                the address to bind, {@code 127.0.0.1} unless Asterisk runs on another machine
 * @param port                the TCP port, 4573 by convention; 0 picks a free port
 * @param maxLineLength       the longest line Asterisk may send, in bytes without the LF
 * @param maxEnvironmentLines the most {@code agi_*} lines in the environment block
 * @param environmentTimeout  how long a new connection may take to send its whole environment
 * @param idleTimeout         how long a session may pass with no byte in either direction; callers on hold and
 *                            bridged calls are silent on the wire for as long as they last, so this is long
 * @param maxSessions         the most sessions open at once; connections beyond are closed at once
 */
public record FastAgiSettings(
        String host,
        int port,
        int maxLineLength,
        int maxEnvironmentLines,
        Duration environmentTimeout,
        Duration idleTimeout,
        int maxSessions) {

    public FastAgiSettings {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(environmentTimeout, "environmentTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("FastAGI port must be 0 to 65535: " + port);
        }
        if (maxLineLength < 64) {
            throw new IllegalArgumentException("FastAGI maxLineLength must be at least 64 bytes: " + maxLineLength);
        }
        if (maxEnvironmentLines < 1) {
            throw new IllegalArgumentException("FastAGI maxEnvironmentLines must be at least 1: " + maxEnvironmentLines);
        }
        if (!environmentTimeout.isPositive()) {
            throw new IllegalArgumentException("FastAGI environmentTimeout must be positive: " + environmentTimeout);
        }
        if (!idleTimeout.isPositive()) {
            throw new IllegalArgumentException("FastAGI idleTimeout must be positive: " + idleTimeout);
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("FastAGI maxSessions must be at least 1: " + maxSessions);
        }
    }

    /**
     * 127.0.0.1:4573; lines up to 8 KiB (Asterisk's longest usage line is under 1 KiB); 128 environment lines (22
     * standard ones plus the AGI() arguments); 10 s to send the environment; 4 h idle; 10,000 sessions.
     */
    public static FastAgiSettings defaults() {
        return new FastAgiSettings("127.0.0.1", 4573, 8192, 128, Duration.ofSeconds(10), Duration.ofHours(4), 10_000);
    }

    /** These limits on {@code newHost}:{@code newPort}. */
    public FastAgiSettings withAddress(String newHost, int newPort) {
        return new FastAgiSettings(newHost, newPort, maxLineLength, maxEnvironmentLines, environmentTimeout,
                idleTimeout, maxSessions);
    }

    public FastAgiSettings withPort(int newPort) {
        return withAddress(host, newPort);
    }

    public FastAgiSettings withMaxSessions(int newMaxSessions) {
        return new FastAgiSettings(host, port, maxLineLength, maxEnvironmentLines, environmentTimeout, idleTimeout,
                newMaxSessions);
    }
}
