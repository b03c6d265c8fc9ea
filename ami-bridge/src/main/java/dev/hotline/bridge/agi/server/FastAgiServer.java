package dev.hotline.bridge.agi.server;

import dev.hotline.bridge.agi.server.internal.AgiPipeline;
import dev.hotline.bridge.net.BindFailure;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The FastAGI server Asterisk's {@code AGI(agi://host:4573/...)} connects to. Sessions run on a few NIO event-loop
 * threads ({@code fastagi-session-*}, two per CPU), not a thread per call; each gets its own {@link AgiScript} start
 * once its environment has arrived.
 */
public final class FastAgiServer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FastAgiServer.class);

    private final EventLoopGroup acceptor;
    private final EventLoopGroup sessions;
    private final ServerBootstrap bootstrap;
    /** Where it accepts; a reload may move it ({@link #moveTo}). */
    private volatile Channel listener;
    private final AtomicInteger openSessions = new AtomicInteger();
    /** Connections refused for the session limit since start, for a log that a flood does not fill. */
    private final AtomicLong refusedSessions = new AtomicLong();
    /** The limits new connections get and the address listened on; a reload may change both. */
    private volatile FastAgiSettings settings;

    private FastAgiServer(FastAgiSettings settings, AgiScript script) {
        this.settings = settings;
        // named, so a thread dump or a profile tells FastAGI's threads apart from the rest of the server's
        acceptor = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("fastagi-accept"),
                NioIoHandler.newFactory());
        sessions = new MultiThreadIoEventLoopGroup(new DefaultThreadFactory("fastagi-session"),
                NioIoHandler.newFactory());
        bootstrap = new ServerBootstrap()
                .group(acceptor, sessions)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        admit(channel, FastAgiServer.this.settings, script);
                    }
                });
        ChannelFuture bound = bootstrap.bind(settings.host(), settings.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            shutDown();
            throw new IllegalStateException("FastAGI server cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + BindFailure.why(bound.cause()), bound.cause());
        }
        listener = bound.channel();
        // the assembly logs the listener for the admin; this line is for whoever embeds the server
        LOG.debug("FastAGI server listening on {} (at most {} sessions)", listener.localAddress(),
                settings.maxSessions());
    }

    /** Binds the configured address and starts accepting sessions, each run by {@code script}. */
    public static FastAgiServer start(FastAgiSettings settings, AgiScript script) {
        return new FastAgiServer(Objects.requireNonNull(settings, "settings"), Objects.requireNonNull(script, "script"));
    }

    private void admit(SocketChannel channel, FastAgiSettings settings, AgiScript script) {
        int open = openSessions.incrementAndGet();
        if (open > settings.maxSessions()) {
            openSessions.decrementAndGet();
            long refused = refusedSessions.incrementAndGet();
            // a flood is said, not written out line by line: the first refusal and every thousandth, with the count
            if (refused == 1 || refused % 1000 == 0) {
                LOG.warn("FastAGI connection from {} refused: {} sessions open (limit {}); {} refused since start",
                        channel.remoteAddress(), open - 1, settings.maxSessions(), refused);
            }
            channel.close();
            return;
        }
        channel.closeFuture().addListener(closed -> openSessions.decrementAndGet());
        AgiPipeline.configure(channel.pipeline(), settings, script);
    }

    /** The bound address; with port 0 in the settings, this tells which port was picked. */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    /**
     * Limits for the connections accepted from now on (line length, environment size and time, idle time, total
     * sessions); sessions already open keep the ones they were accepted with, but every new one counts against the
     * new total.
     *
     * @throws IllegalArgumentException if {@code next} names another address than the one listened on: move the
     *                                  listener first ({@link #moveTo})
     */
    public synchronized void useLimits(FastAgiSettings next) {
        if (!next.host().equals(settings.host()) || next.port() != settings.port()) {
            throw new IllegalArgumentException("the FastAGI listener is on " + settings.host() + ":"
                    + settings.port() + ", not " + next.host() + ":" + next.port() + ": move it first");
        }
        settings = next;
        LOG.info("FastAGI limits now: at most {} sessions, lines up to {} bytes, {} environment lines within {} s, "
                + "idle up to {} s", next.maxSessions(), next.maxLineLength(), next.maxEnvironmentLines(),
                next.environmentTimeout().toSeconds(), next.idleTimeout().toSeconds());
    }

    /**
     * Listens on {@code host:port} from now on: the new address is bound first, then the old listener closes, so
     * there is no moment without one; sessions already open go on where they are.
     *
     * @throws IllegalStateException naming both addresses if the new one cannot be bound: the old one stays
     */
    public synchronized void moveTo(String host, int port) {
        InetSocketAddress was = localAddress();
        ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("FastAGI cannot listen on " + host + ":" + port + ": "
                    + BindFailure.why(bound.cause()) + "; it stays on " + was.getHostString() + ":" + was.getPort());
        }
        Channel old = listener;
        listener = bound.channel();
        settings = settings.withAddress(host, port);
        old.close().awaitUninterruptibly();
        InetSocketAddress at = localAddress();
        LOG.info("FastAGI server moved to {}:{} from {}:{}; {} session(s) open go on", at.getHostString(), at.getPort(),
                was.getHostString(), was.getPort(), openSessions.get());
    }

    /** Sessions open right now. */
    public int openSessions() {
        return openSessions.get();
    }

    /** Stops listening and closes every session; the dialplan of each open call continues after AGI(). */
    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        shutDown();
        LOG.info("FastAGI server stopped");
    }

    private void shutDown() {
        acceptor.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
        sessions.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly();
    }
}
