package io.kisbridge.bench.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Java-WebSocket clients ({@link StreamClient}): each socket has a reading thread of its own that reads, validates
 * and decodes every frame and calls the handler, like a separate browser tab would. Costly in threads and CPU (at
 * 100 sockets its UTF-8 validation alone was a fifth of the process CPU); kept so older figures stay reproducible.
 */
public final class JavaWebSocketClients implements StreamClients {
    private final Set<Long> readThreads = ConcurrentHashMap.newKeySet();
    private int sockets;

    @Override
    public StreamConnection connect(String url, StreamConnection.Handler handler, Consumer<String> onClose)
            throws InterruptedException {
        StreamClient c = new StreamClient(url, handler, onClose);
        if (!c.connectBlocking(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("cannot connect to " + url);
        }
        Thread reader = c.readThread();
        if (reader != null) {
            readThreads.add(reader.threadId());
        }
        sockets++;
        return c;
    }

    @Override
    public boolean isClientThread(long threadId) {
        return readThreads.contains(threadId);
    }

    @Override
    public String describe() {
        return "java-websocket (Java-WebSocket, one reading thread per socket: " + sockets + " threads)";
    }

    @Override
    public void close() {
        // each StreamClient owns its threads; they end with their sockets
    }
}
