package io.kisbridge.simulator.auth;

import io.kisbridge.simulator.SimEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** WebSocket approval keys issued by POST /oauth2/Approval (reference §4.3): UUID-shaped, valid 24 h. */
public final class ApprovalKeys {
    static final Duration LIFETIME = Duration.ofHours(24);

    private record Issued(SimEnvironment env, String appKey, Instant expiresAt) {}

    private final Clock clock;
    private final Map<String, Issued> keys = new ConcurrentHashMap<>();

    public ApprovalKeys(Clock clock) {
        this.clock = clock;
    }

    public String issue(SimEnvironment env, String appKey) {
        String key = UUID.randomUUID().toString();
        keys.put(key, new Issued(env, appKey, clock.instant().plus(LIFETIME)));
        return key;
    }

    /** The app key a valid, unexpired approval key of this environment was issued to. */
    public Optional<String> appKeyFor(SimEnvironment env, String approvalKey) {
        if (approvalKey == null) return Optional.empty();
        Issued i = keys.get(approvalKey);
        if (i == null || i.env() != env || !clock.instant().isBefore(i.expiresAt())) return Optional.empty();
        return Optional.of(i.appKey());
    }
}
