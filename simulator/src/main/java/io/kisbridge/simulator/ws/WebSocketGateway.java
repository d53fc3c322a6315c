package io.kisbridge.simulator.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.simulator.account.ExecutionNotice;
import io.kisbridge.simulator.internal.SimulatorContext;
import io.kisbridge.simulator.market.BookSnapshot;
import io.kisbridge.simulator.market.TradeTick;
import java.time.Duration;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.servlet.ServletContextHandler;
import org.eclipse.jetty.websocket.server.config.JettyWebSocketServletContainerInitializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulator's KIS WebSocket server (kis-reference.md §7): subscribe/unsubscribe with acks and a
 * per-registration AES key/iv, H0STCNT0 (batched), H0STASP0 and encrypted H0STCNI0/H0STCNI9 data frames, and
 * every other domestic realtime TR of {@link ServedTrs} (NXT and integrated trades and books, expected trades,
 * market status, member firms, program trading, after-hours, indices, ETF NAV) composed by {@link MarketRecords},
 * PINGPONG liveness, the 41-registration cap, one session per app key and the §7.5 control codes.
 *
 * <p>Built on Jetty's own WebSocket API rather than Javalin's {@code ws()} handler: Javalin does not
 * surface pong control frames, and the reference requires accepting either a text echo or a pong frame
 * as the answer to PINGPONG. Jetty is already on the simulator's classpath through Javalin, and it is a
 * different implementation from the client's Java-WebSocket, so the two sides do not share code.
 */
public final class WebSocketGateway implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketGateway.class);
    private static final Pattern PATH = Pattern.compile("/|/tryitout/?|/tryitout/[A-Za-z0-9]{1,16}/?");
    private static final DateTimeFormatter PING_TIME = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");
    private static final ZoneId KST = ZoneId.of("Asia/Seoul");
    static final String TRADE_TR = "H0STCNT0";
    static final String BOOK_TR = "H0STASP0";
    static final String NOTICE_TR_REAL = "H0STCNI0";
    static final String NOTICE_TR_PAPER = "H0STCNI9";
    private static final int MAX_BATCH = 999;
    /**
     * A session is closed when this many PINGPONGs in a row went unanswered. Two rather than one so that an
     * answer delayed by a busy machine does not cost a healthy session (KIS's own tolerance is undocumented).
     */
    static final int UNANSWERED_PINGS_BEFORE_CLOSE = 2;

    private final SimEnvironment env;
    private final SimulatorContext context;
    private final ObjectMapper json = new ObjectMapper();
    private final Set<WsSession> sessions = new CopyOnWriteArraySet<>();
    private final List<AutoCloseable> feedSubscriptions = new ArrayList<>();
    private volatile boolean holdTradeFlush;
    private final MarketRecords records;
    /** Registrations of TRs other than H0STCNT0/H0STASP0/notices: while zero, a trade costs nothing extra. */
    private final java.util.concurrent.atomic.AtomicInteger extraRegistrations = new java.util.concurrent.atomic.AtomicInteger();
    private volatile boolean answerPings = true;
    private Server server;
    private ScheduledExecutorService scheduler;

    public WebSocketGateway(SimEnvironment env, SimulatorContext context) {
        this.env = env;
        this.context = context;
        this.records = new MarketRecords(context.marketFeed(),
                () -> context.clock().instant().atZone(KST).toLocalTime(),
                () -> context.clock().instant().atZone(KST).toLocalDate());
    }

    public synchronized void start() {
        server = new Server();
        ServerConnector connector = new ServerConnector(server);
        connector.setHost(context.host());
        connector.setPort(context.wsPort(env));
        server.addConnector(connector);
        ServletContextHandler handler = new ServletContextHandler();
        handler.setContextPath("/");
        JettyWebSocketServletContainerInitializer.configure(handler, (servletContext, container) -> {
            container.setIdleTimeout(Duration.ofHours(1));
            container.setMaxTextMessageSize(1 << 16);
            container.addMapping("/*", (req, resp) -> {
                String path = req.getRequestPath();
                if (!PATH.matcher(path).matches()) {
                    try {
                        resp.sendError(404, "no WebSocket at " + path);
                    } catch (java.io.IOException ignored) {
                        // the upgrade is refused either way
                    }
                    return null;
                }
                return new WsSession(this);
            });
        });
        server.setHandler(handler);
        try {
            server.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the WebSocket gateway on " + context.host(), e);
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "sim-ws-" + env.name().toLowerCase());
            t.setDaemon(true);
            return t;
        });
        // KIS's real PINGPONG interval is ~100 s by community measurement, undocumented (unverified, §11).
        long pingMillis = Math.max(1, context.pingInterval().toMillis());
        scheduler.scheduleAtFixedRate(this::pingRound, pingMillis, pingMillis, TimeUnit.MILLISECONDS);
        long batchMicros = context.tradeBatchWindow().toNanos() / 1000;
        if (batchMicros > 0) {
            scheduler.scheduleAtFixedRate(this::flushTrades, batchMicros, batchMicros, TimeUnit.MICROSECONDS);
        }
        feedSubscriptions.add(context.marketFeed().onTrade(this::onTrade));
        feedSubscriptions.add(context.marketFeed().onBook(this::onBook));
        feedSubscriptions.add(context.executionFeed().onNotice(this::onNotice));
    }

    public int port() {
        return ((ServerConnector) server.getConnectors()[0]).getLocalPort();
    }

    /** Fault hook: cuts every open session without a close handshake, as a network drop would. */
    public void dropAllSessions() {
        for (WsSession s : sessions) {
            closed(s);
            s.disconnect();
        }
    }

    /** Fault hook: sends a raw (possibly malformed or truncated) text frame to every open session. */
    public void broadcastRaw(String frame) {
        for (WsSession s : sessions) {
            s.send(frame);
        }
    }

    /** Test hook: while held, H0STCNT0 records accumulate; releasing flushes them as one batched frame. */
    public void holdTradeFlush(boolean hold) {
        this.holdTradeFlush = hold;
        if (!hold && scheduler != null) {
            scheduler.execute(this::flushTrades);
        }
    }

    /** Fault hook: false leaves ping frames unanswered (a dead connection that was never closed). */
    public void answerPings(boolean answer) {
        this.answerPings = answer;
    }

    boolean answersPings() {
        return answerPings;
    }

    void pingAnswered() {
        context.counters().recordPingAnswered();
    }

    public int openSessions() {
        return sessions.size();
    }

    @Override
    public synchronized void close() {
        for (AutoCloseable c : feedSubscriptions) {
            try {
                c.close();
            } catch (Exception ignored) {
                // best effort on shutdown
            }
        }
        feedSubscriptions.clear();
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
        for (WsSession s : sessions) {
            closed(s);
        }
        if (server != null) {
            try {
                server.stop();
            } catch (Exception e) {
                LOG.debug("WebSocket gateway stop: {}", e.toString());
            }
        }
    }

    // ---- session lifecycle ----

    void opened(WsSession s) {
        sessions.add(s);
        context.counters().recordWsSessionOpened();
    }

    void closed(WsSession s) {
        sessions.remove(s);
        List<Registration> regs = s.registrations();
        int held = s.markClosed();
        if (held > 0) {
            context.counters().adjustSubscriptions(-held);
            extraRegistrations.addAndGet(-(int) regs.stream().filter(r -> isExtra(r.trId())).count());
        }
    }

    private static boolean isExtra(String trId) {
        return !TRADE_TR.equals(trId) && !BOOK_TR.equals(trId) && !NOTICE_TR_REAL.equals(trId) && !NOTICE_TR_PAPER.equals(trId);
    }

    void answeredPing(WsSession s) {
        s.answered();
        context.counters().recordPong();
    }

    private void pingRound() {
        String ping = "{\"header\":{\"tr_id\":\"PINGPONG\",\"datetime\":\""
                + PING_TIME.format(context.clock().instant().atZone(KST)) + "\"}}";
        for (WsSession s : sessions) {
            if (s.unansweredPings() >= UNANSWERED_PINGS_BEFORE_CLOSE) {
                // Neither a text echo nor a pong frame for the last PINGPONGs: KIS drops such sessions.
                closed(s);
                s.close(1000, "PINGPONG not answered");
                continue;
            }
            s.pingSent();
            s.send(ping);
        }
    }

    // ---- requests ----

    void onText(WsSession s, String text) {
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (Exception e) {
            reply(s, ControlCode.INVALID_JSON, "", "", false, null);
            return;
        }
        if (root == null || !root.isObject()) {
            reply(s, ControlCode.INVALID_JSON, "", "", false, null);
            return;
        }
        JsonNode header = root.get("header");
        if (header == null || !header.isObject()) {
            reply(s, ControlCode.HEADER_NOT_FOUND, "", "", false, null);
            return;
        }
        if ("PINGPONG".equals(header.path("tr_id").asText()) && !root.has("body")) {
            answeredPing(s);
            return;
        }
        handleRequest(s, header, root.get("body"));
    }

    private void handleRequest(WsSession s, JsonNode header, JsonNode body) {
        JsonNode input = body == null ? null : body.get("input");
        String trId = input == null ? "" : input.path("tr_id").asText("");
        String trKey = input == null ? "" : input.path("tr_key").asText("");
        if (!header.hasNonNull("approval_key") || header.get("approval_key").asText().isEmpty()) {
            reply(s, ControlCode.APPKEY_NOT_FOUND, trId, trKey, false, null);
            return;
        }
        if (!header.hasNonNull("custtype")) {
            reply(s, ControlCode.CUSTTYPE_NOT_FOUND, trId, trKey, false, null);
            return;
        }
        String custtype = header.get("custtype").asText();
        if (!"P".equals(custtype) && !"B".equals(custtype)) {
            reply(s, ControlCode.INVALID_CUSTTYPE, trId, trKey, false, null);
            return;
        }
        String trType = header.path("tr_type").asText("");
        if (!"1".equals(trType) && !"2".equals(trType)) {
            reply(s, ControlCode.INVALID_TR_TYPE, trId, trKey, false, null);
            return;
        }
        if (body == null || !body.isObject()) {
            reply(s, ControlCode.BODY_NOT_FOUND, trId, trKey, false, null);
            return;
        }
        if (input == null || !input.isObject()) {
            reply(s, ControlCode.INPUT_NOT_FOUND, trId, trKey, false, null);
            return;
        }
        if (!input.hasNonNull("tr_key")) {
            reply(s, ControlCode.TR_KEY_NOT_FOUND, trId, trKey, false, null);
            return;
        }
        if (!input.get("tr_key").isTextual()) {
            reply(s, ControlCode.JSON_INVALID_TR_KEY, trId, trKey, false, null);
            return;
        }
        Optional<String> appKey = context.approvalKeys().appKeyFor(env, header.get("approval_key").asText());
        if (appKey.isEmpty()) {
            reply(s, ControlCode.INVALID_APPROVAL, trId, trKey, false, null);
            return;
        }
        if (!bindAppKey(s, appKey.get())) {
            reply(s, ControlCode.ALREADY_IN_USE_APPKEY, trId, trKey, false, null);
            return;
        }
        if (!isServedTrId(trId)) {
            reply(s, ControlCode.INVALID_TR_ID, trId, trKey, false, null);
            return;
        }
        if ("1".equals(trType)) {
            subscribe(s, trId, trKey);
        } else {
            unsubscribe(s, trId, trKey);
        }
    }

    /** One session per app key (OPSP8996): binds on the first valid request. */
    private synchronized boolean bindAppKey(WsSession s, String appKey) {
        String bound = s.appKey();
        if (bound != null) {
            return bound.equals(appKey);
        }
        for (WsSession other : sessions) {
            if (other != s && !other.isClosed() && appKey.equals(other.appKey())) {
                return false;
            }
        }
        s.bindAppKey(appKey);
        return true;
    }

    private boolean isServedTrId(String trId) {
        return ServedTrs.find(trId, env == SimEnvironment.PAPER).isPresent();
    }

    private String noticeTrId() {
        return env == SimEnvironment.PAPER ? NOTICE_TR_PAPER : NOTICE_TR_REAL;
    }

    private boolean isValidTrKey(String trId, String trKey) {
        ServedTrs.Served tr = ServedTrs.find(trId, env == SimEnvironment.PAPER).orElseThrow();
        return switch (tr.key()) {
            case HTS -> {
                var creds = context.credentials(env);
                yield creds != null && trKey.equals(creds.htsId());
            }
            case INDEX -> MarketRecords.INDEX_BASES.containsKey(trKey);
            case STOCK -> context.marketFeed().isKnownCode(trKey);
        };
    }

    private void subscribe(WsSession s, String trId, String trKey) {
        context.counters().recordSubscribeRequest();
        if (!isValidTrKey(trId, trKey)) {
            reply(s, ControlCode.INVALID_TR_KEY, trId, trKey, false, null);
            return;
        }
        Registration registration;
        synchronized (s) {
            if (s.registration(trId, trKey) != null) {
                reply(s, ControlCode.ALREADY_IN_SUBSCRIBE, trId, trKey, false, null);
                return;
            }
            if (s.registrationCount() >= context.maxRegistrations()) {
                context.counters().recordRegistrationRejection();
                reply(s, ControlCode.MAX_SUBSCRIBE_OVER, trId, trKey, false, null);
                return;
            }
            registration = new Registration(trId, trKey, Aes.randomAscii(32), Aes.randomAscii(16));
            s.register(registration);
        }
        context.counters().adjustSubscriptions(1);
        // encrypt "Y" on the notice ack is inferred from the official client's decryption condition; KIS's
        // document example shows "N" (unverified, kis-reference.md §7.3/§11). Every ack carries a key/iv.
        reply(s, ControlCode.SUBSCRIBE_SUCCESS, trId, trKey, noticeTrId().equals(trId), registration);
        if (BOOK_TR.equals(trId)) {
            // A fresh subscriber sees the current book at once rather than waiting for the next change.
            send(s, BOOK_TR, context.marketFeed().book(trKey).h0stasp0Fields());
        } else if (isExtra(trId)) {
            extraRegistrations.incrementAndGet();
            // Likewise every other market TR: its current record at once, then one per trade or book change.
            send(s, trId, records.record(ServedTrs.find(trId, env == SimEnvironment.PAPER).orElseThrow(), trKey));
        }
    }

    private void unsubscribe(WsSession s, String trId, String trKey) {
        if (s.unregister(trId, trKey)) {
            context.counters().adjustSubscriptions(-1);
            if (isExtra(trId)) {
                extraRegistrations.decrementAndGet();
            }
            reply(s, ControlCode.UNSUBSCRIBE_SUCCESS, trId, trKey, false, null);
        } else {
            reply(s, ControlCode.UNSUBSCRIBE_NOT_FOUND, trId, trKey, false, null);
        }
    }

    private void reply(WsSession s, ControlCode code, String trId, String trKey, boolean encrypt, Registration r) {
        ObjectNode root = json.createObjectNode();
        ObjectNode header = root.putObject("header");
        header.put("tr_id", trId);
        header.put("tr_key", trKey);
        header.put("encrypt", encrypt ? "Y" : "N");
        ObjectNode body = root.putObject("body");
        body.put("rt_cd", code.rtCd);
        body.put("msg_cd", code.msgCd);
        body.put("msg1", code.msg1);
        if (r != null) {
            ObjectNode output = body.putObject("output");
            output.put("iv", r.aesIv());
            output.put("key", r.aesKey());
        }
        s.send(root.toString());
    }

    // ---- data ----

    private void onTrade(TradeTick tick) {
        records.onKrxTrade(tick.code(), tick.h0stcnt0Fields());
        if (extraRegistrations.get() > 0) {
            sendExtras(tick.code(), false);
        }
        String record = String.join("^", tick.h0stcnt0Fields());
        boolean unbatched = context.tradeBatchWindow().isZero() && !holdTradeFlush;
        for (WsSession s : sessions) {
            if (s.registration(TRADE_TR, tick.code()) != null) {
                if (unbatched) {
                    s.send("0|" + TRADE_TR + "|001|" + record);
                } else {
                    s.queueTrade(record);
                }
            }
        }
    }

    private void flushTrades() {
        if (holdTradeFlush) {
            return;
        }
        for (WsSession s : sessions) {
            List<String> records = s.drainTrades();
            for (int from = 0; from < records.size(); from += MAX_BATCH) {
                List<String> batch = records.subList(from, Math.min(records.size(), from + MAX_BATCH));
                s.send("0|" + TRADE_TR + "|" + String.format("%03d", batch.size()) + "|" + String.join("^", batch));
            }
        }
    }

    /**
     * After a trade ({@code book} false) or a book change of {@code code}: the records of that code's other TRs
     * that move with it, and after a trade every index level.
     */
    private void sendExtras(String code, boolean book) {
        boolean paper = env == SimEnvironment.PAPER;
        for (WsSession s : sessions) {
            for (Registration r : s.registrations()) {
                if (!isExtra(r.trId())) {
                    continue;
                }
                ServedTrs.Served tr = ServedTrs.find(r.trId(), paper).orElse(null);
                if (tr == null || tr.source() == ServedTrs.Source.STATUS) {
                    continue; // status records come at subscription; the simulated market never halts
                }
                boolean bookTr = tr.source() == ServedTrs.Source.BOOK || tr.source() == ServedTrs.Source.AFTER_BOOK;
                boolean mine = tr.key() == ServedTrs.Key.INDEX ? !book : bookTr == book && r.trKey().equals(code);
                if (mine) {
                    send(s, r.trId(), records.record(tr, r.trKey()));
                }
            }
        }
    }

    private void onBook(BookSnapshot book) {
        if (extraRegistrations.get() > 0) {
            sendExtras(book.code(), true);
        }
        for (WsSession s : sessions) {
            if (s.registration(BOOK_TR, book.code()) != null) {
                send(s, BOOK_TR, book.h0stasp0Fields());
            }
        }
    }

    private void send(WsSession s, String trId, List<String> fields) {
        s.send("0|" + trId + "|001|" + String.join("^", fields));
    }

    private void onNotice(ExecutionNotice notice) {
        if (notice.environment() != env) {
            return;
        }
        String trId = noticeTrId();
        String plain = String.join("^", notice.fields());
        for (WsSession s : sessions) {
            Registration r = s.registration(trId, notice.htsId());
            if (r != null) {
                s.send("1|" + trId + "|001|" + Aes.encrypt(plain, r.aesKey(), r.aesIv()));
            }
        }
    }
}
