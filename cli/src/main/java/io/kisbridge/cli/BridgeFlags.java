package io.kisbridge.cli;

import io.kisbridge.bridge.BridgeOptions;
import io.kisbridge.bridge.ScriptHost;
import io.kisbridge.scripting.BridgeScriptHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import io.kisbridge.scripting.ScriptLanguage;
import picocli.CommandLine.Option;

/** Flags of the spreadsheet bridge's HTTP server, shared by demo and serve. */
final class BridgeFlags {
    static final String ACCESS_TOKEN_VARIABLE = "KISBRIDGE_ACCESS_TOKEN";

    @Option(names = "--host", description = "Address to bind (default 127.0.0.1). Anything but loopback needs "
            + ACCESS_TOKEN_VARIABLE + ".", defaultValue = "127.0.0.1")
    String host;

    @Option(names = "--port", description = "HTTP port of the bridge (default ${DEFAULT-VALUE}; 0 = any free port).",
            defaultValue = "8787")
    int port;

    @Option(names = "--https-port", description = "HTTPS port for the Excel add-in (default 8788, or any free port"
            + " with --port 0; -1 = no HTTPS).")
    Integer httpsPort;

    @Option(names = "--trading", description = "Arm trading at start: POST /v1/orders is refused until armed.")
    boolean trading;

    @Option(names = "--fn-deadline", paramLabel = "SECONDS", defaultValue = "10", description = "A /v1/fn request"
            + " (WEBSERVICE) answers within this many seconds: the value, or #N/A with what it waits for (default"
            + " ${DEFAULT-VALUE}; the value comes with a later recalculation).")
    double fnDeadlineSeconds;

    @Option(names = "--batch-deadline", paramLabel = "SECONDS", defaultValue = "60", description = "The same for"
            + " each call of POST /v1/batch (the Excel add-in; default ${DEFAULT-VALUE}).")
    double batchDeadlineSeconds;

    @Option(names = "--scripts-dir", paramLabel = "DIR", description = "Folder of the scripts POST /v1/scripts"
            + " {\"file\": ...} may start (default: samples/scripts for demo when present, <state-dir>/scripts for serve).")
    Path scriptsDir;

    @Option(names = "--script-output-dir", paramLabel = "DIR", defaultValue = "kisbridge-output",
            description = "The only folder bridge scripts may write files and workbooks into (default: ${DEFAULT-VALUE}).")
    Path scriptOutputDir;

    @Option(names = "--no-scripts", description = "Run no scripts: /v1/scripts answers 501.")
    boolean noScripts;

    @Option(names = "--no-spare-contexts", description = "Keep no prepared script context per language (by default"
            + " one is kept ready for each language used, so runs start at once; costs memory).")
    boolean noSpareContexts;

    @Option(names = "--warm-scripts", split = ",", paramLabel = "js|py|none", defaultValue = "none",
            description = "Languages whose script context is prepared a few seconds after start-up, so that even their"
                    + " first run starts at once (default: ${DEFAULT-VALUE}: a language's context is prepared after its"
                    + " first run; each costs memory: about 70 MiB for js, 130-250 MiB for py, see BENCHMARKS.md).")
    List<String> warmScripts;

    /** The script host to install (null with --no-scripts); {@code defaultScripts} when --scripts-dir is not given. */
    ScriptHost.Factory scriptHost(Path defaultScripts) {
        if (noScripts) {
            return null;
        }
        Path dir = scriptsDir != null ? scriptsDir : defaultScripts;
        Set<ScriptLanguage> warm = EnumSet.noneOf(ScriptLanguage.class);
        for (String w : warmScripts) {
            switch (w.strip().toLowerCase(java.util.Locale.ROOT)) {
                case "js", "javascript" -> warm.add(ScriptLanguage.JAVASCRIPT);
                case "py", "python" -> warm.add(ScriptLanguage.PYTHON);
                case "none", "" -> { }
                default -> throw new picocli.CommandLine.PicocliException("--warm-scripts takes js, py or none; got '"
                        + w + "'");
            }
        }
        return BridgeScriptHost.factory(dir != null && Files.isDirectory(dir) ? dir : null, scriptOutputDir,
                !noSpareContexts, warm);
    }

    private static Duration seconds(String flag, double value) {
        if (!(value > 0) || value > 3600) {
            throw new IllegalArgumentException(flag + " must be more than 0 and at most 3600 seconds; got " + value);
        }
        return Duration.ofMillis(Math.round(value * 1000));
    }

    BridgeOptions options(Path stateDir) {
        int tls = httpsPort != null ? httpsPort : port == 0 ? 0 : BridgeOptions.DEFAULT_HTTPS_PORT;
        BridgeOptions o = BridgeOptions.defaults(stateDir).withHost(host).withPort(port).withHttpsPort(tls)
                .withTradingArmed(trading).withFnDeadline(seconds("--fn-deadline", fnDeadlineSeconds))
                .withBatchDeadline(seconds("--batch-deadline", batchDeadlineSeconds));
        String token = System.getenv(ACCESS_TOKEN_VARIABLE);
        return token == null || token.isBlank() ? o : o.withAccessToken(token);
    }
}
