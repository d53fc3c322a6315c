package io.kisbridge.bridge.internal.http;

import io.javalin.http.Context;
import io.javalin.http.ForbiddenResponse;
import io.javalin.http.UnauthorizedResponse;
import io.kisbridge.bridge.BridgeOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Locale;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * Runs before every request:
 * <ol>
 *   <li>Host must name this bridge: a loopback name (localhost, 127.0.0.1, [::1]) or, when bound elsewhere, the
 *       bound host; with a port, the bound port (defeats DNS rebinding).</li>
 *   <li>When bound to a non-loopback host, {@code Authorization: Bearer <access token>} instead of the Host rule.</li>
 *   <li>An Origin header, when present, must be the bridge's own origin (http or https, any loopback name, the
 *       bound port of that scheme: http with the HTTP port, https with the HTTPS port). No CORS headers are
 *       ever sent, so other sites cannot read answers.</li>
 *   <li>State-changing methods (anything but GET/HEAD/OPTIONS) without an Origin come from non-browser clients:
 *       they must present X-Bridge-Key, except the read-only {@code POST /v1/batch}. Orders and arming
 *       ({@code /v1/orders}, {@code /v1/trading}) always need X-Bridge-Key, whatever the Origin; scripts
 *       ({@code /v1/scripts}) need it for every method, reads included (a run's code and output may show the
 *       account).</li>
 * </ol>
 */
public final class SecurityFilter {
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    private static final Set<String> READ_ONLY_POSTS = Set.of("/v1/batch");
    /** Paths whose state-changing requests need X-Bridge-Key even from the bridge's own origin. */
    private static final java.util.List<String> KEY_ALWAYS = java.util.List.of("/v1/orders", "/v1/trading");
    /** Paths that need X-Bridge-Key for every method, reads included. */
    private static final java.util.List<String> KEY_EVEN_TO_READ = java.util.List.of("/v1/scripts");

    private final BridgeOptions options;
    private final BridgeKey key;
    private final IntSupplier port;
    private final IntSupplier httpsPort;

    /** {@code httpsPort} answers -1 when HTTPS is off. */
    public SecurityFilter(BridgeOptions options, BridgeKey key, IntSupplier port, IntSupplier httpsPort) {
        this.options = options;
        this.key = key;
        this.port = port;
        this.httpsPort = httpsPort;
    }

    public void check(Context ctx) {
        if (options.accessToken() == null) {
            // With an access token the token is the guard (a rebinding page cannot know it), and clients on other
            // machines reach the bridge under names and ports of their own.
            checkHost(ctx.header("Host"), localPort(ctx));
        } else {
            String auth = ctx.header("Authorization");
            String expected = "Bearer " + options.accessToken();
            if (auth == null || !MessageDigest.isEqual(auth.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8))) {
                throw new UnauthorizedResponse("this bridge needs Authorization: Bearer <access token>");
            }
        }
        String origin = ctx.header("Origin");
        if (origin != null && !isOwnOrigin(origin)) {
            throw new ForbiddenResponse("requests from origin " + origin + " are refused");
        }
        String method = ctx.method().name();
        boolean keyAlways = KEY_ALWAYS.stream().anyMatch(p -> ctx.path().startsWith(p));
        boolean keyToRead = KEY_EVEN_TO_READ.stream().anyMatch(p -> ctx.path().startsWith(p));
        boolean needsKey = keyToRead || !SAFE_METHODS.contains(method)
                && (keyAlways || origin == null && !READ_ONLY_POSTS.contains(ctx.path()));
        if (needsKey && !key.matches(ctx.header(BridgeKey.HEADER))) {
            throw new ForbiddenResponse(method + " " + ctx.path() + (keyAlways || keyToRead ? "" : " without an Origin")
                    + " needs the X-Bridge-Key header"
                    + " (the key is in " + BridgeKey.FILE_NAME + " in the state directory)");
        }
    }

    /** The port the request came in on (HTTP or HTTPS connector). */
    private int localPort(Context ctx) {
        int local = ctx.req().getLocalPort();
        return local > 0 ? local : port.getAsInt();
    }

    private void checkHost(String host, int localPort) {
        if (host == null || host.isBlank()) {
            throw new ForbiddenResponse("a Host header is required");
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        String name = h;
        String portPart = null;
        int colon = h.lastIndexOf(':');
        if (colon > h.lastIndexOf(']')) {
            name = h.substring(0, colon);
            portPart = h.substring(colon + 1);
        }
        boolean nameOk = BridgeOptions.isLoopback(name) || name.equals(options.host().toLowerCase(Locale.ROOT));
        boolean portOk = portPart == null || portPart.equals(Integer.toString(localPort));
        if (!nameOk || !portOk) {
            throw new ForbiddenResponse("Host '" + host + "' is not this bridge; use http://127.0.0.1:"
                    + port.getAsInt()
                    + (httpsPort.getAsInt() > 0 ? " or https://localhost:" + httpsPort.getAsInt() : ""));
        }
    }

    boolean isOwnOrigin(String origin) {
        String o = origin.strip().toLowerCase(Locale.ROOT);
        if (o.startsWith("http://")) {
            return isOwnAuthority(o.substring("http://".length()), port.getAsInt());
        }
        int tls = httpsPort.getAsInt();
        return o.startsWith("https://") && tls > 0 && isOwnAuthority(o.substring("https://".length()), tls);
    }

    private boolean isOwnAuthority(String rest, int expectedPort) {
        String suffix = ":" + expectedPort;
        if (!rest.endsWith(suffix)) {
            return false;
        }
        String name = rest.substring(0, rest.length() - suffix.length());
        return BridgeOptions.isLoopback(name) && !name.equals("::1")
                || name.equals(options.host().toLowerCase(Locale.ROOT));
    }
}
