package dev.hotline.server.api.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.hotline.bridge.agi.codec.WireText;
import dev.hotline.server.api.ApiRequest;
import dev.hotline.server.api.ApiResponse;
import dev.hotline.server.api.ApiRoutes;
import dev.hotline.server.config.ApiSettings.Role;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.PrematureChannelClosureException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.handler.timeout.ReadTimeoutException;
import io.netty.util.ReferenceCountUtil;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One HTTP request in, one JSON answer out: find the route, check the bearer token against the route's roles, run
 * the endpoint, write what it answers (on the connection's event loop, whenever it completes). Every refusal says
 * what was wrong: no such endpoint (with the list), wrong method ({@code Allow}), no or unknown token
 * ({@code WWW-Authenticate}), a role that may not. Answers go out in the order the requests came, as HTTP/1.1 wants
 * of pipelined requests, however long each takes (one that waits for the routing engine holds back the next).
 */
public final class HttpApiHandler extends SimpleChannelInboundHandler<Object> {
    private static final Logger log = LoggerFactory.getLogger("dev.hotline.server.api");
    private static final String HEALTH = "/health";

    private final ApiRoutes routes;
    private final TokensInForce tokens;
    private final OpenConnections connections;
    /** The turn the next request takes; event loop only, as the two below. */
    private long nextTurn;
    /** The turn whose answer goes out next. */
    private long turnToWrite;
    /** Answers ready before their turn, by turn. */
    private final Map<Long, Runnable> answersWaiting = new HashMap<>();

    public HttpApiHandler(ApiRoutes routes, TokensInForce tokens, OpenConnections connections) {
        this.routes = routes;
        this.tokens = tokens;
        this.connections = connections;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object message) {
        switch (message) {
            case FullHttpRequest request -> request(ctx, request, nextTurn++);
            case BodyAggregator.OversizedRequest oversized -> {
                long turn = nextTurn++;
                log.info("API {} {} -> 413 (a body over {} bytes)", oversized.method(), oversized.path(),
                        oversized.limit());
                inTurn(turn, () -> {
                    FullHttpResponse out = oversizedAnswer(oversized, oversized.keepAlive());
                    // on a keep-alive connection the aggregator reads the rest of the body and drops it: closing
                    // while the client still sends would reset the connection, and it might never read this answer
                    ctx.writeAndFlush(out).addListener(oversized.keepAlive() ? ChannelFutureListener.CLOSE_ON_FAILURE
                            : ChannelFutureListener.CLOSE);
                });
            }
            default -> ctx.fireChannelRead(ReferenceCountUtil.retain(message));
        }
    }

    /** Runs {@code write} in the turn {@code turn}, after every earlier answer of the connection; event loop only. */
    private void inTurn(long turn, Runnable write) {
        answersWaiting.put(turn, write);
        for (Runnable next; (next = answersWaiting.remove(turnToWrite)) != null; ) {
            turnToWrite++;
            next.run();
        }
    }

    private void request(ChannelHandlerContext ctx, FullHttpRequest request, long turn) {
        RequestDeadline deadline = ctx.pipeline().get(RequestDeadline.class);
        if (deadline != null) {
            deadline.requestComplete();
        }
        if (request.decoderResult().isFailure()) {
            // not HTTP, or a request line or header past the codec's limits: say so and hang up
            Throwable cause = request.decoderResult().cause();
            // the codec's message quotes what the client sent: escaped, never raw in the log
            log.warn("API request from {} is not valid HTTP: {}", ctx.channel().remoteAddress(),
                    WireText.visible(cause.toString()));
            // the codec's limits have statuses of their own (RFC 9110, RFC 6585): a client can tell them apart
            int status = cause instanceof TooLongHttpLineException ? 414
                    : cause instanceof TooLongHttpHeaderException ? 431 : 400;
            ApiResponse refused = ApiResponse.error(status, "not a valid HTTP request: " + cause.getMessage());
            inTurn(turn, () -> write(ctx, refused, false));
            return;
        }
        if (request.protocolVersion().equals(HttpVersion.HTTP_1_1)
                && request.headers().getAll(HttpHeaderNames.HOST).size() != 1) {
            // RFC 9112 3.2: which host a request is for must not be a guess (a proxy in front relies on it)
            log.info("API {} {} -> 400 (Host header missing or repeated)", request.method().name(),
                    WireText.visible(RequestTarget.path(request.uri())));
            ApiResponse refused = ApiResponse.error(400, "an HTTP/1.1 request names its Host exactly once");
            inTurn(turn, () -> write(ctx, refused, false));
            return;
        }
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        // HEAD is GET without the body (RFC 9110), as monitors and load balancers ask it
        boolean head = request.method().equals(HttpMethod.HEAD);
        String method = request.method().name();
        // as sent: the routes decode each part after splitting, and the log shows what came (no decoded newlines)
        String path = RequestTarget.path(request.uri());
        // whose token asked: the log is the audit trail of who logged an agent out or hung up a call
        String by = requester(request);
        CompletionStage<ApiResponse> answer;
        try {
            answer = answer(ctx, head ? "GET" : method, path, request, head);
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        if (answer == null) {
            log.info("API {} {}{} -> event stream", method, path, by);
            // the stream has the connection from now on; its turn is taken
            inTurn(turn, () -> { });
            return;
        }
        answer.whenComplete((response, failure) -> ctx.executor().execute(() -> {
            ApiResponse written = response;
            if (failure != null) {
                Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                        ? failure.getCause() : failure;
                log.error("API {} {}{} failed", method, path, by, cause);
                written = ApiResponse.error(500, "the server could not answer: " + cause);
            }
            ApiResponse answered = written;
            // logged before the answer is written: whoever has the answer finds the line in the log
            if (path.equals(HEALTH)) {
                // a load balancer or a monitor asks every few seconds: not worth a line each time
                log.debug("API {} {}{} -> {}", method, path, by, written.status());
            } else {
                log.info("API {} {}{} -> {}", method, path, by, written.status());
            }
            inTurn(turn, () -> write(ctx, answered, keepAlive, head));
        }));
    }

    /** " by <token name>" when the request carries one token in force, else nothing: for the log line. */
    private String requester(FullHttpRequest request) {
        List<String> authorization = request.headers().getAll(HttpHeaderNames.AUTHORIZATION);
        if (authorization.size() != 1) {
            return "";
        }
        return TokensInForce.bearerToken(authorization.getFirst()).flatMap(tokens::holderOf)
                .map(holder -> " by " + holder.name()).orElse("");
    }

    /** What to answer; null when the request became an open event stream. */
    private CompletionStage<ApiResponse> answer(ChannelHandlerContext ctx, String method, String path,
                                                FullHttpRequest request, boolean head) {
        return switch (routes.match(method, path)) {
            case ApiRoutes.Match.BadPath bad -> done(ApiResponse.error(400, bad.problem()));
            case ApiRoutes.Match.NotFound n -> done(ApiResponse.error(404, "no such endpoint: " + method + " " + path
                    + " (endpoints: " + String.join(", ", routes.listed()) + ")"));
            case ApiRoutes.Match.WrongMethod w -> done(new ApiResponse(405, Map.of("error", path + " takes "
                    + String.join(" or ", w.allowed()) + ", not " + request.method().name()), Map.of("Allow",
                    String.join(", ", w.allowed()))));
            case ApiRoutes.Match.Found found when head && found.route().endpoint() instanceof ApiRoutes.Endpoint.Stream
                    // an event stream has no head of its own to give without opening it
                    -> done(new ApiResponse(405, Map.of("error", path + " is an event stream: it takes GET, not HEAD"),
                            Map.of("Allow", "GET")));
            case ApiRoutes.Match.Found found -> {
                byte[] body = ByteBufUtil.getBytes(request.content());
                if (found.route().roles().isEmpty()) {
                    yield run(ctx, found.route(), new ApiRequest(method, path, found.parameters(), body, "", null,
                            Optional.empty()), null, request.protocolVersion());
                }
                if (request.headers().getAll(HttpHeaderNames.AUTHORIZATION).size() > 1) {
                    // whose request is it? the first or the last would be a guess with someone's role
                    yield done(ApiResponse.error(400, "the request has more than one Authorization header: send one"));
                }
                Optional<String> token = TokensInForce.bearerToken(
                        request.headers().get(HttpHeaderNames.AUTHORIZATION, ""));
                if (token.isEmpty()) {
                    yield done(unauthorized("this endpoint needs a token: send Authorization: Bearer <token>"));
                }
                Optional<Tokens.Holder> holder = tokens.holderOf(token.get());
                if (holder.isEmpty()) {
                    yield done(unauthorized("the token is not one of server.yaml's api.tokens"));
                }
                connections.tokenShown(ctx.channel());
                if (!found.route().roles().contains(holder.get().role())) {
                    yield done(ApiResponse.error(403, "token '" + holder.get().name() + "' has the role "
                            + holder.get().role().written() + "; " + method + " " + found.route().path()
                            + " needs " + roles(found.route().roles())));
                }
                yield run(ctx, found.route(), new ApiRequest(method, path, found.parameters(), body,
                        holder.get().name(), holder.get().role(), holder.get().agent()), holder.get(),
                        request.protocolVersion());
            }
        };
    }

    /**
     * Runs an accepted request: an answer, or an event stream (null) unless the stream's endpoint refuses it.
     * {@code holder} is whose token opened it, null for an open endpoint.
     */
    private CompletionStage<ApiResponse> run(ChannelHandlerContext ctx, ApiRoutes.Route route, ApiRequest request,
                                             Tokens.Holder holder, HttpVersion version) {
        return switch (route.endpoint()) {
            case ApiRoutes.Endpoint.Answer a -> a.handler().apply(request);
            case ApiRoutes.Endpoint.Stream stream -> switch (stream.open().apply(request)) {
                case ApiRoutes.Opening.Refuse refuse -> CompletableFuture.completedFuture(refuse.answer());
                case ApiRoutes.Opening.Accept accept -> {
                    if (holder != null) {
                        // before the stream starts, so that a reload from then on finds it
                        tokens.streamOpened(ctx.channel(), holder);
                    }
                    RequestDeadline deadline = ctx.pipeline().get(RequestDeadline.class);
                    if (deadline != null) {
                        deadline.streamOpened();
                    }
                    ServerSentEvents events = new ServerSentEvents(ctx.channel(), version);
                    accept.subscriber().accept(events);
                    events.start();
                    yield null;
                }
            };
        };
    }

    private static ApiResponse unauthorized(String message) {
        return new ApiResponse(401, Map.of("error", message), Map.of("WWW-Authenticate", "Bearer realm=\"hotline\""));
    }

    private static String roles(Set<Role> roles) {
        return roles.stream().sorted().map(Role::written).collect(Collectors.joining(" or "));
    }

    private static CompletionStage<ApiResponse> done(ApiResponse response) {
        return CompletableFuture.completedFuture(response);
    }

    private void write(ChannelHandlerContext ctx, ApiResponse response, boolean keepAlive) {
        write(ctx, response, keepAlive, false);
    }

    /**
     * The 413 answer to a request whose body is over the limit, with the JSON body every other error has; it says
     * {@code Connection: close} unless {@code keepAlive}.
     */
    static FullHttpResponse oversizedAnswer(BodyAggregator.OversizedRequest request, boolean keepAlive) {
        byte[] body = ApiJson.write(Map.of("error", "the body is over " + request.limit() + " bytes; no endpoint "
                + "takes more than a few fields")).getBytes(java.nio.charset.StandardCharsets.UTF_8);
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.REQUEST_ENTITY_TOO_LARGE, Unpooled.wrappedBuffer(body));
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        if (!keepAlive) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        return out;
    }

    /** Writes the answer; to a HEAD request, its headers only, with the length the body would have. */
    private void write(ChannelHandlerContext ctx, ApiResponse response, boolean keepAlive, boolean head) {
        byte[] body;
        try {
            body = ApiJson.bytes(response.body());
        } catch (JsonProcessingException e) {
            log.error("API answer cannot be written as JSON", e);
            body = "{\"error\":\"the answer could not be written\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
            response = ApiResponse.error(500, "");
        }
        FullHttpResponse out = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(response.status()),
                head ? Unpooled.EMPTY_BUFFER : Unpooled.wrappedBuffer(body));
        out.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        out.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
        response.headers().forEach(out.headers()::set);
        if (keepAlive) {
            out.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.KEEP_ALIVE);
            ctx.writeAndFlush(out);
        } else {
            ctx.writeAndFlush(out).addListener(ChannelFutureListener.CLOSE);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof ReadTimeoutException || cause instanceof PrematureChannelClosureException
                || cause instanceof java.io.IOException) {
            // a client that leaves a keep-alive connection idle, or goes away: how HTTP clients are, not trouble
            log.debug("API connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        } else {
            log.warn("API connection from {} closed: {}", ctx.channel().remoteAddress(), cause.toString());
        }
        ctx.close();
    }
}
