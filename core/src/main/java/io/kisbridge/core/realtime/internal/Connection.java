package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.AesKey;
import io.kisbridge.core.realtime.FeedState;
import io.kisbridge.core.realtime.RealtimeFeed;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's WebSocket session: connects with an approval key, registers the topics when open, and after a
 * loss reconnects with exponential backoff (and a fresh key after KIS refused the old one). Each attempt is a
 * new {@link FeedSocket} with a new generation; callbacks of older ones are ignored. All state is guarded by
 * the feed lock; the socket thread never waits on listeners (they have their own queues).
 */
public final class Connection implements FeedSocket.Handler, TopicRegistry.Channel, ControlHandler.Session {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeFeed.class);

    private final Object lock;
    private final URI uri;
    private final Supplier<String> approvalKeys;
    private final Runnable forgetApprovalKey;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final ControlCodec codec;
    private final StatusBoard status;
    private final TopicRegistry registry;
    private final Map<String, AesKey> aesKeys;
    private final InboundDispatcher inbound;
    private final FeedMetrics metrics;
    private final int keepAliveSeconds;

    private FeedSocket socket;
    private long generation;
    private int attempt;
    private boolean needFreshKey;

    public Connection(Object lock, URI uri, Supplier<String> approvalKeys, Runnable forgetApprovalKey, Backoff backoff,
            ScheduledExecutorService scheduler, ControlCodec codec, StatusBoard status, TopicRegistry registry,
            Map<String, AesKey> aesKeys, InboundDispatcher inbound, FeedMetrics metrics, int keepAliveSeconds) {
        this.lock = lock;
        this.keepAliveSeconds = keepAliveSeconds;
        this.uri = uri;
        this.approvalKeys = approvalKeys;
        this.forgetApprovalKey = forgetApprovalKey;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.codec = codec;
        this.status = status;
        this.registry = registry;
        this.aesKeys = aesKeys;
        this.inbound = inbound;
        this.metrics = metrics;
    }

    /** One connection attempt; runs on the scheduler. */
    public void connect() {
        boolean fresh;
        long gen;
        synchronized (lock) {
            if (status.state() == FeedState.CLOSED) {
                return;
            }
            setState(FeedState.CONNECTING, attempt == 0 ? "connecting" : "reconnecting, attempt " + attempt);
            fresh = needFreshKey;
            gen = ++generation;
        }
        String key;
        try {
            if (fresh && forgetApprovalKey != null) {
                forgetApprovalKey.run();
            }
            key = approvalKeys.get();
        } catch (RuntimeException e) {
            LOG.warn("realtime: cannot get an approval key ({}); retrying", e.getClass().getSimpleName());
            scheduleReconnect("approval key unavailable: " + e.getClass().getSimpleName());
            return;
        }
        FeedSocket s = new FeedSocket(uri, gen, key, codec, this, metrics.malformedFrames(), keepAliveSeconds);
        synchronized (lock) {
            if (status.state() == FeedState.CLOSED || gen != generation) {
                return;
            }
            needFreshKey = false;
            socket = s;
        }
        s.connect();
    }

    /**
     * The feed closes: publishes {@link FeedState#CLOSED} and forgets the socket, returned for the caller to
     * close outside the lock. Caller holds the feed lock.
     */
    public FeedSocket shutdown() {
        setState(FeedState.CLOSED, "closed");
        FeedSocket s = socket;
        socket = null;
        generation++;
        return s;
    }

    @Override
    public void opened(FeedSocket s) {
        synchronized (lock) {
            if (s.generation() != generation || status.state() == FeedState.CLOSED) {
                s.close();
                return;
            }
            metrics.connects().incrementAndGet();
            attempt = 0;
            setState(FeedState.CONNECTED, "connected");
            registry.registerAll(this);
        }
    }

    @Override
    public void message(String text) {
        inbound.onText(text, this);
    }

    @Override
    public void closed(FeedSocket s, int code, String reason) {
        synchronized (lock) {
            if (s.generation() != generation || status.state() == FeedState.CLOSED) {
                return;
            }
            socket = null;
            generation++;
            metrics.disconnects().incrementAndGet();
            LOG.warn("realtime: connection closed ({} {}); reconnecting", code, reason);
            aesKeys.clear();
            setState(FeedState.DISCONNECTED, "connection closed (" + code + ")");
            registry.markDisconnected();
            scheduleReconnect("connection lost");
        }
    }

    @Override
    public boolean ready() {
        return socket != null && status.state() == FeedState.CONNECTED;
    }

    @Override
    public void send(String trType, String trId, String trKey) {
        socket.sendRequest(trType, trId, trKey);
    }

    @Override
    public void pong(String text) {
        FeedSocket s;
        synchronized (lock) {
            s = socket;
        }
        if (s != null && s.isOpen()) {
            // Echo as a text frame (what most clients do; the reference accepts text or pong).
            s.send(text);
            metrics.pingsAnswered().incrementAndGet();
        }
    }

    @Override
    public void reconnect(boolean freshKey) {
        synchronized (lock) {
            if (freshKey) {
                needFreshKey = true;
            }
            FeedSocket s = socket;
            if (s != null) {
                s.close();
            }
        }
    }

    private void scheduleReconnect(String why) {
        synchronized (lock) {
            if (status.state() == FeedState.CLOSED) {
                return;
            }
            Duration delay = backoff.delay(attempt);
            attempt++;
            setState(FeedState.RECONNECTING, why + "; retry in " + delay.toMillis() + " ms");
            try {
                scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
            } catch (RejectedExecutionException e) {
                LOG.debug("realtime: scheduler stopped, no reconnect");
            }
        }
    }

    /** Publishes a connection status to the status listeners, then to every topic's listeners. */
    private void setState(FeedState s, String detail) {
        registry.publishFeedStatus(status.publish(s, detail, attempt));
    }
}
