package io.kisbridge.bench;

import io.kisbridge.bench.internal.ResultLine;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Runs a driver the way BenchMain does and keeps its exit status, output and RESULT line. */
record DriverRun(int status, String output) {
    static DriverRun of(String... argv) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int status;
        try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
            status = BenchMain.run(List.of(argv), out);
        }
        return new DriverRun(status, bytes.toString(StandardCharsets.UTF_8));
    }

    /** The RESULT line's values; fails with the whole output when there is none. */
    Map<String, String> result(String driver) {
        return ResultLine.parse(output, driver)
                .orElseThrow(() -> new AssertionError("no RESULT " + driver + " line in:\n" + output));
    }

    long number(String driver, String key) {
        String v = result(driver).get(key);
        if (v == null) {
            throw new AssertionError("no " + key + " in the RESULT line of:\n" + output);
        }
        return Math.round(Double.parseDouble(v));
    }
}
