package io.kisbridge.cli;

import io.kisbridge.bridge.BridgeServer;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Everything offline: the embedded KIS simulator, the spreadsheet bridge on it, and a live price table read back
 * through the bridge's own WEBSERVICE route — the same path a spreadsheet cell takes.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the spreadsheet bridge on the embedded KIS simulator (no account needed).")
final class DemoCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Mixin
    BridgeFlags bridge;

    @Option(names = "--codes", split = ",", paramLabel = "CODE", description = "Stock codes to show (default: ${DEFAULT-VALUE}).",
            defaultValue = "005930,000660,035420,005380,035720")
    List<String> codes;

    @Option(names = "--seed", description = "Simulator seed (same seed, same market).", defaultValue = "20240101")
    long seed;

    @Option(names = "--interval-ms", description = "Refresh interval of the price table in milliseconds.", defaultValue = "2000")
    long intervalMs;

    @Option(names = "--rounds", description = "Stop after this many refreshes (0 = until Ctrl+C).", defaultValue = "0")
    int rounds;

    @Option(names = "--cert-dir", paramLabel = "DIR", description = "Keep the HTTPS certificates (localhost CA) here"
            + " so Excel trusts the demo across runs, e.g. ~/.kisbridge after './kisbridge cert' (default: the demo's"
            + " throwaway state directory, a new CA every run).")
    java.nio.file.Path certDir;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (DemoSession demo = DemoSession.start(seed);
                BridgeServer server = BridgeServer.start(bridge.options(demo.stateDir()).withCertificateDir(certDir),
                        demo.client(), bridge.scriptHost(java.nio.file.Path.of("samples", "scripts")))) {
            out.println(demo.simulator().banner());
            out.println(server.banner());
            out.println(LibreOfficeCommand.installHint(server.url()));
            // Only the bridge on the default port is the one 'script run --env demo' looks for.
            java.nio.file.Path keyCopy = server.port() == io.kisbridge.bridge.BridgeOptions.DEFAULT_PORT
                    && !bridge.noScripts ? ScriptBridges.publishDemoKey(server.keyFile()) : null;
            Thread withdraw = new Thread(() -> ScriptBridges.withdrawDemoKey(keyCopy, server.keyFile()));
            if (keyCopy != null) {
                Runtime.getRuntime().addShutdownHook(withdraw); // Ctrl+C ends the JVM before this thread's finally
            }
            try {
                return showPrices(out, server);
            } finally {
                if (keyCopy != null) {
                    withdraw.run();
                }
            }
        }
    }

    private int showPrices(PrintWriter out, BridgeServer server) throws Exception {
        out.println("Live prices through " + server.url() + "/v1/fn/PRICE/{code} (Ctrl+C to stop):");
        out.flush();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        CountDownLatch stop = new CountDownLatch(1);
        Thread hook = new Thread(stop::countDown);
        Runtime.getRuntime().addShutdownHook(hook);
        for (int round = 1; rounds == 0 || round <= rounds; round++) {
            for (String code : codes) {
                out.println(priceLine(http, server.url(), code.strip()));
            }
            out.println();
            out.flush();
            if ((rounds != 0 && round == rounds) || stop.await(intervalMs, TimeUnit.MILLISECONDS)) {
                break;
            }
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // Ctrl+C: the JVM is already on its way out
        }
        return 0;
    }

    private static String priceLine(HttpClient http, String base, String code) throws Exception {
        String price = get(http, base + "/v1/fn/PRICE/" + code);
        String change = get(http, base + "/v1/fn/QUOTE/" + code + "/change_pct");
        return String.format("  %s  %12s  %8s%%", code, price, change);
    }

    private static String get(HttpClient http, String url) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        return r.body().strip();
    }
}
