package io.kisbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every catalog entry against the simulator, which checks path, TR ID, headers, required and unknown parameters,
 * body shape and account from its own reading of the facts, so a passing call proves the request is the one KIS's
 * samples describe; and every output field the catalog declares is in the answer, with a value of its type.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class CatalogIT {
    @TempDir
    Path stateDir;
    private SimFixture fx;
    private KisClient real;
    private KisClient paper;

    @BeforeAll
    void start() {
        fx = new SimFixture(stateDir);
        real = fx.client(KisEnvironment.REAL);
        paper = fx.client(KisEnvironment.PAPER);
    }

    @AfterAll
    void stop() {
        real.close();
        paper.close();
        fx.close();
    }

    static Stream<ApiSpec> dataApis() {
        return Catalog.dataApis().stream();
    }

    static Stream<ApiSpec> paperApis() {
        return Catalog.dataApis().stream().filter(ApiSpec::availableInPaper);
    }

    static Stream<ApiSpec> realOnlyApis() {
        return Catalog.dataApis().stream().filter(s -> !s.availableInPaper());
    }

    /** The reference's example values for the caller's parameters, with live values where the market needs them. */
    private Map<String, String> exampleParams(ApiSpec spec, KisClient client) {
        Map<String, String> p = new LinkedHashMap<>();
        for (ApiParam a : spec.params()) {
            if (a.role() == ApiParam.Role.USER && a.required() && a.defaultValue() == null) {
                p.put(a.name(), a.example());
            }
        }
        switch (spec.name()) {
            case "inquire-daily-itemchartprice" -> {
                p.put("FID_INPUT_DATE_1", "20260101");
                p.put("FID_INPUT_DATE_2", "20260302");
            }
            case "order-cash" -> p.put("ORD_UNPR", Long.toString(fx.restingBuyPrice("005930")));
            case "order-rvsecncl" -> {
                OrderResult open = client.buy("005930", 1, fx.restingBuyPrice("005930"));
                p.put("KRX_FWDG_ORD_ORGNO", open.branch());
                p.put("ORGN_ODNO", open.orderNumber());
                p.put("RVSE_CNCL_DVSN_CD", "02");
            }
            default -> {
            }
        }
        return p;
    }

    private void assertRuns(ApiSpec spec, KisClient client) {
        String trId = spec.trId(client.config().environment());
        long before = fx.sim.counters().calls(trId);
        ApiResult r = client.call(spec.name(), exampleParams(spec, client));
        assertThat(r.trId()).isEqualTo(trId);
        assertThat(r.msgCd()).isNotBlank();
        assertThat(r.outputs()).as("output blocks of %s", spec.name()).isNotEmpty();
        assertThat(fx.sim.counters().calls(trId)).isGreaterThan(before);
        assertThat(fx.sim.counters().rateLimitRejections()).isZero();
        for (Map.Entry<String, java.util.List<OutputField>> block : spec.outputFields().entrySet()) {
            JsonNode b = r.output(block.getKey());
            assertThat(b).as("%s %s", spec.name(), block.getKey()).isNotNull();
            JsonNode row = b.isArray() ? b.get(0) : b;
            if (row == null) {
                continue; // an empty list of rows (no holdings, no orders) has no fields to look at
            }
            for (OutputField f : block.getValue()) {
                assertThat(row.has(f.code())).as("%s %s.%s", spec.name(), block.getKey(), f.code()).isTrue();
                assertThat(plausible(f.type(), row.path(f.code()).asText()))
                        .as("%s %s.%s = '%s' as %s", spec.name(), block.getKey(), f.code(), row.path(f.code()).asText(), f.type())
                        .isTrue();
            }
        }
    }

    /** Empty is always allowed (KIS sends empty values); otherwise the text must read as its declared type. */
    private static boolean plausible(OutputField.Type type, String v) {
        String s = v.strip();
        if (s.isEmpty()) return true;
        return switch (type) {
            case INTEGER, DECIMAL, RATE -> s.matches("[-+]?[0-9]*\\.?[0-9]+");
            case DATE -> s.matches("[0-9]{8}");
            case TIME -> s.matches("[0-9]{4,6}");
            case SIGN -> s.matches("[1-5]");
            default -> true;
        };
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("dataApis")
    void everyCatalogEntryIsAcceptedByTheRealSimulator(ApiSpec spec) {
        assertRuns(spec, real);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("paperApis")
    void everyPaperEntryIsAcceptedByThePaperSimulator(ApiSpec spec) {
        assertRuns(spec, paper);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("realOnlyApis")
    void paperRefusesRealOnlyApisBeforeAnyRequest(ApiSpec spec) {
        Map<String, Long> before = fx.sim.counters().callsByTrId();
        assertThatThrownBy(() -> paper.call(spec.name(), exampleParams(spec, paper)))
                .isInstanceOfSatisfying(KisUnsupportedInPaperException.class,
                        e -> assertThat(e.getMessage()).contains(spec.name()));
        assertThat(fx.sim.counters().callsByTrId()).isEqualTo(before);
    }
}
