package dev.hotline.server.serve;

/**
 * The server could not start because one of its listeners (FastAGI, the API) cannot have its address: the port is
 * taken by another process, or the address is not this machine's. Nothing the failed start opened is left running;
 * the message names the listener, the address and the operating system's reason.
 */
public final class ListenerUnavailable extends IllegalStateException {
    ListenerUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
