package dev.hotline.bench.load;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Asterisk's end of one FastAGI connection: reads the server's commands a line at a time and writes replies. Blocking
 * I/O, meant for a virtual thread per connection.
 */
final class AgiLineSocket implements AutoCloseable {

    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final StringBuilder line = new StringBuilder(64);

    private AgiLineSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new BufferedInputStream(socket.getInputStream(), 1024);
        this.out = socket.getOutputStream();
    }

    static AgiLineSocket connect(int port, int readTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        try {
            socket.setTcpNoDelay(true); // Asterisk writes each reply at once
            socket.connect(new InetSocketAddress("127.0.0.1", port), 30_000);
            socket.setSoTimeout(readTimeoutMillis);
            return new AgiLineSocket(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** The next line without its LF, or empty at the end of the stream (the server closed its side). */
    Optional<String> readLine() throws IOException {
        line.setLength(0);
        for (int b = in.read(); b != -1; b = in.read()) {
            if (b == '\n') {
                return Optional.of(line.toString());
            }
            line.append((char) b);
        }
        if (!line.isEmpty()) {
            throw new IOException("the server closed the connection in the middle of a line: '" + line + "'");
        }
        return Optional.empty();
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
    }

    void write(String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * What Asterisk does when the server has half-closed: it sends {@code HANGUP} and closes. A server that closed
     * both ways may already have reset the connection; that is its close too.
     */
    void hangUpAndClose() {
        try {
            write("HANGUP\n");
        } catch (IOException ignored) {
            // the server closed both directions (Asterisk-Java does): nothing more to tell it
        }
        close();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a socket that is already gone
        }
    }
}
