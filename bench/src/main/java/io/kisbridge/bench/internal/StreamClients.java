package io.kisbridge.bench.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * A way to open many {@code /v1/stream} sockets in this process, and to tell which threads do the clients' work (so a
 * driver can report the bridge's CPU apart from the clients'). Closing it closes what the sockets share.
 */
public interface StreamClients extends AutoCloseable {
    /** The {@code --client} names, the default first. */
    List<String> KINDS = List.of("java-websocket", "jetty", "jdk");

    /**
     * {@code jetty}: {@link JettyStreamClients} (Jetty's WebSocket client, a selector and {@code threads} pool threads
     * for all sockets);
     * {@code jdk}: {@link JdkStreamClients} (one shared java.net.http client, {@code threads} threads for all sockets);
     * {@code java-websocket}: {@link JavaWebSocketClients} (a reading thread per socket; {@code threads} is ignored).
     */
    static StreamClients create(String kind, int threads) {
        return switch (kind.strip().toLowerCase(Locale.ROOT)) {
            case "jetty" -> new JettyStreamClients(threads);
            case "jdk" -> new JdkStreamClients(threads);
            case "java-websocket" -> new JavaWebSocketClients();
            default -> throw new IllegalArgumentException("--client must be one of " + KINDS + "; got '" + kind + "'");
        };
    }

    /** Opens a socket to {@code url} (waits up to 10 s for the handshake); {@code onClose} gets a reason if it ends. */
    StreamConnection connect(String url, StreamConnection.Handler handler, Consumer<String> onClose)
            throws InterruptedException;

    /** Whether the live thread with this id does work for these clients (reading, decoding, handling messages). */
    boolean isClientThread(long threadId);

    /** One line for the report: the library and its threads. */
    String describe();

    @Override
    void close();
}
