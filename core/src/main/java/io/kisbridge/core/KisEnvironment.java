package io.kisbridge.core;

import java.util.Locale;

/** Real (실전) or paper (모의투자) trading; each has its own hosts, credentials and rate limit. */
public enum KisEnvironment {
    REAL("https://openapi.koreainvestment.com:9443", "ws://ops.koreainvestment.com:21000", 20),
    PAPER("https://openapivts.koreainvestment.com:29443", "ws://ops.koreainvestment.com:31000", 2);

    private final String defaultRestUrl;
    private final String defaultWsUrl;
    private final int defaultRequestsPerSecond;

    KisEnvironment(String defaultRestUrl, String defaultWsUrl, int defaultRequestsPerSecond) {
        this.defaultRestUrl = defaultRestUrl;
        this.defaultWsUrl = defaultWsUrl;
        this.defaultRequestsPerSecond = defaultRequestsPerSecond;
    }

    public String defaultRestUrl() {
        return defaultRestUrl;
    }

    public String defaultWsUrl() {
        return defaultWsUrl;
    }

    /** KIS allows 20 REST calls per second per app key in real trading and 2 in paper trading. */
    public int defaultRequestsPerSecond() {
        return defaultRequestsPerSecond;
    }

    /** The value used in KIS_ENV and --env: {@code real} or {@code paper}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static KisEnvironment fromId(String value) {
        String v = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (v) {
            case "real", "prod", "live" -> REAL;
            case "paper", "vps", "virtual" -> PAPER;
            // "demo" is deliberately not an alias: on the command line it means the embedded simulator.
            default -> throw new KisConfigException("KIS_ENV", "KIS_ENV / --env must be 'real' or 'paper'; got '" + v + "'");
        };
    }
}
