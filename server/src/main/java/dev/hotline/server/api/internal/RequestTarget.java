package dev.hotline.server.api.internal;

import io.netty.handler.codec.http.QueryStringDecoder;

/**
 * The path of a request's target, as sent (not decoded: the routes decode each part after splitting). A server must
 * accept the absolute form too (RFC 9112 3.2.2), {@code http://host:8080/api/v1/health}, which some clients and
 * proxies send: its path is what follows the authority.
 */
final class RequestTarget {

    private RequestTarget() {
    }

    static String path(String target) {
        String raw = new QueryStringDecoder(target).rawPath();
        int authority = raw.regionMatches(true, 0, "http://", 0, 7) ? 7
                : raw.regionMatches(true, 0, "https://", 0, 8) ? 8 : -1;
        if (authority < 0) {
            return raw;
        }
        int slash = raw.indexOf('/', authority);
        return slash < 0 ? "/" : raw.substring(slash);
    }
}
