package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.KisEnvironment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PaperModeIT {
    @TempDir
    static Path dir;
    BridgeFixture f;

    @BeforeAll
    void start() {
        f = new BridgeFixture(dir, KisEnvironment.PAPER);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void realOnlyFunctionsAreNotAvailableWithTheReasonAndSendNothing() {
        long before = f.sim.counters().callsByTrId().values().stream().mapToLong(Long::longValue).sum();
        assertThat(f.get("/v1/fn/SELLABLE/005930").body())
                .isEqualTo("#N/A not available in paper trading: inquire-psbl-sell");
        assertThat(f.get("/v1/fn/FIN/005930/bs/Fld=total_aset").body()).startsWith("#N/A not available in paper");
        HttpResponse<String> json = f.get("/v1/fn/INFO/005930?format=json");
        assertThat(json.statusCode()).isEqualTo(501);
        assertThat(json.body()).contains("not_in_paper");
        assertThat(f.get("/v1/api/intgr-margin").statusCode()).isEqualTo(501);
        long after = f.sim.counters().callsByTrId().values().stream().mapToLong(Long::longValue).sum();
        assertThat(after).isEqualTo(before);
    }

    @Test
    void pricesComeFromInquirePriceWithoutMultprice() {
        assertThat(f.get("/v1/fn/PRICE/000660").body()).isEqualTo(Long.toString(f.sim.market().lastPrice("000660")));
        assertThat(f.get("/v1/fn/QUOTE/000660/price").body()).isEqualTo(Long.toString(f.sim.market().lastPrice("000660")));
        assertThat(f.sim.counters().calls("FHKST11300006")).isZero();
        assertThat(f.sim.counters().calls("FHKST01010100")).isEqualTo(1);
    }
}
