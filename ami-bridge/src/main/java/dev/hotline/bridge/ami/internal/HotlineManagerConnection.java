package dev.hotline.bridge.ami.internal;

import dev.hotline.bridge.ami.AmiSettings;
import java.io.IOException;
import org.asteriskjava.lock.Locker.LockCloser;
import org.asteriskjava.manager.ManagerConnectionState;
import org.asteriskjava.manager.event.DisconnectEvent;
import org.asteriskjava.manager.event.ManagerEvent;
import org.asteriskjava.manager.internal.ManagerConnectionImpl;
import org.asteriskjava.util.SocketConnectionFacade;

/**
 * Asterisk-Java's ManagerConnection with its own reconnect turned off. On a lost connection the library starts a
 * thread that sleeps (50 ms ten times, then 5 s) and reconnects forever; that can neither be tuned nor driven by a
 * test clock, and it would race {@code AmiConnection}'s back-off. Here a lost connection just ends: the connection
 * becomes DISCONNECTED (pending actions are failed by the library as before) and {@code onLost} is told, and
 * {@code AmiConnection} builds a fresh connection when its back-off says so. Login is Asterisk-Java's, which is
 * always the MD5 challenge (Challenge action, then Login with AuthType MD5 and Key): the secret never goes in clear.
 */
public final class HotlineManagerConnection extends ManagerConnectionImpl {

    private final Runnable onLost;
    private final String name;

    public HotlineManagerConnection(AmiSettings settings, Runnable onLost) {
        this.onLost = onLost;
        this.name = settings.name();
        setHostname(settings.host());
        setPort(settings.port());
        setUsername(settings.username());
        setPassword(settings.secret());
        long timeoutMillis = settings.keepAliveTimeout().toMillis();
        setDefaultResponseTimeout(timeoutMillis);
        setDefaultEventTimeout(timeoutMillis * 2);
        setSocketTimeout((int) Math.min(Integer.MAX_VALUE, timeoutMillis));
    }

    @Override
    public void dispatchEvent(ManagerEvent event, Integer requiredHandlingTime) {
        if (!(event instanceof DisconnectEvent)) {
            super.dispatchEvent(event, requiredHandlingTime);
            return;
        }
        boolean wasConnected;
        LockCloser lock = withLock();
        try {
            wasConnected = state == ManagerConnectionState.CONNECTED;
            if (wasConnected) {
                state = ManagerConnectionState.DISCONNECTED;
            }
        } finally {
            lock.close();
        }
        // not CONNECTED any more: the library fails pending actions and starts no reconnect thread
        super.dispatchEvent(event, requiredHandlingTime);
        if (wasConnected) {
            disconnect();
            onLost.run();
        }
    }

    /** The library's socket, read through {@link BridgeEventGuard}. */
    @Override
    protected SocketConnectionFacade createSocket() throws IOException {
        return new BridgeEventGuard(super.createSocket(), name);
    }

    /** Drops the connection without a Logoff (half-open: a Logoff would wait for an answer that never comes). */
    public void abandon() {
        LockCloser lock = withLock();
        try {
            state = ManagerConnectionState.DISCONNECTED;
        } finally {
            lock.close();
        }
        disconnect();
    }
}
