package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecentFailuresTest {
    private static final Instant T = Instant.parse("2026-03-03T01:00:00Z");

    @Test
    void keepsTheLatestDistinctFailuresAndCountsRepeatsInsteadOfFillingTheRing() {
        RecentFailures r = new RecentFailures(3);
        r.add("PRICE(1)", "#VALUE! bad", "bad_input", T);
        r.add("PRICE(2)", "#VALUE! bad", "bad_input", T);
        r.add("PRICE(1)", "#VALUE! bad", "bad_input", T.plusSeconds(1));
        r.add("PRICE(3)", "#N/A rate", "rate_limited", T);
        r.add("PRICE(4)", "#N/A rate", "rate_limited", T);
        List<FunctionStats.Failure> s = r.snapshot();
        assertThat(s).extracting(FunctionStats.Failure::call).containsExactly("PRICE(1)", "PRICE(3)", "PRICE(4)");
        assertThat(s.get(0).count()).isEqualTo(2);
        assertThat(s.get(0).at()).isEqualTo(T.plusSeconds(1));
    }

    @Test
    void writesTheCallAsACellWouldAndCutsLongArguments() {
        assertThat(RecentFailures.callText("price", List.of("005930"), Map.of("field", "per")))
                .isEqualTo("PRICE(005930, field=per)");
        assertThat(RecentFailures.callText("QUOTES", List.of("0".repeat(500)), Map.of())).hasSize(120).endsWith("…");
    }
}
