package dev.hotline.bridge.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hotline.ivr.Action;
import dev.hotline.ivr.Input;
import dev.hotline.ivr.LookupSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.TimeUnit;

/**
 * Lookups over HTTP: {@code GET <url>?<parameters>}, or {@code POST <url>} with the parameters as a JSON object of
 * texts (a source with {@code method: post}), with the flow's timeout, asynchronously. A JSON object answer is
 * flattened to text fields ({@code {"order": {"status": "shipped"}}} gives {@code order.status = shipped}, array
 * elements are numbered {@code items.0}); 404 means "nothing found" (an empty result); any other status, a body that
 * is not a JSON object or is larger than {@link #MOST_BYTES}, a network error or the timeout is a
 * {@link Input.LookupFailed} naming it.
 */
public final class HttpLookupService implements LookupService {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** The largest answer read: a customer's record is a few hundred bytes, anything near this is not one. */
    static final long MOST_BYTES = 1024 * 1024;

    private final HttpClient client;

    public HttpLookupService(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    @Override
    public CompletionStage<Input> lookup(Action.Lookup lookup) {
        boolean post = lookup.method() == LookupSource.HttpMethod.POST;
        URI uri;
        try {
            uri = URI.create(post ? lookup.url() : lookup.url() + query(lookup.url(), lookup.parameters()));
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(
                    new Input.LookupFailed("source " + lookup.source() + ": bad URL " + lookup.url()));
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri).timeout(lookup.timeout())
                .header("Accept", "application/json");
        if (post) {
            builder.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body(lookup.parameters()), StandardCharsets.UTF_8));
        } else {
            builder.GET();
        }
        HttpRequest request = builder.build();
        return client.sendAsync(request, LimitedBody.upTo(MOST_BYTES))
                .orTimeout(lookup.timeout().toNanos(), TimeUnit.NANOSECONDS)
                .handle((response, failure) -> failure != null
                        ? new Input.LookupFailed("source " + lookup.source() + ": " + describe(failure, lookup))
                        : answer(lookup, response));
    }

    private static Input answer(Action.Lookup lookup, HttpResponse<String> response) {
        int status = response.statusCode();
        if (status == 404) {
            return new Input.LookupResult(Map.of());
        }
        if (status / 100 != 2) {
            return new Input.LookupFailed("source " + lookup.source() + ": HTTP " + status + " from " + lookup.url());
        }
        JsonNode body;
        try {
            body = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            return new Input.LookupFailed("source " + lookup.source() + ": answer from " + lookup.url()
                    + " is not JSON: " + e.getOriginalMessage());
        }
        if (body == null || !body.isObject()) {
            return new Input.LookupFailed("source " + lookup.source() + ": answer from " + lookup.url()
                    + " is not a JSON object");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        flatten("", body, fields);
        return new Input.LookupResult(fields);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> fields) {
        if (node.isObject()) {
            node.properties().forEach(e -> flatten(prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey(),
                    e.getValue(), fields));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), fields);
            }
        } else if (!node.isNull()) {
            fields.put(prefix, node.asText());
        }
    }

    /** The parameters as one JSON object of text values, in name order. */
    private static String body(Map<String, String> parameters) {
        ObjectNode body = JSON.createObjectNode();
        new TreeMap<>(parameters).forEach(body::put);
        return body.toString();
    }

    private static String query(String url, Map<String, String> parameters) {
        if (parameters.isEmpty()) {
            return "";
        }
        StringBuilder query = new StringBuilder(url.contains("?") ? "&" : "?");
        new TreeMap<>(parameters).forEach((name, value) -> {
            if (query.length() > 1) {
                query.append('&');
            }
            query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        });
        return query.toString();
    }

    private static String describe(Throwable failure, Action.Lookup lookup) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof LimitedBody.TooLarge) {
                return "answer from " + lookup.url() + " is larger than " + MOST_BYTES + " bytes";
            }
        }
        if (cause instanceof TimeoutException || cause instanceof HttpTimeoutException) {
            return "no answer from " + lookup.url() + " within " + lookup.timeout().toMillis() + " ms";
        }
        return cause.getClass().getSimpleName() + " from " + lookup.url() + ": " + cause.getMessage();
    }
}
