package dev.hotline.bridge.net;

import java.net.BindException;
import java.nio.channels.UnresolvedAddressException;

/** Why a listener could not bind its address, in words an admin can act on. */
public final class BindFailure {

    private BindFailure() {
    }

    /**
     * The reason for {@code cause}: "address already in use" as the system says it, or that the bind address is not
     * an address at all (a host name that does not resolve, 999.999.999.999), whose exception has no message.
     */
    public static String why(Throwable cause) {
        if (cause instanceof UnresolvedAddressException) {
            return "the bind address does not resolve to an address of this machine (a typo, or 999.999.999.999)";
        }
        if (cause instanceof BindException && cause.getMessage() != null) {
            return cause.getMessage();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
