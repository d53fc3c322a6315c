package io.kisbridge.bridge;

import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisEnvironment;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.simulator.DemoCredentials;
import io.kisbridge.simulator.KisSimulator;
import io.kisbridge.simulator.ManualClock;
import io.kisbridge.simulator.SimEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.function.UnaryOperator;

/** An in-process simulator, a KisClient on it and a bridge on an ephemeral port; plus small HTTP helpers. */
final class BridgeFixture implements AutoCloseable {
    /** Tuesday 2026-03-03 10:00 KST: a trading day, market open. */
    static final Instant START = Instant.parse("2026-03-03T01:00:00Z");

    final ManualClock clock = new ManualClock(START);
    final KisSimulator sim;
    final KisClient client;
    final BridgeServer bridge;
    final RealtimeFeed feed;
    final Path stateDir;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    BridgeFixture(Path stateDir, KisEnvironment env) {
        this(stateDir, env, o -> o);
    }

    BridgeFixture(Path stateDir, KisEnvironment env, UnaryOperator<BridgeOptions> options) {
        this(stateDir, env, options, s -> s);
    }

    /** {@code simulator} adjusts the simulator's builder (e.g. {@code extraCodes(500)}) before it starts. */
    BridgeFixture(Path stateDir, KisEnvironment env, UnaryOperator<BridgeOptions> options,
                  UnaryOperator<KisSimulator.Builder> simulator) {
        this(stateDir, env, options, simulator, null);
    }

    /** With a script host behind /v1/scripts ({@code scripts} null = none). */
    BridgeFixture(Path stateDir, KisEnvironment env, UnaryOperator<BridgeOptions> options,
                  UnaryOperator<KisSimulator.Builder> simulator, ScriptHost.Factory scripts) {
        this(stateDir, env, options, simulator, scripts, false);
    }

    /**
     * A bridge whose client's protocol waits (the token minute rule, EGW00201 backoff) last until the test moves
     * {@link #clock} past their end, instead of advancing the clock at once: the test sees the bridge during a wait.
     */
    static BridgeFixture withWaitsUntilTheClockMoves(Path stateDir, KisEnvironment env,
                                                     UnaryOperator<BridgeOptions> options) {
        return new BridgeFixture(stateDir, env, options, s -> s, null, true);
    }

    private BridgeFixture(Path stateDir, KisEnvironment env, UnaryOperator<BridgeOptions> options,
                          UnaryOperator<KisSimulator.Builder> simulator, ScriptHost.Factory scripts,
                          boolean waitsUntilTheClockMoves) {
        this.stateDir = stateDir;
        this.sim = simulator.apply(KisSimulator.builder().clock(clock).autoTicks(false).seed(42)).start();
        SimEnvironment se = env == KisEnvironment.REAL ? SimEnvironment.REAL : SimEnvironment.PAPER;
        DemoCredentials c = sim.credentials(se);
        KisConfig config = KisConfig.builder().environment(env).appKey(c.appKey()).appSecret(c.appSecret())
                .account(c.accountNumber()).htsId(c.htsId()).restUrl(sim.restUrl(se)).wsUrl(sim.wsUrl(se))
                .stateDir(stateDir).clock(clock).build();
        this.client = KisClient.builder(config).sleeper(waitsUntilTheClockMoves
                ? d -> clock.awaitInstant(clock.instant().plus(d)) : clock::advance).build();
        this.feed = RealtimeFeed.builder(client, true).build();
        this.bridge = BridgeServer.start(options.apply(BridgeOptions.defaults(stateDir).withPort(0).withHttpsPort(0)),
                client, feed, scripts);
    }

    String url(String path) {
        return bridge.url() + path;
    }

    HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(url(path))).GET().build());
    }

    HttpResponse<String> post(String path, String body, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)))
                .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json");
        if (headers.length > 0) {
            b.headers(headers);
        }
        return send(b.build());
    }

    HttpResponse<String> send(HttpRequest r) {
        try {
            return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A raw HTTP/1.1 exchange, for headers java.net.http will not let us forge (Host). Returns the status code. */
    int rawStatus(String method, String path, String host, String... extraHeaders) throws IOException {
        try (Socket s = new Socket("127.0.0.1", bridge.port())) {
            s.setSoTimeout(5000);
            StringBuilder req = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: " + host + "\r\n");
            for (String h : extraHeaders) {
                req.append(h).append("\r\n");
            }
            req.append("Content-Length: 0\r\nConnection: close\r\n\r\n");
            OutputStream out = s.getOutputStream();
            out.write(req.toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            String head = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            return Integer.parseInt(head.substring(9, 12));
        }
    }

    String bridgeKey() throws IOException {
        return Files.readString(bridge.keyFile()).strip();
    }

    @Override
    public void close() {
        bridge.close();
        client.close();
        sim.close();
    }
}
