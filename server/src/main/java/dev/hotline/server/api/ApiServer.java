package dev.hotline.server.api;

import dev.hotline.bridge.net.BindFailure;
import dev.hotline.server.api.internal.BodyAggregator;
import dev.hotline.server.api.internal.HttpApiHandler;
import dev.hotline.server.api.internal.OpenConnections;
import dev.hotline.server.api.internal.RequestDeadline;
import dev.hotline.server.api.internal.Tokens;
import dev.hotline.server.api.internal.TokenBeforeBody;
import dev.hotline.server.api.internal.TokensInForce;
import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.ServerSettings;
import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API (docs/api.md): JSON over HTTP/1.1 on one small Netty event loop, opened by bearer tokens with roles.
 * It serves what its {@link ApiRoutes} hold; endpoints never block the loop.
 */
public final class ApiServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("dev.hotline.server.api");
    /** A request body larger than this is answered 413: no endpoint takes more than a few fields. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    /** A client that sends nothing for this long is disconnected. */
    static final int READ_TIMEOUT_SECONDS = 60;
    /** A request must be whole this long after its first byte ({@link RequestDeadline}). */
    static final int REQUEST_DEADLINE_SECONDS = 30;
    /**
     * Connections at once, event streams included, so that clients of the API cannot take every file handle of the
     * process, which FastAGI's callers need too: beyond it a new one pushes out the oldest that has shown no token
     * ({@link OpenConnections}), or is closed at once when every one has.
     */
    static final int MAX_CONNECTIONS = 4096;

    private final EventLoopGroup loop;
    private final ServerBootstrap bootstrap;
    /** Where it accepts; a reload may move it ({@link #moveTo}). */
    private volatile Channel listener;
    private final TokensInForce tokens;
    private final AtomicLong refusedConnections = new AtomicLong();
    private final AtomicLong pushedOut = new AtomicLong();

    private ApiServer(ApiSettings settings, TokensInForce tokens, ApiRoutes routes, int maxConnections) {
        this.tokens = tokens;
        OpenConnections connections = new OpenConnections(maxConnections);
        loop = new MultiThreadIoEventLoopGroup(1, new DefaultThreadFactory("api"), NioIoHandler.newFactory());
        bootstrap = new ServerBootstrap().group(loop).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        switch (connections.admit(channel)) {
                            case OpenConnections.Admission.Refused refused -> {
                                if (refusedConnections.getAndIncrement() % 1000 == 0) {
                                    log.warn("API: {} connections are open, every one with a token, the most it "
                                            + "keeps; a new one from {} is closed ({} closed so far)", maxConnections,
                                            channel.remoteAddress(), refusedConnections.get());
                                }
                                channel.close();
                                return;
                            }
                            case OpenConnections.Admission.Kept kept -> kept.pushedOut().ifPresent(oldest -> {
                                if (pushedOut.getAndIncrement() % 1000 == 0) {
                                    log.warn("API: {} connections are open, the most it keeps; the oldest without a "
                                            + "token, from {}, is closed for a new one ({} so far)", maxConnections,
                                            oldest.remoteAddress(), pushedOut.get());
                                }
                                oldest.close();
                            });
                        }
                        channel.closeFuture().addListener(closed -> connections.closed(channel));
                        channel.pipeline().addLast(new ReadTimeoutHandler(READ_TIMEOUT_SECONDS, TimeUnit.SECONDS),
                                new RequestDeadline(REQUEST_DEADLINE_SECONDS),
                                new HttpServerCodec(), new TokenBeforeBody(routes, tokens),
                                new BodyAggregator(MAX_BODY_BYTES), new HttpApiHandler(routes, tokens, connections));
                    }
                });
        ChannelFuture bound = bootstrap.bind(settings.host(), settings.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
            throw new IllegalStateException("the API cannot listen on " + settings.host() + ":" + settings.port()
                    + ": " + BindFailure.why(bound.cause()), bound.cause());
        }
        listener = bound.channel();
        InetSocketAddress at = (InetSocketAddress) listener.localAddress();
        log.info("API listening on {}:{} (tokens: {})", at.getHostString(), at.getPort(), tokens.describe());
    }

    /**
     * Starts the API.
     *
     * @param environment where tokens written as {@code ${VARIABLE}} are read; a token whose variable is not set is
     *                    left out, with a warning
     * @throws IllegalStateException if the address cannot be bound
     */
    public static ApiServer start(ApiSettings settings, Function<String, String> environment, ApiRoutes routes) {
        return start(settings, environment, routes, MAX_CONNECTIONS);
    }

    /** As {@link #start(ApiSettings, Function, ApiRoutes)}, keeping at most {@code maxConnections} open. */
    static ApiServer start(ApiSettings settings, Function<String, String> environment, ApiRoutes routes,
                           int maxConnections) {
        return new ApiServer(settings, new TokensInForce(resolve(settings, environment)), routes, maxConnections);
    }

    /**
     * Puts the tokens of {@code settings} in force (a reload changed {@code api.tokens}; the address is not read):
     * requests from now on are checked against them, and the event streams of a token withdrawn or changed end.
     *
     * @param environment where tokens written as {@code ${VARIABLE}} are read
     */
    public void useTokens(ApiSettings settings, Function<String, String> environment) {
        Tokens next = resolve(settings, environment);
        int ended = tokens.replace(next);
        log.info("API tokens now: {}{}", next.describe(), ended == 0 ? ""
                : "; " + ended + " event stream(s) of withdrawn tokens closed");
    }

    /** The tokens in force, as the log names them ("supervisors (supervisor)"); "none" when none is. */
    public String tokensInForce() {
        return tokens.describe();
    }

    /** The tokens whose values can be had: a token whose variable is not set, or that is too short, is left out. */
    private static Tokens resolve(ApiSettings settings, Function<String, String> environment) {
        List<Tokens.Holder> holders = new ArrayList<>();
        for (ApiSettings.Token token : settings.tokens()) {
            Optional<String> value = token.secret().resolve(environment);
            if (value.isEmpty()) {
                log.warn("API token '{}': its variable {} is not set; the token is left out", token.name(),
                        ((ServerSettings.Secret.FromEnvironment) token.secret()).variable());
                continue;
            }
            if (value.get().length() < ApiSettings.MIN_TOKEN_LENGTH) {
                log.warn("API token '{}' is shorter than {} characters and could be guessed; it is left out",
                        token.name(), ApiSettings.MIN_TOKEN_LENGTH);
                continue;
            }
            if (!ApiSettings.sendable(value.get())) {
                log.warn("API token '{}': {}; it is left out", token.name(), ApiSettings.NOT_SENDABLE);
                continue;
            }
            holders.add(new Tokens.Holder(token.name(), token.role(), token.agent(),
                    value.get().getBytes(StandardCharsets.UTF_8)));
        }
        // two variables set to one value: a request could not say whose it is, nor which role it has, so neither
        // token opens anything (the first listed would otherwise win, whatever its role)
        List<Tokens.Holder> unique = new ArrayList<>();
        for (Tokens.Holder holder : holders) {
            List<String> sharing = holders.stream().filter(h -> h != holder && Arrays.equals(h.value(), holder.value()))
                    .map(Tokens.Holder::name).toList();
            if (sharing.isEmpty()) {
                unique.add(holder);
            } else {
                log.error("API token '{}' has the same value as {}; it is left out (give each token its own)",
                        holder.name(), sharing.stream().map(n -> "'" + n + "'").toList());
            }
        }
        return new Tokens(unique);
    }

    /**
     * Listens on {@code host:port} from now on: the new address is bound first, then the old listener closes;
     * requests and event streams already open go on where they are.
     *
     * @throws IllegalStateException naming both addresses if the new one cannot be bound: the old one stays
     */
    public synchronized void moveTo(String host, int port) {
        InetSocketAddress was = localAddress();
        ChannelFuture bound = bootstrap.bind(host, port).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IllegalStateException("the API cannot listen on " + host + ":" + port + ": "
                    + BindFailure.why(bound.cause()) + "; it stays on " + was.getHostString() + ":" + was.getPort());
        }
        Channel old = listener;
        listener = bound.channel();
        old.close().awaitUninterruptibly();
        InetSocketAddress at = localAddress();
        log.info("API moved to {}:{} from {}:{}", at.getHostString(), at.getPort(), was.getHostString(),
                was.getPort());
    }

    /** Where it listens (the bound port when the settings said 0). */
    public InetSocketAddress localAddress() {
        return (InetSocketAddress) listener.localAddress();
    }

    @Override
    public void close() {
        listener.close().awaitUninterruptibly();
        loop.shutdownGracefully(0, 1, TimeUnit.SECONDS).awaitUninterruptibly();
        log.info("API stopped");
    }

    /**
     * Stops taking connections at once and closes the open ones {@code grace} later, so that an answer being made now
     * (to the reload that removed the API) still goes out: Netty closes every channel of a loop as soon as the loop
     * begins to shut down. Returns without waiting.
     */
    public void closeAfter(Duration grace) {
        listener.close();
        loop.schedule(() -> loop.shutdownGracefully(0, 1, TimeUnit.SECONDS)
                .addListener(done -> log.info("API stopped")), grace.toMillis(), TimeUnit.MILLISECONDS);
    }
}
