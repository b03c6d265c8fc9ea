package dev.hotline.server.config;

import dev.hotline.server.config.ServerSettings.Secret;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the HTTP API listens and who may use it ({@code server.yaml}'s {@code api}, docs/api.md).
 *
 * @param host   the address to bind (loopback unless a centre decides otherwise)
 * @param port   the port; 0 lets the system pick one (tests)
 * @param tokens the bearer tokens that open it, each with a role
 */
public record ApiSettings(String host, int port, List<Token> tokens) {

    public ApiSettings {
        Objects.requireNonNull(host, "host");
        tokens = List.copyOf(tokens);
    }

    /** Below this a token can be guessed: a shorter one in the file is refused, one from the environment left out. */
    public static final int MIN_TOKEN_LENGTH = 16;

    /** Why a token with other characters than {@link #sendable} allows is refused (or left out). */
    public static final String NOT_SENDABLE = "a token may hold only printable ASCII characters (letters, digits, "
            + "punctuation; no spaces): an HTTP header cannot carry others as written";

    /**
     * Whether a client can send {@code token} in an {@code Authorization: Bearer} header as it is written: printable
     * ASCII without spaces (a header's bytes are not UTF-8, so 'ü' or 'т' would arrive as something else).
     */
    public static boolean sendable(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c <= ' ' || c > '~') {
                return false;
            }
        }
        return true;
    }

    /** What a token may do. */
    public enum Role {
        /** Everything. */
        ADMIN,
        /** Watch queues and agents, hang calls up, listen in. */
        SUPERVISOR,
        /** Their own work: their own event stream (offers with the screen pop, state changes); nothing else. */
        AGENT;

        /** The role as written in server.yaml: {@code supervisor}. */
        public String written() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One bearer token.
     *
     * @param name   who holds it, for the log and the errors (never the token itself)
     * @param role   what it may do
     * @param secret the token, written in the file or read from an environment variable at start
     * @param agent  the agent an {@link Role#AGENT} token belongs to; empty for the other roles
     */
    public record Token(String name, Role role, Secret secret, Optional<String> agent) {
        public Token {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(secret, "secret");
            Objects.requireNonNull(agent, "agent");
            if (agent.isPresent() != (role == Role.AGENT)) {
                throw new IllegalArgumentException("token " + name + ": an agent's token, and only one, names its agent");
            }
        }
    }
}
