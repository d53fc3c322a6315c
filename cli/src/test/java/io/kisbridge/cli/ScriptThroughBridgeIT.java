package io.kisbridge.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.bridge.BridgeOptions;
import io.kisbridge.bridge.BridgeServer;
import io.kisbridge.bridge.ScriptHost;
import io.kisbridge.scripting.BridgeScriptHost;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./kisbridge script run FILE --bridge URL}: the script runs in a running bridge, its output streamed back. */
@Timeout(300)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScriptThroughBridgeIT {
    private Path dir;
    private DemoSession demo;
    private BridgeServer bridge;
    private ScriptHost host;
    private Path bridgeState;

    @BeforeAll
    void startBridge(@TempDir Path temp) {
        dir = temp;
        demo = DemoSession.start(DemoSession.DEFAULT_SEED);
        bridgeState = dir.resolve("bridge-state");
        bridge = BridgeServer.start(BridgeOptions.defaults(bridgeState).withPort(0).withHttpsPort(BridgeOptions.NO_HTTPS),
                demo.client(), services -> host = BridgeScriptHost.factory(null, dir.resolve("out")).create(services));
    }

    @AfterAll
    void stopBridge() {
        bridge.close();
        demo.close();
    }

    private Path script(String name, String code) throws Exception {
        return Files.writeString(dir.resolve(name), code);
    }

    private CliRun runInBridge(Path script, String... more) {
        List<String> a = new ArrayList<>(List.of("script", "run", script.toString(), "--bridge", bridge.url(),
                "--state-dir", bridgeState.toString()));
        a.addAll(List.of(more));
        return CliRun.of(a.toArray(String[]::new));
    }

    private boolean bridgeRan(String name) {
        return host.runs().stream().anyMatch(r -> r.name().equals(name));
    }

    @Test
    void aScriptRunsInTheBridgeAndItsOutputIsPrintedWithExitCodeZero() throws Exception {
        Path s = script("price_once.js", "print('price', kis.price('005930')); print('args', args.join(','));\n");

        CliRun r = runInBridge(s, "--", "a", "b");

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("price \\d+").contains("args a,b");
        assertThat(bridgeRan("price_once.js")).as("the bridge ran it, not this process").isTrue();
    }

    @Test
    void aFailingScriptInTheBridgeExitsWithTheScriptErrorCodeNamingItsFileAndLine() throws Exception {
        Path s = script("broken_in_bridge.py", "print(args)\nraise ValueError('bad input ' + args[0])\n");

        CliRun r = runInBridge(s, "--", "x");

        assertThat(r.exitCode()).isEqualTo(ScriptCommand.SCRIPT_ERROR);
        assertThat(r.out()).contains("['x']");
        assertThat(r.err()).contains("broken_in_bridge.py:2").contains("ValueError: bad input x");
        assertThat(bridgeRan("broken_in_bridge.py")).isTrue();
    }

    @Test
    void theTimeoutOfTheCommandLineLimitsTheRunInTheBridge() throws Exception {
        Path s = script("ticking.js", "every('1s', () => print('tick'));\n");

        CliRun r = runInBridge(s, "--timeout", "2s");

        assertThat(r.exitCode()).isEqualTo(ScriptCommand.SCRIPT_ERROR);
        assertThat(r.err()).contains("ticking.js").contains("stopped after 2 s");
    }

    @Test
    void withoutTheBridgeKeyTheBridgeRefusesTheScriptAndNothingRuns() throws Exception {
        Path s = script("no_key.js", "print('should not run');\n");

        CliRun r = CliRun.of("script", "run", s.toString(), "--bridge", bridge.url(),
                "--state-dir", dir.resolve("elsewhere").toString());

        assertThat(r.exitCode()).isEqualTo(UserErrorHandler.CONFIG_ERROR);
        assertThat(r.err()).contains("refused the script (HTTP 403)").contains("X-Bridge-Key");
        assertThat(r.out()).doesNotContain("should not run");
        assertThat(bridgeRan("no_key.js")).isFalse();
    }

    @Test
    void theSandboxOfBridgeScriptsStillRefusesFilesSocketsAndHostClasses() throws Exception {
        CliRun read = runInBridge(script("read_in_bridge.js", "load('/etc/hostname');\n"));
        CliRun cls = runInBridge(script("cls_in_bridge.js", "Java.type('java.lang.Runtime');\n"));
        CliRun net = runInBridge(script("net_in_bridge.py",
                "import socket\nsocket.create_connection(('127.0.0.1', 9))\n"));

        assertThat(read.exitCode()).isEqualTo(ScriptCommand.SCRIPT_ERROR);
        assertThat(read.err()).contains("read_in_bridge.js:1").contains("Operation is not allowed for: /etc/hostname");
        assertThat(cls.exitCode()).isEqualTo(ScriptCommand.SCRIPT_ERROR);
        assertThat(cls.err()).contains("cls_in_bridge.js:1")
                .contains("Access to host class java.lang.Runtime is not allowed");
        assertThat(net.exitCode()).isEqualTo(ScriptCommand.SCRIPT_ERROR);
        assertThat(net.err()).contains("net_in_bridge.py:2").contains("network and operating-system access is not allowed");
        assertThat(bridgeRan("net_in_bridge.py")).isTrue();
    }

    @Test
    void sigintToTheCommandStopsTheRunInTheBridge() throws Exception {
        Path s = script("until_stopped.js", "print('started'); every('200ms', () => {});\n");
        Path jar = Path.of("target", "kisbridge.jar");
        assertThat(jar).as("the runnable jar (built in the package phase, before integration tests)").exists();
        String java = ProcessHandle.current().info().command().orElse("java");
        Process cli = new ProcessBuilder(java, "-jar", jar.toString(), "script", "run", s.toString(),
                "--bridge", bridge.url(), "--state-dir", bridgeState.toString(), "--timeout", "0")
                .redirectErrorStream(true).start();
        // a line that never comes must fail the test, not hang the build: killing the command ends the read
        CompletableFuture.delayedExecutor(120, TimeUnit.SECONDS).execute(cli::destroyForcibly);
        try (BufferedReader out = new BufferedReader(new InputStreamReader(cli.getInputStream(), StandardCharsets.UTF_8))) {
            String first = out.readLine();
            assertThat(first).as("the run's first line, streamed while it runs").isEqualTo("started");
            assertThat(runState("until_stopped.js")).isEqualTo("running");

            Process kill = new ProcessBuilder("sh", "-c", "kill -INT " + cli.pid()).start(); // SIGINT, as Ctrl+C sends
            assertThat(kill.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.waitFor(60, TimeUnit.SECONDS)).as("the command ends on SIGINT").isTrue();
        } finally {
            cli.destroyForcibly();
        }
        assertThat(runState("until_stopped.js")).isEqualTo("stopped");
    }

    private String runState(String name) {
        return host.runs().stream().filter(r -> r.name().equals(name)).map(ScriptHost.RunInfo::state)
                .reduce((a, b) -> b).orElse("none");
    }

    @Test
    void withEnvDemoAndNoBridgeKeyTheScriptRunsStandaloneAsBefore() throws Exception {
        Path s = script("standalone_demo.js", "print('here', kis.price('005930'));\n");

        CliRun r = CliRun.of("script", "run", s.toString(), "--env", "demo", "--state-dir",
                dir.resolve("no-bridge-here").toString());

        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("here \\d+");
        assertThat(bridgeRan("standalone_demo.js")).isFalse();
    }
}
