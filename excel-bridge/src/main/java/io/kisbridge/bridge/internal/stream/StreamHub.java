package io.kisbridge.bridge.internal.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.core.realtime.Subscription;
import io.kisbridge.core.realtime.Topic;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * WebSocket /v1/stream over the realtime feed. Clients send {"op":"subscribe"|"unsubscribe","topic":"trade:CODE"}
 * (also book:CODE, fills); the hub answers {"topic":..,"data":{lower-case KIS field: value}} per record,
 * {"topic":..,"status":"subscribed|pending|overflow|polling|error|reconnecting","detail":..} per topic state
 * change, and {"type":"feed","state":"connected|disconnected|...","detail":..} for every connection change
 * (also right after connecting). Many sockets watching one topic share the feed's single KIS registration, and each
 * event's JSON is encoded once for all of them ({@link EncodedEvents}).
 */
public final class StreamHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RealtimeFeed feed;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final AutoCloseable statusListener;
    private final ScriptTopics scriptTopics;
    private final EncodedEvents encoded = new EncodedEvents();

    /** One socket: its context (sends are serialised) and its topics. */
    private static final class Client {
        final WsContext ctx;
        final Map<Topic, Subscription> subs = new ConcurrentHashMap<>();

        Client(WsContext ctx) {
            this.ctx = ctx;
        }

        synchronized void send(String text) {
            try {
                if (ctx.session.isOpen()) {
                    ctx.send(text);
                }
            } catch (RuntimeException e) {
                LOG.debug("dropping a stream message to a closing socket: {}", e.toString());
            }
        }
    }

    public StreamHub(RealtimeFeed feed) {
        this(feed, new io.kisbridge.bridge.ScriptBoard());
    }

    /** Also serves the topics {@code script:NAME} from what scripts publish on {@code board}. */
    public StreamHub(RealtimeFeed feed, io.kisbridge.bridge.ScriptBoard board) {
        this.feed = feed;
        this.scriptTopics = new ScriptTopics(board);
        this.statusListener = feed.onStatus(s -> {
            String text = StreamMessages.feed(s);
            clients.values().forEach(c -> c.send(text));
        });
    }

    public void onConnect(WsConnectContext ctx) {
        ctx.session.setIdleTimeout(java.time.Duration.ofHours(12));
        Client c = new Client(ctx);
        clients.put(ctx.sessionId(), c);
        c.send(StreamMessages.feed(feed.status()));
    }

    public void onMessage(WsMessageContext ctx) {
        Client c = clients.get(ctx.sessionId());
        if (c == null) {
            return;
        }
        JsonNode msg;
        Topic topic;
        try {
            msg = MAPPER.readTree(ctx.message());
            String text = msg.path("topic").asText("");
            if (ScriptTopics.isScriptTopic(text)) {
                scriptTopics.onMessage(ctx.sessionId(), msg.path("op").asText(""), text, c::send);
                return;
            }
            topic = Topic.parse(text);
        } catch (Exception e) {
            c.send(StreamMessages.error("messages look like {\"op\":\"subscribe\",\"topic\":\"trade:005930\"}: " + e.getMessage()));
            return;
        }
        switch (msg.path("op").asText("")) {
            case "subscribe" -> {
                if (started.compareAndSet(false, true)) {
                    feed.start();
                }
                c.subs.computeIfAbsent(topic, t -> feed.subscribe(t, ev -> c.send(encoded.text(ev))));
            }
            case "unsubscribe" -> {
                Subscription s = c.subs.remove(topic);
                if (s != null) {
                    release(s);
                }
                c.send(StreamMessages.unsubscribed(topic.toString()));
            }
            default -> c.send(StreamMessages.error("op must be subscribe or unsubscribe"));
        }
    }

    public void onClose(WsCloseContext ctx) {
        scriptTopics.release(ctx.sessionId());
        Client c = clients.remove(ctx.sessionId());
        if (c != null) {
            c.subs.values().forEach(this::release);
        }
    }

    private void release(Subscription s) {
        closeQuietly(s);
        if (feed.topicState(s.topic()) == null) {
            encoded.forget(s.topic());
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception e) {
            LOG.debug("closing a subscription: {}", e.toString());
        }
    }

    /** The feed, started (scripts share it with the sockets). */
    public RealtimeFeed startedFeed() {
        if (started.compareAndSet(false, true)) {
            feed.start();
        }
        return feed;
    }

    @Override
    public void close() {
        scriptTopics.close();
        clients.values().forEach(c -> c.subs.values().forEach(StreamHub::closeQuietly));
        clients.clear();
        closeQuietly(statusListener);
        feed.close();
    }
}
