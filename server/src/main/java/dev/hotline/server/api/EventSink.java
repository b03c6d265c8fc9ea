package dev.hotline.server.api;

/**
 * One client's open event stream (Server-Sent Events): what is sent reaches it in order. Safe to call from any
 * thread; never blocks. A client that is gone, or reads too slowly to keep up, is disconnected.
 */
public interface EventSink {

    /**
     * Sends one event.
     *
     * @param event the event's name ({@code offer}, {@code state}...)
     * @param id    the event's id, increasing
     * @param json  the event's data, one line of JSON
     * @return false if the client is gone (or was just disconnected for falling behind)
     */
    boolean send(String event, long id, String json);

    /** Runs {@code then} once the client is gone. */
    void onClose(Runnable then);
}
