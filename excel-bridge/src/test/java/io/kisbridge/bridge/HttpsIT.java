package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.core.KisEnvironment;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class HttpsIT {

    @Test
    void answersHealthOverHttpsToAClientThatTrustsOnlyTheGeneratedCa(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            HttpClient tls = clientTrusting(f.bridge.certificates().caCertificate());
            HttpResponse<String> r = tls.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + f.bridge.httpsPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("\"ready\"");
            assertThat(f.bridge.httpsUrl()).isEqualTo("https://localhost:" + f.bridge.httpsPort());
            assertThat(f.bridge.httpsPort()).isNotEqualTo(f.bridge.port());
        }
    }

    @Test
    void answersOnTheIpAddressesInTheCertificateToo(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            HttpClient tls = clientTrusting(f.bridge.certificates().caCertificate());
            HttpResponse<String> r = tls.send(HttpRequest.newBuilder(
                    URI.create("https://127.0.0.1:" + f.bridge.httpsPort() + "/v1/fn/PRICE/005930")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.body()).matches("\\d+");
            X509Certificate server = f.bridge.certificates().serverCertificate();
            assertThat(server.getSubjectAlternativeNames()).extracting(l -> l.get(1).toString())
                    .contains("localhost", "127.0.0.1", "0:0:0:0:0:0:0:1");
        }
    }

    @Test
    void failsTheHandshakeForAClientWithoutTheCa(@TempDir Path dir) {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            HttpClient plain = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            assertThatThrownBy(() -> plain.send(HttpRequest.newBuilder(
                    URI.create("https://localhost:" + f.bridge.httpsPort() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(SSLHandshakeException.class);
        }
    }

    @Test
    void appliesTheHostAndOriginRulesOnHttpsToo(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            HttpClient tls = clientTrusting(f.bridge.certificates().caCertificate());
            String base = "https://localhost:" + f.bridge.httpsPort();
            String ownHttps = base;
            String batch = "{\"calls\":[]}";
            assertThat(tls.send(post(base, batch, "Origin", ownHttps), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(200);
            assertThat(tls.send(post(base, batch, "Origin", "https://evil.example"),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            // the https scheme with the plain port is not the bridge's origin
            assertThat(tls.send(post(base, batch, "Origin", "https://localhost:" + f.bridge.port()),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            // orders need the key whatever the origin, on HTTPS as on HTTP
            assertThat(tls.send(HttpRequest.newBuilder(URI.create(base + "/v1/trading"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"armed\":true}")).header("Origin", ownHttps).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(403);
            // the plain port accepts the https origin only with the https port
            assertThat(f.post("/v1/batch", batch, "Origin", ownHttps).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void writesTheKeysUserOnlyAndReusesTheCaOnTheNextStart(@TempDir Path dir) throws Exception {
        X509Certificate firstCa;
        X509Certificate firstServer;
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            firstCa = f.bridge.certificates().caCertificate();
            firstServer = f.bridge.certificates().serverCertificate();
            assertThat(f.bridge.certificates().caCreated()).isTrue();
        }
        for (String key : List.of(LocalCertificates.CA_KEY, LocalCertificates.SERVER_KEY)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(key))))
                    .as(key).isEqualTo("rw-------");
        }
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            assertThat(f.bridge.certificates().caCreated()).isFalse();
            assertThat(f.bridge.certificates().caCertificate()).isEqualTo(firstCa);
            assertThat(f.bridge.certificates().serverCertificate()).isEqualTo(firstServer);
            HttpClient tls = clientTrusting(firstCa);
            assertThat(tls.send(HttpRequest.newBuilder(URI.create(f.bridge.httpsUrl() + "/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void keepsTheCertificatesInTheirOwnDirectoryWhenOneIsGiven(@TempDir Path dir) throws Exception {
        Path certs = dir.resolve("certs");
        try (BridgeFixture f = new BridgeFixture(dir.resolve("state"), KisEnvironment.REAL,
                o -> o.withCertificateDir(certs))) {
            assertThat(certs.resolve(LocalCertificates.CA_CERT)).exists();
            assertThat(dir.resolve("state").resolve(LocalCertificates.CA_CERT)).doesNotExist();
            assertThat(f.bridge.banner()).contains("./kisbridge cert --state-dir " + certs);
        }
    }

    @Test
    void servesTheManifestWithTheHttpsUrl(@TempDir Path dir) throws Exception {
        try (BridgeFixture f = new BridgeFixture(dir, KisEnvironment.REAL)) {
            String manifest = f.get("/addin/manifest.xml").body();
            assertThat(manifest).contains("<SourceLocation DefaultValue=\"" + f.bridge.httpsUrl() + "/addin/taskpane.html\"/>")
                    .contains("DefaultValue=\"KIS\"").doesNotContain("${");
        }
    }

    private static HttpRequest post(String base, String body, String... headers) {
        return HttpRequest.newBuilder(URI.create(base + "/v1/batch")).POST(HttpRequest.BodyPublishers.ofString(body))
                .headers(headers).build();
    }

    static HttpClient clientTrusting(X509Certificate ca) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        try {
            trust.load(null, null);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        trust.setCertificateEntry("kisbridge-ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
    }
}
