package io.kisbridge.cli;

import io.kisbridge.core.KisConfig;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The configuration flags every command that talks to KIS shares. Secrets are deliberately not flags (a command
 * line is visible to other users in the process list): they come from KIS_APP_KEY / KIS_APP_SECRET or the state
 * directory's config.properties.
 */
final class ConfigOptions {
    @Option(names = "--env", paramLabel = "real|paper|demo",
            description = "KIS environment; 'demo' runs against an embedded simulator (default: KIS_ENV, else real).")
    String env;

    @Option(names = "--rest-url", paramLabel = "URL", description = "Override the REST base URL (e.g. a simulator).")
    String restUrl;

    @Option(names = "--ws-url", paramLabel = "URL", description = "Override the WebSocket URL.")
    String wsUrl;

    @Option(names = "--state-dir", paramLabel = "DIR", description = "Token cache and config directory (default ~/.kisbridge).")
    Path stateDir;

    @Option(names = "--account", paramLabel = "NNNNNNNN-NN", description = "Account number (default: KIS_ACCOUNT).")
    String account;

    @Option(names = "--hts-id", paramLabel = "ID", description = "HTS user id (default: KIS_HTS_ID).")
    String htsId;

    @Option(names = "--rate-limit", paramLabel = "N", description = "Calls per second (default 20 real, 2 paper).")
    Integer rateLimit;

    boolean isDemo() {
        return env != null && env.strip().equalsIgnoreCase("demo");
    }

    Map<String, String> flags() {
        Map<String, String> f = new HashMap<>();
        put(f, KisConfig.FLAG_ENV, env);
        put(f, KisConfig.FLAG_REST_URL, restUrl);
        put(f, KisConfig.FLAG_WS_URL, wsUrl);
        put(f, KisConfig.FLAG_STATE_DIR, stateDir == null ? null : stateDir.toString());
        put(f, KisConfig.FLAG_ACCOUNT, account);
        put(f, KisConfig.FLAG_HTS_ID, htsId);
        put(f, KisConfig.FLAG_RATE_LIMIT, rateLimit == null ? null : rateLimit.toString());
        return f;
    }

    KisConfig load() {
        return KisConfig.load(flags(), System.getenv());
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) {
            m.put(k, v);
        }
    }
}
