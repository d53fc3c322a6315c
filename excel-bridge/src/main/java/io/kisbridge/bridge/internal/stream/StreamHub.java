package io.kisbridge.bridge.internal.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsMessageContext;
import io.kisbridge.bridge.ScriptBoard;
import io.kisbridge.bridge.StreamCounters;
import io.kisbridge.core.realtime.FeedStatus;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.TopicState;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket /v1/stream over the realtime feed. Clients send {"op":"subscribe"|"unsubscribe","topic":"trade:CODE"}
 * (also book:CODE, fills, script:NAME; {"conflate":false} asks for every trade/book record instead of the latest
 * value); the hub answers {"topic":..,"data":{lower-case KIS field: value}} per
 * record, {"topic":..,"status":"subscribed|pending|overflow|polling|error|reconnecting","detail":..} per topic state
 * change, and {"type":"feed","state":"connected|disconnected|...","detail":..} for every connection change (also
 * right after connecting).
 *
 * <p>Fan-out: the hub holds one feed subscription per topic and delivery (latest-wins, or every record for the
 * {@code "conflate":false} sockets), whatever the number of sockets ({@link TopicFanout}),
 * encodes each event once and queues the text into each watching socket's outbox ({@link StreamSocket}); each
 * socket sends what gathered in one write. Sockets watching one topic thus share the feed's single KIS registration
 * and its single listener queue.
 */
public final class StreamHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** Ordered messages (fills, statuses, script values) one socket may have waiting; as the feed's listener queues. */
    static final int OUTBOX_CAPACITY = 1024;

    private final RealtimeFeed feed;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    /** Guarded by itself; also serialises feed subscribe/release per topic. */
    private final Map<FanoutKey, TopicFanout> topics = new HashMap<>();
    private final SendCounters counters = new SendCounters();
    private final ExecutorService senders =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("stream-send-", 0).factory());
    private final AutoCloseable statusListener;
    private final ScriptTopics scriptTopics;

    /** One socket: its outbox and its feed topics, each with whether it wants every record (guarded by {@link #topics}). */
    private record Client(StreamSocket socket, Map<Topic, Boolean> topics) {
    }

    /** A topic's fanout: latest-wins (the default, what cells want) or every record ({@code "conflate":false}). */
    private record FanoutKey(Topic topic, boolean everyRecord) {
    }

    public StreamHub(RealtimeFeed feed) {
        this(feed, new ScriptBoard());
    }

    /** Also serves the topics {@code script:NAME} from what scripts publish on {@code board}. */
    public StreamHub(RealtimeFeed feed, ScriptBoard board) {
        this.feed = feed;
        this.scriptTopics = new ScriptTopics(board);
        this.statusListener = feed.onStatus(s -> {
            String text = StreamMessages.feed(s);
            clients.values().forEach(c -> c.socket().offerOrdered(null, text));
        });
    }

    public void onConnect(WsConnectContext ctx) {
        ctx.session.setIdleTimeout(Duration.ofHours(12));
        StreamSocket socket = new StreamSocket(ctx.sessionId(), new JettyFrameSink(ctx.session), senders,
                OUTBOX_CAPACITY, counters);
        clients.put(ctx.sessionId(), new Client(socket, new HashMap<>()));
        socket.offerOrdered(null, StreamMessages.feed(feed.status()));
    }

    public void onMessage(WsMessageContext ctx) {
        Client c = clients.get(ctx.sessionId());
        if (c == null) {
            return;
        }
        StreamSocket socket = c.socket();
        JsonNode msg;
        Topic topic;
        boolean everyRecord;
        try {
            msg = MAPPER.readTree(ctx.message());
            String text = msg.path("topic").asText("");
            if (ScriptTopics.isScriptTopic(text)) {
                scriptTopics.onMessage(ctx.sessionId(), msg.path("op").asText(""), text,
                        m -> socket.offerOrdered(text, m));
                return;
            }
            topic = Topic.parse(text);
            JsonNode conflate = msg.path("conflate");
            if (!conflate.isMissingNode() && !conflate.isBoolean()) {
                throw new IllegalArgumentException("\"conflate\" must be true or false");
            }
            everyRecord = !conflate.asBoolean(true) && topic.kind() != Topic.Kind.FILLS;
        } catch (Exception e) {
            socket.offerOrdered(null, StreamMessages.error(
                    "messages look like {\"op\":\"subscribe\",\"topic\":\"trade:005930\"}: " + e.getMessage()));
            return;
        }
        switch (msg.path("op").asText("")) {
            case "subscribe" -> subscribe(c, topic, everyRecord);
            case "unsubscribe" -> {
                unsubscribe(c, topic);
                socket.offerOrdered(topic.toString(), StreamMessages.unsubscribed(topic.toString()));
            }
            default -> socket.offerOrdered(null, StreamMessages.error("op must be subscribe or unsubscribe"));
        }
    }

    public void onClose(WsCloseContext ctx) {
        scriptTopics.release(ctx.sessionId());
        Client c = clients.remove(ctx.sessionId());
        if (c == null) {
            return;
        }
        c.socket().close();
        synchronized (topics) {
            for (Topic t : Set.copyOf(c.topics().keySet())) {
                unsubscribe(c, t);
            }
        }
    }

    /**
     * Puts the socket on the topic's fanout of the asked kind; subscribing again with the other {@code conflate}
     * moves it from one fanout to the other (the new one gives it the topic's last status and value at once).
     */
    private void subscribe(Client c, Topic topic, boolean everyRecord) {
        if (started.compareAndSet(false, true)) {
            feed.start();
        }
        FeedStatus feedNow = feed.status();
        synchronized (topics) {
            if (c.socket().isClosed()) {
                return;
            }
            Boolean had = c.topics().get(topic);
            if (had != null && had == everyRecord) {
                return;
            }
            if (had != null) {
                unsubscribe(c, topic);
            }
            c.topics().put(topic, everyRecord);
            FanoutKey key = new FanoutKey(topic, everyRecord);
            TopicFanout fanout = topics.get(key);
            if (fanout != null) {
                fanout.join(c.socket(), feedNow);
                return;
            }
            fanout = new TopicFanout(topic, everyRecord, counters);
            fanout.join(c.socket(), feedNow);
            try {
                fanout.subscription(feed.subscribe(topic, fanout.deliveryMode(), fanout::onEvent));
            } catch (RuntimeException e) {
                // e.g. fills without an HTS id, or the feed closing: tell the socket, keep it open
                c.topics().remove(topic);
                c.socket().offerOrdered(topic.toString(), StreamMessages.event(
                        new RealtimeEvent.Status(topic, TopicState.ERROR, null, e.getMessage())));
                return;
            }
            topics.put(key, fanout);
        }
    }

    /** Takes the socket off the topic; the last one to leave releases the feed subscription. */
    private void unsubscribe(Client c, Topic topic) {
        synchronized (topics) {
            Boolean everyRecord = c.topics().remove(topic);
            if (everyRecord == null) {
                return;
            }
            FanoutKey key = new FanoutKey(topic, everyRecord);
            TopicFanout fanout = topics.get(key);
            if (fanout != null && fanout.leave(c.socket())) {
                topics.remove(key);
                closeQuietly(fanout.subscription());
            }
        }
    }

    /** Closes a subscription or a script topic's listener; a failure only matters for the debug log. */
    static void closeQuietly(AutoCloseable c) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing {}: {}", c, e.toString());
        }
    }

    /** The feed, started (scripts share it with the sockets). */
    public RealtimeFeed startedFeed() {
        if (started.compareAndSet(false, true)) {
            feed.start();
        }
        return feed;
    }

    /** Totals since the hub started. */
    public StreamCounters counters() {
        return counters.snapshot();
    }

    @Override
    public void close() {
        scriptTopics.close();
        clients.values().forEach(c -> c.socket().close());
        clients.clear();
        synchronized (topics) {
            topics.values().forEach(f -> closeQuietly(f.subscription()));
            topics.clear();
        }
        closeQuietly(statusListener);
        feed.close();
        senders.shutdown();
    }
}
