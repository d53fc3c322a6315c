package io.kisbridge.scripting;

import static io.kisbridge.scripting.Scripts.failure;
import static io.kisbridge.scripting.Scripts.output;
import static io.kisbridge.scripting.Scripts.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.KisClient;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** What scripts may not do: files, sockets, processes, Java classes, runaway loops — and where errors are reported. */
@Timeout(120)
class ScriptSandboxTest {
    @TempDir
    static Path dir;

    private static KisClient client;
    private static ScriptRuntime runtime;

    @BeforeAll
    static void start() {
        client = Scripts.offlineClient(dir.resolve("state"));
        runtime = ScriptRuntime.builder(client).timeout(Duration.ofSeconds(20)).statementLimit(2_000_000).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        client.close();
    }

    private static Path secretFile() throws IOException {
        Path f = dir.resolve("secret.txt");
        Files.writeString(f, "top secret");
        return f;
    }

    @Test
    void javascriptCannotLoadJavaClasses() throws Exception {
        ScriptException e = failure(runToEnd(runtime, "cls.js", "const R = Java.type('java.lang.Runtime');\nR.getRuntime();"));
        assertThat(e.getMessage()).contains("cls.js:1").containsIgnoringCase("java.lang.Runtime");
        assertThat(e.kind()).isEqualTo(ScriptException.Kind.ERROR);
    }

    @Test
    void javascriptCannotReadFiles() throws Exception {
        String path = secretFile().toString().replace("\\", "/");
        ScriptRun run = runToEnd(runtime, "read.js", "load('" + path + "');");
        assertThat(failure(run).getMessage()).contains("read.js:1").contains("not allowed").doesNotContain("top secret");
    }

    @Test
    void javascriptCannotOpenSockets() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            ScriptRun run = runToEnd(runtime, "net.js",
                    "const S = Java.type('java.net.Socket');\nnew S('127.0.0.1', " + server.getLocalPort() + ");");
            assertThat(failure(run).getMessage()).contains("net.js:1").containsIgnoringCase("java.net.Socket");
        }
    }

    @Test
    void javascriptSeesNoHostInternals() throws Exception {
        ScriptRun run = runToEnd(runtime, "probe.js", """
                print(typeof Java === 'undefined' ? 'no-java' : typeof Java.type);
                print(typeof __kisbridge_host);
                print(typeof Polyglot === 'undefined' || Polyglot.eval === undefined ? 'no-polyglot' : 'polyglot');
                """);
        assertThat(output(run)).contains("undefined");
    }

    @Test
    void javascriptRunawayLoopStopsAtTheStatementLimit() throws Exception {
        ScriptException e = failure(runToEnd(runtime, "loop.js", "let i = 0;\nwhile (true) { i++; }"));
        assertThat(e.kind()).as(e.getMessage()).isEqualTo(ScriptException.Kind.STATEMENT_LIMIT);
        assertThat(e.getMessage()).contains("loop.js:2").contains("stopped after 2000000 statements");
    }

    @Test
    void aWaitingScriptStopsAtTheWallClockLimit() throws Exception {
        try (ScriptRuntime quick = ScriptRuntime.builder(client).timeout(Duration.ofSeconds(2)).build()) {
            long t0 = System.nanoTime();
            ScriptException e = failure(runToEnd(quick, "wait.js", "every('50ms', () => {});"));
            assertThat(e.kind()).isEqualTo(ScriptException.Kind.TIMEOUT);
            assertThat(e.getMessage()).contains("wait.js").contains("stopped after 2 s");
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(15));
        }
    }

    @Test
    void javascriptErrorsNameTheScriptFileAndLine() throws Exception {
        ScriptException e = failure(runToEnd(runtime, "oops.js", "const a = 1;\n\nfunction f() { return a.b.c; }\nf();"));
        assertThat(e.fileName()).isEqualTo("oops.js");
        assertThat(e.line()).isEqualTo(3);
        assertThat(e.getMessage()).startsWith("oops.js:3: ").contains("TypeError");
    }

    @Test
    void javascriptSyntaxErrorsNameTheLine() throws Exception {
        ScriptException e = failure(runToEnd(runtime, "syntax.js", "let x = 1;\nlet y = ;\n"));
        assertThat(e.kind()).isEqualTo(ScriptException.Kind.SYNTAX);
        assertThat(e.line()).isEqualTo(2);
    }

    @Test
    void pythonCannotOpenFiles() throws Exception {
        String path = secretFile().toString().replace("\\", "/");
        ScriptRun run = runToEnd(runtime, "read.py", "x = 1\nprint(open('" + path + "').read())\n");
        ScriptException e = failure(run);
        assertThat(e.getMessage()).contains("read.py:2").contains("PermissionError").doesNotContain("top secret");
        assertThat(run.output()).doesNotContain("top secret");
    }

    @Test
    void pythonCannotStartProcesses() throws Exception {
        ScriptRun run = runToEnd(runtime, "proc.py", "import os\nos.system('echo pwned > /tmp/kisbridge-pwned')\n");
        ScriptException e = failure(run);
        assertThat(e.getMessage()).contains("proc.py:2").contains("starting processes is not allowed in scripts");
        assertThat(Path.of("/tmp/kisbridge-pwned")).doesNotExist();
    }

    @Test
    void pythonCannotOpenSockets() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            server.setSoTimeout(500);
            ScriptRun run = runToEnd(runtime, "net.py", "import socket\ns = socket.create_connection(('127.0.0.1', "
                    + server.getLocalPort() + "))\n");
            assertThat(failure(run).getMessage()).contains("net.py:2").contains("not allowed in scripts");
            AtomicInteger accepted = new AtomicInteger();
            try {
                server.accept().close();
                accepted.incrementAndGet();
            } catch (java.net.SocketTimeoutException expected) {
                // nobody connected
            }
            assertThat(accepted).hasValue(0);
        }
    }

    @Test
    void pythonCannotImportJava() throws Exception {
        ScriptException e = failure(runToEnd(runtime, "cls.py", "import java\nR = java.type('java.lang.Runtime')\n"));
        assertThat(e.getMessage()).contains("cls.py:2").contains("access has been denied");
    }

    @Test
    void pythonRunawayLoopStopsAtTheStatementLimit() throws Exception {
        // GraalPy on the interpreter runs far fewer statements per second than JS: a small limit, a generous clock.
        try (ScriptRuntime small = ScriptRuntime.builder(client).timeout(Duration.ofSeconds(90)).statementLimit(100_000)
                .build()) {
            ScriptException e = failure(runToEnd(small, "loop.py", "i = 0\nwhile True:\n    i += 1\n"));
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(ScriptException.Kind.STATEMENT_LIMIT);
            assertThat(e.getMessage()).contains("loop.py:").contains("stopped after 100000 statements");
        }
    }

    @Test
    void aPythonLoopWaitingOnTheHostStopsAtTheWallClockLimit() throws Exception {
        try (ScriptRuntime quick = ScriptRuntime.builder(client).timeout(Duration.ofSeconds(2)).build()) {
            ScriptException e = failure(runToEnd(quick, "spin.py", "while True:\n    kis.catalog()\n"));
            assertThat(e.kind()).as(e.getMessage()).isEqualTo(ScriptException.Kind.TIMEOUT);
            assertThat(e.getMessage()).contains("spin.py").contains("stopped after 2 s");
        }
    }

    @Test
    void pythonErrorsNameTheScriptFileAndLine() throws Exception {
        ScriptException e = failure(runToEnd(runtime, "oops.py", "a = 1\n\ndef f():\n    return undefined_name\n\nf()\n"));
        assertThat(e.fileName()).isEqualTo("oops.py");
        assertThat(e.line()).isEqualTo(4);
        assertThat(e.getMessage()).contains("NameError");
    }
}
