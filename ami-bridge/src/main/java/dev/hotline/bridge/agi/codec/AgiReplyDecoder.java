package dev.hotline.bridge.agi.codec;

import dev.hotline.bridge.agi.AgiHangup;
import dev.hotline.bridge.agi.AgiReply;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.TooLongFrameException;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Decodes what Asterisk sends after the environment: one {@link AgiReply} per command (the multi-line {@code 520-}
 * usage block collected into one {@link AgiReply.Usage}) and the unsolicited {@code HANGUP} line as {@link AgiHangup}.
 *
 * <p>A line longer than the limit fires Netty's {@link TooLongFrameException} as soon as the limit is passed; the rest
 * of that line is discarded and decoding resumes with the next line. A usage block longer than
 * {@link #MAX_USAGE_LINES} lines throws a {@link TooLongFrameException}; a line that is no AGI reply throws an
 * {@link AgiProtocolException}.
 */
public final class AgiReplyDecoder extends AgiLineDecoder {

    /** The longest usage text in Asterisk 22 is a few dozen lines; a block without end must not grow without bound. */
    public static final int MAX_USAGE_LINES = 200;

    private static final String USAGE_START = "520-";
    private static final String USAGE_END = "520 End of proper usage.";
    private static final Pattern SUCCESS = Pattern.compile("200 result=(\\S*)(.*)");
    private static final Pattern ENDPOS = Pattern.compile("(.*) endpos=(\\d{1,18})");

    private StringBuilder usage;
    private int usageLines;

    public AgiReplyDecoder(int maxLineLength) {
        super(maxLineLength);
    }

    @Override
    protected Object decodeAgi(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
        while (true) {
            String line = nextLine(ctx, buffer);
            if (line == null) {
                return null;
            }
            Object message = usage != null ? usageLine(line) : line(line);
            if (message != null) {
                return message;
            }
        }
    }

    private Object usageLine(String line) {
        if (line.equals(USAGE_END)) {
            AgiReply.Usage reply = new AgiReply.Usage(usage.toString());
            usage = null;
            return reply;
        }
        usageLines++;
        if (usageLines > MAX_USAGE_LINES) {
            usage = null;
            throw new TooLongFrameException("AGI 520 usage block has more than " + MAX_USAGE_LINES + " lines (limit "
                    + MAX_USAGE_LINES + ")");
        }
        if (!usage.isEmpty()) {
            usage.append('\n');
        }
        usage.append(line);
        return null;
    }

    private Object line(String line) {
        if (line.equals("HANGUP")) {
            return new AgiHangup();
        }
        if (line.startsWith(USAGE_START)) {
            usage = new StringBuilder();
            usageLines = 0;
            return null;
        }
        if (line.startsWith("200 ")) {
            return success(line);
        }
        return switch (statusCode(line)) {
            case "100" -> new AgiReply.Trying();
            case "510" -> new AgiReply.InvalidCommand();
            case "511" -> new AgiReply.DeadChannel();
            case "520" -> new AgiReply.Usage(line.length() > 4 ? line.substring(4) : "");
            default -> throw new AgiProtocolException("not an AGI reply: '" + WireText.visible(line) + "'");
        };
    }

    private static String statusCode(String line) {
        return line.length() == 3 || (line.length() > 3 && line.charAt(3) == ' ') ? line.substring(0, 3) : "";
    }

    private static AgiReply.Success success(String line) {
        Matcher success = SUCCESS.matcher(line);
        if (!success.matches()) {
            throw new AgiProtocolException("AGI 200 reply without result=: '" + WireText.visible(line)
                    + "'");
        }
        String rest = success.group(2); // empty or starting with a space: the result runs to the first space
        OptionalLong endpos = OptionalLong.empty();
        // Asterisk always closes data with ')', so a line ending in " endpos=<n>" carries an endpos, never data.
        Matcher end = ENDPOS.matcher(rest);
        if (end.matches()) {
            rest = end.group(1);
            endpos = OptionalLong.of(Long.parseLong(end.group(2)));
        }
        Optional<String> data;
        if (rest.isEmpty()) {
            data = Optional.empty();
        } else if (rest.startsWith(" (") && rest.endsWith(")")) {
            data = Optional.of(rest.substring(2, rest.length() - 1));
        } else {
            data = Optional.of(rest.substring(1)); // a note without parentheses: "200 result=0 Gosub complete"
        }
        return new AgiReply.Success(success.group(1), data, endpos);
    }
}
