package dev.hotline.bridge.agi.codec;

import dev.hotline.bridge.agi.AgiEnvironment;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.TooLongFrameException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;

/**
 * Decodes the environment block that opens a FastAGI session: {@code agi_<key>: <value>} lines up to an empty line.
 * It emits one {@link AgiEnvironment} and then removes itself from the pipeline, handing any bytes that followed to
 * the next decoder (the {@link AgiReplyDecoder}).
 *
 * <p>A line longer than the limit fires Netty's {@link TooLongFrameException} (its message gives the length and the
 * limit); more lines than allowed throw a {@link TooLongFrameException} naming both counts.
 */
public final class AgiEnvironmentDecoder extends AgiLineDecoder {

    private static final String UNKNOWN = "unknown";
    /** What a SIP trunk gives as the caller id of a withheld number ("Anonymous" <sip:anonymous@anonymous.invalid>). */
    private static final String ANONYMOUS = "anonymous";
    private static final String ARG_PREFIX = "agi_arg_";

    private final int maxLines;
    private final SequencedMap<String, String> headers = new LinkedHashMap<>();
    private int lines;

    public AgiEnvironmentDecoder(int maxLineLength, int maxLines) {
        super(maxLineLength);
        if (maxLines < 1) {
            throw new IllegalArgumentException("maxLines < 1: " + maxLines);
        }
        this.maxLines = maxLines;
    }

    @Override
    protected Object decodeAgi(ChannelHandlerContext ctx, ByteBuf buffer) throws Exception {
        while (true) {
            String line = nextLine(ctx, buffer);
            if (line == null) {
                return null;
            }
            if (line.isEmpty()) {
                AgiEnvironment environment = environment(headers);
                ctx.pipeline().remove(this);
                return environment;
            }
            lines++;
            if (lines > maxLines) {
                throw new TooLongFrameException("AGI environment has more than " + maxLines + " lines (limit " + maxLines
                        + "), line " + lines + ": '" + WireText.visible(line) + "'");
            }
            header(line);
        }
    }

    private void header(String line) {
        int separator = line.indexOf(": ");
        if (!line.startsWith("agi_") || separator < 0) {
            throw new AgiProtocolException("AGI environment line " + lines + " is not 'agi_<key>: <value>': '"
                    + WireText.visible(line) + "'");
        }
        String key = line.substring(0, separator);
        if (headers.putIfAbsent(key, line.substring(separator + 2)) != null) {
            throw new AgiProtocolException("AGI environment line " + lines + " repeats " + WireText.visible(key) + ": '"
                    + WireText.visible(line) + "'");
        }
    }

    private static AgiEnvironment environment(SequencedMap<String, String> headers) {
        String networkScript = required(headers, "agi_network_script");
        return new AgiEnvironment(
                networkScript,
                required(headers, "agi_request"),
                required(headers, "agi_channel"),
                headers.getOrDefault("agi_language", ""),
                headers.getOrDefault("agi_type", ""),
                required(headers, "agi_uniqueid"),
                headers.getOrDefault("agi_version", ""),
                known(headers.get("agi_callerid")).filter(number -> !number.equalsIgnoreCase(ANONYMOUS)),
                headers.getOrDefault("agi_calleridname", ""),
                known(headers.get("agi_dnid")),
                headers.getOrDefault("agi_rdnis", ""),
                headers.getOrDefault("agi_context", ""),
                headers.getOrDefault("agi_extension", ""),
                headers.getOrDefault("agi_priority", ""),
                headers.getOrDefault("agi_enhanced", ""),
                headers.getOrDefault("agi_accountcode", ""),
                headers.getOrDefault("agi_threadid", ""),
                args(headers),
                scriptParameters(networkScript),
                headers);
    }

    private static String required(Map<String, String> headers, String key) {
        String value = headers.get(key);
        if (value == null) {
            throw new AgiProtocolException("AGI environment has no " + key + " line (keys: "
                    + WireText.visible(headers.keySet().toString()) + ")");
        }
        return value;
    }

    /** Asterisk writes the literal {@code unknown} for a caller id or DNID it does not have. */
    private static Optional<String> known(String value) {
        return value == null || value.isEmpty() || value.equals(UNKNOWN) ? Optional.empty() : Optional.of(value);
    }

    private static List<String> args(SequencedMap<String, String> headers) {
        List<String> args = new ArrayList<>();
        for (Map.Entry<String, String> header : headers.entrySet()) {
            if (header.getKey().startsWith(ARG_PREFIX)) {
                String expected = ARG_PREFIX + (args.size() + 1);
                if (!header.getKey().equals(expected)) {
                    throw new AgiProtocolException("AGI environment has " + WireText.visible(header.getKey())
                            + " where " + expected
                            + " was expected");
                }
                args.add(header.getValue());
            }
        }
        return args;
    }

    private static SequencedMap<String, String> scriptParameters(String networkScript) {
        SequencedMap<String, String> parameters = new LinkedHashMap<>();
        int query = networkScript.indexOf('?');
        if (query < 0) {
            return parameters;
        }
        for (String pair : networkScript.substring(query + 1).split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = urlDecode(equals < 0 ? pair : pair.substring(0, equals), networkScript);
            String value = equals < 0 ? "" : urlDecode(pair.substring(equals + 1), networkScript);
            if (parameters.putIfAbsent(name, value) != null) {
                throw new AgiProtocolException("agi_network_script repeats the query parameter '"
                        + WireText.visible(name) + "': '" + WireText.visible(networkScript) + "'");
            }
        }
        return parameters;
    }

    private static String urlDecode(String text, String networkScript) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AgiProtocolException("agi_network_script has a malformed %-escape in '"
                    + WireText.visible(text) + "': '" + WireText.visible(networkScript) + "'");
        }
    }
}
