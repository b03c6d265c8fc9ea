package dev.hotline.server.api.internal;

import dev.hotline.server.config.ApiSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * The bearer tokens that open the API, resolved at start and again by a reload that changes them. A presented token is compared with each in constant time
 * (a timing difference would tell an attacker how much of a guess was right).
 */
public final class Tokens {

    /** A token with its value in hand; {@code agent} is the agent an agent's token belongs to. */
    public record Holder(String name, ApiSettings.Role role, Optional<String> agent, byte[] value) {
    }

    private final List<Holder> holders;

    public Tokens(List<Holder> holders) {
        this.holders = List.copyOf(holders);
    }

    /** Whose token {@code presented} is, if anyone's. */
    public Optional<Holder> holderOf(String presented) {
        byte[] bytes = presented.getBytes(StandardCharsets.UTF_8);
        Holder found = null;
        for (Holder holder : holders) {
            // every token is compared, so the time taken does not say which one matched
            if (MessageDigest.isEqual(holder.value(), bytes) && found == null) {
                found = holder;
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether {@code holder} is one of these tokens: the same name, role, agent and value. */
    public boolean holds(Holder holder) {
        for (Holder h : holders) {
            if (h.name().equals(holder.name()) && h.role() == holder.role() && h.agent().equals(holder.agent())
                    && MessageDigest.isEqual(h.value(), holder.value())) {
                return true;
            }
        }
        return false;
    }

    /** The holders' names and roles, for the start-up log line. */
    public String describe() {
        return holders.isEmpty() ? "none" : String.join(", ", holders.stream()
                .map(h -> h.name() + " (" + h.role().written() + ")").toList());
    }
}
