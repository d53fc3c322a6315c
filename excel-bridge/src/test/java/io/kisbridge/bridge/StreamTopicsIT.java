package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kisbridge.core.KisEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The realtime topics beyond KRX trades and books (NXT, integrated, indices, status, NAV) through /v1/stream. */
@Timeout(60)
class StreamTopicsIT {
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

    @Test
    void nxtIntegratedIndexStatusAndNavTopicsStreamTheirRecordsByFieldName() {
        StreamTestClient c = StreamTestClient.open(f);
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
        StreamTestClient c = StreamTestClient.open(f);
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
