package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.bench.internal.Options;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class DriverOptionsTest {

    private static Options flags() {
        return new Options("test").option("rate", "1000", "trades per second").option("every", "30s", "period");
    }

    @Test
    void optionsTakeTheirDefaultsOrTheGivenValueInEitherSpelling() {
        Options f = flags();
        assertThat(f.parse(List.of("--rate", "10000", "--every=2m"))).as("not a help request").isFalse();
        assertThat(f.integer("rate", 1)).isEqualTo(10000);
        assertThat(f.duration("every")).isEqualTo(Duration.ofMinutes(2));
        Options d = flags();
        d.parse(List.of());
        assertThat(d.duration("every")).isEqualTo(Duration.ofSeconds(30));
        d.parse(List.of("--every", "500ms"));
        assertThat(d.duration("every")).isEqualTo(Duration.ofMillis(500));
        d.parse(List.of("--every", "0.34"));
        assertThat(d.duration("every")).isEqualTo(Duration.ofMillis(340));
    }

    @Test
    void badOptionsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> flags().parse(List.of("--speed", "1"))).hasMessageContaining("unknown option --speed")
                .hasMessageContaining("--rate");
        Options f = flags();
        f.parse(List.of("--rate", "fast", "--every", "soon"));
        assertThatThrownBy(() -> f.integer("rate", 1)).hasMessageContaining("--rate must be a whole number");
        assertThatThrownBy(() -> f.duration("every")).hasMessageContaining("--every must be a duration");
    }

    @Test
    void aDriverAnswersABadOptionWithAMessageAndExitCodeTwo() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int code = BenchMain.run(List.of("latency", "--codes", "42"), new java.io.PrintStream(bytes, true));
        assertThat(code).isEqualTo(2);
        assertThat(bytes.toString()).contains("latency: --codes must be at most 41");
    }

    @Test
    void helpListsTheRealtimeDrivers() throws Exception {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        BenchMain.run(List.of("--help"), new java.io.PrintStream(bytes, true));
        assertThat(bytes.toString()).contains("latency").contains("memory").contains("endurance");
    }
}
