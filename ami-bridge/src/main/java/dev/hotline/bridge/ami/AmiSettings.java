package dev.hotline.bridge.ami;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one Asterisk manager interface.
 *
 * @param name              the server's name in Hotline (health, logs, {@link AmiPool#actions(String)})
 * @param host              AMI host
 * @param port              AMI port (Asterisk's default is 5038)
 * @param username          manager.conf user
 * @param secret            its secret; sent only as an MD5 digest of Asterisk's challenge, never in clear
 * @param keepAliveInterval how often a Ping goes out while connected
 * @param keepAliveTimeout  how long a Ping may stay unanswered before the connection counts as half-open
 * @param reconnectMin      first wait before reconnecting; doubled after each failed attempt
 * @param reconnectMax      longest wait between attempts
 */
public record AmiSettings(String name, String host, int port, String username, String secret,
                          Duration keepAliveInterval, Duration keepAliveTimeout, Duration reconnectMin,
                          Duration reconnectMax) {

    public AmiSettings {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(secret, "secret");
        Objects.requireNonNull(keepAliveInterval, "keepAliveInterval");
        Objects.requireNonNull(keepAliveTimeout, "keepAliveTimeout");
        Objects.requireNonNull(reconnectMin, "reconnectMin");
        Objects.requireNonNull(reconnectMax, "reconnectMax");
        if (name.isBlank()) {
            throw new IllegalArgumentException("AMI server name is blank");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("AMI server '" + name + "': port " + port + " is not in 1..65535");
        }
        if (!keepAliveInterval.isPositive() || !keepAliveTimeout.isPositive()) {
            throw new IllegalArgumentException("AMI server '" + name + "': keep-alive interval " + keepAliveInterval
                    + " and timeout " + keepAliveTimeout + " must be positive");
        }
        if (!reconnectMin.isPositive() || reconnectMax.compareTo(reconnectMin) < 0) {
            throw new IllegalArgumentException("AMI server '" + name + "': reconnect back-off min " + reconnectMin
                    + " must be positive and not above max " + reconnectMax);
        }
    }

    /** Settings with Hotline's defaults: Ping every 15 s, 5 s to answer, reconnect after 1 s doubling to 30 s. */
    public static AmiSettings of(String name, String host, int port, String username, String secret) {
        return new AmiSettings(name, host, port, username, secret, Duration.ofSeconds(15), Duration.ofSeconds(5),
                Duration.ofSeconds(1), Duration.ofSeconds(30));
    }

    /** {@code host:port}, as messages name the server. */
    public String address() {
        return host + ":" + port;
    }

    @Override
    public String toString() {
        // the secret never reaches a log line
        return "AmiSettings[" + name + " " + username + "@" + address() + "]";
    }
}
