package dev.hotline.server.api.internal;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A request must arrive whole within {@code seconds} of its first byte: a client that trickles a byte now and then
 * (which keeps a read timeout from firing) would otherwise hold a connection, and its buffer, for ever. Sits before
 * the HTTP codec; {@link HttpApiHandler} calls {@link #requestComplete} once it has the whole request.
 */
public final class RequestDeadline extends ChannelInboundHandlerAdapter {
    private static final Logger log = LoggerFactory.getLogger("dev.hotline.server.api");

    private final long seconds;
    private ScheduledFuture<?> deadline;
    /** An event stream is open: the connection carries no more requests. */
    private boolean streaming;

    public RequestDeadline(long seconds) {
        this.seconds = seconds;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (deadline == null && !streaming) {
            deadline = ctx.executor().schedule(() -> {
                log.info("API connection from {} closed: no whole request within {} s of its first byte",
                        ctx.channel().remoteAddress(), seconds);
                ctx.close();
            }, seconds, TimeUnit.SECONDS);
        }
        ctx.fireChannelRead(msg);
    }

    /** The whole request has arrived: the next one's clock starts with its first byte. */
    void requestComplete() {
        cancel();
    }

    /** The request opened an event stream: nothing more is read as a request. */
    void streamOpened() {
        streaming = true;
        cancel();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        cancel();
        ctx.fireChannelInactive();
    }

    private void cancel() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
