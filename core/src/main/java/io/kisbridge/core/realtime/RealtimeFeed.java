package io.kisbridge.core.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.core.realtime.internal.Backoff;
import io.kisbridge.core.realtime.internal.ListenerQueue;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import org.java_websocket.client.WebSocketClient;
import org.java_websocket.handshake.ServerHandshake;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The KIS realtime feed (kis-reference.md §7): one WebSocket session carrying reference-counted topics
 * ({@code trade:CODE}, {@code book:CODE}, {@code fills}). Handles subscribe acks and the per-TR AES key/iv,
 * PINGPONG, the registration cap (overflow visible as {@link TopicState#OVERFLOW}, optionally REST polling
 * for trade topics), reconnect with exponential backoff and jitter with every topic restored, and per-listener
 * bounded queues drained off the socket thread. Bad frames are counted and never stop the feed.
 *
 * <p>Logs never contain the approval key, AES keys, account numbers or HTS ids.
 */
public final class RealtimeFeed implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeFeed.class);
    /**
     * Official guidance: 41 registrations per app key (kis-reference.md §5); libraries use 40 for safety and
     * whether KIS counts per session or per app key is unverified (§11) — one session per app key anyway.
     */
    public static final int DEFAULT_MAX_REGISTRATIONS = 41;

    private final URI uri;
    private final boolean paper;
    private final String htsId;
    private final Supplier<String> approvalKeys;
    private final Runnable forgetApprovalKey;
    private final int maxRegistrations;
    private final Backoff backoff;
    private final ScheduledExecutorService scheduler;
    private final boolean ownsScheduler;
    private final ExecutorService dispatcher;
    private final boolean ownsDispatcher;
    private final int queueCapacity;
    private final Function<String, Long> pricer;
    private final Duration pollPeriod;
    private final Clock clock;
    private final ObjectMapper json = new ObjectMapper();
    private final FeedCounters counters = new FeedCounters();
    private final Map<String, AesKey> aesKeys = new ConcurrentHashMap<>();
    private final List<ListenerQueue<FeedStatus>> statusListeners = new CopyOnWriteArrayList<>();

    /** Guarded by this. Insertion order decides who gets the registrations when over the cap. */
    private final Map<Topic, TopicEntry> topics = new LinkedHashMap<>();
    private FeedState state = FeedState.IDLE;
    private FeedStatus lastStatus;
    private Socket socket;
    private long generation;
    private int attempt;
    private boolean needFreshKey;
    private ExecutorService pollExecutor;
    private int pollCursor;

    private RealtimeFeed(Builder b) {
        this.uri = URI.create(Objects.requireNonNull(b.url, "url"));
        this.paper = b.paper;
        this.htsId = b.htsId;
        this.approvalKeys = Objects.requireNonNull(b.approvalKey, "approvalKey");
        this.forgetApprovalKey = b.forgetApprovalKey;
        this.maxRegistrations = b.maxRegistrations;
        this.backoff = new Backoff(b.initialBackoff, b.maxBackoff, b.jitter);
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
        this.pricer = b.pricer;
        this.pollPeriod = b.pollPeriod;
        this.clock = b.clock;
        this.lastStatus = new FeedStatus(FeedState.IDLE, "", 0, clock.instant());
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
            if (state != FeedState.IDLE) {
                return;
            }
            state = FeedState.CONNECTING;
        }
        if (pricer != null) {
            pollExecutor = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, "kis-realtime-poller");
                t.setDaemon(true);
                return t;
            });
            long ms = Math.max(1, pollPeriod.toMillis());
            scheduler.scheduleAtFixedRate(() -> pollExecutor.execute(this::pollOne), ms, ms, TimeUnit.MILLISECONDS);
        }
        scheduler.execute(this::connect);
    }

    /** Subscribes with the default delivery: {@link DeliveryMode#LATEST} for trade/book, {@link DeliveryMode#ALL} for fills. */
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
        ListenerQueue<RealtimeEvent> queue = new ListenerQueue<>(listener, dispatcher, queueCapacity,
                mode == DeliveryMode.LATEST, e -> e instanceof RealtimeEvent.Data, counters.droppedEvents,
                counters.conflatedEvents);
        Handle handle;
        synchronized (this) {
            if (state == FeedState.CLOSED) {
                throw new IllegalStateException("feed is closed");
            }
            TopicEntry entry = topics.get(topic);
            boolean fresh = entry == null;
            if (fresh) {
                entry = new TopicEntry(topic);
                topics.put(topic, entry);
            }
            entry.listeners.add(queue);
            handle = new Handle(entry, queue);
            if (fresh) {
                if (state == FeedState.CONNECTED) {
                    register(entry);
                } else {
                    entry.state = state == FeedState.IDLE || state == FeedState.CONNECTING ? TopicState.PENDING
                            : TopicState.RECONNECTING;
                }
            }
            queue.offer(new RealtimeEvent.Status(topic, entry.state, lastStatus, entry.detail));
            if (entry.last != null) {
                queue.offer(entry.last);
            }
        }
        return handle;
    }

    /** Connection status changes; the current one is delivered at once. Close the handle to stop. */
    public ListenerHandle onStatus(Consumer<FeedStatus> listener) {
        ListenerQueue<FeedStatus> q = new ListenerQueue<>(listener, dispatcher, queueCapacity, false, s -> false,
                counters.droppedEvents, counters.conflatedEvents);
        statusListeners.add(q);
        synchronized (this) {
            q.offer(lastStatus);
        }
        return () -> {
            statusListeners.remove(q);
            q.close();
        };
    }

    public synchronized FeedState state() {
        return state;
    }

    public synchronized FeedStatus status() {
        return lastStatus;
    }

    /** State of a topic, or null if nobody watches it. */
    public synchronized TopicState topicState(Topic topic) {
        TopicEntry e = topics.get(topic);
        return e == null ? null : e.state;
    }

    /** Topic → number of listeners. */
    public synchronized Map<Topic, Integer> topics() {
        Map<Topic, Integer> m = new LinkedHashMap<>();
        topics.forEach((t, e) -> m.put(t, e.listeners.size()));
        return m;
    }

    /** Registrations currently sent to or held at KIS. */
    public synchronized int registrations() {
        int n = 0;
        for (TopicEntry e : topics.values()) {
            if (e.registered) {
                n++;
            }
        }
        return n;
    }

    public FeedCounters counters() {
        return counters;
    }

    @Override
    public void close() {
        Socket s;
        synchronized (this) {
            if (state == FeedState.CLOSED) {
                return;
            }
            setState(FeedState.CLOSED, "closed");
            s = socket;
            socket = null;
            generation++;
            for (TopicEntry e : topics.values()) {
                e.listeners.forEach(ListenerQueue::close);
            }
            topics.clear();
        }
        if (s != null) {
            s.close();
        }
        if (ownsScheduler) {
            scheduler.shutdownNow();
        }
        if (pollExecutor != null) {
            pollExecutor.shutdownNow();
        }
        statusListeners.forEach(ListenerQueue::close);
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

    // ---- connection ----

    private void connect() {
        boolean fresh;
        long gen;
        synchronized (this) {
            if (state == FeedState.CLOSED) {
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
        Socket s = new Socket(uri, gen, key);
        synchronized (this) {
            if (state == FeedState.CLOSED || gen != generation) {
                return;
            }
            needFreshKey = false;
            socket = s;
        }
        s.connect();
    }

    private synchronized void scheduleReconnect(String why) {
        if (state == FeedState.CLOSED) {
            return;
        }
        Duration delay = backoff.delay(attempt);
        attempt++;
        setState(FeedState.RECONNECTING, why + "; retry in " + delay.toMillis() + " ms");
        try {
            scheduler.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("realtime: scheduler stopped, no reconnect");
        }
    }

    private void opened(Socket s) {
        synchronized (this) {
            if (s.generation != generation || state == FeedState.CLOSED) {
                s.close();
                return;
            }
            counters.connects.incrementAndGet();
            attempt = 0;
            setState(FeedState.CONNECTED, "connected");
            for (TopicEntry e : topics.values()) {
                register(e);
            }
        }
    }

    private void closed(Socket s, int code, String reason) {
        synchronized (this) {
            if (s.generation != generation || state == FeedState.CLOSED) {
                return;
            }
            socket = null;
            generation++;
            counters.disconnects.incrementAndGet();
            LOG.warn("realtime: connection closed ({} {}); reconnecting", code, reason);
            aesKeys.clear();
            setState(FeedState.DISCONNECTED, "connection closed (" + code + ")");
            for (TopicEntry e : topics.values()) {
                e.registered = false;
                if (e.state != TopicState.POLLING) {
                    e.state = TopicState.RECONNECTING;
                }
            }
            scheduleReconnect("connection lost");
        }
    }

    /** Sends the subscribe for a topic if a registration slot is free; otherwise marks it overflowed. */
    private void register(TopicEntry e) {
        if (e.registered) {
            return;
        }
        if (registrations() >= maxRegistrations) {
            overflow(e, "over the " + maxRegistrations + "-registration cap");
            return;
        }
        Socket s = socket;
        if (s == null || state != FeedState.CONNECTED) {
            return;
        }
        e.registered = true;
        e.state = TopicState.PENDING;
        s.sendRequest("1", e.topic.trId(paper), trKey(e.topic));
    }

    private void overflow(TopicEntry e, String detail) {
        counters.registrationRejections.incrementAndGet();
        e.registered = false;
        boolean poll = pricer != null && e.topic.kind() == Topic.Kind.TRADE;
        updateTopic(e, poll ? TopicState.POLLING : TopicState.OVERFLOW,
                detail + (poll ? "; polling the REST price instead" : "; no realtime data"));
    }

    private String trKey(Topic t) {
        return t.kind() == Topic.Kind.FILLS ? htsId : t.code();
    }

    private void release(TopicEntry e, ListenerQueue<RealtimeEvent> q) {
        q.close();
        synchronized (this) {
            if (!e.listeners.remove(q) || !e.listeners.isEmpty() || topics.get(e.topic) != e) {
                return;
            }
            topics.remove(e.topic);
            if (e.registered) {
                e.registered = false;
                Socket s = socket;
                if (s != null && state == FeedState.CONNECTED) {
                    s.sendRequest("2", e.topic.trId(paper), trKey(e.topic));
                }
                // A slot is free: promote the oldest overflowed topic.
                for (TopicEntry other : topics.values()) {
                    if (!other.registered && (other.state == TopicState.OVERFLOW || other.state == TopicState.POLLING)) {
                        register(other);
                        break;
                    }
                }
            }
        }
    }

    // ---- inbound ----

    private void onText(String text) {
        if (FrameParser.isDataFrame(text)) {
            onDataFrame(text);
        } else if (text.startsWith("{")) {
            onControl(text);
        } else {
            long n = counters.malformedFrames.incrementAndGet();
            if (n <= 5 || n % 1000 == 0) {
                LOG.warn("realtime: bad frame #{} ({} chars): neither a data frame nor JSON", n, text.length());
            }
        }
    }

    private void onDataFrame(String text) {
        counters.dataFrames.incrementAndGet();
        ParsedFrame frame;
        try {
            frame = FrameParser.parse(text, aesKeys::get);
        } catch (FrameFormatException e) {
            AtomicLong c = switch (e.reason()) {
                case UNKNOWN_TR_ID -> counters.unknownTrFrames;
                case NO_KEY, DECRYPTION_FAILED -> counters.decryptFailures;
                default -> counters.malformedFrames;
            };
            long n = c.incrementAndGet();
            if (n <= 5 || n % 1000 == 0) {
                LOG.warn("realtime: bad frame #{} ({} chars): {}", n, text.length(), e.getMessage());
            }
            return;
        }
        for (RealtimeRecord r : frame.records()) {
            counters.records.incrementAndGet();
            if (!r.fieldCountMatches()) {
                counters.fieldCountMismatches.incrementAndGet();
                if (r.size() < r.schema().fieldCount()) {
                    continue;
                }
            }
            route(r);
        }
    }

    private void route(RealtimeRecord r) {
        Topic topic;
        try {
            topic = switch (r.schema().trId()) {
                case RealtimeSchemas.TRADE_TR -> Topic.trade(r.text(0));
                case RealtimeSchemas.BOOK_TR -> Topic.book(r.text(0));
                default -> Topic.FILLS;
            };
        } catch (IllegalArgumentException e) {
            // The symbol field is not a symbol: a garbled record.
            counters.malformedFrames.incrementAndGet();
            return;
        }
        TopicEntry entry;
        synchronized (this) {
            entry = topics.get(topic);
        }
        if (entry == null) {
            counters.unroutedRecords.incrementAndGet();
            return;
        }
        Object value = switch (topic.kind()) {
            case TRADE -> Trade.from(r);
            case BOOK -> OrderBook.from(r);
            case FILLS -> ExecutionNotice.from(r);
        };
        entry.publish(new RealtimeEvent.Data(topic, value, r));
    }

    private void onControl(String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (Exception e) {
            counters.badControlMessages.incrementAndGet();
            return;
        }
        JsonNode header = root == null ? null : root.get("header");
        if (header == null) {
            counters.badControlMessages.incrementAndGet();
            return;
        }
        String trId = header.path("tr_id").asText("");
        if ("PINGPONG".equals(trId)) {
            Socket s;
            synchronized (this) {
                s = socket;
            }
            if (s != null && s.isOpen()) {
                // Echo as a text frame (what most clients do; the reference accepts text or pong).
                s.send(text);
                counters.pingsAnswered.incrementAndGet();
            }
            return;
        }
        JsonNode body = root.path("body");
        String msgCd = body.path("msg_cd").asText("");
        String msg1 = body.path("msg1").asText("").trim();
        String trKey = header.path("tr_key").asText("");
        onAck(trId, trKey, msgCd, msg1, body.path("output"));
    }

    private synchronized void onAck(String trId, String trKey, String msgCd, String msg1, JsonNode output) {
        TopicEntry e = entryFor(trId, trKey);
        switch (msgCd) {
            case "OPSP0000", "OPSP0002" -> {
                if (output.hasNonNull("key") && output.hasNonNull("iv")) {
                    try {
                        aesKeys.put(trId, new AesKey(output.get("key").asText(), output.get("iv").asText()));
                    } catch (IllegalArgumentException ex) {
                        counters.badControlMessages.incrementAndGet();
                        LOG.warn("realtime: {} ack for {} carried a key/iv of the wrong length", msgCd, trId);
                    }
                }
                if (e != null && e.registered) {
                    updateTopic(e, TopicState.SUBSCRIBED, msg1);
                }
            }
            case "OPSP0001", "OPSP0003" -> LOG.debug("realtime: {} {} for {}", msgCd, msg1, trId);
            case "OPSP0008" -> {
                LOG.warn("realtime: KIS refused a registration for {}: {} {}", trId, msgCd, msg1);
                if (e != null) {
                    overflow(e, msgCd + " " + msg1);
                }
            }
            case "OPSP0010", "OPSP0011", "OPSP9994", "OPSP9996" -> {
                LOG.warn("realtime: approval key refused ({} {}); reconnecting with a fresh one", msgCd, msg1);
                needFreshKey = true;
                dropSocket();
            }
            case "OPSP8996" -> {
                LOG.warn("realtime: {} {} (another session uses this app key); retrying later", msgCd, msg1);
                dropSocket();
            }
            default -> {
                LOG.warn("realtime: {} refused for {}: {} {}", trId, e == null ? "?" : e.topic.kind(), msgCd, msg1);
                if (e != null) {
                    e.registered = false;
                    updateTopic(e, TopicState.ERROR, msgCd + " " + msg1);
                }
            }
        }
    }

    private void dropSocket() {
        Socket s = socket;
        if (s != null) {
            s.close();
        }
    }

    private TopicEntry entryFor(String trId, String trKey) {
        for (TopicEntry e : topics.values()) {
            if (e.topic.trId(paper).equals(trId) && trKey(e.topic).equals(trKey)) {
                return e;
            }
        }
        return null;
    }

    // ---- REST fallback ----

    private void pollOne() {
        TopicEntry target = null;
        synchronized (this) {
            List<TopicEntry> polling = new ArrayList<>();
            for (TopicEntry e : topics.values()) {
                if (e.state == TopicState.POLLING) {
                    polling.add(e);
                }
            }
            if (!polling.isEmpty()) {
                target = polling.get(Math.floorMod(pollCursor++, polling.size()));
            }
        }
        if (target == null) {
            return;
        }
        try {
            Long price = pricer.apply(target.topic.code());
            counters.polls.incrementAndGet();
            if (price != null) {
                synchronized (this) {
                    if (target.state != TopicState.POLLING) {
                        return;
                    }
                }
                target.publish(new RealtimeEvent.Data(target.topic, new PolledPrice(target.topic.code(), price,
                        clock.instant()), null));
            }
        } catch (RuntimeException e) {
            counters.pollFailures.incrementAndGet();
            LOG.debug("realtime: REST poll for {} failed: {}", target.topic, e.getClass().getSimpleName());
        }
    }

    // ---- status ----

    private void setState(FeedState s, String detail) {
        state = s;
        lastStatus = new FeedStatus(s, detail, attempt, clock.instant());
        for (ListenerQueue<FeedStatus> q : statusListeners) {
            q.offer(lastStatus);
        }
        for (TopicEntry e : topics.values()) {
            e.publishStatus(lastStatus);
        }
    }

    private void updateTopic(TopicEntry e, TopicState s, String detail) {
        e.state = s;
        e.detail = detail;
        e.publishStatus(lastStatus);
    }

    private final class TopicEntry {
        final Topic topic;
        final List<ListenerQueue<RealtimeEvent>> listeners = new CopyOnWriteArrayList<>();
        volatile TopicState state = TopicState.PENDING;
        volatile String detail = "";
        volatile boolean registered;
        volatile RealtimeEvent.Data last;

        TopicEntry(Topic topic) {
            this.topic = topic;
        }

        void publish(RealtimeEvent.Data event) {
            last = event;
            for (ListenerQueue<RealtimeEvent> q : listeners) {
                q.offer(event);
            }
        }

        void publishStatus(FeedStatus feed) {
            RealtimeEvent.Status event = new RealtimeEvent.Status(topic, state, feed, detail);
            for (ListenerQueue<RealtimeEvent> q : listeners) {
                q.offer(event);
            }
        }
    }

    private final class Handle implements Subscription {
        private final TopicEntry entry;
        private final ListenerQueue<RealtimeEvent> queue;
        private volatile boolean closed;

        Handle(TopicEntry entry, ListenerQueue<RealtimeEvent> queue) {
            this.entry = entry;
            this.queue = queue;
        }

        @Override
        public Topic topic() {
            return entry.topic;
        }

        @Override
        public TopicState state() {
            return entry.state;
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                release(entry, queue);
            }
        }
    }

    /** One connection attempt; callbacks from a stale attempt are ignored by generation. */
    private final class Socket extends WebSocketClient {
        final long generation;
        private final String approvalKey;

        Socket(URI uri, long generation, String approvalKey) {
            super(uri);
            this.generation = generation;
            this.approvalKey = approvalKey;
            setConnectionLostTimeout(30);
        }

        void sendRequest(String trType, String trId, String trKey) {
            ObjectNode root = json.createObjectNode();
            ObjectNode header = root.putObject("header");
            header.put("approval_key", approvalKey);
            header.put("custtype", "P");
            header.put("tr_type", trType);
            header.put("content-type", "utf-8");
            ObjectNode input = root.putObject("body").putObject("input");
            input.put("tr_id", trId);
            input.put("tr_key", trKey);
            try {
                send(root.toString());
            } catch (RuntimeException e) {
                LOG.debug("realtime: send failed ({}); the reconnect will resend", e.getClass().getSimpleName());
            }
        }

        @Override
        public void onOpen(ServerHandshake handshake) {
            opened(this);
        }

        @Override
        public void onMessage(String message) {
            try {
                onText(message);
            } catch (RuntimeException e) {
                counters.malformedFrames.incrementAndGet();
                LOG.warn("realtime: message handling failed: {}", e.getClass().getSimpleName());
            }
        }

        @Override
        public void onClose(int code, String reason, boolean remote) {
            closed(this, code, reason);
        }

        @Override
        public void onError(Exception ex) {
            LOG.debug("realtime: socket error {}", ex.getClass().getSimpleName());
        }

        @Override
        public String toString() {
            return "Socket[" + generation + "]";
        }
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

        private Builder() {
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
