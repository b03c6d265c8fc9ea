package dev.hotline.server.api.internal;

import dev.hotline.server.api.EventSink;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.timeout.ReadTimeoutHandler;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP response that stays open as a stream of Server-Sent Events ({@code text/event-stream}): each event is
 * {@code event:}, {@code id:} and one {@code data:} line; a comment line every {@link #KEEP_ALIVE_SECONDS} keeps
 * proxies from closing a quiet stream and shows a dead client. A client whose unsent events pile up past Netty's
 * write buffer (it stopped reading) is disconnected rather than let the server's memory grow.
 */
public final class ServerSentEvents implements EventSink {
    private static final Logger log = LoggerFactory.getLogger("dev.hotline.server.api");
    static final int KEEP_ALIVE_SECONDS = 15;

    private final Channel channel;
    private final HttpVersion version;

    /**
     * A stream on {@code channel} for a request of {@code version}; nothing is sent before {@link #start()}. An
     * HTTP/1.0 client (nginx talks it to upstreams by default) knows no chunked encoding: its stream is the bare
     * events, ended by closing the connection.
     */
    public ServerSentEvents(Channel channel, HttpVersion version) {
        this.channel = channel;
        this.version = version;
    }

    /**
     * Sends the response head and keeps the connection open. Called once the stream's subscriber holds it, so that
     * a client that has the head misses no event.
     */
    public void start() {
        // a stream is quiet between events by nature: the request's read timeout no longer applies
        if (channel.pipeline().get(ReadTimeoutHandler.class) != null) {
            channel.pipeline().remove(ReadTimeoutHandler.class);
        }
        boolean chunked = !version.equals(HttpVersion.HTTP_1_0);
        HttpResponse head = new DefaultHttpResponse(chunked ? HttpVersion.HTTP_1_1 : HttpVersion.HTTP_1_0,
                HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, HttpHeaderValues.NO_CACHE);
        if (chunked) {
            head.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
        } else {
            head.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        }
        channel.writeAndFlush(head);
        ScheduledFuture<?> keepAlive = channel.eventLoop().scheduleAtFixedRate(() -> write(": keep-alive\n\n"), KEEP_ALIVE_SECONDS,
                KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
        channel.closeFuture().addListener(closed -> keepAlive.cancel(false));
    }

    @Override
    public boolean send(String event, long id, String json) {
        return write("event: " + event + "\nid: " + id + "\ndata: " + json + "\n\n");
    }

    @Override
    public void onClose(Runnable then) {
        channel.closeFuture().addListener(closed -> then.run());
    }

    /**
     * Queues the text on the connection's event loop, even from the event loop itself: so nothing overtakes the
     * response head, which {@link #start()} writes from the event loop while the request is handled.
     */
    private boolean write(String text) {
        if (!channel.isActive()) {
            return false;
        }
        channel.eventLoop().execute(() -> {
            if (!channel.isActive()) {
                return;
            }
            if (!channel.isWritable()) {
                log.warn("API event stream to {} closed: the client does not read its events",
                        channel.remoteAddress());
                channel.close();
                return;
            }
            channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(text, StandardCharsets.UTF_8)));
        });
        return true;
    }
}
