package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisbridge.core.KisEnvironment;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class StreamIT {
    @TempDir
    Path dir;
    BridgeFixture f;

    @BeforeEach
    void start() {
        f = new BridgeFixture(dir, KisEnvironment.REAL);
    }

    @AfterEach
    void stop() {
        f.close();
    }

    private static boolean dataFor(JsonNode m, String topic) {
        return topic.equals(m.path("topic").asText()) && m.has("data");
    }

    @Test
    void pushesTradesWithLowerCaseKisFieldNames() {
        StreamTestClient c = StreamTestClient.open(f);
        await().atMost(Duration.ofSeconds(5)).until(() -> c.has(m -> "feed".equals(m.path("type").asText())));
        c.send("subscribe", "trade:005930");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            f.sim.market().tick("005930");
            return c.has(m -> dataFor(m, "trade:005930"));
        });
        JsonNode data = c.messages.stream().filter(m -> dataFor(m, "trade:005930")).findFirst().orElseThrow().path("data");
        assertThat(data.path("mksc_shrn_iscd").asText()).isEqualTo("005930");
        assertThat(data.path("stck_prpr").asLong()).isPositive();
        assertThat(data.has("cntg_vol")).isTrue();
        assertThat(c.has(m -> "trade:005930".equals(m.path("topic").asText())
                && "subscribed".equals(m.path("status").asText()))).isTrue();
    }

    @Test
    void everySocketGetsTheTradesOfItsOwnTopicsInOrderAndNothingElse() {
        StreamTestClient a = StreamTestClient.open(f);
        StreamTestClient b = StreamTestClient.open(f);
        StreamTestClient c = StreamTestClient.open(f);
        a.send("subscribe", "trade:005930");
        b.send("subscribe", "trade:005930");
        b.send("subscribe", "trade:000660");
        c.send("subscribe", "trade:000660");
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribed(a, "trade:005930") && subscribed(b, "trade:005930")
                && subscribed(b, "trade:000660") && subscribed(c, "trade:000660"));
        List<Long> samsung = new java.util.ArrayList<>();
        List<Long> hynix = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            samsung.add(Long.parseLong(f.sim.market().tick("005930").h0stcnt0Fields().get(13)));
            hynix.add(Long.parseLong(f.sim.market().tick("000660").h0stcnt0Fields().get(13)));
        }
        long lastSamsung = samsung.get(samsung.size() - 1);
        long lastHynix = hynix.get(hynix.size() - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> volumes(a, "trade:005930").contains(lastSamsung)
                && volumes(b, "trade:005930").contains(lastSamsung) && volumes(b, "trade:000660").contains(lastHynix)
                && volumes(c, "trade:000660").contains(lastHynix));

        assertThat(dataTopics(a)).containsOnly("trade:005930");
        assertThat(dataTopics(b)).containsOnly("trade:005930", "trade:000660");
        assertThat(dataTopics(c)).containsOnly("trade:000660");
        // latest-value delivery may skip trades a socket was too slow for, never reorder or invent them
        for (StreamTestClient x : List.of(a, b)) {
            assertThat(volumes(x, "trade:005930")).isSubsetOf(samsung).isSorted().doesNotHaveDuplicates()
                    .endsWith(lastSamsung);
        }
        for (StreamTestClient x : List.of(b, c)) {
            assertThat(volumes(x, "trade:000660")).isSubsetOf(hynix).isSorted().doesNotHaveDuplicates()
                    .endsWith(lastHynix);
        }
        // the same trade reaches two sockets as the same message, with the simulator's fields
        assertThat(lastData(a, "trade:005930")).isEqualTo(lastData(b, "trade:005930"));
        assertThat(lastData(b, "trade:000660")).isEqualTo(lastData(c, "trade:000660"));
        assertThat(lastData(a, "trade:005930").path("stck_prpr").asLong()).isEqualTo(f.sim.market().lastPrice("005930"));
        assertThat(lastData(c, "trade:000660").path("stck_prpr").asLong()).isEqualTo(f.sim.market().lastPrice("000660"));
    }

    @Test
    void twoSocketsAndALaterOneOnOneTopicGetInOrderDataThroughOneRegistration() {
        String topic = "trade:005930";
        StreamTestClient a = StreamTestClient.open(f);
        StreamTestClient b = StreamTestClient.open(f);
        a.send("subscribe", topic);
        b.send("subscribe", topic);
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribed(a, topic) && subscribed(b, topic));
        List<Long> ticks = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            ticks.add(Long.parseLong(f.sim.market().tick("005930").h0stcnt0Fields().get(13)));
        }
        long lastBefore = ticks.get(ticks.size() - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> volumes(a, topic).contains(lastBefore)
                && volumes(b, topic).contains(lastBefore));

        // no tick now: the late socket gets the topic's status and its last value from the bridge at once
        StreamTestClient c = StreamTestClient.open(f);
        c.send("subscribe", topic);
        await().atMost(Duration.ofSeconds(10)).until(() -> volumes(c, topic).contains(lastBefore));
        List<JsonNode> lateTopic = c.messages.stream().filter(m -> topic.equals(m.path("topic").asText())).toList();
        assertThat(lateTopic.get(0).path("status").asText()).isEqualTo("subscribed");
        assertThat(lateTopic.get(0).path("feed").asText()).isEqualTo("connected");
        assertThat(lateTopic.get(1).at("/data/acml_vol").asLong()).isEqualTo(lastBefore);

        for (int i = 0; i < 20; i++) {
            ticks.add(Long.parseLong(f.sim.market().tick("005930").h0stcnt0Fields().get(13)));
        }
        long last = ticks.get(ticks.size() - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> volumes(a, topic).contains(last)
                && volumes(b, topic).contains(last) && volumes(c, topic).contains(last));
        for (StreamTestClient x : List.of(a, b, c)) {
            assertThat(volumes(x, topic)).isSubsetOf(ticks).isSorted().doesNotHaveDuplicates().endsWith(last);
        }
        assertThat(volumes(c, topic)).startsWith(lastBefore);
        assertThat(lastData(a, topic)).isEqualTo(lastData(c, topic));
        // one KIS registration, and one feed listener for the three sockets
        assertThat(f.sim.counters().subscriptions()).isEqualTo(1);
        assertThat(f.feed.topics()).containsEntry(io.kisbridge.core.realtime.Topic.trade("005930"), 1);
        assertThat(f.bridge.streamCounters().encodings()).isLessThanOrEqualTo(ticks.size() + 5L);
    }

    @Test
    void aSocketThatAsksForEveryRecordGetsEachRecordOfAMultiRecordFrameOnceAndInOrder() {
        String topic = "trade:005930";
        List<String> template = f.sim.market().tick("005930").h0stcnt0Fields(); // before anyone listens
        StreamTestClient every = StreamTestClient.open(f);
        StreamTestClient cell = StreamTestClient.open(f);
        every.ws.sendText("{\"op\":\"subscribe\",\"topic\":\"" + topic + "\",\"conflate\":false}", true).join();
        cell.send("subscribe", topic);
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribed(every, topic) && subscribed(cell, topic));

        List<Long> sent = new java.util.ArrayList<>();
        StringBuilder frame = new StringBuilder("0|H0STCNT0|004|");
        for (int i = 1; i <= 4; i++) {
            List<String> fields = new java.util.ArrayList<>(template);
            fields.set(13, Long.toString(900_000_000L + i)); // acml_vol tells the four records apart
            sent.add(900_000_000L + i);
            frame.append(i > 1 ? "^" : "").append(String.join("^", fields));
        }
        f.sim.faults().sendRawFrame(io.kisbridge.simulator.SimEnvironment.REAL, frame.toString());
        for (int i = 0; i < 30; i++) {
            sent.add(Long.parseLong(f.sim.market().tick("005930").h0stcnt0Fields().get(13)));
        }
        long last = sent.get(sent.size() - 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> volumes(every, topic).contains(last)
                && volumes(cell, topic).contains(last));

        assertThat(volumes(every, topic)).containsExactlyElementsOf(sent);
        // the default stays latest-wins: it may skip records (those of one frame, typically), never reorder them
        assertThat(volumes(cell, topic)).isSubsetOf(sent).doesNotHaveDuplicates().endsWith(last);
        assertThat(every.has(m -> "dropped".equals(m.path("status").asText()))).isFalse();
        // both fanouts share the one KIS registration
        assertThat(f.sim.counters().subscriptions()).isEqualTo(1);
        assertThat(f.feed.topics()).containsEntry(io.kisbridge.core.realtime.Topic.trade("005930"), 2);
        assertThat(f.bridge.streamCounters().recordsDropped()).isZero();
    }

    @Test
    void answersAPingWithAPongCarryingTheSamePayload() throws Exception {
        java.util.concurrent.CompletableFuture<String> pong = new java.util.concurrent.CompletableFuture<>();
        WebSocket ws = f.http.newWebSocketBuilder().buildAsync(URI.create(f.url("/v1/stream").replace("http://", "ws://")),
                new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onPong(WebSocket w, java.nio.ByteBuffer message) {
                        pong.complete(java.nio.charset.StandardCharsets.UTF_8.decode(message).toString());
                        w.request(1);
                        return null;
                    }
                }).join();
        ws.sendPing(java.nio.ByteBuffer.wrap("bridge-keepalive-1".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                .join();
        assertThat(pong.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("bridge-keepalive-1");
        ws.abort();
    }

    @Test
    void refusesAConflateThatIsNotABoolean() {
        StreamTestClient c = StreamTestClient.open(f);
        c.ws.sendText("{\"op\":\"subscribe\",\"topic\":\"trade:005930\",\"conflate\":\"no\"}", true).join();
        await().atMost(Duration.ofSeconds(10)).until(() -> c.has(m -> "error".equals(m.path("type").asText())
                && m.path("message").asText().contains("\"conflate\" must be true or false")));
    }

    @Test
    void aSocketLeavingATopicOthersStillWatchKeepsTheRegistrationForThem() {
        String topic = "trade:000660";
        StreamTestClient a = StreamTestClient.open(f);
        StreamTestClient b = StreamTestClient.open(f);
        a.send("subscribe", topic);
        b.send("subscribe", topic);
        await().atMost(Duration.ofSeconds(20)).until(() -> subscribed(a, topic) && subscribed(b, topic));

        a.send("unsubscribe", topic);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.has(m -> topic.equals(m.path("topic").asText())
                && "unsubscribed".equals(m.path("status").asText())));
        int seenByA = volumes(a, topic).size();
        long tick = Long.parseLong(f.sim.market().tick("000660").h0stcnt0Fields().get(13));

        await().atMost(Duration.ofSeconds(20)).until(() -> volumes(b, topic).contains(tick));
        assertThat(volumes(a, topic)).hasSize(seenByA);
        assertThat(f.sim.counters().subscriptions()).isEqualTo(1);
        b.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        await().atMost(Duration.ofSeconds(10)).until(() -> f.sim.counters().subscriptions() == 0
                && !f.feed.topics().containsKey(io.kisbridge.core.realtime.Topic.trade("000660")));
    }

    private static boolean subscribed(StreamTestClient c, String topic) {
        return c.has(m -> topic.equals(m.path("topic").asText()) && "subscribed".equals(m.path("status").asText()));
    }

    private static List<Long> volumes(StreamTestClient c, String topic) {
        return c.messages.stream().filter(m -> dataFor(m, topic)).map(m -> m.at("/data/acml_vol").asLong()).toList();
    }

    private static java.util.Set<String> dataTopics(StreamTestClient c) {
        return c.messages.stream().filter(m -> m.has("data")).map(m -> m.path("topic").asText())
                .collect(java.util.stream.Collectors.toSet());
    }

    private static JsonNode lastData(StreamTestClient c, String topic) {
        return c.messages.stream().filter(m -> dataFor(m, topic)).reduce((x, y) -> y).orElseThrow().path("data");
    }

    @Test
    void pushesTheOrderBook() {
        StreamTestClient c = StreamTestClient.open(f);
        c.send("subscribe", "book:000660");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            f.sim.market().tick("000660");
            return c.has(m -> dataFor(m, "book:000660"));
        });
        JsonNode data = c.messages.stream().filter(m -> dataFor(m, "book:000660")).findFirst().orElseThrow().path("data");
        assertThat(data.path("askp1").asLong()).isPositive();
        assertThat(data.path("bidp1").asLong()).isPositive();
    }

    @Test
    void socketsWatchingOneTopicShareOneKisRegistrationAndReleaseIt() {
        StreamTestClient a = StreamTestClient.open(f);
        StreamTestClient b = StreamTestClient.open(f);
        a.send("subscribe", "trade:035420");
        b.send("subscribe", "trade:035420");
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            f.sim.market().tick("035420");
            return a.has(m -> dataFor(m, "trade:035420")) && b.has(m -> dataFor(m, "trade:035420"));
        });
        assertThat(f.sim.counters().subscriptions()).isEqualTo(1);
        a.send("unsubscribe", "trade:035420");
        b.ws.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        await().atMost(Duration.ofSeconds(10)).until(() -> f.sim.counters().subscriptions() == 0);
    }

    @Test
    void tellsEverySocketWhenTheFeedDropsAndComesBack() {
        StreamTestClient c = StreamTestClient.open(f);
        c.send("subscribe", "trade:005930");
        await().atMost(Duration.ofSeconds(20)).until(() -> c.has(m -> "connected".equals(m.path("state").asText())));
        f.sim.faults().dropWebSocketSessions();
        await().atMost(Duration.ofSeconds(20)).until(() -> c.has(m -> "feed".equals(m.path("type").asText())
                && List.of("disconnected", "reconnecting").contains(m.path("state").asText())));
        int seen = c.messages.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> c.messages.subList(seen, c.messages.size()).stream()
                .anyMatch(m -> "connected".equals(m.path("state").asText())));
    }

    @Test
    void answersABadMessageWithAnErrorAndKeepsTheSocket() {
        StreamTestClient c = StreamTestClient.open(f);
        c.ws.sendText("{\"op\":\"subscribe\",\"topic\":\"weather:seoul\"}", true).join();
        await().atMost(Duration.ofSeconds(5)).until(() -> c.has(m -> "error".equals(m.path("type").asText())));
        assertThat(c.ws.isOutputClosed()).isFalse();
    }

    @Test
    void refusesAWebSocketFromAForeignOrigin() {
        assertThatThrownBy(() -> StreamTestClient.open(f, "Origin", "http://evil.example"))
                .hasCauseInstanceOf(java.net.http.WebSocketHandshakeException.class)
                .satisfies(t -> assertThat(((java.net.http.WebSocketHandshakeException) t.getCause()).getResponse()
                        .statusCode()).isEqualTo(403));
        assertThat(StreamTestClient.open(f, "Origin", "http://localhost:" + f.bridge.port()).ws.isOutputClosed()).isFalse();
    }
}
