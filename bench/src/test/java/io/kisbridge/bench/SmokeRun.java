package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Runs a driver through BenchMain with short parameters and reads its final RESULT line. */
record SmokeRun(int exitCode, String output, Map<String, String> result) {

    static SmokeRun of(String... argv) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = BenchMain.run(Arrays.asList(argv), out);
        String text = bytes.toString(StandardCharsets.UTF_8);
        List<String> lines = text.lines().filter(l -> l.startsWith("RESULT " + argv[0] + " ")).toList();
        assertThat(lines).as("one RESULT line in:%n%s", text).hasSize(1);
        Map<String, String> values = new HashMap<>();
        for (String kv : lines.get(0).split(" ")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                values.put(kv.substring(0, eq), kv.substring(eq + 1));
            }
        }
        return new SmokeRun(code, text, values);
    }

    long count(String key) {
        assertThat(result).as("RESULT has %s in:%n%s", key, output).containsKey(key);
        return Long.parseLong(result.get(key));
    }

    double number(String key) {
        assertThat(result).as("RESULT has %s in:%n%s", key, output).containsKey(key);
        return Double.parseDouble(result.get(key));
    }
}
