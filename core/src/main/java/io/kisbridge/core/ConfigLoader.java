package io.kisbridge.core;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/** Resolves each setting from flags, then environment variables, then the state directory's config.properties. */
final class ConfigLoader {
    static final String CONFIG_FILE = "config.properties";

    private ConfigLoader() {
    }

    static KisConfig load(Map<String, String> flags, Map<String, String> env, Path defaultStateDir) {
        Map<String, String> f = flags == null ? Map.of() : flags;
        Map<String, String> e = env == null ? Map.of() : env;
        Path stateDir = nonBlank(f.get(KisConfig.FLAG_STATE_DIR)) ? Path.of(f.get(KisConfig.FLAG_STATE_DIR).strip())
                : nonBlank(e.get("KIS_STATE_DIR")) ? Path.of(e.get("KIS_STATE_DIR").strip()) : defaultStateDir;
        Properties file = readFile(stateDir.resolve(CONFIG_FILE));

        Source s = new Source(f, e, file);
        KisEnvironment environment = s.has(KisConfig.FLAG_ENV, "KIS_ENV")
                ? KisEnvironment.fromId(s.get(KisConfig.FLAG_ENV, "KIS_ENV")) : KisEnvironment.REAL;
        KisConfig.Builder b = KisConfig.builder()
                .environment(environment)
                .appKey(s.get(KisConfig.FLAG_APP_KEY, "KIS_APP_KEY"))
                .appSecret(s.get(KisConfig.FLAG_APP_SECRET, "KIS_APP_SECRET"))
                .account(s.get(KisConfig.FLAG_ACCOUNT, "KIS_ACCOUNT"))
                .htsId(s.get(KisConfig.FLAG_HTS_ID, "KIS_HTS_ID"))
                .restUrl(s.get(KisConfig.FLAG_REST_URL, "KIS_REST_URL"))
                .wsUrl(s.get(KisConfig.FLAG_WS_URL, "KIS_WS_URL"))
                .stateDir(stateDir);
        String rate = s.get(KisConfig.FLAG_RATE_LIMIT, "KIS_RATE_LIMIT");
        if (rate != null) {
            try {
                int r = Integer.parseInt(rate.strip());
                if (r <= 0) {
                    throw new NumberFormatException();
                }
                b.requestsPerSecond(r);
            } catch (NumberFormatException ex) {
                throw new KisConfigException("KIS_RATE_LIMIT",
                        "KIS_RATE_LIMIT / --rate-limit must be a positive whole number of calls per second; got '" + rate + "'");
            }
        }
        return b.build();
    }

    private static Properties readFile(Path file) {
        Properties p = new Properties();
        if (Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                p.load(r);
            } catch (IOException ex) {
                throw new KisConfigException("config.properties", "cannot read " + file + ": " + ex.getMessage());
            }
        }
        return p;
    }

    private static boolean nonBlank(String v) {
        return v != null && !v.isBlank();
    }

    private record Source(Map<String, String> flags, Map<String, String> env, Properties file) {
        boolean has(String flag, String variable) {
            return get(flag, variable) != null;
        }

        String get(String flag, String variable) {
            if (nonBlank(flags.get(flag))) {
                return flags.get(flag).strip();
            }
            if (nonBlank(env.get(variable))) {
                return env.get(variable).strip();
            }
            String v = file.getProperty(variable);
            return nonBlank(v) ? v.strip() : null;
        }
    }
}
