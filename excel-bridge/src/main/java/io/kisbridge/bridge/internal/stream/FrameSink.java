package io.kisbridge.bridge.internal.stream;

import java.util.List;
import java.util.function.Consumer;

/** Where a socket's drained texts go: one WebSocket text frame per text, in order. */
interface FrameSink {
    /**
     * Sends {@code texts} without blocking and calls {@code done} exactly once when all of them are written (null)
     * or when the socket failed (the cause); {@code done} may run on any thread, or on the caller's.
     */
    void send(List<String> texts, Consumer<Throwable> done);
}
