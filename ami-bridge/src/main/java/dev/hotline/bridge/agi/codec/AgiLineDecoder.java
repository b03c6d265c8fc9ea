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

    AgiLineDecoder(int maxLineLength) {
        super(maxLineLength, true, true);
    }

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
