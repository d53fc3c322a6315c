package io.kisbridge.bench.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class WrkReportTest {
    private static final String REPORT = """
            Running 10s test @ http://127.0.0.1:41234
              2 threads and 50 connections
              Thread Stats   Avg      Stdev     Max   +/- Stdev
                Latency     2.10ms    3.01ms  61.50ms   90.12%
                Req/Sec    13.20k     1.10k   15.90k    71.00%
              Latency Distribution
                 50%  812.00us
                 75%    1.90ms
                 90%    4.80ms
                 99%   15.03ms
              262736 requests in 10.01s, 38.33MB read
              Socket errors: connect 0, read 2, write 0, timeout 1
              Non-2xx or 3xx responses: 5
            Requests/sec:  26247.55
            Transfer/sec:      3.83MB
            """;

    @Test
    void readsThroughputPercentilesInMicrosecondsAndErrors() throws IOException {
        Wrk.Report r = Wrk.parse(REPORT);

        assertThat(r.requestsPerSecond()).isEqualTo(26247.55);
        assertThat(r.requests()).isEqualTo(262736);
        assertThat(r.p50Micros()).isEqualTo(812.0);
        assertThat(r.p90Micros()).isEqualTo(4800.0);
        assertThat(r.p99Micros()).isEqualTo(15030.0);
        assertThat(r.socketErrors()).isEqualTo(3);
        assertThat(r.non2xx()).isEqualTo(5);
    }

    @Test
    void aReportWithoutTheLatencyDistributionIsRefused() {
        String withoutLatency = REPORT.replaceAll("(?m)^\\s+\\d\\d%.*\\n", "");

        assertThatThrownBy(() -> Wrk.parse(withoutLatency)).isInstanceOf(IOException.class)
                .hasMessageContaining("--latency");
    }
}
