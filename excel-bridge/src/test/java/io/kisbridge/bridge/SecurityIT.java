package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.core.KisEnvironment;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {
    @TempDir
    static Path dir;
    BridgeFixture f;

    @BeforeAll
    void start() {
        f = new BridgeFixture(dir, KisEnvironment.REAL);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    @Test
    void healthAnswersReadyOnLoopback() {
        HttpResponse<String> r = f.get("/health");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.body()).contains("\"status\":\"ready\"");
    }

    @Test
    void acceptsEveryLoopbackNameWithTheBoundPort() throws Exception {
        int port = f.bridge.port();
        assertThat(f.rawStatus("GET", "/health", "127.0.0.1:" + port)).isEqualTo(200);
        assertThat(f.rawStatus("GET", "/health", "localhost:" + port)).isEqualTo(200);
        assertThat(f.rawStatus("GET", "/health", "[::1]:" + port)).isEqualTo(200);
        assertThat(f.rawStatus("GET", "/health", "LOCALHOST")).isEqualTo(200);
    }

    @Test
    void refusesAForeignHostNameAsDnsRebindingWould() throws Exception {
        int port = f.bridge.port();
        assertThat(f.rawStatus("GET", "/health", "evil.example:" + port)).isEqualTo(403);
        assertThat(f.rawStatus("GET", "/v1/fn/PRICE/005930", "attacker.test")).isEqualTo(403);
        assertThat(f.rawStatus("GET", "/health", "127.0.0.1.nip.io:" + port)).isEqualTo(403);
    }

    @Test
    void refusesALoopbackNameWithAnotherPort() throws Exception {
        assertThat(f.rawStatus("GET", "/health", "127.0.0.1:" + (f.bridge.port() + 1))).isEqualTo(403);
    }

    @Test
    void refusesAForeignOriginEvenOnReads() {
        HttpResponse<String> r = f.send(HttpRequest.newBuilder(URI.create(f.url("/v1/fn/PRICE/005930")))
                .header("Origin", "http://evil.example").GET().build());
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void refusesAForgedOriginOnABatch() {
        HttpResponse<String> r = f.post("/v1/batch", "{\"calls\":[]}", "Origin", "https://localhost.evil.example:"
                + f.bridge.port());
        assertThat(r.statusCode()).isEqualTo(403);
    }

    @Test
    void acceptsItsOwnOriginOnABatch() {
        HttpResponse<String> r = f.post("/v1/batch", "{\"calls\":[]}", "Origin", "https://localhost:" + f.bridge.httpsPort());
        assertThat(r.statusCode()).isEqualTo(200);
    }

    @Test
    void refusesAStateChangingRequestWithNeitherOriginNorKey() throws Exception {
        assertThat(f.post("/v1/orders", "{}").statusCode()).isEqualTo(403);
        assertThat(f.post("/v1/orders", "{}", "X-Bridge-Key", "wrong").statusCode()).isEqualTo(403);
        // with the right key the filter lets it through (and routing decides)
        assertThat(f.post("/v1/orders", "{}", "X-Bridge-Key", f.bridgeKey()).statusCode()).isNotEqualTo(403);
    }

    @Test
    void neverSendsCorsHeadersNotEvenToItsOwnOrigin() throws Exception {
        HttpResponse<String> r = f.send(HttpRequest.newBuilder(URI.create(f.url("/health")))
                .header("Origin", "http://127.0.0.1:" + f.bridge.port()).GET().build());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().map().keySet()).noneMatch(h -> h.toLowerCase().startsWith("access-control-"));
        int preflight = f.rawStatus("OPTIONS", "/v1/batch", "127.0.0.1:" + f.bridge.port(),
                "Origin: http://evil.example", "Access-Control-Request-Method: POST");
        assertThat(preflight).isEqualTo(403);
    }

    @Test
    void writesTheBridgeKeyReadableByTheUserOnly() throws Exception {
        Path key = f.bridge.keyFile();
        assertThat(key).isEqualTo(dir.resolve("bridge.key"));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        assertThat(f.bridgeKey()).hasSizeGreaterThanOrEqualTo(40);
    }

    @Test
    void refusesANonLoopbackHostWithoutAnAccessToken() {
        assertThatThrownBy(() -> BridgeOptions.defaults(dir).withHost("0.0.0.0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("access token");
        assertThat(BridgeOptions.defaults(dir).withAccessToken("0123456789abcdef-token").withHost("0.0.0.0").host())
                .isEqualTo("0.0.0.0");
    }

    @Test
    void requiresTheAccessTokenWhenBoundBeyondLoopback(@TempDir Path other) throws Exception {
        String token = "0123456789abcdef-token";
        try (BridgeFixture wide = new BridgeFixture(other, KisEnvironment.REAL,
                o -> o.withAccessToken(token).withHost("0.0.0.0"))) {
            String host = "127.0.0.1:" + wide.bridge.port();
            assertThat(wide.rawStatus("GET", "/health", host)).isEqualTo(401);
            assertThat(wide.rawStatus("GET", "/health", host, "Authorization: Bearer wrong")).isEqualTo(401);
            assertThat(wide.rawStatus("GET", "/health", host, "Authorization: Bearer " + token)).isEqualTo(200);
            assertThat(wide.rawStatus("GET", "/health", "bridge-box.lan:8787", "Authorization: Bearer " + token))
                    .isEqualTo(200);
            assertThat(wide.rawStatus("GET", "/health", "bridge-box.lan:8787")).isEqualTo(401);
        }
    }

    @Test
    void theBannerListsUrlsAndFormulasButNoKey() throws Exception {
        String banner = f.bridge.banner();
        assertThat(banner).contains(f.bridge.url() + "/v1/fn/PRICE/005930", "=WEBSERVICE(", "/v1/stream",
                f.bridge.url() + "/v1/status")
                .doesNotContain(f.bridgeKey());
    }

    @Test
    void answersHeadRequestsAsLibreOfficeSendsThemBeforeTheGet() throws Exception {
        assertThat(f.rawStatus("HEAD", "/v1/fn/PRICE/005930", "127.0.0.1:" + f.bridge.port())).isEqualTo(200);
    }
}
