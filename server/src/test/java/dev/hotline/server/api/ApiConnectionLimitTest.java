package dev.hotline.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hotline.server.config.ApiSettings;
import dev.hotline.server.config.ApiSettings.Role;
import dev.hotline.server.config.ServerSettings.Secret;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The API keeps a bounded number of connections; clients without a token cannot keep the supervisors and agents who
 * have one out by holding every connection open.
 */
class ApiConnectionLimitTest {
    private static final String SUPERVISOR = "supervisor-token-0001";
    private static final int LIMIT = 3;

    private ApiServer api;
    private final List<Socket> sockets = new ArrayList<>();

    @BeforeEach
    void serve() {
        ApiSettings settings = new ApiSettings("127.0.0.1", 0, List.of(
                new ApiSettings.Token("supervisors", Role.SUPERVISOR, new Secret.Written(SUPERVISOR),
                        Optional.empty())));
        ApiRoutes routes = new ApiRoutes().add(new ApiRoutes.Route("GET", "/api/v1/ping", Set.of(Role.SUPERVISOR),
                request -> CompletableFuture.completedFuture(ApiResponse.ok(java.util.Map.of("pong", true)))));
        api = ApiServer.start(settings, name -> null, routes, LIMIT);
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        api.close();
    }

    @Test
    void aClientWithATokenGetsInWhenEveryConnectionIsHeldByClientsWithoutOneAndTheOldestOfThemIsClosed()
            throws IOException {
        Socket oldest = connect();
        connect();
        connect();

        Socket supervisor = connect();
        assertThat(ping(supervisor)).startsWith("HTTP/1.1 200");

        assertThat(closedByServer(oldest)).as("the oldest connection without a token made room").isTrue();
    }

    @Test
    void aNewConnectionIsClosedOnlyWhenEveryOpenOneHasShownAToken() throws IOException {
        for (int i = 0; i < LIMIT; i++) {
            assertThat(ping(connect())).startsWith("HTTP/1.1 200");
        }

        Socket late = connect();

        assertThat(closedByServer(late)).isTrue();
        assertThat(ping(sockets.getFirst())).as("the connections with a token are kept").startsWith("HTTP/1.1 200");
    }

    @Test
    void aConnectionThatAskedWithAWrongTokenIsStillOneWithoutAToken() throws IOException {
        Socket guesser = connect();
        assertThat(request(guesser, "wrong-token-000000000")).startsWith("HTTP/1.1 401");
        connect();
        connect();

        assertThat(ping(connect())).startsWith("HTTP/1.1 200");

        assertThat(closedByServer(guesser)).isTrue();
    }

    private Socket connect() throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress(api.localAddress().getAddress(), api.localAddress().getPort()), 5_000);
        s.setSoTimeout(10_000);
        sockets.add(s);
        return s;
    }

    private static String ping(Socket s) throws IOException {
        return request(s, SUPERVISOR);
    }

    /** One GET on a kept-alive connection; the status line and headers of the answer, its body read off. */
    private static String request(Socket s, String token) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(("GET /api/v1/ping HTTP/1.1\r\nHost: hotline\r\nAuthorization: Bearer " + token + "\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = s.getInputStream();
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                return head.toString();
            }
            head.append((char) b);
        }
        int length = head.toString().lines().filter(l -> l.toLowerCase().startsWith("content-length:"))
                .map(l -> Integer.parseInt(l.substring(l.indexOf(':') + 1).strip())).findFirst().orElse(0);
        in.readNBytes(length);
        return head.toString();
    }

    /** Whether the server closed {@code s}: a read ends rather than waiting (the socket's timeout bounds it). */
    private static boolean closedByServer(Socket s) throws IOException {
        try {
            return s.getInputStream().read() < 0;
        } catch (java.net.SocketTimeoutException open) {
            return false;
        } catch (java.net.SocketException reset) {
            return true;
        }
    }
}
