package io.kisbridge.simulator.ws;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisbridge.simulator.Counters;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.SimEnvironment;
import io.kisbridge.simulator.account.ExecutionFeed;
import io.kisbridge.simulator.account.ExecutionNotice;
import io.kisbridge.simulator.internal.SimulatorContext;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The gateway on its own context (real market feed, a notice feed the test drives, own counters), spoken to
 * with the JDK's WebSocket client.
 */
@Timeout(30)
class WebSocketGatewayIT {
    private static final String CODE = "005930";

    private KisSimulator sim;
    private final List<Consumer<ExecutionNotice>> noticeListeners = new CopyOnWriteArrayList<>();
    private Counters counters;
    private WebSocketGateway real;
    private WebSocketGateway paper;
    private final List<TestWsClient> clients = new ArrayList<>();

    @BeforeEach
    void startGateway() {
        sim = KisSimulator.builder().seed(7).autoTicks(false).start();
        counters = new Counters(System::nanoTime);
        real = gateway(SimEnvironment.REAL, Duration.ofHours(1));
        paper = gateway(SimEnvironment.PAPER, Duration.ofHours(1));
    }

    private WebSocketGateway gateway(SimEnvironment env, Duration ping) {
        return gateway(env, ping, SimulatorContext.DEFAULT_TRADE_BATCH_WINDOW);
    }

    private WebSocketGateway gateway(SimEnvironment env, Duration ping, Duration tradeBatchWindow) {
        SimulatorContext base = sim.context();
        ExecutionFeed notices = l -> {
            noticeListeners.add(l);
            return () -> noticeListeners.remove(l);
        };
        SimulatorContext ctx = new SimulatorContext(base.clock(), base.marketFeed(), notices, base.approvalKeys(), counters,
                ping, 41, "127.0.0.1", Map.of(), base.credentials(), tradeBatchWindow);
        WebSocketGateway g = new WebSocketGateway(env, ctx);
        g.start();
        return g;
    }

    @AfterEach
    void stop() {
        clients.forEach(TestWsClient::close);
        if (real != null) {
            real.close();
        }
        if (paper != null) {
            paper.close();
        }
        sim.close();
    }

    private TestWsClient connect(WebSocketGateway g, String path, TestWsClient.PingMode mode) throws Exception {
        TestWsClient c = new TestWsClient("ws://127.0.0.1:" + g.port() + path, mode);
        clients.add(c);
        return c;
    }

    /** The JDK's own WebSocket client: sends one ping and returns the payload of the pong that answers it. */
    private static String pongPayloadFor(String url, String payload) throws Exception {
        java.util.concurrent.CompletableFuture<String> pong = new java.util.concurrent.CompletableFuture<>();
        java.net.http.WebSocket ws = java.net.http.HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(java.net.URI.create(url), new java.net.http.WebSocket.Listener() {
                    @Override
                    public java.util.concurrent.CompletionStage<?> onPong(java.net.http.WebSocket w,
                                                                           java.nio.ByteBuffer message) {
                        pong.complete(java.nio.charset.StandardCharsets.UTF_8.decode(message).toString());
                        w.request(1);
                        return null;
                    }
                }).get(10, java.util.concurrent.TimeUnit.SECONDS);
        try {
            ws.sendPing(java.nio.ByteBuffer.wrap(payload.getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                    .get(10, java.util.concurrent.TimeUnit.SECONDS);
            return pong.get(10, java.util.concurrent.TimeUnit.SECONDS);
        } finally {
            ws.abort();
        }
    }

    @Test
    void answersAPingFrameOnTheRealAndPaperFeedsWithAPongCarryingTheSamePayload() throws Exception {
        assertThat(pongPayloadFor("ws://127.0.0.1:" + real.port() + "/", "keepalive-real-42"))
                .isEqualTo("keepalive-real-42");
        assertThat(pongPayloadFor("ws://127.0.0.1:" + paper.port() + "/tryitout", "keepalive-paper-7"))
                .isEqualTo("keepalive-paper-7");
        assertThat(counters.pingsAnswered()).isEqualTo(2);
    }

    private String approvalKey(SimEnvironment env) {
        return sim.context().approvalKeys().issue(env, sim.credentials(env).appKey());
    }

    @Test
    void acksCarryA32CharKeyAnd16CharIvAndFlagOnlyNoticesAsEncrypted() throws Exception {
        TestWsClient c = connect(real, "/tryitout", TestWsClient.PingMode.ECHO_TEXT);
        String key = approvalKey(SimEnvironment.REAL);
        c.request(key, "1", "H0STCNT0", CODE);
        JsonNode ack = c.awaitControl("OPSP0000");
        assertThat(ack.at("/header/tr_id").asText()).isEqualTo("H0STCNT0");
        assertThat(ack.at("/header/tr_key").asText()).isEqualTo(CODE);
        assertThat(ack.at("/header/encrypt").asText()).isEqualTo("N");
        assertThat(ack.at("/body/rt_cd").asText()).isEqualTo("0");
        assertThat(ack.at("/body/msg1").asText()).isEqualTo("SUBSCRIBE SUCCESS");
        assertThat(ack.at("/body/output/key").asText()).hasSize(32).matches("[\\x21-\\x7e]+");
        assertThat(ack.at("/body/output/iv").asText()).hasSize(16).matches("[\\x21-\\x7e]+");

        c.request(key, "1", "H0STCNI0", sim.credentials(SimEnvironment.REAL).htsId());
        JsonNode noticeAck = TestWsClient.JSON.readTree(c.await(m -> m.contains("H0STCNI0") && m.contains("OPSP0000")));
        assertThat(noticeAck.at("/header/encrypt").asText()).isEqualTo("Y");
        assertThat(counters.subscriptions()).isEqualTo(2);
        assertThat(counters.subscribeRequests()).isEqualTo(2);
    }

    @Test
    void tradesThatCoincideArriveAsOneBatchedFrameOf46FieldRecords() throws Exception {
        TestWsClient c = connect(real, "/", TestWsClient.PingMode.ECHO_TEXT);
        c.request(approvalKey(SimEnvironment.REAL), "1", "H0STCNT0", CODE);
        c.awaitControl("OPSP0000");
        real.holdTradeFlush(true);
        for (int i = 0; i < 4; i++) {
            sim.market().tick(CODE);
        }
        real.holdTradeFlush(false);
        String frame = c.await(m -> m.startsWith("0|H0STCNT0|"));
        String[] parts = frame.split("\\|", 4);
        assertThat(parts[2]).isEqualTo("004");
        String[] fields = parts[3].split("\\^", -1);
        assertThat(fields).hasSize(4 * 46);
        assertThat(fields[0]).isEqualTo(CODE);
        assertThat(fields[46]).isEqualTo(CODE);
        assertThat(Long.parseLong(fields[3 * 46 + 2])).isEqualTo(sim.market().lastPrice(CODE));
    }

    @Test
    void withAZeroBatchWindowEveryTradeGoesOutAtOnceInAFrameOfItsOwn() throws Exception {
        WebSocketGateway unbatched = gateway(SimEnvironment.REAL, Duration.ofHours(1), Duration.ZERO);
        try {
            TestWsClient c = connect(unbatched, "/", TestWsClient.PingMode.ECHO_TEXT);
            c.request(approvalKey(SimEnvironment.REAL), "1", "H0STCNT0", CODE);
            c.awaitControl("OPSP0000");
            List<Long> volumes = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                volumes.add(Long.parseLong(sim.market().tick(CODE).h0stcnt0Fields().get(13)));
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> tradeFrames(c).size() == 4);
            for (int i = 0; i < 4; i++) {
                String[] parts = tradeFrames(c).get(i).split("\\|", 4);
                assertThat(parts[2]).isEqualTo("001");
                String[] fields = parts[3].split("\\^", -1);
                assertThat(fields).hasSize(46);
                assertThat(Long.parseLong(fields[13])).as("cumulative volume of trade %d", i).isEqualTo(volumes.get(i));
            }
        } finally {
            unbatched.close();
        }
    }

    private static List<String> tradeFrames(TestWsClient c) {
        return c.messages.stream().filter(m -> m.startsWith("0|H0STCNT0|")).toList();
    }

    @Test
    void aBookSubscriberGetsThe59FieldSnapshotAtOnce() throws Exception {
        TestWsClient c = connect(real, "/tryitout/H0STASP0", TestWsClient.PingMode.ECHO_TEXT);
        c.request(approvalKey(SimEnvironment.REAL), "1", "H0STASP0", CODE);
        String frame = c.await(m -> m.startsWith("0|H0STASP0|001|"));
        String[] fields = frame.split("\\|", 4)[3].split("\\^", -1);
        assertThat(fields).hasSize(59);
        long askTotal = 0;
        for (int i = 23; i < 33; i++) {
            askTotal += Long.parseLong(fields[i]);
        }
        assertThat(Long.parseLong(fields[43])).isEqualTo(askTotal);
    }

    @Test
    void executionNoticesAreAesEncryptedAndDecryptWithTheAckKeyAndIv() throws Exception {
        TestWsClient c = connect(paper, "/tryitout", TestWsClient.PingMode.ECHO_TEXT);
        DemoCredentials creds = sim.credentials(SimEnvironment.PAPER);
        c.request(approvalKey(SimEnvironment.PAPER), "1", "H0STCNI9", creds.htsId());
        JsonNode ack = c.awaitControl("OPSP0000");
        List<String> fields = new ArrayList<>(List.of("u", "5001234501", "0000000001", "", "02", "0", "00", "0", CODE,
                "0000000003", "000071900", "093000", "0", "2", "2", "00950", "000000003", "홍길동", "0", "1", "Y", "",
                "", "", "삼성전자", "000071900"));
        fields.set(0, creds.htsId());
        noticeListeners.forEach(l -> l.accept(new ExecutionNotice(creds.htsId(), SimEnvironment.PAPER, fields)));
        noticeListeners.forEach(l -> l.accept(new ExecutionNotice(creds.htsId(), SimEnvironment.REAL, fields)));

        String frame = c.await(m -> m.startsWith("1|H0STCNI9|001|"));
        Cipher cipher = Cipher.getInstance("AES/CBC/PKCS5Padding");
        cipher.init(Cipher.DECRYPT_MODE,
                new SecretKeySpec(ack.at("/body/output/key").asText().getBytes(StandardCharsets.UTF_8), "AES"),
                new IvParameterSpec(ack.at("/body/output/iv").asText().getBytes(StandardCharsets.UTF_8)));
        String plain = new String(cipher.doFinal(Base64.getDecoder().decode(frame.split("\\|", 4)[3])),
                StandardCharsets.UTF_8);
        assertThat(plain.split("\\^", -1)).containsExactlyElementsOf(fields);
        assertThat(c.messages.stream().filter(m -> m.startsWith("1|")).count()).isEqualTo(1);
    }

    @Test
    void the42ndRegistrationIsRefusedWithMaxSubscribeOver() throws Exception {
        TestWsClient c = connect(real, "/", TestWsClient.PingMode.ECHO_TEXT);
        String key = approvalKey(SimEnvironment.REAL);
        List<String> codes = sim.market().codes();
        for (int i = 0; i < 21; i++) {
            c.request(key, "1", "H0STCNT0", codes.get(i));
            c.request(key, "1", "H0STASP0", codes.get(i));
        }
        JsonNode refused = c.awaitControl("OPSP0008");
        assertThat(refused.at("/body/msg1").asText()).isEqualTo("MAX SUBSCRIBE OVER");
        assertThat(refused.at("/header/tr_id").asText()).isEqualTo("H0STASP0");
        assertThat(refused.at("/header/tr_key").asText()).isEqualTo(codes.get(20));
        await().untilAsserted(() -> assertThat(counters.subscriptions()).isEqualTo(41));
        assertThat(counters.registrationRejections()).isEqualTo(1);
        assertThat(c.messages.stream().filter(m -> m.contains("OPSP0000")).count()).isEqualTo(41);

        c.request(key, "2", "H0STCNT0", codes.get(0));
        c.awaitControl("OPSP0001");
        await().untilAsserted(() -> assertThat(counters.subscriptions()).isEqualTo(40));
    }

    @Test
    void aSecondSessionWithTheSameAppKeyIsRefusedWithRtCd9() throws Exception {
        TestWsClient first = connect(real, "/", TestWsClient.PingMode.ECHO_TEXT);
        first.request(approvalKey(SimEnvironment.REAL), "1", "H0STCNT0", CODE);
        first.awaitControl("OPSP0000");
        TestWsClient second = connect(real, "/", TestWsClient.PingMode.ECHO_TEXT);
        second.request(approvalKey(SimEnvironment.REAL), "1", "H0STCNT0", CODE);
        JsonNode refused = second.awaitControl("OPSP8996");
        assertThat(refused.at("/body/rt_cd").asText()).isEqualTo("9");
        assertThat(refused.at("/body/msg1").asText()).isEqualTo("ALREADY IN USE appkey");

        first.close();
        await().untilAsserted(() -> {
            second.request(approvalKey(SimEnvironment.REAL), "1", "H0STASP0", CODE);
            assertThat(second.messages).anyMatch(m -> m.contains("H0STASP0") && m.contains("OPSP0000"));
        });
    }

    @Test
    void everyMalformedRequestGetsItsControlCode() throws Exception {
        TestWsClient c = connect(real, "/", TestWsClient.PingMode.ECHO_TEXT);
        String key = approvalKey(SimEnvironment.REAL);
        String h = "\"header\":{\"approval_key\":\"" + key + "\",\"custtype\":\"P\",\"tr_type\":\"1\",\"content-type\":\"utf-8\"}";
        Map<String, String> cases = new java.util.LinkedHashMap<>();
        cases.put("not json", "OPSP9999");
        cases.put("{\"body\":{}}", "OPSP9998");
        cases.put("{" + h + "}", "OPSP9992");
        cases.put("{" + h + ",\"body\":{}}", "OPSP9991");
        cases.put("{" + h + ",\"body\":{\"input\":{\"tr_id\":\"H0STCNT0\"}}}", "OPSP9990");
        cases.put("{" + h + ",\"body\":{\"input\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":5930}}}", "OPSP8993");
        cases.put("{" + h.replace("\"tr_type\":\"1\"", "\"tr_type\":\"7\"")
                + ",\"body\":{\"input\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\"}}}", "OPSP8997");
        cases.put("{" + h.replace("\"custtype\":\"P\"", "\"custtype\":\"X\"")
                + ",\"body\":{\"input\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\"}}}", "OPSP8998");
        cases.put("{" + h.replace(",\"custtype\":\"P\"", "")
                + ",\"body\":{\"input\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\"}}}", "OPSP9997");
        cases.put("{" + h.replace(key, "") + ",\"body\":{\"input\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\"}}}",
                "OPSP9996");
        cases.put("{" + h.replace(key, "no-such-key") + ",\"body\":{\"input\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"005930\"}}}",
                "OPSP0011");
        cases.put("{" + h + ",\"body\":{\"input\":{\"tr_id\":\"H0STCNI9\",\"tr_key\":\"x\"}}}", "OPSP8991");
        cases.put("{" + h + ",\"body\":{\"input\":{\"tr_id\":\"H0STCNT0\",\"tr_key\":\"999999\"}}}", "OPSP8992");
        for (Map.Entry<String, String> e : cases.entrySet()) {
            int before = c.messages.size();
            c.send(e.getKey());
            await().until(() -> c.messages.size() > before);
            assertThat(c.messages.get(before)).as(e.getKey()).contains("\"" + e.getValue() + "\"");
        }
        c.request(key, "2", "H0STCNT0", CODE);
        c.awaitControl("OPSP0003");
        c.request(key, "1", "H0STCNT0", CODE);
        c.awaitControl("OPSP0000");
        c.request(key, "1", "H0STCNT0", CODE);
        assertThat(c.awaitControl("OPSP0002").at("/body/msg1").asText()).isEqualTo("ALREADY IN SUBSCRIBE");
        c.request(key, "2", "H0STCNT0", CODE);
        assertThat(c.awaitControl("OPSP0001").at("/body/msg1").asText()).isEqualTo("UNSUBSCRIBE SUCCESS");
        assertThat(counters.subscriptions()).isZero();
    }

    @Test
    void pingpongClosesSilentSessionsAndKeepsThoseAnsweringByTextOrPongFrame() throws Exception {
        real.close();
        real = gateway(SimEnvironment.REAL, Duration.ofMillis(200));
        TestWsClient silent = connect(real, "/", TestWsClient.PingMode.SILENT);
        TestWsClient echo = connect(real, "/", TestWsClient.PingMode.ECHO_TEXT);
        TestWsClient pong = connect(real, "/", TestWsClient.PingMode.PONG_FRAME);

        await().atMost(Duration.ofSeconds(5)).until(silent::isClosed);
        String ping = echo.await(m -> m.contains("PINGPONG"));
        assertThat(TestWsClient.JSON.readTree(ping).at("/header/datetime").asText()).matches("\\d{14}");
        await().untilAsserted(() -> assertThat(pong.messages.stream().filter(m -> m.contains("PINGPONG")).count())
                .isGreaterThanOrEqualTo(3));
        assertThat(echo.isClosed()).isFalse();
        assertThat(pong.isClosed()).isFalse();
        assertThat(counters.pongs()).isGreaterThanOrEqualTo(4);
        assertThat(real.openSessions()).isEqualTo(2);
    }

    @Test
    void acceptsTheDocumentedPathsOnlyAndCountsSessions() throws Exception {
        connect(real, "/", TestWsClient.PingMode.ECHO_TEXT);
        connect(real, "/tryitout", TestWsClient.PingMode.ECHO_TEXT);
        connect(real, "/tryitout/H0STCNT0", TestWsClient.PingMode.ECHO_TEXT);
        // The client's handshake may complete before the server has run its connect callback.
        await().untilAsserted(() -> assertThat(counters.wsSessionsOpened()).isEqualTo(3));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> connect(real, "/elsewhere", TestWsClient.PingMode.SILENT))
                .isInstanceOf(Exception.class);
    }

    @Test
    void faultHooksDropEverySessionAndBroadcastRawFrames() throws Exception {
        TestWsClient a = connect(real, "/", TestWsClient.PingMode.ECHO_TEXT);
        TestWsClient b = connect(real, "/", TestWsClient.PingMode.ECHO_TEXT);
        a.request(approvalKey(SimEnvironment.REAL), "1", "H0STCNT0", CODE);
        a.awaitControl("OPSP0000");
        real.broadcastRaw("0|H0STCNT0|00");
        a.await(m -> m.equals("0|H0STCNT0|00"));
        b.await(m -> m.equals("0|H0STCNT0|00"));

        real.dropAllSessions();
        await().until(() -> a.isClosed() && b.isClosed());
        assertThat(counters.subscriptions()).isZero();
        assertThat(real.openSessions()).isZero();
    }
}
