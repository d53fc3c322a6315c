package io.kisbridge.core.realtime;

import io.kisbridge.core.realtime.internal.Backoff;
import io.kisbridge.core.realtime.internal.Connection;
import io.kisbridge.core.realtime.internal.ControlCodec;
import io.kisbridge.core.realtime.internal.ControlHandler;
import io.kisbridge.core.realtime.internal.DataFrameRouter;
import io.kisbridge.core.realtime.internal.FeedMetrics;
import io.kisbridge.core.realtime.internal.FeedSocket;
import io.kisbridge.core.realtime.internal.InboundDispatcher;
import io.kisbridge.core.realtime.internal.ListenerQueue;
import io.kisbridge.core.realtime.internal.RestPoller;
import io.kisbridge.core.realtime.internal.StatusBoard;
import io.kisbridge.core.realtime.internal.TopicEntry;
import io.kisbridge.core.realtime.internal.TopicRegistry;
import io.kisbridge.core.realtime.internal.TopicSubscription;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The KIS realtime feed (kis-reference.md §7): one WebSocket session carrying reference-counted topics
 * ({@code trade:CODE}, {@code book:CODE}, {@code fills}). Handles subscribe acks and the per-TR AES key/iv,
 * PINGPONG, the registration cap (overflow visible as {@link TopicState#OVERFLOW}, optionally REST polling
 * for trade topics), reconnect with exponential backoff and jitter with every topic restored, and per-listener
 * bounded queues drained off the socket thread. Bad frames are counted and never stop the feed.
 *
 * <p>Logs never contain the approval key, AES keys, account numbers or HTS ids.
 *
 * <p>This class is the facade; the work is done in {@code internal}: {@link Connection} (socket, reconnect),
 * {@link TopicRegistry} (topics, cap, promotion), {@link InboundDispatcher} (frames and control messages),
 * {@link RestPoller}. All their mutable state is guarded by one lock, this feed's monitor.
 */
public final class RealtimeFeed implements AutoCloseable {
    /**
     * Official guidance: 41 registrations per app key (kis-reference.md §5); libraries use 40 for safety and
     * whether KIS counts per session or per app key is unverified (§11) — one session per app key anyway.
     */
    public static final int DEFAULT_MAX_REGISTRATIONS = 41;
    /** Ping interval of the connection's keepalive (see {@link Builder#keepAlive}). */
    public static final Duration DEFAULT_KEEP_ALIVE = Duration.ofSeconds(30);

    private final String htsId;
    private final boolean paper;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ExecutorService dispatcher;
    private final boolean ownsDispatcher;
    private final int queueCapacity;
    private final FeedCounters counters = new FeedCounters();
    private final StatusBoard status;
    private final TopicRegistry registry;
    private final Connection connection;
    /** Null without REST fallback. */
    private final RestPoller poller;

    private RealtimeFeed(Builder b) {
        URI uri = URI.create(Objects.requireNonNull(b.url, "url"));
        this.htsId = b.htsId;
        this.paper = b.paper;
        Supplier<String> approvalKeys = Objects.requireNonNull(b.approvalKey, "approvalKey");
        Backoff backoff = new Backoff(b.initialBackoff, b.maxBackoff, b.jitter);
        this.ownsScheduler = b.scheduler == null;
        this.scheduler = ownsScheduler ? Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "kis-realtime-scheduler");
            t.setDaemon(true);
            return t;
        }) : b.scheduler;
        this.ownsDispatcher = b.dispatcher == null;
        this.dispatcher = ownsDispatcher
                ? Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("kis-realtime-listener-", 0).factory())
                : b.dispatcher;
        this.queueCapacity = b.queueCapacity;

        Object lock = this;
        FeedMetrics metrics = metrics(counters);
        ControlCodec codec = new ControlCodec();
        Map<String, AesKey> aesKeys = new ConcurrentHashMap<>();
        this.status = new StatusBoard(b.clock);
        this.registry = new TopicRegistry(b.maxRegistrations, b.paper, htsId, b.pricer != null,
                metrics.registrationRejections(), status);
        InboundDispatcher inbound = new InboundDispatcher(new DataFrameRouter(lock, registry, aesKeys, metrics),
                new ControlHandler(lock, codec, registry, aesKeys, metrics), metrics);
        this.connection = new Connection(lock, uri, approvalKeys, b.forgetApprovalKey, backoff, scheduler, codec,
                status, registry, aesKeys, inbound, metrics, (int) b.keepAlive.toSeconds());
        this.poller = b.pricer == null ? null
                : new RestPoller(lock, registry, b.pricer, b.pollPeriod, scheduler, b.clock, metrics);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder wired to a client: its WS URL, environment (paper → H0STCNI9), HTS id, approval key (and
     * forgetting it when KIS refuses it), and — if {@code restFallback} — REST polling of the current price
     * for trade topics over the cap, one call per second at most on top of the client's own rate limiter.
     */
    public static Builder builder(io.kisbridge.core.KisClient client, boolean restFallback) {
        io.kisbridge.core.KisConfig config = client.config();
        Builder b = new Builder()
                .url(withOfficialPath(config.wsUrl()))
                .paper(config.environment() == io.kisbridge.core.KisEnvironment.PAPER)
                .htsId(config.htsId().orElse(null))
                .approvalKey(client::approvalKey)
                .forgetApprovalKey(client::forgetApprovalKey)
                .clock(config.clock());
        if (restFallback) {
            b.restFallback(code -> client.currentPrice(code).price(), Duration.ofSeconds(1));
        }
        return b;
    }

    /** Opens the connection (asynchronously). Topics may be subscribed before or after. */
    public void start() {
        synchronized (this) {
            if (status.state() != FeedState.IDLE) {
                return;
            }
            status.enter(FeedState.CONNECTING);
        }
        if (poller != null) {
            poller.start();
        }
        scheduler.execute(connection::connect);
    }

    /**
     * Subscribes with the default delivery: {@link DeliveryMode#LATEST} for market data, {@link DeliveryMode#ALL}
     * for fills. Topic syntax: {@link Topic#parse}.
     */
    public Subscription subscribe(String topic, Consumer<RealtimeEvent> listener) {
        return subscribe(Topic.parse(topic), listener);
    }

    public Subscription subscribe(Topic topic, Consumer<RealtimeEvent> listener) {
        return subscribe(topic, topic.kind() == Topic.Kind.FILLS ? DeliveryMode.ALL : DeliveryMode.LATEST, listener);
    }

    public Subscription subscribe(Topic topic, DeliveryMode mode, Consumer<RealtimeEvent> listener) {
        Objects.requireNonNull(listener, "listener");
        if (topic.kind() == Topic.Kind.FILLS && (htsId == null || htsId.isBlank())) {
            throw new IllegalStateException("the fills topic needs the HTS id (KIS_HTS_ID / --hts-id)");
        }
        topic.trId(paper); // refuses, naming the topic, what paper trading does not offer
        ListenerQueue<RealtimeEvent> queue = new ListenerQueue<>(listener, dispatcher, queueCapacity,
                mode == DeliveryMode.LATEST, e -> e instanceof RealtimeEvent.Data, counters.droppedEvents,
                counters.conflatedEvents,
                mode == DeliveryMode.ALL ? (first, n) -> new RealtimeEvent.Dropped(first.topic(), n) : null);
        TopicEntry entry;
        synchronized (this) {
            if (status.state() == FeedState.CLOSED) {
                throw new IllegalStateException("feed is closed");
            }
            entry = registry.add(topic, queue, connection);
            entry.offerCurrent(queue, status.last());
        }
        return new TopicSubscription(entry, () -> release(entry, queue));
    }

    /** Connection status changes; the current one is delivered at once. Close the handle to stop. */
    public ListenerHandle onStatus(Consumer<FeedStatus> listener) {
        ListenerQueue<FeedStatus> q = new ListenerQueue<>(listener, dispatcher, queueCapacity, false, s -> false,
                counters.droppedEvents, counters.conflatedEvents);
        status.addListener(q);
        synchronized (this) {
            q.offer(status.last());
        }
        return () -> {
            status.removeListener(q);
            q.close();
        };
    }

    public synchronized FeedState state() {
        return status.state();
    }

    public synchronized FeedStatus status() {
        return status.last();
    }

    /** State of a topic, or null if nobody watches it. */
    public synchronized TopicState topicState(Topic topic) {
        return registry.state(topic);
    }

    /** Topic → number of listeners. */
    public synchronized Map<Topic, Integer> topics() {
        return registry.listenerCounts();
    }

    /** Registrations currently sent to or held at KIS. */
    public synchronized int registrations() {
        return registry.registrations();
    }

    public FeedCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        FeedSocket s;
        synchronized (this) {
            if (status.state() == FeedState.CLOSED) {
                return;
            }
            s = connection.shutdown();
            registry.closeAll();
        }
        if (s != null) {
            s.close();
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        if (poller != null) {
            poller.stop();
        }
        status.closeListeners();
        if (ownsDispatcher) {
            dispatcher.shutdown();
        }
    }

    /** The official client connects to {@code <ws base>/tryitout} (kis-reference.md §2.1); keep any explicit path. */
    static String withOfficialPath(String wsUrl) {
        URI u = URI.create(wsUrl);
        String path = u.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return wsUrl.replaceAll("/+$", "") + "/tryitout";
        }
        return wsUrl;
    }

    private void release(TopicEntry entry, ListenerQueue<RealtimeEvent> queue) {
        queue.close();
        synchronized (this) {
            registry.release(entry, queue, connection);
        }
    }

    private static FeedMetrics metrics(FeedCounters c) {
        return new FeedMetrics(c.dataFrames, c.records, c.malformedFrames, c.unknownTrFrames, c.decryptFailures,
                c.fieldCountMismatches, c.unroutedRecords, c.badControlMessages, c.pingsAnswered, c.connects,
                c.disconnects, c.registrationRejections, c.droppedEvents, c.conflatedEvents, c.polls, c.pollFailures);
    }

    /** Configuration of a feed; {@link #url}, {@link #approvalKey} are required. */
    public static final class Builder {
        private String url;
        private boolean paper;
        private String htsId;
        private Supplier<String> approvalKey;
        private Runnable forgetApprovalKey;
        private int maxRegistrations = DEFAULT_MAX_REGISTRATIONS;
        private Duration initialBackoff = Duration.ofSeconds(1);
        private Duration maxBackoff = Duration.ofSeconds(60);
        private DoubleSupplier jitter = () -> ThreadLocalRandom.current().nextDouble();
        private ScheduledExecutorService scheduler;
        private ExecutorService dispatcher;
        private int queueCapacity = 1024;
        private Function<String, Long> pricer;
        private Duration pollPeriod = Duration.ofSeconds(1);
        private Clock clock = Clock.systemUTC();
        private Duration keepAlive = DEFAULT_KEEP_ALIVE;

        private Builder() {
        }

        /**
         * How often the connection sends a WebSocket ping; one unanswered for 1.5 times this counts as a dead
         * connection (closed and reconnected). Whole seconds, at least 1 (default 30 s).
         */
        public Builder keepAlive(Duration interval) {
            if (interval.toSeconds() < 1) {
                throw new IllegalArgumentException("keepAlive must be at least 1 s; got " + interval);
            }
            this.keepAlive = interval;
            return this;
        }

        /** {@code ws://host:port} (optionally with path {@code /tryitout}). */
        public Builder url(String wsUrl) {
            this.url = wsUrl;
            return this;
        }

        /** Paper trading: execution notices use H0STCNI9. */
        public Builder paper(boolean paper) {
            this.paper = paper;
            return this;
        }

        /** HTS user id, the tr_key of the fills topic. */
        public Builder htsId(String htsId) {
            this.htsId = htsId;
            return this;
        }

        /** Source of the approval key (e.g. {@code KisClient::approvalKey}); called on every (re)connect. */
        public Builder approvalKey(Supplier<String> source) {
            this.approvalKey = source;
            return this;
        }

        /** Called before asking for a fresh key after KIS refused the current one (e.g. {@code KisClient::forgetApprovalKey}). */
        public Builder forgetApprovalKey(Runnable forget) {
            this.forgetApprovalKey = forget;
            return this;
        }

        /** Registration cap of the session (default 41). */
        public Builder maxRegistrations(int max) {
            this.maxRegistrations = max;
            return this;
        }

        public Builder backoff(Duration initial, Duration max) {
            this.initialBackoff = initial;
            this.maxBackoff = max;
            return this;
        }

        /** Jitter source in [0,1] (tests pass a constant). */
        public Builder jitter(DoubleSupplier jitter) {
            this.jitter = jitter;
            return this;
        }

        public Builder scheduler(ScheduledExecutorService scheduler) {
            this.scheduler = scheduler;
            return this;
        }

        /** Runs listener callbacks; default: a virtual thread per draining listener. */
        public Builder dispatcher(ExecutorService dispatcher) {
            this.dispatcher = dispatcher;
            return this;
        }

        /** Bound of each listener's queue (default 1024). */
        public Builder queueCapacity(int capacity) {
            this.queueCapacity = capacity;
            return this;
        }

        /**
         * Enables REST polling for trade topics over the cap: {@code price} returns the current price of a
         * code (e.g. {@code code -> client.currentPrice(code).price()}); one topic is polled per period,
         * round-robin, so the feed adds at most one REST call per period on top of the client's own limiter.
         */
        public Builder restFallback(Function<String, Long> price, Duration period) {
            this.pricer = price;
            this.pollPeriod = period;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public RealtimeFeed build() {
            return new RealtimeFeed(this);
        }
    }
}
