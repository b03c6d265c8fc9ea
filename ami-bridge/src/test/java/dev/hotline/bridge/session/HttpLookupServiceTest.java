package dev.hotline.bridge.session;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.hotline.ivr.Action;
import dev.hotline.ivr.Input;
import dev.hotline.ivr.LookupSource;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** IVR lookups over HTTP against a loopback server: fields flattened, not-found, failures named. */
class HttpLookupServiceTest {

    private HttpServer server;
    private final HttpLookupService lookups = new HttpLookupService(HttpClient.newHttpClient());

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/balance", exchange -> {
            String query = exchange.getRequestURI().getRawQuery();
            byte[] body = query.equals("account=6222+00&pin=1234")
                    ? "{\"balance\": {\"major\": 120, \"minor\": 5}, \"owner\": \"Li\", \"note\": null}"
                            .getBytes(StandardCharsets.UTF_8)
                    : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/verify", exchange -> {
            // the PIN may come in a JSON body only, never in the URL
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            boolean asked = exchange.getRequestMethod().equals("POST") && exchange.getRequestURI().getRawQuery() == null
                    && "application/json".equals(exchange.getRequestHeaders().getFirst("Content-Type"))
                    && body.equals("{\"account\":\"6222 00\",\"pin\":\"1234\"}");
            byte[] answer = asked ? "{\"owner\": \"Li\"}".getBytes(StandardCharsets.UTF_8) : new byte[0];
            exchange.sendResponseHeaders(asked ? 200 : 400, asked ? answer.length : -1);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.createContext("/huge", exchange -> {
            // a service gone wrong: megabytes, sent as they come (chunked), never a customer's record
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = ("{\"padding\": \"" + "x".repeat(64 * 1024)).getBytes(StandardCharsets.UTF_8);
            try {
                for (int i = 0; i < 64; i++) {
                    exchange.getResponseBody().write(chunk);
                }
            } catch (IOException hungUp) {
                // the client stopped reading, as it should
            }
            exchange.close();
        });
        server.createContext("/down", exchange -> {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private Input lookup(String path, Map<String, String> parameters) throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + path;
        return lookups.lookup(new Action.Lookup("accounts", url, parameters, Duration.ofSeconds(5)))
                .toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @Test
    void aJsonAnswerIsFlattenedToTextFieldsWithEncodedParameters() throws Exception {
        Input input = lookup("/balance", Map.of("pin", "1234", "account", "6222 00"));

        assertThat(input).isEqualTo(new Input.LookupResult(
                Map.of("balance.major", "120", "balance.minor", "5", "owner", "Li")));
    }

    @Test
    void aPostSourceSendsItsParametersAsAJsonBodySoAPinNeverAppearsInAUrl() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/verify";
        Input input = lookups.lookup(new Action.Lookup("accounts", url, Map.of("pin", "1234", "account", "6222 00"),
                Duration.ofSeconds(5), LookupSource.HttpMethod.POST)).toCompletableFuture().get(10, TimeUnit.SECONDS);

        assertThat(input).isEqualTo(new Input.LookupResult(Map.of("owner", "Li")));
    }

    @Test
    void notFoundIsAnEmptyResult() throws Exception {
        assertThat(lookup("/balance", Map.of("account", "0"))).isEqualTo(new Input.LookupResult(Map.of()));
    }

    @Test
    void anAnswerOfMegabytesIsAFailedLookupNotAFullHeap() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/huge";

        assertThat(lookup("/huge", Map.of())).isEqualTo(new Input.LookupFailed("source accounts: answer from " + url
                + " is larger than 1048576 bytes"));
    }

    @Test
    void aServerErrorIsAFailedLookupNamingTheSourceAndStatus() throws Exception {
        String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/down";

        assertThat(lookup("/down", Map.of()))
                .isEqualTo(new Input.LookupFailed("source accounts: HTTP 503 from " + url));
    }
}
