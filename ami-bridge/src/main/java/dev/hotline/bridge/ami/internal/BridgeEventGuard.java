package dev.hotline.bridge.ami.internal;

import dev.hotline.bridge.agi.codec.WireText;
import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.asteriskjava.util.SocketConnectionFacade;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The manager connection's socket, less the bridge events that would end Asterisk-Java's reader. The library tracks
 * bridges on its reader thread, right after it has built each event, in a map keyed by BridgeUniqueid that takes no
 * null key: a BridgeCreate, BridgeEnter, BridgeLeave or BridgeDestroy without that header (or with it empty) threw
 * there, the reader stopped, and the connection went down as if Asterisk had closed it, every phone state forgotten
 * until the reconnect. Such a message is read whole here and dropped with a warning; every other line passes as read.
 */
final class BridgeEventGuard implements SocketConnectionFacade {

    private static final Logger LOG = LoggerFactory.getLogger(BridgeEventGuard.class);

    /** The events the library's bridge tracking looks up by their BridgeUniqueid. */
    private static final Set<String> TRACKED = Set.of("Event: BridgeCreate", "Event: BridgeDestroy",
            "Event: BridgeEnter", "Event: BridgeLeave");

    private final SocketConnectionFacade socket;
    private final String server;
    /** The lines of a checked bridge event still to hand out, its blank end line included. */
    private final Deque<String> checked = new ArrayDeque<>();
    /** Malformed events dropped on this connection: said at the first and every thousandth, not line by line. */
    private long dropped;

    BridgeEventGuard(SocketConnectionFacade socket, String server) {
        this.socket = socket;
        this.server = server;
    }

    @Override
    public String readLine() throws IOException {
        while (true) {
            if (!checked.isEmpty()) {
                return checked.poll();
            }
            String line = socket.readLine();
            if (line == null || !TRACKED.contains(line.strip())) {
                return line;
            }
            List<String> message = new ArrayList<>();
            message.add(line);
            boolean hasBridgeId = false;
            String next = socket.readLine();
            while (next != null && !next.isEmpty()) {
                message.add(next);
                hasBridgeId |= next.toLowerCase(Locale.ROOT).startsWith("bridgeuniqueid: ")
                        && !next.substring("bridgeuniqueid: ".length()).isBlank();
                next = socket.readLine();
            }
            if (hasBridgeId) {
                checked.addAll(message);
                if (next != null) {
                    checked.add(next);
                }
            } else {
                dropped++;
                if (dropped == 1 || dropped % 1000 == 0) {
                    LOG.warn("AMI '{}': ignored a malformed {} event without BridgeUniqueid ({} such event(s) on this "
                            + "connection)", server, WireText.visible(line.strip().substring("Event: ".length())),
                            dropped);
                }
                if (next == null) {
                    return null;
                }
            }
        }
    }

    @Override
    public void write(String s) throws IOException {
        socket.write(s);
    }

    @Override
    public void flush() throws IOException {
        socket.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    @Override
    public boolean isConnected() {
        return socket.isConnected();
    }

    @Override
    public InetAddress getLocalAddress() {
        return socket.getLocalAddress();
    }

    @Override
    public int getLocalPort() {
        return socket.getLocalPort();
    }

    @Override
    public InetAddress getRemoteAddress() {
        return socket.getRemoteAddress();
    }

    @Override
    public int getRemotePort() {
        return socket.getRemotePort();
    }
}
