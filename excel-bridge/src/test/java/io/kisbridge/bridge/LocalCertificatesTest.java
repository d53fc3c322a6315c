package io.kisbridge.bridge;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCertificatesTest {
    private static final Instant NOW = Instant.parse("2026-03-03T01:00:00Z");

    @Test
    void keepsTheServerCertificateWhileItHasMoreThanAMonthLeft(@TempDir Path dir) {
        LocalCertificates first = LocalCertificates.ensure(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        LocalCertificates again = LocalCertificates.ensure(dir, Clock.fixed(NOW.plus(Duration.ofDays(300)), ZoneOffset.UTC));
        assertThat(again.serverCertificateCreated()).isFalse();
        assertThat(again.serverCertificate()).isEqualTo(first.serverCertificate());
    }

    @Test
    void renewsTheServerCertificateBeforeItExpiresAndKeepsTheCa(@TempDir Path dir) throws Exception {
        LocalCertificates first = LocalCertificates.ensure(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        Instant later = NOW.plus(LocalCertificates.SERVER_LIFETIME).minus(Duration.ofDays(10));
        LocalCertificates renewed = LocalCertificates.ensure(dir, Clock.fixed(later, ZoneOffset.UTC));
        assertThat(renewed.caCreated()).isFalse();
        assertThat(renewed.serverCertificateCreated()).isTrue();
        assertThat(renewed.serverCertificate().getNotAfter()).isAfter(first.serverCertificate().getNotAfter());
        renewed.serverCertificate().verify(first.caCertificate().getPublicKey());
    }

    @Test
    void signsAServerCertificateForLocalhostWithServerAuthOnly(@TempDir Path dir) throws Exception {
        LocalCertificates c = LocalCertificates.ensure(dir, Clock.fixed(NOW, ZoneOffset.UTC));
        assertThat(c.caCertificate().getBasicConstraints()).isEqualTo(0);
        assertThat(c.serverCertificate().getBasicConstraints()).isEqualTo(-1);
        assertThat(c.serverCertificate().getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1");
        assertThat(c.serverCertificate().getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
        assertThat(c.keyStore(new char[0]).getCertificateChain("server")).hasSize(2);
    }
}
