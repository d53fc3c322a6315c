package io.kisbridge.core;

import io.kisbridge.core.internal.Mask;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Immutable, validated client configuration. {@link #toString()} masks the app key, secret and account.
 * Build it with {@link #builder()} or load it from flags, environment and the state directory with
 * {@link #load(Map, Map)}.
 */
public final class KisConfig {
    /** Keys of the flags map given to {@link #load}: the CLI's long option names without dashes. */
    public static final String FLAG_ENV = "env";
    public static final String FLAG_REST_URL = "rest-url";
    public static final String FLAG_WS_URL = "ws-url";
    public static final String FLAG_STATE_DIR = "state-dir";
    public static final String FLAG_APP_KEY = "app-key";
    public static final String FLAG_APP_SECRET = "app-secret";
    public static final String FLAG_ACCOUNT = "account";
    public static final String FLAG_HTS_ID = "hts-id";
    public static final String FLAG_RATE_LIMIT = "rate-limit";

    private final KisEnvironment environment;
    private final String appKey;
    private final String appSecret;
    private final AccountNumber account;
    private final String htsId;
    private final String restUrl;
    private final String wsUrl;
    private final Path stateDir;
    private final int requestsPerSecond;
    private final Clock clock;

    private KisConfig(Builder b) {
        this.environment = b.environment;
        this.appKey = b.appKey;
        this.appSecret = b.appSecret;
        this.account = b.account;
        this.htsId = b.htsId;
        this.restUrl = stripSlash(b.restUrl != null ? b.restUrl : b.environment.defaultRestUrl());
        this.wsUrl = stripSlash(b.wsUrl != null ? b.wsUrl : b.environment.defaultWsUrl());
        this.stateDir = b.stateDir != null ? b.stateDir : defaultStateDir();
        this.requestsPerSecond = b.requestsPerSecond > 0 ? b.requestsPerSecond : b.environment.defaultRequestsPerSecond();
        this.clock = b.clock != null ? b.clock : Clock.systemUTC();
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Loads flags (highest), then environment variables (KIS_APP_KEY, KIS_APP_SECRET, KIS_ACCOUNT, KIS_HTS_ID,
     * KIS_ENV, KIS_REST_URL, KIS_WS_URL, KIS_RATE_LIMIT), then {@code <state-dir>/config.properties} (same keys as
     * the environment variables). The state dir comes from the {@code state-dir} flag or defaults to ~/.kisbridge.
     *
     * @throws KisConfigException naming the variable to fix
     */
    public static KisConfig load(Map<String, String> flags, Map<String, String> env) {
        return ConfigLoader.load(flags, env, defaultStateDir());
    }

    /** As {@link #load(Map, Map)} with an explicit default state directory (tests). */
    public static KisConfig load(Map<String, String> flags, Map<String, String> env, Path defaultStateDir) {
        return ConfigLoader.load(flags, env, defaultStateDir);
    }

    public static Path defaultStateDir() {
        return Path.of(System.getProperty("user.home"), ".kisbridge");
    }

    public KisEnvironment environment() {
        return environment;
    }

    /** The 36-character app key. Secret: never log it. */
    public String appKey() {
        return appKey;
    }

    /** The 180-character app secret. Secret: never log it. */
    public String appSecret() {
        return appSecret;
    }

    public Optional<AccountNumber> account() {
        return Optional.ofNullable(account);
    }

    /** The account, or a configuration error naming KIS_ACCOUNT and the API that needs it. */
    public AccountNumber requireAccount(String forWhat) {
        if (account == null) {
            throw new KisConfigException("KIS_ACCOUNT", "KIS_ACCOUNT is not set but '" + forWhat
                    + "' needs an account: set KIS_ACCOUNT to the 10-digit account number (or 12345678-01 form)");
        }
        return account;
    }

    public Optional<String> htsId() {
        return Optional.ofNullable(htsId);
    }

    public String requireHtsId(String forWhat) {
        if (htsId == null) {
            throw new KisConfigException("KIS_HTS_ID", "KIS_HTS_ID is not set but '" + forWhat
                    + "' needs the HTS user id: set KIS_HTS_ID");
        }
        return htsId;
    }

    public String restUrl() {
        return restUrl;
    }

    public String wsUrl() {
        return wsUrl;
    }

    public Path stateDir() {
        return stateDir;
    }

    public int requestsPerSecond() {
        return requestsPerSecond;
    }

    public Clock clock() {
        return clock;
    }

    public Builder toBuilder() {
        return new Builder().environment(environment).appKey(appKey).appSecret(appSecret).account(account)
                .htsId(htsId).restUrl(restUrl).wsUrl(wsUrl).stateDir(stateDir).requestsPerSecond(requestsPerSecond)
                .clock(clock);
    }

    @Override
    public String toString() {
        return "KisConfig{environment=" + environment.id()
                + ", appKey=" + Mask.secret(appKey)
                + ", appSecret=" + Mask.secret(appSecret)
                + ", account=" + (account == null ? "<unset>" : account)
                + ", htsId=" + (htsId == null ? "<unset>" : "****")
                + ", restUrl=" + restUrl
                + ", wsUrl=" + wsUrl
                + ", stateDir=" + stateDir
                + ", requestsPerSecond=" + requestsPerSecond + "}";
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Collects values and validates them all in {@link #build()}. */
    public static final class Builder {
        private KisEnvironment environment = KisEnvironment.REAL;
        private String appKey;
        private String appSecret;
        private AccountNumber account;
        private String htsId;
        private String restUrl;
        private String wsUrl;
        private Path stateDir;
        private int requestsPerSecond;
        private Clock clock;

        private Builder() {
        }

        public Builder environment(KisEnvironment environment) {
            this.environment = Objects.requireNonNull(environment, "environment");
            return this;
        }

        public Builder appKey(String appKey) {
            this.appKey = appKey;
            return this;
        }

        public Builder appSecret(String appSecret) {
            this.appSecret = appSecret;
            return this;
        }

        public Builder account(AccountNumber account) {
            this.account = account;
            return this;
        }

        public Builder account(String account) {
            this.account = account == null || account.isBlank() ? null : AccountNumber.parse(account);
            return this;
        }

        public Builder htsId(String htsId) {
            this.htsId = htsId == null || htsId.isBlank() ? null : htsId.strip();
            return this;
        }

        public Builder restUrl(String restUrl) {
            this.restUrl = restUrl;
            return this;
        }

        public Builder wsUrl(String wsUrl) {
            this.wsUrl = wsUrl;
            return this;
        }

        public Builder stateDir(Path stateDir) {
            this.stateDir = stateDir;
            return this;
        }

        /** 0 means the environment's default (20 real, 2 paper). */
        public Builder requestsPerSecond(int requestsPerSecond) {
            this.requestsPerSecond = requestsPerSecond;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public KisConfig build() {
            appKey = validateCredential("KIS_APP_KEY", "app key", appKey, 36);
            appSecret = validateCredential("KIS_APP_SECRET", "app secret", appSecret, 180);
            if (restUrl != null) {
                validateUrl("KIS_REST_URL", "--rest-url", restUrl, "http", "https");
            }
            if (wsUrl != null) {
                validateUrl("KIS_WS_URL", "--ws-url", wsUrl, "ws", "wss");
            }
            if (requestsPerSecond < 0) {
                throw new KisConfigException("KIS_RATE_LIMIT", "KIS_RATE_LIMIT must be a positive number of calls per second");
            }
            return new KisConfig(this);
        }

        private static String validateCredential(String variable, String what, String value, int expectedLength) {
            if (value == null || value.isBlank()) {
                throw new KisConfigException(variable, variable + " is not set: set it to your KIS " + what
                        + " (" + expectedLength + " characters, from the KIS developer portal)");
            }
            String v = value.strip();
            if (v.length() != expectedLength || v.chars().anyMatch(Character::isWhitespace)) {
                throw new KisConfigException(variable, variable + " must be the " + expectedLength + "-character "
                        + what + " without spaces; the value given has " + v.length() + " characters");
            }
            return v;
        }

        private static void validateUrl(String variable, String flag, String url, String... schemes) {
            try {
                URI uri = URI.create(url);
                String scheme = uri.getScheme();
                boolean ok = scheme != null && uri.getHost() != null
                        && java.util.Arrays.stream(schemes).anyMatch(scheme::equalsIgnoreCase);
                if (ok) {
                    return;
                }
            } catch (IllegalArgumentException e) {
                // fall through to the message below
            }
            throw new KisConfigException(variable, variable + " / " + flag + " must be a URL like "
                    + schemes[0] + "://host:port; got '" + url + "'");
        }
    }
}
