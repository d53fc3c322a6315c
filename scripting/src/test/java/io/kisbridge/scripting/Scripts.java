package io.kisbridge.scripting;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** Test helpers: a client that reaches nothing, and running a script to its end. */
final class Scripts {
    private Scripts() {
    }

    /** A client whose REST URL answers nothing: for tests that make no KIS call. */
    static KisClient offlineClient(Path stateDir) {
        return KisClient.create(KisConfig.builder()
                .environment(KisEnvironment.REAL)
                .appKey("A".repeat(36)).appSecret("B".repeat(180)).account("50012345-01").htsId("tester")
                .restUrl("http://127.0.0.1:9").wsUrl("ws://127.0.0.1:9")
                .stateDir(stateDir)
                .build());
    }

    /** Runs code to its end (at most 60 s) and returns the finished run. */
    static ScriptRun runToEnd(ScriptRuntime runtime, String name, String code, String... args) throws InterruptedException {
        ScriptRun run = runtime.start(name, code, List.of(args));
        assertThat(run.await(Duration.ofSeconds(60))).as("%s ended", name).isTrue();
        return run;
    }

    /** The run's failure (asserting there is one). */
    static ScriptException failure(ScriptRun run) {
        assertThat(run.error()).as("%s failed; output: %s", run.name(), run.output()).isPresent();
        return run.error().orElseThrow();
    }

    /** Asserts the run succeeded and returns its output. */
    static String output(ScriptRun run) {
        assertThat(run.error()).as("error of %s", run.name()).isEmpty();
        return run.output();
    }
}
