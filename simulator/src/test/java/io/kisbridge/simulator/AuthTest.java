package io.kisbridge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.simulator.auth.ApprovalKeys;
import io.kisbridge.simulator.auth.TokenStore;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class AuthTest {
    private final ManualClock clock = new ManualClock(Instant.parse("2025-06-11T00:00:00Z"));

    @Test
    void tokensLookLikeKisJwtsAndExpireAfterTheirLifetime() {
        TokenStore store = new TokenStore(clock, Duration.ofHours(24));
        TokenStore.Token t = store.issue("app").token();
        String[] parts = t.value().split("\\.");
        assertThat(parts).hasSize(3);
        assertThat(new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8)).contains("HS512");
        assertThat(store.check(t.value(), "app")).isEqualTo(TokenStore.Check.VALID);
        assertThat(store.check(t.value(), "other-app")).isEqualTo(TokenStore.Check.INVALID);
        clock.advance(Duration.ofHours(24));
        assertThat(store.check(t.value(), "app")).isEqualTo(TokenStore.Check.EXPIRED);
    }

    @Test
    void refusedIssuanceDoesNotRestartTheMinute() {
        TokenStore store = new TokenStore(clock, Duration.ofHours(24));
        store.issue("app");
        clock.advance(Duration.ofSeconds(59));
        assertThat(store.issue("app").tooFrequent()).isTrue();
        clock.advance(Duration.ofSeconds(1));
        assertThat(store.issue("app").tooFrequent()).isFalse();
    }

    @Test
    void expireFaultLetsTheClientReissueAtOnceWithANewToken() {
        TokenStore store = new TokenStore(clock, Duration.ofHours(24));
        String first = store.issue("app").token().value();
        store.expireAll();
        assertThat(store.check(first, "app")).isEqualTo(TokenStore.Check.EXPIRED);
        TokenStore.Issue again = store.issue("app");
        assertThat(again.tooFrequent()).isFalse();
        assertThat(again.token().value()).isNotEqualTo(first);
    }

    @Test
    void revokedTokenIsInvalidAndTheNextIssuanceIsNew() {
        TokenStore store = new TokenStore(clock, Duration.ofHours(24));
        String first = store.issue("app").token().value();
        assertThat(store.revoke(first, "app")).isTrue();
        assertThat(store.check(first, "app")).isEqualTo(TokenStore.Check.INVALID);
        clock.advance(Duration.ofMinutes(1));
        assertThat(store.issue("app").token().value()).isNotEqualTo(first);
        assertThat(store.revoke("nonsense", "app")).isFalse();
    }

    @Test
    void approvalKeysAreUuidShapedPerEnvironmentAndLastADay() {
        ApprovalKeys keys = new ApprovalKeys(clock);
        String k = keys.issue(SimEnvironment.PAPER, "app");
        assertThat(k).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(keys.appKeyFor(SimEnvironment.PAPER, k)).contains("app");
        assertThat(keys.appKeyFor(SimEnvironment.REAL, k)).isEmpty();
        clock.advance(Duration.ofHours(24));
        assertThat(keys.appKeyFor(SimEnvironment.PAPER, k)).isEmpty();
    }

    @Test
    void paperTrIdsSwapTheLeadingLetter() {
        assertThat(SimEnvironment.PAPER.paperTrId("TTTC0012U")).isEqualTo("VTTC0012U");
        assertThat(SimEnvironment.PAPER.paperTrId("CTSC9215R")).isEqualTo("VTSC9215R");
        assertThat(SimEnvironment.PAPER.paperTrId("FHKST01010100")).isEqualTo("FHKST01010100");
    }
}
