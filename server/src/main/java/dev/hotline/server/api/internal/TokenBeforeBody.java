package dev.hotline.server.api.internal;

import dev.hotline.server.api.ApiRoutes;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;

/**
 * Reads a request's body only for a client whose token is good: the body of a request without one (or with an
 * unknown one) is dropped as it arrives instead of gathered, so connections without a token cannot make the server
 * hold up to a body's limit each. The request goes on with an empty body, and {@link HttpApiHandler} answers it as
 * it would (401, 404, 405): no answer it gives without a token reads the body. Endpoints open to all (health) keep
 * theirs. Sits between the HTTP codec and the aggregator; one per connection.
 */
public final class TokenBeforeBody extends ChannelInboundHandlerAdapter {

    private final ApiRoutes routes;
    private final TokensInForce tokens;
    /** The request being read has its body dropped. */
    private boolean dropping;

    public TokenBeforeBody(ApiRoutes routes, TokensInForce tokens) {
        this.routes = routes;
        this.tokens = tokens;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request && !(msg instanceof FullHttpRequest)) {
            dropping = request.decoderResult().isSuccess() && carriesBody(request) && !mayBringBody(request);
            if (dropping) {
                // what follows the head is dropped; the aggregator expects no body (a client that asked
                // Expect: 100-continue is told to go on, and what it sends is dropped)
                request.headers().remove(HttpHeaderNames.TRANSFER_ENCODING).setInt(HttpHeaderNames.CONTENT_LENGTH, 0);
            }
            ctx.fireChannelRead(request);
            return;
        }
        if (dropping && msg instanceof HttpContent content) {
            if (content.decoderResult().isFailure()) {
                // a broken body (a bad chunk size): the failure goes on, and the request is refused as not HTTP
                dropping = false;
                ctx.fireChannelRead(content);
                return;
            }
            boolean last = content instanceof LastHttpContent;
            content.release();
            if (last) {
                dropping = false;
                ctx.fireChannelRead(LastHttpContent.EMPTY_LAST_CONTENT);
            }
            return;
        }
        ctx.fireChannelRead(msg);
    }

    private static boolean carriesBody(HttpRequest request) {
        return HttpUtil.isTransferEncodingChunked(request) || HttpUtil.getContentLength(request, 0L) > 0;
    }

    /** An endpoint open to all, or one good token (one Authorization header, a bearer token of server.yaml). */
    private boolean mayBringBody(HttpRequest request) {
        String method = request.method().equals(HttpMethod.HEAD) ? "GET" : request.method().name();
        ApiRoutes.Match match;
        try {
            match = routes.match(method, RequestTarget.path(request.uri()));
        } catch (RuntimeException unreadable) {
            return false; // the handler says what is wrong with the path, with no body needed
        }
        if (match instanceof ApiRoutes.Match.Found found && found.route().roles().isEmpty()) {
            return true;
        }
        List<String> authorization = request.headers().getAll(HttpHeaderNames.AUTHORIZATION);
        if (authorization.size() != 1) {
            return false;
        }
        return TokensInForce.bearerToken(authorization.getFirst()).flatMap(tokens::holderOf).isPresent();
    }
}
