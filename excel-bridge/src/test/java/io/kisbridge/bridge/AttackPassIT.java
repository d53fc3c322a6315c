package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.bridge.AttackClient.Answer;
import io.kisbridge.core.ApiSpec;
import io.kisbridge.core.Catalog;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.simulator.market.Universe;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The attack pass (issue 13, item 4): what a hostile page, a careless script or a flood would try, against a running
 * bridge over the simulator. Every answer and every log line (DEBUG and up for the bridge and core) is kept, and the
 * last test scans them all for the configured secrets. Memory and time of the exhaustion cases are printed as
 * {@code RESULT attack ...} lines (BENCHMARKS.md, "Attack pass").
 */
@Timeout(120)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AttackPassIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FOREIGN_HOSTS = List.of("evil.example", "evil.example:%d",
            "127.0.0.1.evil.example", "127.0.0.1.evil.example:%d", "localhost.evil.example:%d", "127.0.0.1:%d@evil.example");
    private static final List<String> FOREIGN_ORIGINS = List.of("null", "http://evil.example",
            "http://127.0.0.1.evil.example:%d", "http://localhost:%d.evil.example", "https://evil.example",
            "http://127.0.0.1:%d@evil.example", "file://", "chrome-extension://abcdefghijklmnop");

    @TempDir
    static Path dir;
    BridgeFixture f;
    AttackClient raw;
    final List<String> streamTexts = new CopyOnWriteArrayList<>();
    final ConcurrentLinkedQueue<String> logLines = new ConcurrentLinkedQueue<>();
    private final AppenderBase<ILoggingEvent> capture = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            logLines.add(e.getLoggerName() + " " + e.getFormattedMessage()
                    + (e.getThrowableProxy() == null ? "" : "\n" + ThrowableProxyUtil.asString(e.getThrowableProxy())));
        }
    };
    private final List<ch.qos.logback.core.Appender<ILoggingEvent>> consoleAppenders = new CopyOnWriteArrayList<>();
    private final AppenderBase<ILoggingEvent> warningsToConsole = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent e) {
            if (e.getLevel().isGreaterOrEqual(Level.WARN)) {
                consoleAppenders.forEach(a -> a.doAppend(e));
            }
        }
    };
    private Level kisbridgeLevel;

    @BeforeAll
    void start() throws Exception {
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture.setContext(logs);
        capture.start();
        Logger root = logs.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(capture);
        // every bridge and core log line is captured, DEBUG included; the console still shows only warnings
        List<ch.qos.logback.core.Appender<ILoggingEvent>> console = new ArrayList<>();
        root.iteratorForAppenders().forEachRemaining(a -> {
            if (a != capture) {
                console.add(a);
            }
        });
        warningsToConsole.setContext(logs);
        warningsToConsole.start();
        console.forEach(a -> consoleAppenders.add(a));
        Logger ours = logs.getLogger("io.kisbridge");
        kisbridgeLevel = ours.getLevel();
        ours.setLevel(Level.DEBUG);
        ours.setAdditive(false);
        ours.addAppender(capture);
        ours.addAppender(warningsToConsole);
        f = new BridgeFixture(dir, KisEnvironment.REAL);
        raw = new AttackClient(f.bridge.port());
        assertThat(health()).isEqualTo(200);
    }

    @AfterAll
    void stop() {
        if (f != null) {
            f.close();
        }
        LoggerContext logs = (LoggerContext) LoggerFactory.getILoggerFactory();
        logs.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        Logger ours = logs.getLogger("io.kisbridge");
        ours.detachAppender(capture);
        ours.detachAppender(warningsToConsole);
        ours.setAdditive(true);
        ours.setLevel(kisbridgeLevel);
    }

    private String own() {
        return "127.0.0.1:" + f.bridge.port();
    }

    private int health() throws IOException {
        return raw.send("GET", "/health", own(), null).status();
    }

    private String key() throws IOException {
        return f.bridgeKey();
    }

    // ---------------------------------------------------------------- browser-borne

    @Test
    void everyRouteRefusesAForeignHostAsDnsRebindingWould() throws Exception {
        long orders = f.sim.counters().ordersReceived();
        List<String> routes = f.bridge.routes();
        assertThat(routes).contains("GET /health", "POST /v1/orders", "POST /v1/scripts", "WS /v1/stream");
        int port = f.bridge.port();
        for (String route : routes) {
            String[] mp = route.split(" ", 2);
            String method = mp[0].equals("WS") ? "GET" : mp[0];
            for (String h : FOREIGN_HOSTS) {
                String host = h.formatted(port);
                Answer a = raw.send(method, AttackClient.concrete(mp[1]), host, "{\"armed\":true}",
                        "Content-Type: text/plain", "X-Bridge-Key: " + key());
                // Jetty itself answers 400 to a Host that is not a host name at all (user info)
                assertThat(a.status()).as("%s with Host %s", route, host).isEqualTo(host.contains("@") ? 400 : 403);
                assertThat(a.header("Access-Control-Allow-Origin")).isNull();
            }
        }
        assertThat(f.sim.counters().ordersReceived()).isEqualTo(orders);
        assertTradingDisarmed();
    }

    @Test
    void everyRouteRefusesNullAndForeignOriginsEvenWithTheKey() throws Exception {
        long orders = f.sim.counters().ordersReceived();
        int port = f.bridge.port();
        for (String route : f.bridge.routes()) {
            String[] mp = route.split(" ", 2);
            String method = mp[0].equals("WS") ? "GET" : mp[0];
            for (String o : FOREIGN_ORIGINS) {
                String origin = o.formatted(port);
                Answer a = raw.send(method, AttackClient.concrete(mp[1]), own(), "{\"armed\":true}",
                        "Origin: " + origin, "Content-Type: text/plain", "X-Bridge-Key: " + key(),
                        "Idempotency-Key: origin-" + Math.abs(origin.hashCode()));
                assertThat(a.status()).as("%s with Origin %s", route, origin).isEqualTo(403);
                assertThat(a.header("Access-Control-Allow-Origin")).isNull();
                assertThat(a.header("Access-Control-Allow-Credentials")).isNull();
            }
        }
        assertThat(f.sim.counters().ordersReceived()).isEqualTo(orders);
        assertTradingDisarmed();
    }

    @Test
    void theStreamUpgradeIsRefusedForAForeignHostOrOrigin() throws Exception {
        String[] upgrade = {"Upgrade: websocket", "Connection: Upgrade", "Sec-WebSocket-Version: 13",
                "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ=="};
        for (String h : FOREIGN_HOSTS) {
            String host = h.formatted(f.bridge.port());
            Answer a = raw.send("GET", "/v1/stream", host, null, upgrade);
            assertThat(a.status()).as("upgrade with Host %s", host).isEqualTo(host.contains("@") ? 400 : 403);
        }
        for (String o : FOREIGN_ORIGINS) {
            String[] headers = java.util.Arrays.copyOf(upgrade, upgrade.length + 1);
            headers[upgrade.length] = "Origin: " + o.formatted(f.bridge.port());
            Answer a = raw.send("GET", "/v1/stream", own(), null, headers);
            assertThat(a.status()).as("upgrade with Origin %s", o).isEqualTo(403);
        }
    }

    @Test
    void simplePostsThatNeedNoPreflightChangeNothing() throws Exception {
        // what an <form> or fetch(..., {mode:"no-cors"}) of a foreign page can send without a CORS preflight
        long orders = f.sim.counters().ordersReceived();
        List<String> types = List.of("text/plain", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x");
        List<String> bodies = List.of("{\"armed\":true}", "armed=true", "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":1}",
                "{\"name\":\"x\",\"language\":\"js\",\"code\":\"print(1)\"}");
        for (String path : List.of("/v1/trading", "/v1/orders", "/v1/scripts", "/v1/orders/0000012345/cancel")) {
            for (String type : types) {
                for (String body : bodies) {
                    for (String origin : List.of("http://evil.example", "null")) {
                        Answer a = raw.send("POST", path, own(), body, "Content-Type: " + type, "Origin: " + origin,
                                "Idempotency-Key: simple-1");
                        assertThat(a.status()).as("%s %s from %s", path, type, origin).isEqualTo(403);
                    }
                    // no Origin at all (curl, a script without the key): the key is required
                    Answer a = raw.send("POST", path, own(), body, "Content-Type: " + type, "Idempotency-Key: simple-2");
                    assertThat(a.status()).as("%s %s without Origin and key", path, type).isEqualTo(403);
                }
            }
        }
        assertTradingDisarmed();
        assertThat(f.sim.counters().ordersReceived()).isEqualTo(orders);
    }

    @Test
    void corsPreflightsGetNoPermission() throws Exception {
        for (String path : List.of("/v1/orders", "/v1/trading", "/v1/batch", "/v1/scripts", "/v1/fn/PRICE/005930")) {
            for (String o : FOREIGN_ORIGINS) {
                Answer a = raw.send("OPTIONS", path, own(), null, "Origin: " + o.formatted(f.bridge.port()),
                        "Access-Control-Request-Method: POST",
                        "Access-Control-Request-Headers: x-bridge-key, idempotency-key, content-type");
                assertThat(a.status()).as("preflight %s from %s", path, o).isEqualTo(403);
                assertThat(a.head().toLowerCase(java.util.Locale.ROOT)).doesNotContain("access-control-allow");
            }
            // even the bridge's own origin gets no CORS grant (the add-in is same-origin and needs none)
            Answer own = raw.send("OPTIONS", path, own(), null, "Origin: http://" + own(),
                    "Access-Control-Request-Method: POST");
            assertThat(own.head().toLowerCase(java.util.Locale.ROOT)).doesNotContain("access-control-allow");
        }
    }

    private void assertTradingDisarmed() throws IOException {
        Answer t = raw.send("GET", "/v1/trading", own(), null);
        assertThat(JSON.readTree(t.body()).path("armed").asBoolean()).as(t.body()).isFalse();
    }

    // ---------------------------------------------------------------- orders

    @Test
    @Order(10)
    void noReadPathPlacesAnOrderEvenWhileArmed() throws Exception {
        long orders = f.sim.counters().ordersReceived();
        arm(true);
        try {
            List<ApiSpec> writes = Catalog.all().stream()
                    .filter(s -> s.kind() == ApiSpec.Kind.ORDER || s.kind() == ApiSpec.Kind.AUTH).toList();
            assertThat(writes).extracting(ApiSpec::name).contains("order-cash");
            String params = "CANO=" + creds().accountNumber().substring(0, 8) + "&ACNT_PRDT_CD=01&PDNO=005930"
                    + "&ORD_DVSN=01&ORD_QTY=1&ORD_UNPR=0";
            StringBuilder batch = new StringBuilder("{\"calls\":[");
            for (ApiSpec s : writes) {
                Answer api = raw.send("GET", "/v1/api/" + s.name() + "?" + params, own(), null);
                assertThat(api.status()).as("/v1/api/%s", s.name()).isEqualTo(403);
                Answer fn = raw.send("GET", "/v1/fn/CALL/" + s.name() + "?" + params, own(), null);
                assertThat(fn.body()).as("CALL(%s)", s.name()).startsWith("#VALUE!").contains("only read");
                Answer fnPath = raw.send("GET", "/v1/fn/CALL/" + s.name() + "/"
                        + params.replace("&", "%3B"), own(), null);
                assertThat(fnPath.body()).as("CALL(%s) with path params", s.name()).startsWith("#");
                Answer post = raw.send("POST", "/v1/api/" + s.name(), own(), "{}", "X-Bridge-Key: " + key());
                assertThat(post.status()).as("POST /v1/api/%s", s.name()).isIn(404, 405);
                batch.append("{\"fn\":\"CALL\",\"args\":[\"").append(s.name()).append("\",\"")
                        .append(params.replace("&", ";")).append("\"]},");
            }
            batch.append("{\"fn\":\"PRICE\",\"args\":[\"005930\"]}]}");
            Answer b = raw.send("POST", "/v1/batch", own(), batch.toString(), "Content-Type: application/json");
            JsonNode results = JSON.readTree(b.body()).path("results");
            assertThat(results).hasSize(writes.size() + 1);
            for (int i = 0; i < writes.size(); i++) {
                assertThat(results.get(i).path("error").path("kind").asText()).as(writes.get(i).name())
                        .isEqualTo("bad_input");
            }
            assertThat(results.get(writes.size()).path("value").isNumber()).isTrue();
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(orders);
        } finally {
            arm(false);
        }
    }

    @Test
    @Order(11)
    void concurrentDuplicatesOfOneIdempotencyKeyPlaceExactlyOneOrder() throws Exception {
        arm(true);
        try {
            long before = f.sim.counters().ordersReceived();
            String body = order("005930", "buy", 1, restingPrice());
            int n = 24;
            List<Future<Answer>> answers = new ArrayList<>();
            try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < n; i++) {
                    answers.add(ex.submit(() -> raw.send("POST", "/v1/orders", own(), body,
                            "Content-Type: application/json", "X-Bridge-Key: " + key(), "Idempotency-Key: storm-1")));
                }
            }
            Set<String> orderNumbers = new java.util.HashSet<>();
            int created = 0;
            for (Future<Answer> a : answers) {
                Answer r = a.get();
                assertThat(r.status()).as(r.body()).isIn(200, 201);
                created += r.status() == 201 ? 1 : 0;
                orderNumbers.add(JSON.readTree(r.body()).path("order_no").asText());
            }
            assertThat(created).isEqualTo(1);
            assertThat(orderNumbers).hasSize(1);
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(before + 1);

            // replayed later: the same answer, nothing sent; the same key with another body is refused
            for (int i = 0; i < 3; i++) {
                Answer again = raw.send("POST", "/v1/orders", own(), body, "Content-Type: application/json",
                        "X-Bridge-Key: " + key(), "Idempotency-Key: storm-1");
                assertThat(again.status()).isEqualTo(200);
                assertThat(JSON.readTree(again.body()).path("replayed").asBoolean()).isTrue();
            }
            Answer other = raw.send("POST", "/v1/orders", own(), order("005930", "buy", 2, restingPrice()),
                    "Content-Type: application/json", "X-Bridge-Key: " + key(), "Idempotency-Key: storm-1");
            assertThat(other.status()).isEqualTo(400);
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(before + 1);
        } finally {
            arm(false);
        }
    }

    @Test
    @Order(12)
    void absurdQuantitiesPricesAndCodesAreRefusedBeforeAnythingIsSent() throws Exception {
        arm(true);
        try {
            long before = f.sim.counters().ordersReceived();
            long p = restingPrice();
            List<String> bodies = List.of(
                    order("005930", "buy", -1, p), order("005930", "buy", 0, p), order("005930", "sell", -5, p),
                    "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":1.5,\"price\":" + p + "}",
                    "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":1e3,\"price\":" + p + "}",
                    "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":99999999999999999999,\"price\":" + p + "}",
                    "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":\"1; DROP TABLE\",\"price\":" + p + "}",
                    "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":[1],\"price\":" + p + "}",
                    "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":true,\"price\":" + p + "}",
                    order("005930", "buy", 1, -100),
                    "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":1,\"price\":70000.5}",
                    "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":1,\"price\":1e400}",
                    order("005930", "buy", 1, Long.MAX_VALUE), order("005930", "buy", 1000, Long.MAX_VALUE / 100),
                    order("005930", "buy", 2, Long.MAX_VALUE / 2 + 1), order("005930", "buy", 1_000_000_000, p),
                    order("../../etc", "buy", 1, p), order("005930' OR 1=1", "buy", 1, p),
                    order("005930", "short", 1, p), order("005930", "", 1, p), "{}", "[]", "null", "",
                    "{\"code\":\"005930\",\"side\":\"buy\",\"qty\":\"0x10\",\"price\":" + p + "}");
            int i = 0;
            for (String body : bodies) {
                Answer a = raw.send("POST", "/v1/orders", own(), body, "Content-Type: application/json",
                        "X-Bridge-Key: " + key(), "Idempotency-Key: absurd-" + i++);
                assertThat(a.status()).as("%s -> %s", body, a.body()).isEqualTo(400);
                assertThat(JSON.readTree(a.body()).path("error").path("kind").asText()).as(body).isEqualTo("bad_input");
            }
            List<String> modifies = List.of("{\"branch\":\"06010\",\"qty\":-1,\"price\":70000}",
                    "{\"branch\":\"06010\",\"qty\":1000,\"price\":" + Long.MAX_VALUE / 100 + "}",
                    "{\"branch\":\"06010\",\"qty\":1,\"price\":-1}", "{\"branch\":\"../..\",\"qty\":1,\"price\":1}");
            for (String body : modifies) {
                Answer a = raw.send("POST", "/v1/orders/0000012345/modify", own(), body, "Content-Type: application/json",
                        "X-Bridge-Key: " + key(), "Idempotency-Key: absurd-" + i++);
                assertThat(a.status()).as("modify %s -> %s", body, a.body()).isEqualTo(400);
            }
            assertThat(f.sim.counters().ordersReceived()).isEqualTo(before);
        } finally {
            arm(false);
        }
    }

    private void arm(boolean on) throws IOException {
        Answer a = raw.send("POST", "/v1/trading", own(), "{\"armed\":" + on + "}", "Content-Type: application/json",
                "X-Bridge-Key: " + key());
        assertThat(a.status()).as(a.body()).isEqualTo(200);
    }

    private long restingPrice() {
        return (f.sim.market().lastPrice("005930") / 100) * 100 - 500;
    }

    private static String order(String code, String side, long qty, long price) {
        return "{\"code\":\"" + code + "\",\"side\":\"" + side + "\",\"qty\":" + qty + ",\"price\":" + price + "}";
    }

    private DemoCredentials creds() {
        return f.sim.credentials(SimEnvironment.REAL);
    }

    // ---------------------------------------------------------------- resource exhaustion

    @Test
    @Order(20)
    void hugeBodiesAreRefusedWithoutBeingHeld() throws Exception {
        record Case(String path, long size, boolean chunked) {
        }
        List<Case> cases = List.of(new Case("/v1/batch", 50L << 20, false), new Case("/v1/batch", 50L << 20, true),
                new Case("/v1/batch", 500L << 20, false), new Case("/v1/batch", 500L << 20, true),
                new Case("/v1/orders", 50L << 20, true), new Case("/v1/trading", 500L << 20, true));
        for (Case c : cases) {
            HeapProbe.reset();
            long t0 = System.nanoTime();
            Answer a = raw.stream("POST", c.path(), c.size(), c.chunked(), "X-Bridge-Key: " + key(),
                    "Idempotency-Key: big-1");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            long peak = HeapProbe.peakBytes();
            printResult("body_" + (c.size() >> 20) + "mib" + (c.chunked() ? "_chunked" : "") + c.path().replace('/', '_'),
                    a.status(), ms, peak);
            assertThat(a.status()).as("%s %d bytes%s: %s", c.path(), c.size(), c.chunked() ? " chunked" : "",
                    a.body()).isEqualTo(413);
            assertThat(peak).as("heap peak").isLessThan(HeapProbe.usedAfterGcBytes() + (200L << 20));
            assertThat(health()).isEqualTo(200);
        }
    }

    @Test
    @Order(21)
    void oversizedBatchesDeepJsonLongUrlsAndOddEncodingsGetAClearAnswer() throws Exception {
        StringBuilder calls = new StringBuilder("{\"calls\":[");
        for (int i = 0; i <= io.kisbridge.bridge.internal.http.Routes.MAX_BATCH; i++) {
            calls.append(i == 0 ? "" : ",").append("{\"fn\":\"PRICE\",\"args\":[\"005930\"]}");
        }
        calls.append("]}");
        HeapProbe.reset();
        long t0 = System.nanoTime();
        Answer tooMany = raw.send("POST", "/v1/batch", own(), calls.toString(), "Content-Type: application/json");
        printResult("batch_10001_calls", tooMany.status(), (System.nanoTime() - t0) / 1_000_000, HeapProbe.peakBytes());
        assertThat(tooMany.status()).isEqualTo(400);
        assertThat(tooMany.body()).contains("at most 10000 calls");

        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        String deepObject = "{\"a\":".repeat(100_000) + "1" + "}".repeat(100_000);
        for (String path : List.of("/v1/batch", "/v1/trading", "/v1/orders", "/v1/scripts")) {
            for (String body : List.of(deep, deepObject)) {
                HeapProbe.reset();
                t0 = System.nanoTime();
                Answer a = raw.send("POST", path, own(), body, "Content-Type: application/json",
                        "X-Bridge-Key: " + key(), "Idempotency-Key: deep-1");
                printResult("json_100000_deep" + path.replace('/', '_'), a.status(), (System.nanoTime() - t0) / 1_000_000,
                        HeapProbe.peakBytes());
                assertThat(a.status()).as("%s nested 100,000 deep: %s", path, a.body()).isIn(400, 501);
            }
        }

        for (int len : List.of(9_000, 70_000)) {
            Answer a = raw.send("GET", "/v1/fn/PRICE/" + "0".repeat(len), own(), null);
            assertThat(a.status()).as("a %d-character URL", len).isIn(414, 431);
            Answer q = raw.send("GET", "/v1/api/inquire-price?FID_INPUT_ISCD=" + "9".repeat(len), own(), null);
            assertThat(q.status()).as("a %d-character query", len).isIn(414, 431);
        }

        for (String target : List.of("/v1/fn/PRICE/%", "/v1/fn/PRICE/%zz", "/v1/fn/PRICE/%C0%AE%C0%AE/%C0%AE%C0%AE",
                "/v1/fn/PRICE/%00", "/v1/fn/PRICE/005930%00", "/v1/fn/PRICE/%ff%fe", "/v1/fn/PRICE/%E2%82",
                "/v1/fn/%2e%2e/%2e%2e/health", "/v1/fn/PRICE/..%2f..%2f..%2fetc%2fpasswd", "/v1/fn/PRICE?code=%",
                "/v1/fn/PRICE?code=%zz&format=json", "/v1/api/inquire-price?FID_INPUT_ISCD=%00",
                "/v1/fn/QUOTE/005930/%F0%9F%92%A3", "/addin/..%2f..%2fpom.xml", "/js/..%252f..%252fpom.xml",
                "/v1/fn/PRICE/%u0030")) {
            Answer a = raw.send("GET", target, own(), null);
            assertThat(a.status()).as("%s -> %s", target, a.body()).isNotEqualTo(500).isNotEqualTo(-1);
            if (a.status() == 200) {
                assertThat(a.body()).as(target).startsWith("#");
            } else {
                assertThat(a.status()).as(target).isIn(400, 404);
            }
            assertThat(a.body()).as(target).doesNotContain("<project").doesNotContain("root:");
        }
        assertThat(health()).isEqualTo(200);
    }

    @Test
    @Order(22)
    void threeHundredSocketsSubscribingAndUnsubscribingFiftyTopicsEachLeaveNothingBehind() throws Exception {
        List<String> codes = Universe.standard().stocks().stream().map(s -> s.code()).limit(50).toList();
        int sockets = 300;
        AtomicInteger unsubscribed = new AtomicInteger();
        List<WebSocket> open = new ArrayList<>();
        HeapProbe.reset();
        long t0 = System.nanoTime();
        for (int i = 0; i < sockets; i++) {
            open.add(connect(text -> {
                if (text.contains("\"status\":\"unsubscribed\"")) {
                    unsubscribed.incrementAndGet();
                }
            }, true));
        }
        for (WebSocket ws : open) {
            for (String c : codes) {
                ws.sendText("{\"op\":\"subscribe\",\"topic\":\"trade:" + c + "\"}", true).join();
            }
        }
        for (WebSocket ws : open) {
            for (String c : codes) {
                ws.sendText("{\"op\":\"unsubscribe\",\"topic\":\"trade:" + c + "\"}", true).join();
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> unsubscribed.get() >= sockets * codes.size());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        printResult("ws_300_sockets_x_50_topics", 101, ms, HeapProbe.peakBytes());
        assertThat(health()).isEqualTo(200);
        for (WebSocket ws : open) {
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> f.sim.counters().subscriptions() == 0);
    }

    @Test
    @Order(23)
    void aWebSocketFloodOfBadMessagesIsAnsweredOrClosed() throws Exception {
        List<String> texts = new CopyOnWriteArrayList<>();
        CompletableFuture<Integer> closed = new CompletableFuture<>();
        WebSocket ws = connect(texts::add, true, closed);
        ws.sendText("[".repeat(10_000) + "]".repeat(10_000), true).join();
        ws.sendText("{\"op\":\"subscribe\",\"topic\":\"trade:" + "9".repeat(5_000) + "\"}", true).join();
        ws.sendText("{\"op\":\"subscribe\",\"topic\":\"../../etc/passwd\"}", true).join();
        ws.sendText("{\"op\":\"subscribe\",\"topic\":\"script:" + "x".repeat(200) + "\"}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> texts.stream().filter(t -> t.contains("error")).count() >= 4);
        assertThat(closed).isNotDone();
        // a message nested 100,000 deep (200 KB, over the frame limit) ends the socket instead of being parsed
        ws.sendText("[".repeat(100_000) + "]".repeat(100_000), true);
        // 1009 "message too big" in a close frame, or (-1) the connection ended before the client read the frame
        assertThat(closed.get(10, TimeUnit.SECONDS)).isIn(1009, 1011, 1002, -1);
        assertThat(health()).isEqualTo(200);
    }

    @Test
    @Order(24)
    void clientsThatNeverReadCostBoundedMemoryAndBlockNobodyElse() throws Exception {
        List<String> codes = Universe.standard().stocks().stream().map(s -> s.code()).limit(41).toList();
        HeapProbe.reset();
        long before = HeapProbe.usedAfterGcBytes();
        long t0 = System.nanoTime();
        List<WebSocket> deaf = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            WebSocket ws = connect(text -> { }, false);
            for (String c : codes) {
                ws.sendText("{\"op\":\"subscribe\",\"topic\":\"trade:" + c + "\"}", true).join();
            }
            deaf.add(ws);
        }
        // an HTTP client pipelining requests for a large answer and never reading one
        try (Socket s = new Socket("127.0.0.1", f.bridge.port())) {
            OutputStream out = s.getOutputStream();
            byte[] req = ("GET /v1/functions HTTP/1.1\r\nHost: " + own() + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 2_000; i++) {
                out.write(req);
            }
            out.flush();
            StreamCounters c0 = f.bridge.streamCounters();
            for (int round = 0; round < 600; round++) {
                f.sim.market().tickAll();
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> f.bridge.streamCounters().conflated() > c0.conflated());
            assertThat(health()).isEqualTo(200);
            assertThat(raw.send("GET", "/v1/fn/PRICE/005930", own(), null).body()).matches("[0-9]+");
            long after = HeapProbe.usedAfterGcBytes();
            printResult("never_reading_20_ws_x_41_topics_600_ticks_and_2000_pipelined_http", 200,
                    (System.nanoTime() - t0) / 1_000_000, HeapProbe.peakBytes());
            System.out.printf("RESULT attack case=never_reading heap_after_gc_growth_mib=%.1f%n",
                    HeapProbe.mib(after - before));
            assertThat(after - before).as("heap kept for 20 deaf sockets").isLessThan(64L << 20);
        }
        for (WebSocket ws : deaf) {
            ws.abort();
        }
    }

    private WebSocket connect(java.util.function.Consumer<String> onText, boolean reads) throws Exception {
        return connect(onText, reads, new CompletableFuture<>());
    }

    private WebSocket connect(java.util.function.Consumer<String> onText, boolean reads,
                              CompletableFuture<Integer> closed) throws Exception {
        return f.http.newWebSocketBuilder().buildAsync(URI.create(f.bridge.url().replace("http://", "ws://")
                + "/v1/stream"), new WebSocket.Listener() {
                    private final StringBuilder part = new StringBuilder();

                    @Override
                    public void onOpen(WebSocket webSocket) {
                        if (reads) {
                            webSocket.request(1);
                        }
                    }

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        part.append(data);
                        if (last) {
                            String t = part.toString();
                            part.setLength(0);
                            streamTexts.add(t);
                            onText.accept(t);
                        }
                        webSocket.request(1);
                        return null;
                    }

                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closed.complete(statusCode);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket webSocket, Throwable error) {
                        closed.complete(-1);
                    }
                }).get(10, TimeUnit.SECONDS);
    }

    private static void printResult(String name, int status, long ms, long heapPeak) {
        System.out.printf("RESULT attack case=%s status=%d ms=%d heap_peak_mib=%.1f heap_max_mib=%.0f rss_peak_mib=%.1f%n",
                name, status, ms, HeapProbe.mib(heapPeak), HeapProbe.mib(HeapProbe.maxBytes()),
                HeapProbe.peakRssKib() / 1024.0);
    }

    // ---------------------------------------------------------------- secrets

    @Test
    @Order(Integer.MAX_VALUE)
    void noAnswerPageStreamOrLogLineShowsASecret() throws Exception {
        // pages and lists too, and a few failures that produce stack traces
        for (String page : List.of("/", "/addin/manifest.xml", "/addin/taskpane.html", "/addin/functions.json",
                "/v1/functions", "/v1/trading", "/v1/fn/BALANCE", "/v1/fn/CASH", "/v1/fn/EXECUTIONS",
                "/v1/api/inquire-balance", "/v1/api/inquire-psbl-order?PDNO=005930&ORD_UNPR=0&ORD_DVSN=01",
                "/v1/fn/CALL/inquire-balance", "/v1/fn/PRICE/999999?format=json", "/v1/scripts",
                "/js/../../bridge.key", "/v1/fn/PRICE/%zz")) {
            raw.send("GET", page, own(), null);
        }
        f.sim.faults().expireTokens();
        raw.send("GET", "/v1/fn/QUOTE/000660/per", own(), null);
        raw.send("POST", "/v1/orders", own(), order("005930", "buy", 1, 70000), "X-Bridge-Key: wrong-key",
                "Idempotency-Key: secret-1");

        String token = JSON.readTree(Files.readString(f.client.tokenCacheFile())).path("access_token").asText();
        DemoCredentials c = creds();
        Map<String, String> secrets = new java.util.LinkedHashMap<>();
        secrets.put("bridge key", key());
        secrets.put("app key", c.appKey());
        secrets.put("app secret", c.appSecret());
        secrets.put("access token", token);
        secrets.put("account number", c.accountNumber());
        secrets.put("account number without the dash", c.accountNumber().replace("-", ""));
        secrets.put("account (CANO)", c.accountNumber().substring(0, 8));
        assertThat(token).hasSizeGreaterThan(20);

        List<String> everything = new ArrayList<>();
        raw.answers.forEach(a -> everything.add(a.request() + "\n" + a.head() + "\n" + a.body()));
        everything.addAll(streamTexts);
        everything.addAll(logLines);
        assertThat(raw.answers).hasSizeGreaterThan(500);
        assertThat(logLines).isNotEmpty();
        for (Map.Entry<String, String> s : secrets.entrySet()) {
            for (String text : everything) {
                if (text.contains(s.getValue())) {
                    // the request line itself may carry what the test sent (the CANO in a forged order call)
                    String answerOnly = text.substring(text.indexOf('\n') + 1);
                    assertThat(answerOnly).as("%s in an answer or log line", s.getKey()).doesNotContain(s.getValue());
                }
            }
        }
        System.out.printf("RESULT attack case=secrets answers=%d stream_texts=%d log_lines=%d secrets=%d%n",
                raw.answers.size(), streamTexts.size(), logLines.size(), secrets.size());
    }
}
