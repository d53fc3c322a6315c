package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kisbridge.core.KisEnvironment;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class AddinAssetsIT {
    private static final Set<String> PARAM_TYPES = Set.of("string", "number", "boolean", "any");
    private static final List<String> PAGES = List.of("/", "/addin/taskpane.html", "/addin/js/bridge-client.js",
            "/addin/js/streaming.js", "/addin/js/functions.js", "/addin/js/status-view.js", "/addin/js/taskpane.js",
            "/js/dashboard.js", "/js/market-chart.js", "/js/watchlist.js", "/js/order-book.js", "/js/fills.js",
            "/css/bridge.css", "/css/dashboard.css", "/addin/manifest.xml");
    private static final String OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

    @TempDir
    static Path dir;
    static BridgeFixture f;

    @BeforeAll
    static void start() {
        f = new BridgeFixture(dir, KisEnvironment.REAL);
    }

    @AfterAll
    static void stop() {
        f.close();
    }

    @Test
    void functionsJsonFitsTheOfficeCustomFunctionsMetadataSchema() throws Exception {
        JsonNode root = new ObjectMapper().readTree(f.get("/addin/functions.json").body());
        Set<String> ids = new HashSet<>();
        assertThat(root.path("functions").size()).isGreaterThan(20);
        for (JsonNode fn : root.path("functions")) {
            String id = fn.path("id").asText();
            assertThat(id).matches("[A-Z][A-Z0-9._]*");
            assertThat(ids.add(id)).as("unique id " + id).isTrue();
            assertThat(fn.path("name").asText()).as(id).matches("[A-Z][A-Z0-9._]*");
            assertThat(fn.path("description").asText()).as(id).isNotBlank();
            boolean optionalSeen = false;
            for (JsonNode p : fn.path("parameters")) {
                assertThat(p.path("name").asText()).as(id).matches("[A-Za-z][A-Za-z0-9_]*");
                assertThat(p.path("type").asText()).as(id).isIn(PARAM_TYPES);
                boolean optional = p.path("optional").asBoolean(false);
                assertThat(!optional && optionalSeen).as(id + ": a required parameter after an optional one").isFalse();
                optionalSeen |= optional;
            }
            assertThat(fn.path("result").path("dimensionality").asText()).as(id).isIn("scalar", "matrix");
            JsonNode options = fn.path("options");
            if (List.of("STREAM", "BOOK", "FILLS", "SCRIPT").contains(id)) {
                assertThat(options.path("stream").asBoolean()).as(id).isTrue();
                assertThat(options.path("cancelable").asBoolean()).as(id).isTrue();
            } else {
                assertThat(options.path("stream").asBoolean(false)).as(id).isFalse();
            }
        }
        assertThat(ids).contains("PRICE", "QUOTE", "HISTORY", "STREAM", "BOOK", "FILLS", "SCRIPT");
    }

    @Test
    void servesEveryPageFromTheBridgeAndLoadsNothingFromElsewhereButOfficeJsInTheTaskPane() {
        Pattern external = Pattern.compile("(?:src|href)\\s*=\\s*[\"'](https?:)?//([^\"']+)[\"']");
        for (String page : PAGES) {
            HttpResponse<String> r = f.get(page);
            assertThat(r.statusCode()).as(page).isEqualTo(200);
            Matcher m = external.matcher(r.body());
            while (m.find()) {
                assertThat(page).as("external reference " + m.group() + " in " + page).isEqualTo("/addin/taskpane.html");
                assertThat(m.group()).contains(OFFICE_JS);
            }
        }
        assertThat(f.get("/addin/taskpane.html").body()).contains(OFFICE_JS);
        assertThat(f.get("/addin/../pom.xml").statusCode()).isIn(400, 404);
        assertThat(f.get("/addin/js/nope.js").statusCode()).isEqualTo(404);
    }

    @Test
    void servesEveryScriptAndStyleSheetThePagesNameAndTheChartLibraryFromItsOwnJar() {
        Pattern local = Pattern.compile("(?:src|href)\\s*=\\s*\"(/[^\"]+\\.(?:js|css))\"");
        for (String page : List.of("/", "/addin/taskpane.html")) {
            Matcher m = local.matcher(f.get(page).body());
            int found = 0;
            while (m.find()) {
                found++;
                HttpResponse<String> r = f.get(m.group(1));
                assertThat(r.statusCode()).as(m.group(1) + " named by " + page).isEqualTo(200);
            }
            assertThat(found).as(page).isGreaterThan(2);
        }
        HttpResponse<String> echarts = f.get("/vendor/echarts/echarts.min.js");
        assertThat(echarts.headers().firstValue("Content-Type").orElse("")).startsWith("text/javascript");
        assertThat(echarts.body()).contains("echarts").hasSizeGreaterThan(500_000);
        assertThat(f.get("/vendor/echarts/LICENSE").body()).contains("Apache License");
    }

    @Test
    void refusesTheAddinPagesToAForeignOrigin() {
        HttpResponse<String> r = f.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(f.url("/addin/js/functions.js")))
                .header("Origin", "https://evil.example").build());
        assertThat(r.statusCode()).isEqualTo(403);
    }
}
