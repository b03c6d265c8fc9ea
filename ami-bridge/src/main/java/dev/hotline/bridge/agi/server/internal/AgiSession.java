package dev.hotline.bridge.agi.server.internal;

import dev.hotline.bridge.agi.AgiCommand;
import dev.hotline.bridge.agi.AgiEnvironment;
import dev.hotline.bridge.agi.AgiHangup;
import dev.hotline.bridge.agi.AgiReply;
import dev.hotline.bridge.agi.server.AgiChannel;
import dev.hotline.bridge.agi.codec.WireText;
import dev.hotline.bridge.agi.server.AgiChannelClosedException;
import dev.hotline.bridge.agi.server.AgiScript;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import java.io.IOException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One FastAGI session: starts the {@link AgiScript} when the environment has arrived, keeps one command on the wire
 * at a time, matches replies to commands and turns {@code HANGUP} into the hang-up callback. All state is touched on
 * the channel's event loop only; calls from other threads are handed to it.
 */
public final class AgiSession extends ChannelInboundHandlerAdapter implements AgiChannel {

    /** After Hotline half-closes, Asterisk sends HANGUP and closes at once; this bounds a peer that does not. */
    static final Duration CLOSE_GRACE = Duration.ofSeconds(5);

    private static final Logger LOG = LoggerFactory.getLogger(AgiSession.class);

    private final AgiScript script;
    private final Duration environmentTimeout;
    private final Duration idleTimeout;
    private final Deque<Pending> queued = new ArrayDeque<>();
    private final List<Runnable> hangupListeners = new ArrayList<>();
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> environmentDeadline;
    /** Bounds the wait for Asterisk's close after Hotline's half-close; cancelled when the connection goes. */
    private ScheduledFuture<?> closeGrace;
    private String name = "(not connected)";
    private Pending onWire;
    private boolean started;
    private boolean hungUp;
    private boolean closing;
    private boolean closed;
    /** Hotline closed the connection and logged why; a close by the peer is logged when the channel goes. */
    private boolean closedHere;
    /** Why Hotline cut a running session short (a protocol error, no reply), for the call's record. */
    private volatile String cutShort;
    /** Fires when the command on the wire has not been answered in the time Asterisk takes at most. */
    private ScheduledFuture<?> replyDeadline;

    private record Pending(AgiCommand command, CompletableFuture<AgiReply> reply) {
    }

    public AgiSession(AgiScript script, Duration environmentTimeout, Duration idleTimeout) {
        this.script = script;
        this.environmentTimeout = environmentTimeout;
        this.idleTimeout = idleTimeout;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
        name = "from " + ctx.channel().remoteAddress();
        environmentDeadline = ctx.executor().schedule(() -> {
            LOG.warn("FastAGI session {} closed: no complete environment within {} (limit {})", name,
                    environmentTimeout, environmentTimeout);
            closeHere();
        }, environmentTimeout.toNanos(), TimeUnit.NANOSECONDS);
        ctx.fireChannelActive();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        switch (message) {
            case AgiEnvironment environment -> start(environment);
            case AgiHangup hangup -> hangUp("HANGUP from Asterisk");
            case AgiReply.Trying trying -> LOG.debug("FastAGI session {}: 100 Trying for '{}'", name, commandOnWire());
            case AgiReply reply -> reply(reply);
            default -> ctx.fireChannelRead(message);
        }
    }

    private void start(AgiEnvironment environment) {
        if (environmentDeadline != null) {
            environmentDeadline.cancel(false);
            environmentDeadline = null; // a waiting caller's session lives for hours; the spent timer need not
        }
        started = true;
        name = WireText.visible(environment.channel()) + " (" + WireText.visible(environment.uniqueId()) + ")";
        LOG.debug("FastAGI session {} started: script {}", name, environment.networkScript());
        try {
            script.onStart(this, environment);
        } catch (RuntimeException e) {
            LOG.error("FastAGI session {} closed: the script failed to start", name, e);
            close();
        }
    }

    private void reply(AgiReply reply) {
        if (onWire == null) {
            LOG.warn("FastAGI session {} closed: reply {} with no command pending", name,
                    WireText.visible(reply.toString()));
            cutShort("Asterisk sent reply " + WireText.visible(reply.toString()) + " with no command pending");
            return;
        }
        Pending answered = onWire;
        onWire = null;
        cancelReplyDeadline();
        answered.reply().complete(reply);
        if (closing && onWire == null) {
            shutdownOutput();
        } else {
            writeNext();
        }
    }

    private void hangUp(String why) {
        if (hungUp) {
            LOG.debug("FastAGI session {}: {} after the hang-up", name, why);
            return;
        }
        hungUp = true;
        LOG.debug("FastAGI session {}: caller hung up ({})", name, why);
        List<Runnable> listeners = List.copyOf(hangupListeners);
        hangupListeners.clear();
        listeners.forEach(this::runListener);
    }

    private void runListener(Runnable listener) {
        try {
            listener.run();
        } catch (RuntimeException e) {
            LOG.error("FastAGI session {}: a hang-up listener failed", name, e);
        }
    }

    @Override
    public CompletionStage<AgiReply> send(AgiCommand command) {
        CompletableFuture<AgiReply> reply = new CompletableFuture<>();
        onEventLoop(() -> {
            if (closed || closing) {
                reply.completeExceptionally(new AgiChannelClosedException(
                        "FastAGI session " + name + " is closed; '" + command + "' was not sent"));
            } else {
                queued.add(new Pending(command, reply));
                writeNext();
            }
        }, () -> reply.completeExceptionally(new AgiChannelClosedException(
                "FastAGI session " + name + " ended with the server; '" + command + "' was not sent")));
        return reply.minimalCompletionStage();
    }

    @Override
    public void onHangup(Runnable listener) {
        onEventLoop(() -> {
            if (hungUp) {
                runListener(listener);
            } else {
                hangupListeners.add(listener);
            }
        });
    }

    @Override
    public void close() {
        onEventLoop(() -> {
            if (closing || closed) {
                return;
            }
            closing = true;
            failAll(command -> "FastAGI session " + name + " was closed by Hotline before '" + command + "' was sent");
            if (onWire == null) {
                shutdownOutput();
            }
        });
    }

    private void writeNext() {
        if (onWire != null || closed || queued.isEmpty()) {
            return;
        }
        onWire = queued.poll();
        ctx.writeAndFlush(onWire.command()).addListener(ChannelFutureListener.FIRE_EXCEPTION_ON_FAILURE);
        AgiCommand sent = onWire.command();
        sent.replyExpectedWithin().ifPresent(within -> replyDeadline = ctx.executor().schedule(() -> {
            if (onWire != null && onWire.command() == sent && !closed) {
                String why = "Asterisk did not answer '" + sent + "' within " + within + " (stalled, or the "
                        + "connection is cut)";
                LOG.warn("FastAGI session {} closed: {}; the call goes back to Asterisk's dialplan", name, why);
                cutShort(why);
            }
        }, within.toNanos(), TimeUnit.NANOSECONDS));
    }

    private void cancelReplyDeadline() {
        if (replyDeadline != null) {
            replyDeadline.cancel(false);
            replyDeadline = null;
        }
    }

    /** Closes a session Asterisk broke or abandoned; the call's record says so rather than "caller hung up". */
    private void cutShort(String why) {
        if (!hungUp && started && cutShort == null) {
            cutShort = why;
        }
        closeHere();
    }

    @Override
    public void abandon(String why) {
        onEventLoop(() -> {
            if (!closed) {
                cutShort(why);
            }
        });
    }

    @Override
    public Optional<String> endedWithoutHangUp() {
        return Optional.ofNullable(cutShort);
    }

    /** Half-close like the captured sessions: Asterisk answers with HANGUP and closes its side. */
    private void shutdownOutput() {
        if (ctx.channel() instanceof DuplexChannel duplex && duplex.isActive()) {
            duplex.shutdownOutput();
            closeGrace = ctx.executor().schedule(() -> {
                if (ctx.channel().isActive()) {
                    LOG.info("FastAGI session {} closed: Asterisk kept the connection open {} after the end", name,
                            CLOSE_GRACE);
                    closeHere();
                }
            }, CLOSE_GRACE.toNanos(), TimeUnit.NANOSECONDS);
        } else {
            closeHere();
        }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
        if (event instanceof IdleStateEvent) {
            String limit = idleTimeout.toSeconds() + " s";
            LOG.warn("FastAGI session {} closed: no traffic for {} (fastagi.idleTimeout)", name, limit);
            cutShort("no traffic with Asterisk for " + limit);
        } else {
            ctx.fireUserEventTriggered(event);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof DecoderException) {
            LOG.warn("FastAGI session {} closed: {}", name, cause.getMessage());
            cutShort("Asterisk broke the AGI protocol: " + cause.getMessage());
            return;
        } else if (cause instanceof ClosedChannelException) {
            // a command written after the peer had gone; channelInactive has said how the session ended
            LOG.debug("FastAGI session {}: write after the connection closed", name);
        } else if (cause instanceof IOException) {
            LOG.info("FastAGI session {} closed: {}", name, cause.toString());
            // a reset (Asterisk gone with data unread, a firewall dropping the flow, a host rebooting) is no caller's
            // HANGUP either
            cutShort("the FastAGI connection failed without a HANGUP line (" + cause.getMessage() + ")");
            return;
        } else {
            LOG.error("FastAGI session {} closed after an unexpected error", name, cause);
        }
        closeHere();
    }

    private void closeHere() {
        closedHere = true;
        ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        closed = true;
        cancelReplyDeadline();
        if (environmentDeadline != null) {
            environmentDeadline.cancel(false);
        }
        if (closeGrace != null) {
            closeGrace.cancel(false); // a pending task would keep the whole channel on the heap for its 5 s
        }
        // Asterisk sends the whole environment at once and answers every command before it closes: a peer that
        // leaves earlier is not a caller hanging up (that is a HANGUP line) but a broken or hostile client.
        if (!closedHere && !started) {
            LOG.info("FastAGI session {} closed by the peer before its environment was complete", name);
        } else if (!closedHere && onWire != null && !hungUp) {
            LOG.info("FastAGI session {} closed by the peer while '{}' awaited its reply", name, commandOnWire());
        }
        if (!closedHere && !closing && started && !hungUp && cutShort == null) {
            // Asterisk says HANGUP when the caller hangs up, also when idle under music on hold: a connection that
            // closes without it is Asterisk gone (stopped, crashed) or the network cut, and nobody is known to have
            // hung up
            cutShort = "the FastAGI connection closed without a HANGUP line (Asterisk stopped, or the network cut "
                    + "it)";
        }
        if (onWire != null) {
            queued.addFirst(onWire); // its reply never came: fail it first, like the commands behind it
            onWire = null;
        }
        failAll(command -> "FastAGI session " + name + " ended before the reply to '" + command + "'");
        hangUp("connection closed");
        LOG.debug("FastAGI session {} ended", name);
        ctx.fireChannelInactive();
    }

    private void failAll(Function<AgiCommand, String> message) {
        for (Pending p = queued.poll(); p != null; p = queued.poll()) {
            p.reply().completeExceptionally(new AgiChannelClosedException(message.apply(p.command())));
        }
    }

    private String commandOnWire() {
        return onWire == null ? "" : onWire.command().text();
    }

    private void onEventLoop(Runnable task) {
        // the server stopped with this session open: its connection is closed already, nothing is left to do
        onEventLoop(task, () -> { });
    }

    /** Runs {@code task} on the session's event loop; {@code ifStopped} when that loop stopped with the server. */
    private void onEventLoop(Runnable task, Runnable ifStopped) {
        EventExecutor executor = ctx.executor();
        if (executor.inEventLoop()) {
            task.run();
            return;
        }
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            ifStopped.run();
        }
    }
}
