package io.kisbridge.simulator.auth;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Access tokens of one environment (reference §4.1): one per app key, the same token again within 6 h, at most one
 * issuance request per minute per app key, expiry after the configured lifetime. All on the business clock.
 */
public final class TokenStore {
    static final Duration SAME_TOKEN_WINDOW = Duration.ofHours(6);
    static final Duration ISSUE_INTERVAL = Duration.ofMinutes(1);

    /** A token as issued. */
    public record Token(String value, String appKey, Instant issuedAt, Instant expiresAt) {}

    /** Outcome of checking a presented token. */
    public enum Check { VALID, EXPIRED, INVALID }

    /** Outcome of an issuance request: the token, or null when refused by the 1-per-minute rule. */
    public record Issue(Token token, boolean tooFrequent) {}

    private final Clock clock;
    private final Duration lifetime;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Token> currentByAppKey = new ConcurrentHashMap<>();
    private final Map<String, Token> byValue = new ConcurrentHashMap<>();
    private final Map<String, Instant> lastRequestByAppKey = new ConcurrentHashMap<>();

    public TokenStore(Clock clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
    }

    public Duration lifetime() {
        return lifetime;
    }

    /**
     * Our decision: the 1-per-minute rule applies to every issuance request, including one that would only return
     * the same token (KIS documents the limit as "토큰 재발급 1분당 1회" without that distinction). A refused
     * request does not restart the minute.
     */
    public synchronized Issue issue(String appKey) {
        Instant now = clock.instant();
        Instant last = lastRequestByAppKey.get(appKey);
        if (last != null && now.isBefore(last.plus(ISSUE_INTERVAL))) {
            return new Issue(null, true);
        }
        lastRequestByAppKey.put(appKey, now);
        Token current = currentByAppKey.get(appKey);
        if (current != null && byValue.containsKey(current.value()) && now.isBefore(current.expiresAt())
                && now.isBefore(current.issuedAt().plus(SAME_TOKEN_WINDOW))) {
            return new Issue(current, false);
        }
        Token t = new Token(newJwt(appKey, now), appKey, now, now.plus(lifetime));
        currentByAppKey.put(appKey, t);
        byValue.put(t.value(), t);
        return new Issue(t, false);
    }

    public Check check(String value, String appKey) {
        Token t = byValue.get(value);
        if (t == null || !t.appKey().equals(appKey)) return Check.INVALID;
        return clock.instant().isBefore(t.expiresAt()) ? Check.VALID : Check.EXPIRED;
    }

    public synchronized boolean revoke(String value, String appKey) {
        Token t = byValue.get(value);
        if (t == null || !t.appKey().equals(appKey)) return false;
        byValue.remove(value);
        currentByAppKey.remove(appKey, t);
        return true;
    }

    /**
     * Fault: every token expires now. The 1-minute memory is cleared too, so a client may re-issue at once even with
     * a frozen clock (it stands for "the token ran out hours after it was issued").
     */
    public synchronized void expireAll() {
        Instant now = clock.instant();
        byValue.replaceAll((k, t) -> new Token(t.value(), t.appKey(), t.issuedAt(), now));
        currentByAppKey.replaceAll((k, t) -> byValue.getOrDefault(t.value(), t));
        lastRequestByAppKey.clear();
    }

    /** Fault: every token becomes unknown (EGW00121 on use). */
    public synchronized void invalidateAll() {
        byValue.clear();
        currentByAppKey.clear();
        lastRequestByAppKey.clear();
    }

    private String newJwt(String appKey, Instant now) {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = b64.encodeToString("{\"typ\":\"JWT\",\"alg\":\"HS512\"}".getBytes(StandardCharsets.UTF_8));
        String payload = b64.encodeToString(("{\"sub\":\"token\",\"aud\":\"" + UUID.randomUUID() + "\",\"prdt_cd\":\"\","
                + "\"iss\":\"unogw\",\"exp\":" + now.plus(lifetime).getEpochSecond() + ",\"iat\":" + now.getEpochSecond()
                + ",\"jti\":\"" + appKey + "\"}").getBytes(StandardCharsets.UTF_8));
        byte[] sig = new byte[64];
        random.nextBytes(sig);
        return header + "." + payload + "." + b64.encodeToString(sig);
    }
}
