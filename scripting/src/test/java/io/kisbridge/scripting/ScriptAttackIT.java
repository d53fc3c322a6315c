package io.kisbridge.scripting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.bridge.BridgeOptions;
import io.kisbridge.bridge.BridgeServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The attack pass on scripts (issue 13, item 4): sandbox escapes in both languages, path traversal in script names and
 * in the file and workbook writers, and runaway scripts — each stopped while the bridge keeps answering PRICE.
 * Scripts run over {@code POST /v1/scripts} of a running bridge (the real script host) against the simulator.
 */
@Timeout(240)
class ScriptAttackIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    static Path dir;
    private static SimulatorFixture fx;
    private static BridgeServer bridge;
    private static String key;
    private static Path scripts;
    private static Path out;
    private static Path outside;

    @BeforeAll
    static void start() throws IOException {
        fx = new SimulatorFixture(dir.resolve("sim-state"));
        scripts = Files.createDirectories(dir.resolve("scripts"));
        out = Files.createDirectories(dir.resolve("out"));
        outside = Files.createDirectories(dir.resolve("outside"));
        Files.writeString(outside.resolve("evil.js"), "print('ESCAPED: ran a script from outside the folder')");
        Files.createSymbolicLink(scripts.resolve("link.js"), outside.resolve("evil.js"));
        Files.createSymbolicLink(scripts.resolve("linked"), outside);
        Files.createSymbolicLink(out.resolve("linked"), outside);
        BridgeOptions options = BridgeOptions.defaults(dir.resolve("bridge-state")).withPort(0)
                .withHttpsPort(BridgeOptions.NO_HTTPS);
        bridge = BridgeServer.start(options, fx.client, BridgeScriptHost.factory(scripts, out, true));
        key = Files.readString(bridge.keyFile()).strip();
    }

    @AfterAll
    static void stop() {
        bridge.close();
        fx.close();
    }

    // ---------------------------------------------------------------- sandbox escapes

    @Test
    void javascriptEscapesFail() throws Exception {
        List<String> attempts = List.of(
                "Java.type('java.lang.Runtime').getRuntime().exec('id')",
                "Java.type('java.io.File')",
                "Packages.java.lang.System.exit(1)",
                "java.lang.System.getenv()",
                "Polyglot.eval('python', 'import os; os.system(\"id\")')",
                "Polyglot.import('x')",
                "load('/etc/passwd')",
                "load('https://example.com/x.js')",
                "require('fs').readFileSync('/etc/passwd')",
                "require('child_process').execSync('id')",
                "fetch('http://127.0.0.1:1/')",
                "new XMLHttpRequest()",
                "(function(){ return this })().Java.type('java.lang.Runtime')",
                "Function('return this')().Java.type('java.lang.Runtime')",
                "globalThis.constructor.constructor('return Java')().type('java.lang.Runtime')",
                "Object.getPrototypeOf(kis).constructor.constructor('return Java.type(\"java.lang.Runtime\")')()",
                "import('fs').then(m => print('ESCAPED ' + Object.keys(m)))",
                "readFully('/etc/passwd')",
                "read('/etc/passwd')",
                "new java.io.File('/etc/passwd')",
                "quit(3)");
        assertAllContained("escape.js", attempts, (i, a) -> "try { " + (a.contains("ESCAPED") ? a
                : a + "; print('ESCAPED " + i + "');") + " } catch (e) { print('refused " + i + ": ' + e); }\n");
    }

    @Test
    void pythonEscapesFail() throws Exception {
        List<String> attempts = List.of(
                "open('/etc/passwd').read()",
                "open('/tmp/kisbridge-attack.txt', 'w').write('x')",
                "import os; os.listdir('/')",
                "import os; os.system('id')",
                "import os; os.environ['PATH']; os.getcwd(); os.stat('/etc/passwd')",
                "import subprocess; subprocess.run(['id'])",
                "import socket; socket.create_connection(('127.0.0.1', 1))",
                "import ctypes; ctypes.CDLL(None)",
                "import java; java.type('java.lang.Runtime')",
                "import polyglot; polyglot.eval(language='js', string='1')",
                "__import__('os').system('id')",
                "__import__('subprocess').Popen(['id'])",
                "b = __builtins__ if isinstance(__builtins__, dict) else __builtins__.__dict__\nb['open']('/etc/passwd').read()",
                "b = __builtins__ if isinstance(__builtins__, dict) else __builtins__.__dict__\nb['__import__']('os').system('id')",
                "[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == 'FileIO'][0]('/etc/passwd').read()",
                "[c for c in ().__class__.__base__.__subclasses__() if c.__name__ == '_wrap_close'][0].__init__.__globals__['system']('id')",
                "exec(\"import os\\nos.system('id')\")",
                "eval(\"__import__('os').listdir('/')\")",
                "import posix; posix.listdir('/')",
                "import io; io.FileIO('/etc/passwd').read()",
                "import pathlib; pathlib.Path('/etc/passwd').read_text()",
                "import importlib; importlib.import_module('os').system('id')",
                "import urllib.request; urllib.request.urlopen('http://127.0.0.1:1/')",
                "import sys; sys.exit(3)");
        assertAllContained("escape.py", attempts, (i, a) -> "try:\n    " + a.replace("\n", "\n    ")
                + "\n    print('ESCAPED " + i + "')\nexcept BaseException as e:\n    print('refused " + i
                + ": ' + type(e).__name__ + ': ' + str(e))\n");
        assertThat(Files.exists(Path.of("/tmp/kisbridge-attack.txt"))).isFalse();
    }

    /**
     * Runs the attempts in as few runs as possible: each is wrapped by {@code wrap(i, attempt)} so that a refusal the
     * script can catch prints {@code refused i: <error>}; one the sandbox enforces by ending the run (process
     * creation, quit) ends it with the reason as {@code last_error}, and the rest go on in a new run. Nothing may print
     * ESCAPED or the password file; the answers are printed for the README's table.
     */
    private static void assertAllContained(String name, List<String> attempts,
                                           java.util.function.BiFunction<Integer, String, String> wrap) throws Exception {
        int from = 0;
        while (from < attempts.size()) {
            StringBuilder code = new StringBuilder();
            for (int i = from; i < attempts.size(); i++) {
                code.append(wrap.apply(i, attempts.get(i)));
            }
            JsonNode run = runToEnd(name, code.toString());
            String output = run.path("output").asText();
            assertThat(output).as(name).doesNotContain("ESCAPED").doesNotContain("root:");
            assertThat(run.path("state").asText()).as("%s", run).isIn("failed", "finished");
            int next = from;
            while (next < attempts.size() && (output.contains("refused " + next + ": ")
                    || attempts.get(next).contains("ESCAPED"))) {
                System.out.println("ATTEMPT " + attempts.get(next) + " -> " + line(output, "refused " + next + ": "));
                next++;
            }
            if (next < attempts.size()) {
                // this attempt ended the run: the sandbox's answer is the run's error
                assertThat(run.path("state").asText()).as("%s ended %s", attempts.get(next), run).isEqualTo("failed");
                System.out.println("ATTEMPT " + attempts.get(next) + " -> run ended: " + run.path("last_error").asText());
                next++;
            }
            from = next;
        }
        assertThat(priceAnswer()).matches("[0-9]+");
    }

    private static String line(String output, String prefix) {
        int i = output.indexOf(prefix);
        if (i < 0) {
            return "(asynchronous: never completed)";
        }
        int end = output.indexOf('\n', i);
        return output.substring(i + prefix.length(), end < 0 ? output.length() : end);
    }

    // ---------------------------------------------------------------- path traversal

    @Test
    void scriptNamesCannotLeaveTheScriptsFolder() throws Exception {
        for (String file : List.of("../outside/evil.js", "/etc/passwd", outside.resolve("evil.js").toString(),
                "link.js", "linked/evil.js", "sub/../../outside/evil.js", "..\\outside\\evil.js", "~/evil.js",
                "evil.js\u0000.js", "%2e%2e/outside/evil.js")) {
            HttpResponse<String> r = send("POST", "/v1/scripts", JSON.createObjectNode().put("file", file).toString());
            assertThat(r.statusCode()).as("file %s: %s", file, r.body()).isEqualTo(400);
            assertThat(r.body()).doesNotContain("ESCAPED");
        }
        for (String name : List.of("../x", "/etc/x", "a/b", "..", "x\u0000y")) {
            HttpResponse<String> r = send("POST", "/v1/scripts", JSON.createObjectNode().put("name", name)
                    .put("language", "js").put("code", "print(1)").toString());
            assertThat(r.statusCode()).as("name %s: %s", name, r.body()).isEqualTo(400);
        }
    }

    @Test
    void filesAndWorkbooksCannotBeWrittenOutsideTheOutputFolder() throws Exception {
        List<String> names = List.of("../escaped", "/tmp/kisbridge-escaped", outside.resolve("escaped").toString(),
                "linked/escaped", "sub/../../escaped", "..\\escaped", "~/escaped", "linked/../../escaped");
        StringBuilder js = new StringBuilder("let refused = 0;\n");
        StringBuilder py = new StringBuilder("refused = 0\n");
        for (String n : names) {
            String q = JSON.writeValueAsString(n);
            js.append("try { files.writeCsv(").append(q).append(" + '.csv', [['a'],[1]]); print('WROTE ' + ")
                    .append(q).append("); } catch (e) { refused++; }\n");
            js.append("try { workbook.write(").append(q).append(" + '.xlsx', {S: [['a'],[1]]}); print('WROTE ' + ")
                    .append(q).append("); } catch (e) { refused++; }\n");
            py.append("try:\n    files.write_csv(").append(q).append(" + '.csv', [['a'], [1]])\n    print('WROTE ' + ")
                    .append(q).append(")\nexcept Exception:\n    refused += 1\n");
            py.append("try:\n    workbook.write(").append(q).append(" + '.xlsx', {'S': [['a'], [1]]})\n    print('WROTE ' + ")
                    .append(q).append(")\nexcept Exception:\n    refused += 1\n");
        }
        js.append("print('refused ' + refused);\n");
        py.append("print('refused ' + str(refused))\n");
        for (String[] s : List.of(new String[] {"paths.js", js.toString()}, new String[] {"paths.py", py.toString()})) {
            JsonNode run = runToEnd(s[0], s[1]);
            assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("finished");
            assertThat(run.path("output").asText()).as(s[0]).doesNotContain("WROTE")
                    .contains("refused " + names.size() * 2);
        }
        try (var inside = Files.list(outside)) {
            assertThat(inside.map(p -> p.getFileName().toString())).containsExactly("evil.js");
        }
        assertThat(Files.exists(dir.resolve("escaped.csv"))).isFalse();
        assertThat(Files.exists(Path.of("/tmp/kisbridge-escaped.csv"))).isFalse();
        assertThat(Files.exists(Path.of("/tmp/kisbridge-escaped.xlsx"))).isFalse();
    }

    // ---------------------------------------------------------------- runaways

    @Test
    void anEndlessJavascriptLoopStopsAtTheStatementLimitWhilePriceIsServed() throws Exception {
        String id = startRun("loop.js", "let i = 0; while (true) { i++; }");
        assertPriceServedWhile(id);
        JsonNode run = awaitEnd(id);
        assertThat(run.path("state").asText()).isEqualTo("failed");
        assertThat(run.path("last_error").asText()).contains("statements");
    }

    @Test
    void anEndlessPythonLoopIsStoppedOnRequestWhilePriceIsServed() throws Exception {
        // GraalPy's interpreter takes tens of seconds to the statement limit; the user stops it over HTTP
        String id = startRun("loop.py", "i = 0\nwhile True:\n    i += 1\n");
        for (int i = 0; i < 20; i++) {
            assertThat(priceAnswer()).matches("[0-9]+");
        }
        HttpResponse<String> r = send("DELETE", "/v1/scripts/" + id, null);
        assertThat(r.statusCode()).isEqualTo(200);
        JsonNode run = awaitEnd(id);
        System.out.println("RESULT script_attack case=loop.py state=" + run.path("state").asText() + " error="
                + run.path("last_error").asText());
        // stopped here, unless the statement limit came first
        assertThat(run.path("state").asText() + " " + run.path("last_error").asText())
                .matches("stopped .*|failed .*statements.*");
    }

    @Test
    void memoryBombsAreStoppedAndTheBridgeRecovers() throws Exception {
        long before = heapAfterGc();
        for (String[] s : List.of(
                new String[] {"bomb.js", "const a = []; while (true) { a.push(new Array(1 << 20).fill(1.5)); }"},
                new String[] {"bomb.py", "a = []\nwhile True:\n    a.append(bytearray(1 << 24))\n"},
                new String[] {"string-bomb.js", "let s = 'x'; while (true) { s = s + s; }"})) {
            long t0 = System.nanoTime();
            String id = startRun(s[0], s[1]);
            assertPriceServedWhile(id);
            JsonNode run = awaitEnd(id);
            System.out.printf("RESULT script_attack case=%s state=%s ms=%d heap_after_gc_mib=%.1f error=%s%n", s[0],
                    run.path("state").asText(), (System.nanoTime() - t0) / 1_000_000, mib(heapAfterGc()),
                    run.path("last_error").asText());
            assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("failed");
            assertThat(run.path("last_error").asText()).containsAnyOf("memory", "MemoryError", "Invalid string length");
            assertThat(priceAnswer()).matches("[0-9]+");
        }
        // a stopped context is released by its thread a moment after the run is seen ended
        await().atMost(Duration.ofSeconds(30)).until(() -> heapAfterGc() - before < 128L << 20);
    }

    @Test
    void deepRecursionFailsWithAStackErrorInBothLanguages() throws Exception {
        JsonNode js = runToEnd("deep.js", "function f(n) { return f(n + 1) + 1; }\nf(0);");
        assertThat(js.path("state").asText()).isEqualTo("failed");
        assertThat(js.path("last_error").asText()).containsIgnoringCase("stack");
        JsonNode py = runToEnd("deep.py", "import sys\nsys.setrecursionlimit(10**9)\ndef f(n):\n    return f(n + 1) + 1\nf(0)\n");
        assertThat(py.path("state").asText()).isEqualTo("failed");
        assertThat(py.path("last_error").asText()).containsIgnoringCase("recursion");
        assertThat(priceAnswer()).matches("[0-9]+");
    }

    @Test
    void aGigabyteOfPrintKeepsOneMebibyteAndTheBridgeServes() throws Exception {
        for (String[] s : List.of(
                new String[] {"print.js", "const s = 'x'.repeat(1 << 20); for (let i = 0; i < 1024; i++) { print(s); }"},
                // GraalPy prints about 20 MB/s here: a quarter of a gigabyte keeps the suite short
                new String[] {"print.py", "s = 'x' * (1 << 20)\nfor i in range(256):\n    print(s)\n"})) {
            long t0 = System.nanoTime();
            String id = startRun(s[0], s[1]);
            assertPriceServedWhile(id);
            JsonNode run = awaitEnd(id);
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("RESULT script_attack case=%s state=%s ms=%d output_kept_chars=%d heap_after_gc_mib=%.1f"
                    + " error=%s%n", s[0], run.path("state").asText(), ms, run.path("output").asText().length(),
                    mib(heapAfterGc()), run.path("last_error").asText());
            assertThat(run.path("state").asText()).as(run.toString()).isEqualTo("finished");
            assertThat(run.path("output").asText().length()).isLessThanOrEqualTo((1 << 20) + 16);
            HttpResponse<String> list = send("GET", "/v1/scripts", null);
            assertThat(list.body().length()).as("the list shows tails only").isLessThan(200_000);
        }
    }

    // ---------------------------------------------------------------- helpers

    /** PRICE answers a number, again and again, until the run has ended (at least once, however fast it ends). */
    private static void assertPriceServedWhile(String id) throws Exception {
        int answers = 0;
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        String state;
        do {
            String price = priceAnswer();
            assertThat(price).as("PRICE while %s runs", id).matches("[0-9]+");
            answers++;
            state = JSON.readTree(send("GET", "/v1/scripts/" + id, null).body()).path("state").asText();
        } while (state.equals("running") && System.nanoTime() < deadline);
        System.out.printf("PRICE answered %d times while %s ran%n", answers, id);
    }

    private static String priceAnswer() {
        HttpRequest r = HttpRequest.newBuilder(URI.create(bridge.url() + "/v1/fn/PRICE/005930"))
                .timeout(Duration.ofSeconds(10)).GET().build();
        try {
            return HTTP.send(r, HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String startRun(String name, String code) throws IOException {
        ObjectNode body = JSON.createObjectNode().put("name", name).put("code", code);
        HttpResponse<String> r = send("POST", "/v1/scripts", body.toString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        return JSON.readTree(r.body()).path("id").asText();
    }

    private static JsonNode runToEnd(String name, String code) throws IOException {
        return awaitEnd(startRun(name, code));
    }

    private static JsonNode awaitEnd(String id) {
        JsonNode[] last = new JsonNode[1];
        Predicate<JsonNode> ended = n -> !n.path("state").asText().equals("running");
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
            last[0] = JSON.readTree(send("GET", "/v1/scripts/" + id, null).body());
            return ended.test(last[0]);
        });
        return last[0];
    }

    private static HttpResponse<String> send(String method, String path, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(bridge.url() + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("X-Bridge-Key", key).header("Content-Type", "application/json");
        try {
            return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static long heapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static double mib(long bytes) {
        return bytes / 1048576.0;
    }
}
