package io.kisbridge.core.auth;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.core.KisApiException;
import io.kisbridge.core.KisAuthException;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisTransportException;
import io.kisbridge.core.internal.Json;
import io.kisbridge.core.internal.Mask;
import io.kisbridge.core.internal.Sleeper;
import io.kisbridge.core.rest.Gateway;
import io.kisbridge.core.rest.ResponseMapper;
import io.kisbridge.core.rest.TokenSource;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Access tokens: issued once, cached in the state directory, reused until 23 h old, never requested twice within
 * 60 s (KIS answers EGW00133), and issued by one thread while the others wait.
 *
 * <p>Clients in one JVM that share a state dir and app key share a lock and the last-issuance time (keyed by the
 * cache file), so two clients starting together make one request; other processes are covered by the cache file's
 * issued-at. Waits for the minute rule go through the injected {@link Sleeper} and are measured on the config's
 * clock, so tests advance a manual clock instead of waiting a minute.
 */
public final class TokenManager implements TokenSource {
    private static final Logger LOG = LoggerFactory.getLogger(TokenManager.class);
    static final Duration MIN_INTERVAL = Duration.ofSeconds(60);
    /** Added to the minute: KIS times a request when it arrives, a little after we noted sending it. */
    static final Duration CLOCK_SLACK = Duration.ofSeconds(1);
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();
    private static final Map<Path, Instant> LAST_ISSUANCE = new ConcurrentHashMap<>();

    private final KisConfig config;
    private final Gateway gateway;
    private final Sleeper sleeper;
    private final TokenFileCache cache;
    private final ReentrantLock lock;
    private volatile CachedToken current;
    /** Until then the current token is used past its renewal point: KIS would not issue another one yet. */
    private volatile Instant renewalDeferredUntil = Instant.MIN;
    /** While a call waits out the minute rule: when KIS will accept the token request (else null). */
    private volatile Instant issuanceWaitUntil;

    public TokenManager(KisConfig config, Gateway gateway, Sleeper sleeper) {
        this.config = config;
        this.gateway = gateway;
        this.sleeper = sleeper;
        Path file = TokenFileCache.fileFor(config.stateDir(), config.environment().id(), Mask.keyId(config.appKey()))
                .toAbsolutePath().normalize();
        this.cache = new TokenFileCache(file);
        this.lock = LOCKS.computeIfAbsent(file, f -> new ReentrantLock());
    }

    public Path cacheFile() {
        return cache.file();
    }

    /**
     * While a call is waiting for KIS's one-token-a-minute rule before asking for a token: how long until it may ask
     * (measured on the config's clock). Empty when no call waits for a token.
     */
    public Optional<Duration> issuanceWait() {
        Instant until = issuanceWaitUntil;
        if (until == null) {
            return Optional.empty();
        }
        Duration left = Duration.between(now(), until);
        return Optional.of(left.isNegative() ? Duration.ZERO : left);
    }

    @Override
    public String token() {
        CachedToken t = current;
        if (t != null && (t.usableAt(now()) || renewalDeferred(t))) {
            return t.accessToken();
        }
        lock.lock();
        try {
            t = current;
            if (t != null && (t.usableAt(now()) || renewalDeferred(t))) {
                return t.accessToken();
            }
            Optional<CachedToken> fromFile = cache.read();
            if (fromFile.isPresent() && fromFile.get().usableAt(now())) {
                current = fromFile.get();
                LOG.debug("Reusing the cached access token issued at {}", current.issuedAt());
                return current.accessToken();
            }
            if (t != null && now().isBefore(t.expiresAt()) && !minuteRuleWait().isZero()) {
                // Renewal is due but a token was requested less than a minute ago. KIS would refuse (EGW00133), or
                // hand back this same token when it re-issued it (it does so within 6 h), so waiting out the
                // minute would stall every call for nothing: the token still works until it expires.
                renewalDeferredUntil = now().plus(minuteRuleWait());
                return t.accessToken();
            }
            if (t != null && now().isBefore(t.expiresAt())) {
                return renewAheadOfExpiry(t).accessToken();
            }
            return issueAndStore().accessToken();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public String renewAfterRejection(String rejected) {
        lock.lock();
        try {
            CachedToken t = current;
            if (t != null && !t.accessToken().equals(rejected) && t.usableAt(now())) {
                return t.accessToken(); // another thread already renewed it
            }
            Optional<CachedToken> fromFile = cache.read();
            if (fromFile.isPresent() && !fromFile.get().accessToken().equals(rejected) && fromFile.get().usableAt(now())) {
                current = fromFile.get(); // another client renewed it
                return current.accessToken();
            }
            LOG.info("KIS rejected the access token (expired or invalid); issuing a new one");
            current = null;
            return issueAndStore().accessToken();
        } finally {
            lock.unlock();
        }
    }

    /** POST /oauth2/revokeP for the current token (if any) and forget it here and on disk. */
    public void revoke() {
        lock.lock();
        try {
            CachedToken t = current != null ? current : cache.read().orElse(null);
            if (t != null) {
                ObjectNode body = Json.object();
                body.put("appkey", config.appKey());
                body.put("appsecret", config.appSecret());
                body.put("token", t.accessToken());
                try {
                    JsonNode answer = exchangeAuth("/oauth2/revokeP", body, "revokeP");
                    JsonNode code = answer.get("code");
                    if (code != null && code.asInt() != 200) {
                        throw new KisAuthException(code.asText(), "KIS refused to revoke the access token: "
                                + Json.text(answer, "message"));
                    }
                    LOG.info("Access token revoked");
                } catch (KisApiException e) {
                    if (!ResponseMapper.isTokenRejected(e)) {
                        throw new KisAuthException(e.msgCd(), "KIS refused to revoke the access token: " + e.msgCd()
                                + " " + e.msg1(), e);
                    }
                    LOG.info("The access token was already expired or unknown to KIS; forgetting it");
                }
            }
            current = null;
            cache.delete();
        } finally {
            lock.unlock();
        }
    }

    private boolean renewalDeferred(CachedToken t) {
        Instant now = now();
        return now.isBefore(renewalDeferredUntil) && now.isBefore(t.expiresAt());
    }

    /**
     * A renewal while the current token still works: if KIS answers EGW00133 (another process asked within the minute,
     * or its clock is a little behind ours) the current token is kept, and no call waits out the minute for it.
     */
    private CachedToken renewAheadOfExpiry(CachedToken stillValid) {
        try {
            return store(issue());
        } catch (KisApiException e) {
            if (!ResponseMapper.TOKEN_TOO_FREQUENT.equals(e.msgCd())) {
                throw refused(e);
            }
            LOG.info("KIS answered EGW00133 to an early renewal; keeping the current token until it expires");
            LAST_ISSUANCE.put(cache.file(), now());
            renewalDeferredUntil = now().plus(MIN_INTERVAL);
            return stillValid;
        }
    }

    private static KisAuthException refused(KisApiException e) {
        return new KisAuthException(e.msgCd(), "KIS refused to issue an access token: " + e.msgCd() + " " + e.msg1()
                + " (check KIS_APP_KEY / KIS_APP_SECRET and KIS_ENV)", e);
    }

    private CachedToken store(CachedToken t) {
        current = t;
        renewalDeferredUntil = Instant.MIN;
        cache.write(t);
        return t;
    }

    private CachedToken issueAndStore() {
        return store(issueRespectingMinuteRule());
    }

    private CachedToken issueRespectingMinuteRule() {
        waitForMinuteRule();
        try {
            return issue();
        } catch (KisApiException e) {
            if (!ResponseMapper.TOKEN_TOO_FREQUENT.equals(e.msgCd())) {
                throw refused(e);
            }
            // Someone else (another process) issued within the last minute: wait it out once.
            LOG.warn("KIS answered EGW00133 (one token per minute); waiting {} s before asking again",
                    MIN_INTERVAL.toSeconds());
            LAST_ISSUANCE.put(cache.file(), now());
            waitForMinuteRule();
            try {
                return issue();
            } catch (KisApiException again) {
                throw new KisAuthException(again.msgCd(), "KIS refused to issue an access token twice: "
                        + again.msgCd() + " " + again.msg1(), again);
            }
        }
    }

    /** How long until KIS accepts another token request (zero: now). */
    private Duration minuteRuleWait() {
        Instant last = LAST_ISSUANCE.get(cache.file());
        Optional<CachedToken> onDisk = cache.read();
        if (onDisk.isPresent() && (last == null || onDisk.get().issuedAt().isAfter(last))) {
            last = onDisk.get().issuedAt();
        }
        if (last == null) {
            return Duration.ZERO;
        }
        Duration wait = Duration.between(now(), last.plus(MIN_INTERVAL).plus(CLOCK_SLACK));
        return wait.isNegative() ? Duration.ZERO : wait;
    }

    private void waitForMinuteRule() {
        Duration wait = minuteRuleWait();
        if (wait.isZero()) {
            return;
        }
        LOG.info("Waiting {} ms before requesting a token (KIS allows one per minute)", wait.toMillis());
        issuanceWaitUntil = now().plus(wait);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KisTransportException("interrupted while waiting for the one-token-per-minute rule", e);
        } finally {
            issuanceWaitUntil = null;
        }
    }

    private CachedToken issue() {
        Instant issuedAt = now();
        LAST_ISSUANCE.put(cache.file(), issuedAt);
        ObjectNode body = Json.object();
        body.put("grant_type", "client_credentials");
        body.put("appkey", config.appKey());
        body.put("appsecret", config.appSecret());
        JsonNode answer = exchangeAuth("/oauth2/tokenP", body, "tokenP");
        String token = Json.text(answer, "access_token");
        if (token.isBlank()) {
            throw new KisAuthException("", "KIS answered the token request without an access_token");
        }
        long expiresIn = answer.path("expires_in").asLong(86_400);
        CachedToken t = new CachedToken(token, issuedAt, issuedAt.plusSeconds(expiresIn));
        LOG.info("Issued a new access token ({}), valid until {}", Mask.secret(token), t.expiresAt());
        return t;
    }

    private JsonNode exchangeAuth(String path, ObjectNode body, String label) {
        return gateway.exchange("POST", path, Map.of("content-type", "application/json; charset=utf-8"),
                Json.write(body), label).body();
    }

    private Instant now() {
        return config.clock().instant();
    }
}
