package dev.hotline.ivr;

import java.time.Duration;
import java.util.Objects;

/** Where a lookup node finds self-service data, declared under a flow's {@code sources:}. */
public sealed interface LookupSource {

    String name();

    /**
     * A table shipped with the configuration (CSV with a header row, or a YAML list of maps), searched in-module.
     *
     * @param table     the table's name as given to the loader, e.g. {@code tables/orders.csv}
     * @param keyColumn the column a lookup key is matched against
     */
    record Table(String name, String table, String keyColumn) implements LookupSource {
        public Table {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(table, "table");
            Objects.requireNonNull(keyColumn, "keyColumn");
        }
    }

    /**
     * How the parameters of an HTTP lookup travel: in the query string ({@code GET}), or as a JSON object in the body
     * ({@code POST}), which keeps a PIN or an account number out of URLs, and so out of access logs and proxies.
     */
    enum HttpMethod { GET, POST }

    /** An HTTP endpoint answering a JSON object; the bridge performs the request. */
    record Http(String name, String url, Duration timeout, HttpMethod method) implements LookupSource {
        public Http {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(timeout, "timeout");
            Objects.requireNonNull(method, "method");
        }

        /** A source asked with {@code GET}. */
        public Http(String name, String url, Duration timeout) {
            this(name, url, timeout, HttpMethod.GET);
        }
    }
}
