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
 * Sends a drain's texts through Jetty 11 as one write, each text its own text frame. Every text but the last goes out
 * with batch mode on: Jetty's frame flusher copies the frame into the connection's batch buffer (if it is smaller
 * than a quarter of the WebSocket output buffer, hence the bridge's 64 KB) and completes its callback at once, before
 * anything is written. The last text goes out with batch mode off, which makes the flusher write the batch buffer and
 * that frame in one gathering write; its callback runs only after that write, so it vouches for the whole drain.
 *
 * <p>Nothing blocks. {@code RemoteEndpoint.flush()} would park the caller on a future without a time limit when a
 * peer stops reading (Jetty 11's WebSocket write timeout is off by default; only the socket closing, at the latest
 * on the hub's 12 h idle timeout, would end it); here the drain simply ends with the write in flight and the last
 * callback resumes it. When the socket closes, the flusher fails every frame it still
 * holds and refuses new ones, so the callbacks always run and the socket's outbox is then closed; frames Jetty had
 * already copied into the batch buffer of a socket that closes are lost with it, as any unsent frame would be.
 *
 * <p>Only the socket's single drain calls {@link #send}, so switching the endpoint's batch mode per frame is safe
 * (pings, pongs and close frames Jetty sends on its own ignore it).
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
