package io.kisbridge.core.auth;

import java.time.Duration;
import java.time.Instant;

/** An access token with when we obtained it and when KIS says it expires. toString() hides the token. */
public record CachedToken(String accessToken, Instant issuedAt, Instant expiresAt) {
    /** The bridge reuses a token for 23 h (KIS gives 24 h) so a long session never runs into the expiry. */
    public static final Duration REUSE_FOR = Duration.ofHours(23);
    private static final Duration EXPIRY_MARGIN = Duration.ofMinutes(1);

    public boolean usableAt(Instant now) {
        return now.isBefore(issuedAt.plus(REUSE_FOR)) && now.isBefore(expiresAt.minus(EXPIRY_MARGIN))
                && !now.isBefore(issuedAt.minus(Duration.ofMinutes(5)));
    }

    @Override
    public String toString() {
        return "CachedToken{accessToken=****, issuedAt=" + issuedAt + ", expiresAt=" + expiresAt + "}";
    }
}
