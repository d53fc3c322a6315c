package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import java.net.URI;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The realtime topics beyond KRX trades and books (NXT, integrated, indices, status, NAV) through /v1/stream. */
@Timeout(60)
class StreamTopicsIT {
    private static final ObjectMapper JSON = new ObjectMapper();
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

    private final class Client implements WebSocket.Listener {
        final List<JsonNode> messages = new CopyOnWriteArrayList<>();
        final StringBuilder partial = new StringBuilder();
        WebSocket ws;

        Client open() {
            ws = f.http.newWebSocketBuilder()
                    .buildAsync(URI.create(f.url("/v1/stream").replace("http://", "ws://")), this).join();
            return this;
        }

        void subscribe(String topic) {
            ws.sendText("{\"op\":\"subscribe\",\"topic\":\"" + topic + "\"}", true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                try {
                    messages.add(JSON.readTree(partial.toString()));
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        JsonNode data(String topic) {
            return messages.stream().filter(m -> topic.equals(m.path("topic").asText()) && m.has("data"))
                    .reduce((a, b) -> b).map(m -> m.path("data")).orElse(null);
        }
    }

    @Test
    void nxtIntegratedIndexStatusAndNavTopicsStreamTheirRecordsByFieldName() {
        Client c = new Client().open();
        List<String> topics = List.of("trade:005930@NX", "book:005930@UN", "index:0001", "status:005930", "nav:005930",
                "program:005930@NX");
        topics.forEach(c::subscribe);

        await().atMost(Duration.ofSeconds(20)).until(() -> {
            f.sim.market().tick("005930");
            return topics.stream().allMatch(t -> c.data(t) != null);
        });
        assertThat(c.data("trade:005930@NX").path("stck_prpr").asLong()).isPositive();
        assertThat(c.data("trade:005930@NX").has("cntg_cls_code")).as("the NXT layout's own field name").isTrue();
        assertThat(c.data("book:005930@UN").path("askp1").asLong()).isPositive();
        assertThat(c.data("index:0001").path("bstp_cls_code").asText()).isEqualTo("0001");
        assertThat(c.data("index:0001").path("prpr_nmix").isNumber()).isTrue();
        assertThat(c.data("status:005930").path("trht_yn").asText()).isEqualTo("N");
        assertThat(c.data("nav:005930").path("nav").decimalValue()).isPositive();
        assertThat(c.data("program:005930@NX").has("ntby_cnqn")).isTrue();
    }

    @Test
    void aMarketATopicDoesNotTakeIsABadMessageThatSaysWhichItTakes() {
        Client c = new Client().open();
        c.subscribe("index:0001@NX");
        c.subscribe("trade:005930@NYSE");

        await().atMost(Duration.ofSeconds(10)).until(() -> c.messages.stream()
                .filter(m -> "error".equals(m.path("type").asText())).count() == 2);
        List<String> errors = c.messages.stream().filter(m -> "error".equals(m.path("type").asText()))
                .map(m -> m.path("message").asText()).toList();
        assertThat(errors.get(0)).contains("index takes no market");
        assertThat(errors.get(1)).contains("KRX, NX (NXT) or UN");
    }
}
