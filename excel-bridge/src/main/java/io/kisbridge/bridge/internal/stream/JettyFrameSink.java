package io.kisbridge.bridge.internal.stream;

import java.nio.channels.ClosedChannelException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.eclipse.jetty.websocket.api.BatchMode;
import org.eclipse.jetty.websocket.api.RemoteEndpoint;
import org.eclipse.jetty.websocket.api.Session;
import org.eclipse.jetty.websocket.api.WriteCallback;

/**
 * Sends a drain's texts through Jetty 11 as one write: every text but the last goes out in batch mode (Jetty copies
 * the frame into the connection's batch buffer and completes it at once), the last one with batch mode off, which
 * makes Jetty's frame flusher write the batch buffer and that frame together. Each text stays its own text frame.
 *
 * <p>Nothing blocks: {@code RemoteEndpoint.flush()} would wait without a time limit for a peer that stops reading,
 * so instead the drain is done when the last frame's callback runs, which Jetty calls only after the write (or with
 * the failure when the socket closes; a closed socket fails every queued frame). Frames bigger than a quarter of
 * the WebSocket output buffer are not copied into the batch buffer but still go out in a gathering write with the
 * frames queued beside them (Jetty gathers up to nine frames per write).
 *
 * <p>Only the socket's single drain calls {@link #send}, so switching the endpoint's batch mode per frame is safe.
 */
final class JettyFrameSink implements FrameSink {
    private final Session session;

    JettyFrameSink(Session session) {
        this.session = session;
    }

    @Override
    public void send(List<String> texts, Consumer<Throwable> done) {
        if (!session.isOpen()) {
            done.accept(new ClosedChannelException());
            return;
        }
        RemoteEndpoint remote = session.getRemote();
        Completion completion = new Completion(texts.size(), done);
        int last = texts.size() - 1;
        remote.setBatchMode(BatchMode.ON);
        for (int i = 0; i < last; i++) {
            remote.sendString(texts.get(i), completion);
        }
        remote.setBatchMode(BatchMode.OFF);
        remote.sendString(texts.get(last), completion);
    }

    /** Counts the frames' callbacks down and reports once, with the first failure if any. */
    private static final class Completion implements WriteCallback {
        private final AtomicInteger left;
        private final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final Consumer<Throwable> done;

        Completion(int frames, Consumer<Throwable> done) {
            this.left = new AtomicInteger(frames);
            this.done = done;
        }

        @Override
        public void writeFailed(Throwable x) {
            failure.compareAndSet(null, x);
            countDown();
        }

        @Override
        public void writeSuccess() {
            countDown();
        }

        private void countDown() {
            if (left.decrementAndGet() == 0) {
                done.accept(failure.get());
            }
        }
    }
}
