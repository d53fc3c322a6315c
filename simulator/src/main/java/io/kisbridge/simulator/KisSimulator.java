package io.kisbridge.simulator;

import io.kisbridge.simulator.account.Account;
import io.kisbridge.simulator.account.NoticeBus;
import io.kisbridge.simulator.auth.ApprovalKeys;
import io.kisbridge.simulator.auth.TokenStore;
import io.kisbridge.simulator.internal.RateLimiter;
import io.kisbridge.simulator.internal.SimulatorContext;
import io.kisbridge.simulator.market.MarketEngine;
import io.kisbridge.simulator.rest.FaultApi;
import io.kisbridge.simulator.rest.RestServer;
import io.kisbridge.simulator.rest.Routes;
import io.kisbridge.simulator.ws.WebSocketGateway;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.LongSupplier;

/**
 * An offline fake of KIS's REST and WebSocket servers, real and paper side by side, in-process or standalone.
 *
 * <pre>{@code
 * try (KisSimulator sim = KisSimulator.builder().seed(42).autoTicks(false).start()) {
 *     String url = sim.restUrl(SimEnvironment.REAL);
 *     DemoCredentials creds = sim.credentials(SimEnvironment.REAL);
 * }
 * }</pre>
 */
public final class KisSimulator implements AutoCloseable {
    private static final Map<SimEnvironment, DemoCredentials> CREDENTIALS = Map.of(
            SimEnvironment.REAL, new DemoCredentials(pad("PSsimREALdemoAppKey", 36), pad("simREALdemoAppSecret", 180),
                    "50012345-01", "kisdemo"),
            SimEnvironment.PAPER, new DemoCredentials(pad("PSsimPAPERdemoAppKey", 36), pad("simPAPERdemoAppSecret", 180),
                    "50098765-01", "kisdemo"));

    private final Builder config;
    private final Counters counters;
    private final Faults faults;
    private final MarketEngine engine;
    private final SimulatedMarket market;
    private final NoticeBus notices = new NoticeBus();
    private final ApprovalKeys approvalKeys;
    private final Map<SimEnvironment, TokenStore> tokens = new EnumMap<>(SimEnvironment.class);
    private final Map<SimEnvironment, Account> accounts = new EnumMap<>(SimEnvironment.class);
    private final Map<SimEnvironment, RestServer> rest = new EnumMap<>(SimEnvironment.class);
    private final Map<SimEnvironment, WebSocketGateway> ws = new EnumMap<>(SimEnvironment.class);
    private final SimulatorContext context;
    private ScheduledExecutorService ticker;

    private KisSimulator(Builder b) {
        this.config = b;
        this.counters = new Counters(b.ticker);
        this.faults = new Faults(new Faults.Targets() {
            @Override
            public void expireTokens() {
                tokens.values().forEach(TokenStore::expireAll);
            }

            @Override
            public void invalidateTokens() {
                tokens.values().forEach(TokenStore::invalidateAll);
            }

            @Override
            public void dropWebSocketSessions() {
                ws.values().forEach(WebSocketGateway::dropAllSessions);
            }

            @Override
            public void sendRawFrame(SimEnvironment env, String frame) {
                WebSocketGateway g = ws.get(env);
                if (g != null) g.broadcastRaw(frame);
            }

            @Override
            public void answerWebSocketPings(boolean answer) {
                ws.values().forEach(g -> g.answerPings(answer));
            }
        });
        this.engine = new MarketEngine(b.seed, b.clock, b.marketAlwaysOpen, new ReentrantLock(),
                io.kisbridge.simulator.market.Universe.withExtraCodes(b.seed, b.extraCodes));
        this.market = new SimulatedMarket(engine);
        this.approvalKeys = new ApprovalKeys(b.clock);
        for (SimEnvironment env : SimEnvironment.values()) {
            tokens.put(env, new TokenStore(b.clock, b.tokenLifetime));
            accounts.put(env, new Account(env, CREDENTIALS.get(env), engine, notices));
        }
        engine.setCrossObserver((code, price) -> accounts.values().forEach(a -> a.onMarketTrade(code, price)));
        engine.addFlushHook(notices::flush);
        engine.addFlushBacklog(notices::hasPending);
        this.context = new SimulatorContext(b.clock, engine, notices, approvalKeys, counters, b.pingInterval,
                b.maxRegistrations, b.host, Map.copyOf(b.wsPorts), CREDENTIALS, b.tradeBatchWindow);
    }

    public static Builder builder() {
        return new Builder();
    }

    private KisSimulator startServers() {
        RateLimiter limiter = new RateLimiter(config.ticker);
        Routes routes = new Routes();
        try {
            for (SimEnvironment env : SimEnvironment.values()) {
                RestServer server = new RestServer(env, CREDENTIALS.get(env), config.clock, tokens.get(env), approvalKeys,
                        limiter, config.rates.get(env), counters, faults, engine, accounts.get(env), routes,
                        new FaultApi(env, faults, counters));
                rest.put(env, server);
                server.start(config.host, config.restPorts.getOrDefault(env, 0));
                WebSocketGateway gateway = new WebSocketGateway(env, context);
                ws.put(env, gateway);
                gateway.start();
            }
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        if (config.autoTicks) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "kis-sim-market");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(() -> {
                try {
                    engine.tickSome(5);
                } catch (RuntimeException e) {
                    org.slf4j.LoggerFactory.getLogger(KisSimulator.class).warn("auto tick failed", e);
                }
            }, 500, 500, TimeUnit.MILLISECONDS);
        }
        return this;
    }

    /** "http://127.0.0.1:PORT" */
    public String restUrl(SimEnvironment env) {
        return "http://" + config.host + ":" + rest.get(env).port();
    }

    /** "ws://127.0.0.1:PORT" */
    public String wsUrl(SimEnvironment env) {
        return "ws://" + config.host + ":" + ws.get(env).port();
    }

    /** Fixed demo app key/secret/account per environment (different for real and paper). */
    public DemoCredentials credentials(SimEnvironment env) {
        return CREDENTIALS.get(env);
    }

    public SimulatedMarket market() {
        return market;
    }

    public Faults faults() {
        return faults;
    }

    public Counters counters() {
        return counters;
    }

    /** For the simulator's own packages and the WebSocket gateway. */
    public SimulatorContext context() {
        return context;
    }

    /** Startup banner: URLs of both environments, demo credentials (fake values) and the fault API. */
    public String banner() {
        StringBuilder b = new StringBuilder();
        b.append("KIS simulator (offline; seed ").append(config.seed).append(", market ")
                .append(config.marketAlwaysOpen ? "always open" : "09:00-15:30 KST").append(")\n");
        for (SimEnvironment env : SimEnvironment.values()) {
            DemoCredentials c = credentials(env);
            b.append("  ").append(env == SimEnvironment.REAL ? "real " : "paper").append("  REST ").append(restUrl(env))
                    .append("   WebSocket ").append(wsUrl(env)).append('\n')
                    .append("         app key    ").append(c.appKey()).append('\n')
                    .append("         app secret ").append(c.appSecret()).append('\n')
                    .append("         account    ").append(c.accountNumber()).append("   HTS id ").append(c.htsId()).append('\n')
                    .append("         faults     ").append(restUrl(env)).append("/__sim/faults/...   counters ")
                    .append(restUrl(env)).append("/__sim/counters\n");
        }
        return b.toString();
    }

    @Override
    public void close() {
        if (ticker != null) ticker.shutdownNow();
        ws.values().forEach(g -> {
            try {
                g.close();
            } catch (RuntimeException ignored) {
                // closing anyway
            }
        });
        rest.values().forEach(RestServer::close);
    }

    private static String pad(String prefix, int length) {
        StringBuilder b = new StringBuilder(prefix);
        String fill = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
        int i = 0;
        while (b.length() < length) b.append(fill.charAt(i++ % fill.length()));
        return b.toString();
    }

    /** Configuration; every option has a default. */
    public static final class Builder {
        private long seed = 20240101L;
        private Clock clock = Clock.systemUTC();
        private boolean marketAlwaysOpen = true;
        private String host = "127.0.0.1";
        private final Map<SimEnvironment, Integer> restPorts = new EnumMap<>(SimEnvironment.class);
        private final Map<SimEnvironment, Integer> wsPorts = new EnumMap<>(SimEnvironment.class);
        private final Map<SimEnvironment, Integer> rates = new EnumMap<>(Map.of(SimEnvironment.REAL, 20, SimEnvironment.PAPER, 2));
        private Duration tokenLifetime = Duration.ofHours(24);
        private Duration pingInterval = Duration.ofSeconds(100);
        private int maxRegistrations = 41;
        private boolean autoTicks = true;
        private LongSupplier ticker = System::nanoTime;
        private int extraCodes;
        private Duration tradeBatchWindow = SimulatorContext.DEFAULT_TRADE_BATCH_WINDOW;

        private Builder() {}

        /**
         * H0STCNT0 records reaching one session within this window go out as one batched frame, as KIS does (default
         * 20 ms). {@link Duration#ZERO} sends every trade at once in a frame of its own, on the thread that moved the
         * market: latency benchmarks use it so that the simulator's batching is not counted as the bridge's delay.
         */
        public Builder tradeBatchWindow(Duration window) {
            if (window.isNegative()) {
                throw new IllegalArgumentException("tradeBatchWindow must not be negative; got " + window);
            }
            this.tradeBatchWindow = window;
            return this;
        }

        /**
         * Adds {@code n} synthetic listed names (codes 900000–999999, seeded names and price levels) after the 57 real
         * ones, for tests that need many codes (e.g. 500). Every route accepts them; default 0 (the real names only).
         */
        public Builder extraCodes(int n) {
            if (n < 0 || n > io.kisbridge.simulator.market.Universe.MAX_EXTRA_CODES) {
                throw new IllegalArgumentException("extraCodes must be 0.."
                        + io.kisbridge.simulator.market.Universe.MAX_EXTRA_CODES + "; got " + n);
            }
            this.extraCodes = n;
            return this;
        }

        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Business time: session, token expiry, the 1-minute token rule, the 6-hour same-token rule. */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder marketAlwaysOpen(boolean open) {
            this.marketAlwaysOpen = open;
            return this;
        }

        public Builder host(String host) {
            this.host = Objects.requireNonNull(host);
            return this;
        }

        public Builder restPort(SimEnvironment env, int port) {
            restPorts.put(env, port);
            return this;
        }

        public Builder wsPort(SimEnvironment env, int port) {
            wsPorts.put(env, port);
            return this;
        }

        public Builder rateLimitPerSecond(SimEnvironment env, int perSecond) {
            rates.put(env, perSecond);
            return this;
        }

        public Builder tokenLifetime(Duration lifetime) {
            this.tokenLifetime = Objects.requireNonNull(lifetime);
            return this;
        }

        public Builder pingInterval(Duration interval) {
            this.pingInterval = Objects.requireNonNull(interval);
            return this;
        }

        public Builder maxRegistrations(int max) {
            this.maxRegistrations = max;
            return this;
        }

        /** The market moves by itself on a timer (default true); tests usually turn it off and call tick(). */
        public Builder autoTicks(boolean on) {
            this.autoTicks = on;
            return this;
        }

        /** Monotonic nanosecond ticker of the rate-limit window (default System::nanoTime). */
        public Builder ticker(LongSupplier nanoTicker) {
            this.ticker = Objects.requireNonNull(nanoTicker);
            return this;
        }

        public KisSimulator start() {
            return new KisSimulator(this).startServers();
        }
    }
}
