package dev.hotline.bridge.agi.codec;

import dev.hotline.bridge.agi.AgiCommand;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandler.Sharable;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToByteEncoder;
import java.nio.charset.StandardCharsets;

/** Writes an {@link AgiCommand} as its text and a single LF: Asterisk keeps a CR as part of the last word (510). */
@Sharable
public final class AgiCommandEncoder extends MessageToByteEncoder<AgiCommand> {

    public AgiCommandEncoder() {
        super(AgiCommand.class);
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, AgiCommand command, ByteBuf out) {
        out.writeCharSequence(command.text(), StandardCharsets.UTF_8);
        out.writeByte('\n');
    }
}
