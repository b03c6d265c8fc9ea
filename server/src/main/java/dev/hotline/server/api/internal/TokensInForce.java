package dev.hotline.server.api.internal;

import io.netty.channel.Channel;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The API's tokens as they stand, replaced whole when a reload changes {@code api.tokens}, and the event streams open
 * under each: a token that is withdrawn or changed ends its streams with it, so a revoked desktop stops receiving
 * screen pops at once instead of at its next reconnection.
 */
public final class TokensInForce {

    private volatile Tokens tokens;
    private final Map<Channel, Tokens.Holder> streams = new ConcurrentHashMap<>();

    public TokensInForce(Tokens tokens) {
        this.tokens = tokens;
    }

    private static final String BEARER = "Bearer ";

    /**
     * The token of an {@code Authorization} header's value, {@code Bearer <token>}; empty for another scheme. The
     * scheme's name is case-insensitive (RFC 9110 11.1): "bearer" is "Bearer".
     */
    public static Optional<String> bearerToken(String authorization) {
        return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? Optional.of(authorization.substring(BEARER.length()).trim()) : Optional.empty();
    }

    /** Whose token {@code presented} is, if anyone's, among the tokens in force. */
    public Optional<Tokens.Holder> holderOf(String presented) {
        return tokens.holderOf(presented);
    }

    /** An event stream opened under {@code holder}'s token, kept until it closes. */
    public void streamOpened(Channel channel, Tokens.Holder holder) {
        streams.put(channel, holder);
        channel.closeFuture().addListener(closed -> streams.remove(channel));
        if (!tokens.holds(holder)) {
            // replaced between the request's check and now: it ends as the others did
            channel.close();
        }
    }

    /** Puts {@code next} in force and closes the streams of tokens it no longer holds; returns how many. */
    public int replace(Tokens next) {
        tokens = next;
        int ended = 0;
        for (Map.Entry<Channel, Tokens.Holder> stream : streams.entrySet()) {
            if (!next.holds(stream.getValue())) {
                stream.getKey().close();
                ended++;
            }
        }
        return ended;
    }

    /** The tokens' names and roles, for the log. */
    public String describe() {
        return tokens.describe();
    }
}
