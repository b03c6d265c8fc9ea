package dev.hotline.bridge.agi.codec;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.LineBasedFrameDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The line framing both FastAGI decoders share: LF-terminated lines (a CR before the LF dropped) of at most the
 * configured length, each handed over as text. A longer line fires Netty's {@code TooLongFrameException}.
 */
abstract class AgiLineDecoder extends LineBasedFrameDecoder {

    /**
     * Set once a line was refused: the session is being closed for it, and what is left of the input (Netty decodes
     * it once more as the channel closes) would only report a second, derived problem for the same session.
     */
    private boolean refused;

    AgiLineDecoder(int maxLineLength) {
        super(maxLineLength, true, true);
    }

    @Override
    protected final Object decode(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
        if (refused) {
            buffer.skipBytes(buffer.readableBytes());
            return null;
        }
        try {
            return decodeAgi(ctx, buffer);
        } catch (Exception e) {
            refused = true;
            buffer.skipBytes(buffer.readableBytes());
            throw e;
        }
    }

    /** What the next lines in {@code buffer} decode to, or null until a whole message has arrived. */
    protected abstract Object decodeAgi(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception;

    /** The next whole line in {@code buffer} without its terminator, or null until one has arrived. */
    final String nextLine(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
        ByteBuf frame = (ByteBuf) super.decode(ctx, buffer);
        if (frame == null) {
            return null;
        }
        try {
            return frame.toString(StandardCharsets.UTF_8);
        } finally {
            frame.release();
        }
    }
}
