package dev.hotline.server.api;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-decoding of one part of a request's path (RFC 3986): {@code %XX} is a byte, the bytes are UTF-8, and
 * anything else is refused with what and where instead of being guessed at (a {@code '+'} stays a plus, as paths
 * have no form encoding).
 */
final class PathPart {

    private PathPart() {
    }

    /** The decoded part; an {@link IllegalArgumentException} names the bad escape or says the bytes are not UTF-8. */
    static String decode(String part) {
        byte[] bytes = new byte[part.length()];
        int n = 0;
        for (int i = 0; i < part.length(); i++) {
            char c = part.charAt(i);
            if (c != '%') {
                if (c > 0x7f) {
                    // the HTTP codec gives the request line as ISO-8859-1: a raw non-ASCII byte, never a char
                    throw new IllegalArgumentException("the path part '" + part + "' has a byte that is not ASCII: "
                            + "percent-encode it");
                }
                bytes[n++] = (byte) c;
                continue;
            }
            int high = i + 1 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
            int low = i + 2 < part.length() ? Character.digit(part.charAt(i + 2), 16) : -1;
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("the path part '" + part + "' has a bad percent-encoding at "
                        + "character " + (i + 1) + ": '%' must be followed by two hexadecimal digits");
            }
            bytes[n++] = (byte) (high << 4 | low);
            i += 2;
        }
        String decoded;
        try {
            decoded = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes, 0, n)).toString();
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("the path part '" + part + "' does not decode to UTF-8 text");
        }
        if (decoded.chars().anyMatch(Character::isISOControl)) {
            // no id has one, and it would reach the answers and the log as it is
            throw new IllegalArgumentException("the path part '" + part + "' decodes to a control character");
        }
        return decoded;
    }
}
