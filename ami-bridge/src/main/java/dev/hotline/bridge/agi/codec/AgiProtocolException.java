package dev.hotline.bridge.agi.codec;

import io.netty.handler.codec.DecoderException;

/** Asterisk sent something the FastAGI protocol does not allow; the message quotes the offending line. */
public final class AgiProtocolException extends DecoderException {

    public AgiProtocolException(String message) {
        super(message);
    }
}
