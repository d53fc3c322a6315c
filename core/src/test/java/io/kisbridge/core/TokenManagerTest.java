package io.kisbridge.core;

import static io.kisbridge.core.FakeTransport.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.core.internal.Ticker;
import io.kisbridge.core.rest.RateLimiter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

class TokenManagerTest {
    private static final String PRICE = "/uapi/domestic-stock/v1/quotations/inquire-price";

    @TempDir
    Path stateDir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    final FakeTransport fake = new FakeTransport();
    final AtomicInteger issued = new AtomicInteger();

    TokenManagerTest() {
        fake.always("/oauth2/tokenP", r -> json(200, "{\"access_token\":\"eyJ.TOKEN-" + issued.incrementAndGet()
                + "\",\"token_type\":\"Bearer\",\"expires_in\":86400}"));
        fake.always(PRICE, r -> json(200, FakeTransport.OK));
    }

    private KisClient client() {
        KisConfig config = TestConfigs.builder(stateDir, KisEnvironment.REAL, clock).build();
        return KisClient.builder(config).transport(fake).sleeper(clock.sleeper())
                .rateLimiter(new RateLimiter(1000, Duration.ofSeconds(1), Ticker.SYSTEM)).build();
    }

    private String lastAuthorization() {
        List<io.kisbridge.core.rest.HttpTransport.Request> rs = fake.to(PRICE);
        return rs.get(rs.size() - 1).headers().get("authorization");
    }

    @Test
    void twoClientsOnOneStateDirShareOneIssuedToken() throws Exception {
        client().currentPrice("005930");
        client().currentPrice("005930");
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(1);
        assertThat(fake.to(PRICE)).extracting(r -> r.headers().get("authorization")).containsOnly("Bearer eyJ.TOKEN-1");
    }

    @Test
    void cachesTheTokenInAUserOnlyFileNamedWithoutTheAppKey() throws Exception {
        KisClient c = client();
        c.currentPrice("005930");
        Path file = c.tokenCacheFile();
        assertThat(file).exists().hasParent(stateDir.resolve("tokens").toAbsolutePath().normalize());
        assertThat(file.getFileName().toString()).startsWith("real-").doesNotContain(TestConfigs.APP_KEY).endsWith(".json");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent()))).isEqualTo("rwx------");
        assertThat(Files.readString(file)).contains("eyJ.TOKEN-1").doesNotContain(TestConfigs.APP_SECRET);
        try (var s = Files.list(file.getParent())) {
            assertThat(s).hasSize(1); // no temp file left behind
        }
    }

    @Test
    void reusesTheTokenUntilItIsTwentyThreeHoursOld() {
        KisClient c = client();
        c.currentPrice("005930");
        clock.advance(Duration.ofHours(22).plusMinutes(59));
        c.currentPrice("005930");
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(1);
        clock.advance(Duration.ofMinutes(2));
        c.currentPrice("005930");
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(2);
        assertThat(lastAuthorization()).isEqualTo("Bearer eyJ.TOKEN-2");
    }

    @Test
    void neverRequestsTwoTokensWithinOneMinute() {
        KisClient c = client();
        c.currentPrice("005930");
        clock.advance(Duration.ofSeconds(20));
        fake.once(PRICE, r -> json(500, "{\"rt_cd\":\"1\",\"msg_cd\":\"EGW00121\",\"msg1\":\"유효하지 않은 token 입니다.\"}"));
        c.currentPrice("005930");
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(41)); // the minute and a second of slack
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(2);
        assertThat(lastAuthorization()).isEqualTo("Bearer eyJ.TOKEN-2");
    }

    @Test
    void keepsUsingAReissuedShortLivedTokenUntilItExpiresInsteadOfWaitingOutTheMinute() {
        // A server that, like KIS, hands back the same token (with its remaining lifetime) while it is still valid.
        Duration lifetime = Duration.ofMinutes(2);
        Instant[] expiry = {Instant.MIN};
        fake.always("/oauth2/tokenP", r -> {
            if (!clock.instant().isBefore(expiry[0])) {
                issued.incrementAndGet();
                expiry[0] = clock.instant().plus(lifetime);
            }
            long left = Duration.between(clock.instant(), expiry[0]).toSeconds();
            return json(200, "{\"access_token\":\"eyJ.TOKEN-" + issued.get() + "\",\"expires_in\":" + left + "}");
        });
        KisClient c = client();
        c.currentPrice("005930");
        clock.advance(Duration.ofSeconds(61)); // inside the renewal margin: renews and gets the same token back
        c.currentPrice("005930");
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(2);
        clock.advance(Duration.ofSeconds(29)); // still inside the margin, but a token was asked for 29 s ago
        c.currentPrice("005930");
        assertThat(clock.sleeps).isEmpty();
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(2);
        assertThat(lastAuthorization()).isEqualTo("Bearer eyJ.TOKEN-1");
        clock.advance(Duration.ofSeconds(32)); // expired: a new token, a minute (and a second) after the last request
        c.currentPrice("005930");
        assertThat(clock.sleeps).isEmpty();
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(3);
        assertThat(lastAuthorization()).isEqualTo("Bearer eyJ.TOKEN-2");
    }

    @Test
    void waitsAndAsksOnceMoreWhenKisSaysTokensAreRequestedTooOften() {
        fake.once("/oauth2/tokenP", r -> json(403, "{\"error_code\":\"EGW00133\",\"error_description\":\"접근토큰 발급 잠시 후 다시 시도하세요(1분당 1회)\"}"));
        client().currentPrice("005930");
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(2);
        assertThat(clock.sleeps).containsExactly(Duration.ofSeconds(61));
    }

    @Test
    void anEarlyRenewalRefusedAsTooFrequentKeepsTheCurrentTokenWithoutWaiting() {
        fake.always("/oauth2/tokenP", r -> json(200, "{\"access_token\":\"eyJ.TOKEN-" + issued.incrementAndGet()
                + "\",\"expires_in\":120}"));
        KisClient c = client();
        c.currentPrice("005930");
        clock.advance(Duration.ofSeconds(61)); // inside the renewal margin; KIS counts an issuance we did not see
        fake.once("/oauth2/tokenP", r -> json(403, "{\"error_code\":\"EGW00133\",\"error_description\":\"1분당 1회\"}"));
        c.currentPrice("005930");
        c.currentPrice("005930");
        assertThat(clock.sleeps).isEmpty();
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(2);
        assertThat(lastAuthorization()).isEqualTo("Bearer eyJ.TOKEN-1");
        clock.advance(Duration.ofSeconds(61)); // expired: a new token, a minute and a second after the refusal
        c.currentPrice("005930");
        assertThat(clock.sleeps).isEmpty();
        assertThat(lastAuthorization()).isEqualTo("Bearer eyJ.TOKEN-2");
    }

    @Test
    void reportsARefusedIssuanceAsAnAuthError() {
        fake.always("/oauth2/tokenP", r -> json(403, "{\"error_code\":\"EGW00103\",\"error_description\":\"유효하지 않은 AppKey입니다.\"}"));
        assertThatThrownBy(() -> client().currentPrice("005930"))
                .isInstanceOfSatisfying(KisAuthException.class, e -> {
                    assertThat(e.msgCd()).isEqualTo("EGW00103");
                    assertThat(e.getMessage()).contains("KIS_APP_KEY").doesNotContain(TestConfigs.APP_KEY);
                });
    }

    @Test
    @Timeout(30)
    void manyThreadsNeedingATokenCauseOneRequest() throws Exception {
        CountDownLatch slowIssuance = new CountDownLatch(1);
        fake.always("/oauth2/tokenP", r -> {
            try {
                slowIssuance.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return json(200, FakeTransport.TOKEN_BODY);
        });
        KisClient a = client();
        KisClient b = client();
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<CurrentPrice>> fs = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                KisClient c = i % 2 == 0 ? a : b;
                fs.add(pool.submit(() -> c.currentPrice("005930")));
            }
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> fake.count("/oauth2/tokenP") >= 1);
            slowIssuance.countDown();
            for (Future<CurrentPrice> f : fs) {
                assertThat(f.get().price()).isEqualTo(71900);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(1);
        assertThat(fake.count(PRICE)).isEqualTo(32);
    }

    @Test
    void revokesTheTokenAndForgetsTheCacheFile() {
        KisClient c = client();
        c.currentPrice("005930");
        c.revokeToken();
        assertThat(c.tokenCacheFile()).doesNotExist();
        assertThat(fake.to("/oauth2/revokeP").get(0).body()).contains("\"token\":\"eyJ.TOKEN-1\"");
        clock.advance(Duration.ofMinutes(2));
        c.currentPrice("005930");
        assertThat(lastAuthorization()).isEqualTo("Bearer eyJ.TOKEN-2");
    }

    @Test
    void issuesAndCachesTheApprovalKeyWithTheSecretkeyField() {
        KisClient c = client();
        assertThat(c.approvalKey()).isEqualTo("a2585daf-8c09-4587-9fce-8ab893000001");
        assertThat(c.approvalKey()).isEqualTo("a2585daf-8c09-4587-9fce-8ab893000001");
        assertThat(fake.count("/oauth2/Approval")).isEqualTo(1);
        var body = io.kisbridge.core.internal.Json.toStringMap(
                io.kisbridge.core.internal.Json.parse(fake.to("/oauth2/Approval").get(0).body()).orElseThrow());
        assertThat(body).containsEntry("grant_type", "client_credentials").containsEntry("appkey", TestConfigs.APP_KEY)
                .containsEntry("secretkey", TestConfigs.APP_SECRET).doesNotContainKey("appsecret");
    }

    @Test
    void ignoresACorruptCacheFileAndIssuesANewToken() throws Exception {
        KisClient c = client();
        Files.createDirectories(c.tokenCacheFile().getParent());
        Files.writeString(c.tokenCacheFile(), "{not json");
        c.currentPrice("005930");
        assertThat(fake.count("/oauth2/tokenP")).isEqualTo(1);
        assertThat(Files.readString(c.tokenCacheFile())).contains("eyJ.TOKEN-1");
    }

    @Test
    void forgetsATokenKisNoLongerKnowsWhenRevoking() {
        KisClient c = client();
        c.currentPrice("005930");
        fake.always("/oauth2/revokeP", r -> json(403, "{\"error_code\":\"EGW00121\",\"error_description\":\"유효하지 않은 token 입니다.\"}"));
        c.revokeToken();
        assertThat(c.tokenCacheFile()).doesNotExist();
        fake.always("/oauth2/revokeP", r -> json(403, "{\"error_code\":\"EGW00103\",\"error_description\":\"유효하지 않은 AppKey입니다.\"}"));
        clock.advance(Duration.ofMinutes(2));
        c.currentPrice("005930");
        assertThatThrownBy(c::revokeToken).isInstanceOfSatisfying(KisAuthException.class,
                e -> assertThat(e.msgCd()).isEqualTo("EGW00103"));
    }
}
