package dev.hotline.server.api.internal;

import io.netty.channel.Channel;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.SequencedSet;
import java.util.Set;

/**
 * The API's open connections, up to a limit, told apart by whether they have shown a good token. When the limit is
 * reached a new connection pushes out the oldest one that has not (one that connected and said nothing, or only asked
 * without a token), so clients without a token cannot keep the agents and supervisors who have one out by holding
 * every connection open; only when every connection has shown a token is the new one refused.
 *
 * <p>Touched on the API's one event-loop thread only (connections open, close and are read there).
 */
public final class OpenConnections {
    private final int limit;
    /** Every connection counted as open. */
    private final Set<Channel> counted = new HashSet<>();
    /** The connections that have not shown a good token yet, oldest first. */
    private final SequencedSet<Channel> withoutToken = new LinkedHashSet<>();

    public OpenConnections(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1: " + limit);
        }
        this.limit = limit;
    }

    /** What to do with a connection just accepted. */
    public sealed interface Admission {
        /** Kept; {@code pushedOut} is the connection without a token it replaces, to be closed. */
        record Kept(Optional<Channel> pushedOut) implements Admission {
        }

        /** Every connection open has shown a token: the new one is closed. */
        record Refused() implements Admission {
        }
    }

    /** A new connection; it counts as without a token until {@link #tokenShown}. */
    public Admission admit(Channel channel) {
        Optional<Channel> pushedOut = Optional.empty();
        if (counted.size() >= limit) {
            if (withoutToken.isEmpty()) {
                return new Admission.Refused();
            }
            Channel oldest = withoutToken.removeFirst();
            counted.remove(oldest);
            pushedOut = Optional.of(oldest);
        }
        counted.add(channel);
        withoutToken.add(channel);
        return new Admission.Kept(pushedOut);
    }

    /** A request on {@code channel} carried a good token: it is no longer pushed out by newcomers. */
    public void tokenShown(Channel channel) {
        withoutToken.remove(channel);
    }

    /** {@code channel} closed (a connection refused or pushed out was counted off already). */
    public void closed(Channel channel) {
        if (counted.remove(channel)) {
            withoutToken.remove(channel);
        }
    }

    /** Connections counted as open. */
    public int open() {
        return counted.size();
    }
}
