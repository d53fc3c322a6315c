package io.kisbridge.bridge.internal.stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.websocket.WsCloseContext;
import io.javalin.websocket.WsConnectContext;
import io.javalin.websocket.WsContext;
import io.javalin.websocket.WsMessageContext;
import io.kisbridge.bridge.internal.http.Render;
import io.kisbridge.core.realtime.FeedStatus;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.core.realtime.Subscription;
import io.kisbridge.core.realtime.Topic;
import java.util.Locale;
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
 * (also right after connecting). Many sockets watching one topic share the feed's single KIS registration.
 */
public final class StreamHub implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StreamHub.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final RealtimeFeed feed;
    private final AtomicBoolean started = new AtomicBoolean();
    private final Map<String, Client> clients = new ConcurrentHashMap<>();
    private final AutoCloseable statusListener;
    private final ScriptTopics scriptTopics;

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
        this.statusListener = feed.onStatus(s -> clients.values().forEach(c -> c.send(feedMessage(s))));
    }

    public void onConnect(WsConnectContext ctx) {
        ctx.session.setIdleTimeout(java.time.Duration.ofHours(12));
        Client c = new Client(ctx);
        clients.put(ctx.sessionId(), c);
        c.send(feedMessage(feed.status()));
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
            c.send(error("messages look like {\"op\":\"subscribe\",\"topic\":\"trade:005930\"}: " + e.getMessage()));
            return;
        }
        switch (msg.path("op").asText("")) {
            case "subscribe" -> {
                if (started.compareAndSet(false, true)) {
                    feed.start();
                }
                c.subs.computeIfAbsent(topic, t -> feed.subscribe(t, ev -> c.send(eventMessage(ev))));
            }
            case "unsubscribe" -> {
                Subscription s = c.subs.remove(topic);
                if (s != null) {
                    closeQuietly(s);
                }
                ObjectNode o = MAPPER.createObjectNode();
                o.put("topic", topic.toString());
                o.put("status", "unsubscribed");
                c.send(o.toString());
            }
            default -> c.send(error("op must be subscribe or unsubscribe"));
        }
    }

    public void onClose(WsCloseContext ctx) {
        scriptTopics.release(ctx.sessionId());
        Client c = clients.remove(ctx.sessionId());
        if (c != null) {
            c.subs.values().forEach(StreamHub::closeQuietly);
        }
    }

    private static String eventMessage(RealtimeEvent ev) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topic", ev.topic().toString());
        switch (ev) {
            case RealtimeEvent.Data d -> {
                ObjectNode data = o.putObject("data");
                if (d.record() != null) {
                    d.record().toTextMap().forEach((k, v) -> data.set(k.toLowerCase(Locale.ROOT), Render.value(v)));
                } else {
                    data.set("stck_prpr", MAPPER.valueToTree(d.value()).path("price"));
                    data.put("source", "rest-polling");
                }
            }
            case RealtimeEvent.Status s -> {
                o.put("status", s.state() == null ? "unknown" : s.state().name().toLowerCase(Locale.ROOT));
                if (s.feed() != null) {
                    o.put("feed", s.feed().state().name().toLowerCase(Locale.ROOT));
                }
                o.put("detail", s.detail() == null ? "" : s.detail());
            }
        }
        return o.toString();
    }

    private static String feedMessage(FeedStatus s) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "feed");
        o.put("state", s.state().name().toLowerCase(Locale.ROOT));
        o.put("detail", s.detail() == null ? "" : s.detail());
        o.put("attempt", s.attempt());
        return o.toString();
    }

    private static String error(String message) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("type", "error");
        o.put("message", message);
        return o.toString();
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
