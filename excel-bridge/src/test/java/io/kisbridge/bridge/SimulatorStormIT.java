package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.simulator.SimEnvironment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The recalculation storm of the bridge issue against the real simulator (its extended universe of synthetic codes
 * makes 500 codes possible): 10,000 PRICE cells through the function set and a share over HTTP. Calls are counted
 * at the simulator, EGW00201 by its rejection counter, prices compared with the simulator's market.
 */
class SimulatorStormIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MULTPRICE = "FHKST11300006";
    private static final String INQUIRE_PRICE = "FHKST01010100";

    @Test
    @Timeout(120)
    void tenThousandPriceCellsOverFiveHundredCodesCostAboutSeventeenMultpriceCallsInRealMode(@TempDir Path dir)
            throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL, o -> o, s -> s.extraCodes(443))) {
            List<String> codes = f.sim.market().codes();
            assertThat(codes).hasSize(500);

            storm(f, codes);

            long multprice = f.sim.counters().calls(MULTPRICE);
            long all = f.sim.counters().callsByTrId().values().stream().mapToLong(Long::longValue).sum();
            assertThat(multprice).isBetween(17L, 40L); // ⌈500/30⌉ = 17
            assertThat(f.sim.counters().calls(INQUIRE_PRICE)).isZero();
            assertThat(f.sim.counters().tokenIssuances()).isEqualTo(1);
            assertThat(all).isLessThanOrEqualTo(40);
            assertThat(f.sim.counters().rateLimitRejections()).isZero();
            assertThat(f.sim.counters().maxCallsInAnySecond(SimEnvironment.REAL)).isLessThanOrEqualTo(20);
        }
    }

    /**
     * Paper trading has no multprice: one inquire-price per code under the 2-calls-a-second paper limit, so 40 codes
     * (not 500, which would take over four minutes) take about 20 s. The cache TTL is raised to a minute so a cell
     * that happens to ask after its code's 2-s TTL (legitimately a fresh call) does not blur the count.
     */
    @Test
    @Timeout(120)
    void theSameStormInPaperModeCostsOneInquirePricePerCodeAndNoRateLimitRejection(@TempDir Path dir)
            throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.PAPER, o -> o.withCacheTtl(Duration.ofMinutes(1)),
                s -> s.extraCodes(100))) {
            List<String> all = f.sim.market().codes();
            List<String> codes = all.subList(37, 77); // 20 real names and 20 synthetic ones
            assertThat(codes).hasSize(40);

            storm(f, codes);

            assertThat(f.sim.counters().calls(INQUIRE_PRICE)).isEqualTo(codes.size());
            assertThat(f.sim.counters().calls(MULTPRICE)).isZero();
            assertThat(f.sim.counters().rateLimitRejections()).isZero();
            assertThat(f.sim.counters().maxCallsInAnySecond(SimEnvironment.PAPER)).isLessThanOrEqualTo(2);
        }
    }

    @Test
    @Timeout(60)
    void aBadCodeInAFullMultpriceBatchIsFoundByHalvingNotByAskingEveryCode(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL,
                o -> o.withBatchWindow(Duration.ofSeconds(1)))) {
            List<String> codes = new ArrayList<>(f.sim.market().codes().subList(0, 29));
            codes.add(11, "999998");
            f.get("/health");
            StringBuilder body = new StringBuilder("{\"calls\":[");
            for (int i = 0; i < codes.size(); i++) {
                body.append(i == 0 ? "" : ",").append("{\"fn\":\"PRICE\",\"args\":[\"").append(codes.get(i)).append("\"]}");
            }
            JsonNode results = JSON.readTree(f.post("/v1/batch", body.append("]}").toString()).body()).path("results");

            assertThat(results).hasSize(30);
            for (int i = 0; i < codes.size(); i++) {
                if (codes.get(i).equals("999998")) {
                    assertThat(results.get(i).path("error").path("cell").asText()).startsWith("#VALUE! KIS MCA05918");
                } else {
                    assertThat(results.get(i).path("value").asLong()).as(codes.get(i))
                            .isEqualTo(f.sim.market().lastPrice(codes.get(i)));
                }
            }
            // 1 refused call of 30, then two halves per level down to the bad code (30→15→8→4→2→1: at most 10
            // more), and one inquire-price for the bad code alone — instead of 30 inquire-price calls.
            assertThat(f.sim.counters().calls(MULTPRICE)).isBetween(9L, 11L);
            assertThat(f.sim.counters().calls(INQUIRE_PRICE)).isEqualTo(1);
            assertThat(f.sim.counters().rateLimitRejections()).isZero();
        }
    }

    /** 10,000 PRICE calls through the function set plus two /v1/batch of 500 and 100 GETs over HTTP, concurrently. */
    private static void storm(BridgeFixture f, List<String> codes) throws Exception {
        FunctionSet fns = f.bridge.functions();
        List<Future<String>> cells = new ArrayList<>();
        List<String> cellCodes = new ArrayList<>();
        List<Future<HttpResponse<String>>> http = new ArrayList<>();
        List<List<String>> httpCodes = new ArrayList<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 10_000; i++) {
                String code = codes.get(i % codes.size());
                cellCodes.add(code);
                cells.add(ex.submit(() -> ((FnResult.Scalar) fns.invoke("PRICE", code)).value()));
            }
            for (int n = 0; n < 2; n++) {
                StringBuilder body = new StringBuilder("{\"calls\":[");
                List<String> batchCodes = new ArrayList<>();
                for (int i = 0; i < 500; i++) {
                    String code = codes.get((i * 7 + n) % codes.size());
                    batchCodes.add(code);
                    body.append(i == 0 ? "" : ",").append("{\"fn\":\"PRICE\",\"args\":[\"").append(code).append("\"]}");
                }
                String json = body.append("]}").toString();
                httpCodes.add(batchCodes);
                http.add(ex.submit(() -> f.post("/v1/batch", json)));
            }
            List<String> waited = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                String code = codes.get((i * 13) % codes.size());
                httpCodes.add(List.of(code));
                http.add(ex.submit(() -> f.get("/v1/fn/PRICE/" + code)));
            }
            for (int i = 0; i < cells.size(); i++) {
                String code = cellCodes.get(i);
                assertThat(cells.get(i).get()).as(code).isEqualTo(Long.toString(f.sim.market().lastPrice(code)));
            }
            for (int i = 0; i < http.size(); i++) {
                HttpResponse<String> resp = http.get(i).get();
                List<String> expected = httpCodes.get(i);
                assertThat(resp.statusCode()).isEqualTo(200);
                if (resp.uri().getPath().equals("/v1/batch")) {
                    JsonNode results = JSON.readTree(resp.body()).path("results");
                    assertThat(results).hasSize(500);
                    for (int k = 0; k < 500; k++) {
                        assertThat(results.get(k).path("value").asLong()).as(expected.get(k))
                                .isEqualTo(f.sim.market().lastPrice(expected.get(k)));
                    }
                } else if (!resp.body().equals(Long.toString(f.sim.market().lastPrice(expected.get(0))))) {
                    // a cell answers within the /v1/fn deadline (10 s): in paper mode (2 calls/s, 40 codes: 20 s)
                    // the last ones say they wait in the rate-limit queue, and their loads go on
                    assertThat(resp.body()).startsWith("#N/A waiting in the rate-limit queue: ")
                            .endsWith("(recalculate then)");
                    waited.add(expected.get(0));
                }
            }
            // the next recalculation of a cell that waited gets its value from the load it started
            for (String code : waited) {
                assertThat(f.get("/v1/fn/PRICE/" + code).body()).as(code)
                        .isEqualTo(Long.toString(f.sim.market().lastPrice(code)));
            }
        }
    }
}
