package io.kisbridge.bridge.workbook.internal;

import io.kisbridge.bridge.BridgeException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code WEBSERVICE("http://127.0.0.1:8787/v1/fn/PRICE/005930")} as a function call: the bridge's GET /v1/fn
 * contract (positional path segments, other query parameters named, {@code format} ignored) on a loopback host.
 * Any other URL is refused — a headless refresh does not fetch from the web.
 */
final class WebServiceUrls {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]", "::1");

    private WebServiceUrls() {
    }

    static CallKey key(String url) {
        URI u;
        try {
            u = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw BridgeException.badInput("WEBSERVICE: not a URL: " + url);
        }
        String host = u.getHost() == null ? "" : u.getHost().toLowerCase(Locale.ROOT);
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        if (!LOOPBACK.contains(host) || !path.startsWith("/v1/fn/")) {
            throw BridgeException.badInput("WEBSERVICE: only the bridge's http://127.0.0.1:PORT/v1/fn/... URLs are"
                    + " refreshed headless; got " + url);
        }
        String[] segs = path.substring("/v1/fn/".length()).split("/", -1);
        String fn = decode(segs[0]).toUpperCase(Locale.ROOT);
        List<String> args = new ArrayList<>();
        for (int i = 1; i < segs.length; i++) {
            args.add(decode(segs[i]));
        }
        while (!args.isEmpty() && args.get(args.size() - 1).isEmpty()) {
            args.remove(args.size() - 1);
        }
        Map<String, String> named = new LinkedHashMap<>();
        if (u.getRawQuery() != null) {
            for (String kv : u.getRawQuery().split("&")) {
                int eq = kv.indexOf('=');
                String k = decode(eq < 0 ? kv : kv.substring(0, eq));
                if (!k.isEmpty() && !k.equalsIgnoreCase("format")) {
                    named.put(k, eq < 0 ? "" : decode(kv.substring(eq + 1)));
                }
            }
        }
        return new CallKey(fn.startsWith("KIS.") ? fn.substring(4) : fn, args, named);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }
}
