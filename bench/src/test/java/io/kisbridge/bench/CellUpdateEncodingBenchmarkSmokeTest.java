package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Calls each encoding benchmark once and checks it produces the /v1/stream message the bridge sends. */
@Timeout(30)
class CellUpdateEncodingBenchmarkSmokeTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyBenchmarkMethodEncodesTheStreamMessageOfItsRecord() throws Exception {
        CellUpdateEncodingBenchmark b = new CellUpdateEncodingBenchmark();
        b.setUp();
        JsonNode trade = JSON.readTree(b.tradeUpdateJson());
        assertThat(trade.path("topic").asText()).isEqualTo("trade:005930");
        assertThat(trade.at("/data/mksc_shrn_iscd").asText()).isEqualTo("005930");
        assertThat(trade.at("/data/stck_prpr").isNumber()).isTrue();
        assertThat(trade.at("/data/stck_prpr").asLong()).isEqualTo(71900);
        assertThat(trade.path("data").size()).isEqualTo(46);
        JsonNode book = JSON.readTree(b.bookUpdateJson());
        assertThat(book.path("topic").asText()).isEqualTo("book:005930");
        assertThat(book.at("/data/askp1").asLong()).isEqualTo(71900);
    }
}
