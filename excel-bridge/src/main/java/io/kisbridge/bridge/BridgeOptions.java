package io.kisbridge.bridge;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * Immutable, validated bridge settings. Build with {@link #defaults(Path)} and the {@code with*} methods.
 *
 * @param host         bind address; loopback by default. Anything else requires {@code accessToken}
 * @param port         TCP port; 0 = ephemeral (tests)
 * @param stateDir     where {@code bridge.key}, the order idempotency store ({@code orders/idempotency.jsonl}) and
 *                     (unless {@code certificateDir}) the HTTPS certificates live
 * @param tradingArmed whether POST /v1/orders may place orders from start-up
 * @param limits       per-order and per-day order limits
 * @param accessToken  bearer token every request must carry when bound to a non-loopback host; null otherwise
 * @param cacheTtl     how long a cell result is reused
 * @param batchWindow  how long current-price requests are collected before one intstock-multprice call
 * @param httpsPort    second port serving the same app over HTTPS (the Office add-in needs it) with the bridge's
 *                     own localhost certificate; 0 = ephemeral, {@link #NO_HTTPS} = off
 * @param certificateDir where the localhost CA and server certificate live; null = {@code stateDir}
 * @param fnDeadline   how long a {@code /v1/fn} request waits for its value before it answers {@code #N/A} with the
 *                     reason (the load goes on, so a later recalculation gets the value): WEBSERVICE blocks the
 *                     spreadsheet while it waits
 * @param batchDeadline the same for each call of {@code POST /v1/batch} (the add-in's calls, asynchronous)
 */
public record BridgeOptions(String host, int port, Path stateDir, boolean tradingArmed, OrderLimits limits,
                            String accessToken, Duration cacheTtl, Duration batchWindow, int httpsPort,
                            Path certificateDir, Duration fnDeadline, Duration batchDeadline) {
    public static final int DEFAULT_PORT = 8787;
    public static final int DEFAULT_HTTPS_PORT = 8788;
    /** {@link #httpsPort()} value that turns HTTPS off. */
    public static final int NO_HTTPS = -1;
    public static final Duration DEFAULT_FN_DEADLINE = Duration.ofSeconds(10);
    public static final Duration DEFAULT_BATCH_DEADLINE = Duration.ofSeconds(60);
    public static final Set<String> LOOPBACK_NAMES = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    public BridgeOptions {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(stateDir, "stateDir");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(cacheTtl, "cacheTtl");
        Objects.requireNonNull(batchWindow, "batchWindow");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be 0..65535; got " + port);
        }
        if (httpsPort < NO_HTTPS || httpsPort > 65535) {
            throw new IllegalArgumentException("https port must be 0..65535 (or -1 = off); got " + httpsPort);
        }
        if (httpsPort > 0 && httpsPort == port) {
            throw new IllegalArgumentException("the HTTP and HTTPS ports must differ; both are " + port);
        }
        if (!isLoopback(host) && (accessToken == null || accessToken.length() < 16)) {
            throw new IllegalArgumentException("--host " + host + " is not a loopback address: set an access token"
                    + " of at least 16 characters (--access-token) so other machines cannot use the bridge freely");
        }
        if (cacheTtl.isNegative() || batchWindow.isNegative()) {
            throw new IllegalArgumentException("cacheTtl and batchWindow must not be negative");
        }
        Objects.requireNonNull(fnDeadline, "fnDeadline");
        Objects.requireNonNull(batchDeadline, "batchDeadline");
        if (fnDeadline.isNegative() || fnDeadline.isZero() || batchDeadline.isNegative() || batchDeadline.isZero()) {
            throw new IllegalArgumentException("the fn and batch deadlines must be positive; got " + fnDeadline
                    + " and " + batchDeadline);
        }
    }

    /**
     * 127.0.0.1:8787 (HTTPS on 8788, certificates in the state directory), trading disarmed, default limits, results
     * reused for 2 s, prices collected for 5 ms, /v1/fn answering within 10 s and batch calls within 60 s.
     */
    public static BridgeOptions defaults(Path stateDir) {
        return new BridgeOptions("127.0.0.1", DEFAULT_PORT, stateDir, false, OrderLimits.DEFAULTS, null,
                Duration.ofSeconds(2), Duration.ofMillis(5), DEFAULT_HTTPS_PORT, null, DEFAULT_FN_DEADLINE,
                DEFAULT_BATCH_DEADLINE);
    }

    public static boolean isLoopback(String host) {
        return LOOPBACK_NAMES.contains(host.toLowerCase(java.util.Locale.ROOT));
    }

    public BridgeOptions withHost(String h) {
        return new BridgeOptions(h, port, stateDir, tradingArmed, limits, accessToken, cacheTtl, batchWindow,
                httpsPort, certificateDir, fnDeadline, batchDeadline);
    }

    public BridgeOptions withPort(int p) {
        return new BridgeOptions(host, p, stateDir, tradingArmed, limits, accessToken, cacheTtl, batchWindow,
                httpsPort, certificateDir, fnDeadline, batchDeadline);
    }

    public BridgeOptions withTradingArmed(boolean armed) {
        return new BridgeOptions(host, port, stateDir, armed, limits, accessToken, cacheTtl, batchWindow,
                httpsPort, certificateDir, fnDeadline, batchDeadline);
    }

    public BridgeOptions withLimits(OrderLimits l) {
        return new BridgeOptions(host, port, stateDir, tradingArmed, l, accessToken, cacheTtl, batchWindow,
                httpsPort, certificateDir, fnDeadline, batchDeadline);
    }

    public BridgeOptions withAccessToken(String token) {
        return new BridgeOptions(host, port, stateDir, tradingArmed, limits, token, cacheTtl, batchWindow,
                httpsPort, certificateDir, fnDeadline, batchDeadline);
    }

    public BridgeOptions withCacheTtl(Duration ttl) {
        return new BridgeOptions(host, port, stateDir, tradingArmed, limits, accessToken, ttl, batchWindow,
                httpsPort, certificateDir, fnDeadline, batchDeadline);
    }

    public BridgeOptions withBatchWindow(Duration window) {
        return new BridgeOptions(host, port, stateDir, tradingArmed, limits, accessToken, cacheTtl, window,
                httpsPort, certificateDir, fnDeadline, batchDeadline);
    }

    public BridgeOptions withHttpsPort(int p) {
        return new BridgeOptions(host, port, stateDir, tradingArmed, limits, accessToken, cacheTtl, batchWindow,
                p, certificateDir, fnDeadline, batchDeadline);
    }

    public BridgeOptions withCertificateDir(Path dir) {
        return new BridgeOptions(host, port, stateDir, tradingArmed, limits, accessToken, cacheTtl, batchWindow,
                httpsPort, dir, fnDeadline, batchDeadline);
    }

    public BridgeOptions withFnDeadline(Duration d) {
        return new BridgeOptions(host, port, stateDir, tradingArmed, limits, accessToken, cacheTtl, batchWindow,
                httpsPort, certificateDir, d, batchDeadline);
    }

    public BridgeOptions withBatchDeadline(Duration d) {
        return new BridgeOptions(host, port, stateDir, tradingArmed, limits, accessToken, cacheTtl, batchWindow,
                httpsPort, certificateDir, fnDeadline, d);
    }

    /** The certificate directory, {@code stateDir} unless set. */
    public Path certificateDirOrState() {
        return certificateDir != null ? certificateDir : stateDir;
    }

    public boolean httpsEnabled() {
        return httpsPort != NO_HTTPS;
    }

    @Override
    public String toString() {
        return "BridgeOptions{host=" + host + ", port=" + port + ", stateDir=" + stateDir + ", tradingArmed="
                + tradingArmed + ", limits=" + limits + ", accessToken=" + (accessToken == null ? "<none>" : "****")
                + ", cacheTtl=" + cacheTtl + ", batchWindow=" + batchWindow + ", httpsPort=" + httpsPort
                + ", certificateDir=" + certificateDirOrState() + ", fnDeadline=" + fnDeadline + ", batchDeadline="
                + batchDeadline + "}";
    }
}
