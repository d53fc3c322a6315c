package io.kisbridge.scripting.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputSinkTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aFollowerOfABridgeRunGetsEveryLineOfABulkWriteAsItIsPrinted() {
        OutputSink sink = new OutputSink(null); // a run in the bridge: no echo
        List<String> got = new ArrayList<>();
        sink.follow(got::add);

        byte[] b = utf8("started\nsecond\npart");
        sink.write(b, 0, b.length);
        assertThat(got).containsExactly("started\n", "second\n");
        byte[] rest = utf8("ial 가\n");
        sink.write(rest, 0, rest.length);
        assertThat(got).containsExactly("started\n", "second\n", "partial 가\n");
        assertThat(sink.text()).isEqualTo("started\nsecond\npartial 가\n");
    }

    @Test
    void aLateFollowerGetsTheWholeLinesPrintedSoFarThenTheRestOnceWithoutRepeats() {
        OutputSink sink = new OutputSink(null);
        byte[] b = utf8("one\ntwo\nthr");
        sink.write(b, 0, b.length);
        List<String> got = new ArrayList<>();
        sink.follow(got::add);
        byte[] rest = utf8("ee\n");
        sink.write(rest, 0, rest.length);
        assertThat(String.join("", got)).isEqualTo("one\ntwo\nthree\n");
    }

    @Test
    void theEchoGetsEachLineAndAFlushHandsOutAnUnfinishedOne() {
        StringWriter echoed = new StringWriter();
        OutputSink sink = new OutputSink(new PrintWriter(echoed));
        for (byte x : utf8("a\nb")) {
            sink.write(x);
        }
        assertThat(echoed.toString()).isEqualTo("a\n");
        sink.flush();
        assertThat(echoed.toString()).isEqualTo("a\nb");
    }

    @Test
    void whatIsKeptAndAnEndlessLineStayWithinTheirBound() {
        OutputSink sink = new OutputSink(null);
        List<String> got = new ArrayList<>();
        sink.follow(got::add);
        byte[] chunk = new byte[64 * 1024];
        java.util.Arrays.fill(chunk, (byte) 'x');
        for (int i = 0; i < 64; i++) { // 4 MiB without a newline
            sink.write(chunk, 0, chunk.length);
        }
        sink.write('\n');
        assertThat(sink.text()).hasSize(1 << 20);
        assertThat(got).hasSize(1);
        assertThat(got.get(0)).hasSizeLessThanOrEqualTo(1 << 20);
    }
}
