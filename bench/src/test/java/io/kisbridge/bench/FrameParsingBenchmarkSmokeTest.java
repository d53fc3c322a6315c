package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.infra.Blackhole;

/** Calls each benchmark once so a broken benchmark fails the build without running JMH. */
class FrameParsingBenchmarkSmokeTest {

    @Test
    void everyBenchmarkMethodRunsOnceAndProducesTheExpectedValue() throws Exception {
        FrameParsingBenchmark b = new FrameParsingBenchmark();
        b.setUp();
        assertThat(b.tradeFrameRawOneRecord().records()).hasSize(1);
        assertThat(b.tradeFrameTypedOneRecord().price()).isEqualTo(71900);
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        b.tradeFrameTypedFourRecords(bh);
        assertThat(b.bookFrameTyped().bids()).hasSize(10);
        assertThat(b.noticeDecryptAndParse().price()).isEqualTo(3190);
    }
}
