package dev.hotline.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.concurrent.locks.LockSupport;
import org.asteriskjava.fastagi.AgiScript;
import org.asteriskjava.fastagi.DefaultAgiServer;

/**
 * Asterisk-Java's {@link DefaultAgiServer} with its defaults (a thread per call from a pool of 10 core threads that
 * grows to 500, no queue: a call beyond 500 is refused), on a free loopback port, with its accept loop on a thread of
 * its own as its {@code startup()} requires.
 */
final class AsteriskJavaServer implements AutoCloseable {

    /** The accept loop's thread, named here; the pool's threads are named by Asterisk-Java's DaemonThreadFactory. */
    private static final String ACCEPT_THREAD = "asterisk-java-agi-server";
    private static final String POOL_THREAD_PREFIX = "AJ DaemonPool-";

    private final DefaultAgiServer server;
    private final Thread acceptLoop;
    private final int port;

    private AsteriskJavaServer(AgiScript script, int maxThreads) throws IOException {
        port = freePort();
        server = new DefaultAgiServer(script);
        if (maxThreads > 0) {
            server.setMaximumPoolSize(maxThreads);
        }
        server.setPort(port);
        server.setAddress(InetAddress.getLoopbackAddress());
        acceptLoop = Thread.ofPlatform().name(ACCEPT_THREAD).start(() -> {
            try {
                server.startup();
            } catch (IOException e) {
                throw new UncheckedIOException("Asterisk-Java's DefaultAgiServer did not start on port " + port, e);
            }
        });
        awaitListening();
    }

    /**
     * @param maxThreads the pool's maximum, so it can take that many calls at once; 0 keeps Asterisk-Java's default
     *                   (500)
     */
    static AsteriskJavaServer start(AgiScript script, int maxThreads) throws IOException {
        return new AsteriskJavaServer(script, maxThreads);
    }

    int port() {
        return port;
    }

    /** Whether a thread with this name works for Asterisk-Java's server: its accept loop or a pooled call thread. */
    static boolean ownsThread(String name) {
        return name.equals(ACCEPT_THREAD) || name.startsWith(POOL_THREAD_PREFIX);
    }

    /** The pool as configured: core size and maximum. */
    String pool() {
        return server.getPoolSize() + " core threads, at most " + server.getMaximumPoolSize();
    }

    private void awaitListening() throws IOException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            try (Socket probe = new Socket()) {
                probe.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 1000);
                return; // the probe's empty session ends with a logged read error on the server side; harmless
            } catch (IOException notYet) {
                if (System.nanoTime() > deadline || !acceptLoop.isAlive()) {
                    throw new IOException("Asterisk-Java's DefaultAgiServer is not listening on port " + port, notYet);
                }
                LockSupport.parkNanos(10_000_000);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        server.shutdown();
        acceptLoop.join(10_000);
    }
}
