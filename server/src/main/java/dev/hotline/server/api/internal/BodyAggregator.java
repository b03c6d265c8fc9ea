package dev.hotline.server.api.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMessage;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gathers a request's body up to the limit. A body over it is not gathered: {@link HttpApiHandler} is handed an
 * {@link OversizedRequest} to answer 413 in its turn among the connection's answers (the rest of the body is read
 * and dropped on a keep-alive connection). A client that asks {@code Expect: 100-continue} for a body over the limit
 * is answered 413 at once, with the JSON every error has, and the connection is closed: a client may send the body
 * all the same, and what it sends must not be read as a request.
 */
public final class BodyAggregator extends HttpObjectAggregator {
    private static final Logger log = LoggerFactory.getLogger("dev.hotline.server.api");

    public BodyAggregator(int maxBodyBytes) {
        super(maxBodyBytes, true);
    }

    @Override
    protected void handleOversizedMessage(ChannelHandlerContext ctx, HttpMessage oversized) {
        ctx.fireChannelRead(OversizedRequest.of(oversized, maxContentLength()));
    }

    @Override
    protected Object newContinueResponse(HttpMessage start, int maxContentLength, ChannelPipeline pipeline) {
        Object response = super.newContinueResponse(start, maxContentLength, pipeline);
        if (response instanceof FullHttpResponse refused && refused.status().code() == 413) {
            refused.release();
            OversizedRequest request = OversizedRequest.of(start, maxContentLength);
            log.info("API {} {} -> 413 (a body over {} bytes, announced with Expect: 100-continue)", request.method(),
                    request.path(), maxContentLength);
            return HttpApiHandler.oversizedAnswer(request, false);
        }
        return response;
    }

    /** A request whose body is over {@code limit} bytes, as much as its answer and log line need of it. */
    record OversizedRequest(String method, String path, boolean keepAlive, int limit) {
        static OversizedRequest of(HttpMessage message, int limit) {
            return message instanceof HttpRequest r
                    ? new OversizedRequest(r.method().name(), RequestTarget.path(r.uri()),
                            HttpUtil.isKeepAlive(r), limit)
                    : new OversizedRequest("?", "?", false, limit);
        }
    }
}
