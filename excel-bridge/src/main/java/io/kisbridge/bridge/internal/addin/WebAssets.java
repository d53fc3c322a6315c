package io.kisbridge.bridge.internal.addin;

import io.javalin.http.Context;
import io.javalin.http.NotFoundResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The bridge's web pages (dashboard at {@code /}, the Office add-in under {@code /addin/}) read once from the class
 * path ({@code /web/...}). A fixed list, so nothing else on the class path can be served. {@code manifest.xml} is a
 * template: {@code ${BASE_URL}} becomes the bridge's HTTPS URL (Excel only loads add-ins over HTTPS), and
 * {@code ${VERSION}} the add-in version.
 */
public final class WebAssets {
    static final List<String> FILES = List.of(
            "index.html", "css/bridge.css", "css/dashboard.css", "js/dashboard.js", "js/market-chart.js",
            "js/watchlist.js", "js/order-book.js", "js/fills.js",
            "addin/taskpane.html", "addin/js/bridge-client.js", "addin/js/functions.js",
            "addin/js/streaming.js", "addin/js/status-view.js", "addin/js/taskpane.js", "addin/icon-32.png",
            "addin/icon-80.png",
            // unpacked from the ECharts WebJar at build time (excel-bridge/pom.xml)
            "vendor/echarts/echarts.min.js", "vendor/echarts/LICENSE");
    private static final String MANIFEST_TEMPLATE = "addin/manifest.template.xml";

    private final Map<String, byte[]> files = new TreeMap<>();
    private final String manifest;

    private WebAssets(String manifest) {
        this.manifest = manifest;
    }

    /** Loads every asset and renders the manifest for {@code baseUrl} (e.g. https://localhost:8788). */
    public static WebAssets load(String baseUrl, String version) {
        WebAssets w = new WebAssets(new String(read(MANIFEST_TEMPLATE), StandardCharsets.UTF_8)
                .replace("${BASE_URL}", xmlEscape(baseUrl)).replace("${VERSION}", xmlEscape(version)));
        for (String f : FILES) {
            w.files.put(f, read(f));
        }
        return w;
    }

    public String manifest() {
        return manifest;
    }

    /** GET / → index.html; GET /{path} for the listed files. */
    public void serve(Context ctx, String path) {
        String p = path.isEmpty() || path.equals("/") ? "index.html" : path.startsWith("/") ? path.substring(1) : path;
        byte[] body = files.get(p);
        if (body == null) {
            throw new NotFoundResponse("no such page: /" + p);
        }
        ctx.contentType(contentType(p));
        ctx.header("Cache-Control", "no-cache");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.result(body);
    }

    public void serveManifest(Context ctx) {
        ctx.contentType("application/xml; charset=utf-8").header("Cache-Control", "no-cache").result(manifest);
    }

    private static String contentType(String p) {
        if (p.endsWith(".html")) {
            return "text/html; charset=utf-8";
        } else if (p.endsWith(".js")) {
            return "text/javascript; charset=utf-8";
        } else if (p.endsWith(".css")) {
            return "text/css; charset=utf-8";
        } else if (p.endsWith(".png")) {
            return "image/png";
        } else if (p.endsWith("LICENSE")) {
            return "text/plain; charset=utf-8";
        }
        return "application/octet-stream";
    }

    private static byte[] read(String name) {
        try (InputStream in = WebAssets.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web asset missing from the jar: /web/" + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String xmlEscape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
