package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.simulator.SimEnvironment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recalculation storm: thousands of PRICE cells over every code the simulator knows, concurrently, through the
 * function set and over HTTP. KIS must see a handful of intstock-multprice calls and never answer EGW00201.
 */
@Timeout(120)
class StormIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void tenThousandPriceCellsCostAFewMultpriceCallsAndNoRateLimitRejection(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            List<String> codes = f.sim.market().codes();
            assertThat(codes).hasSizeGreaterThan(30);
            f.get("/v1/fn/PRICE/005930"); // token issued outside the measured storm
            f.sim.counters().reset();
            FunctionSet fns = f.bridge.functions();

            List<Future<String>> internal = new ArrayList<>();
            List<String> expectedCodes = new ArrayList<>();
            try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
                for (int i = 0; i < 10_000; i++) {
                    String code = codes.get(i % codes.size());
                    expectedCodes.add(code);
                    internal.add(ex.submit(() -> ((FnResult.Scalar) fns.invoke("PRICE", code)).value()));
                }
                // a smaller share over real HTTP: two batches of 500 cells and 100 WEBSERVICE-style GETs
                List<Future<HttpResponse<String>>> http = new ArrayList<>();
                for (int n = 0; n < 2; n++) {
                    StringBuilder body = new StringBuilder("{\"calls\":[");
                    for (int i = 0; i < 500; i++) {
                        body.append(i == 0 ? "" : ",").append("{\"fn\":\"PRICE\",\"args\":[\"")
                                .append(codes.get(i % codes.size())).append("\"]}");
                    }
                    String json = body.append("]}").toString();
                    http.add(ex.submit(() -> f.post("/v1/batch", json)));
                }
                for (int i = 0; i < 100; i++) {
                    String code = codes.get(i % codes.size());
                    http.add(ex.submit(() -> f.get("/v1/fn/PRICE/" + code)));
                }
                for (int i = 0; i < internal.size(); i++) {
                    assertThat(internal.get(i).get()).as(expectedCodes.get(i)).matches("[1-9][0-9]*");
                }
                for (Future<HttpResponse<String>> r : http) {
                    HttpResponse<String> resp = r.get();
                    assertThat(resp.statusCode()).isEqualTo(200);
                    if (resp.uri().getPath().equals("/v1/batch")) {
                        JsonNode results = JSON.readTree(resp.body()).path("results");
                        assertThat(results).hasSize(500);
                        results.forEach(x -> assertThat(x.path("value").asLong()).isPositive());
                    } else {
                        assertThat(resp.body()).matches("[1-9][0-9]*");
                    }
                }
            }
            long multprice = f.sim.counters().calls("FHKST11300006");
            long single = f.sim.counters().calls("FHKST01010100");
            long all = f.sim.counters().callsByTrId().values().stream().mapToLong(Long::longValue).sum();
            assertThat(multprice).isBetween(2L, 12L);
            assertThat(single).isZero();
            assertThat(all).isLessThanOrEqualTo(24);
            assertThat(f.sim.counters().rateLimitRejections()).isZero();
            assertThat(f.sim.counters().maxCallsInAnySecond(SimEnvironment.REAL)).isLessThanOrEqualTo(20);
        }
    }
}
