package io.kisbridge.bridge;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.kisbridge.bridge.internal.addin.AddinMetadata;
import io.kisbridge.bridge.internal.http.BridgeKey;
import io.kisbridge.bridge.internal.orders.OrderDesk;
import io.kisbridge.bridge.internal.orders.OrderRoutes;
import io.kisbridge.bridge.internal.stream.StreamHub;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.bridge.internal.http.Routes;
import io.kisbridge.bridge.internal.http.SecurityFilter;
import io.kisbridge.core.KisClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge: a Javalin app built from injected services (a {@link KisClient}, the options), no static state.
 * {@link #start} binds and returns a running server; {@link #close} stops it. The HTTP contract is documented in
 * excel-bridge/README.md.
 */
public final class BridgeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeServer.class);

    private final BridgeOptions options;
    private final FunctionSet functions;
    private final BridgeKey key;
    private final StreamHub stream;
    private final Javalin app;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private BridgeServer(BridgeOptions options, KisClient client, RealtimeFeed feed) {
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(client, "client");
        this.key = BridgeKey.create(options.stateDir(), new SecureRandom());
        this.functions = FunctionSet.create(client, options.cacheTtl(), options.batchWindow());
        this.stream = new StreamHub(feed);
        this.app = createApp(options, client, functions, key);
    }

    /**
     * Builds and starts the bridge on {@code options.host():options.port()} (port 0 = ephemeral), with a realtime
     * feed on the client's WebSocket URL (connected on the first /v1/stream subscription; REST polling for trade
     * topics over the registration cap).
     */
    public static BridgeServer start(BridgeOptions options, KisClient client) {
        return start(options, client, RealtimeFeed.builder(client, true).build());
    }

    /** As {@link #start(BridgeOptions, KisClient)} with a given feed (the bridge closes it). */
    public static BridgeServer start(BridgeOptions options, KisClient client, RealtimeFeed feed) {
        BridgeServer s = new BridgeServer(options, client, feed);
        try {
            s.app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            s.functions.close();
            s.stream.close();
            throw e;
        }
        LOG.info("bridge listening on {} ({})", s.url(), client.config().environment().id());
        return s;
    }

    private Javalin createApp(BridgeOptions opts, KisClient client, FunctionSet fns, BridgeKey bridgeKey) {
        Routes routes = new Routes(fns, client);
        Javalin[] self = new Javalin[1];
        SecurityFilter security = new SecurityFilter(opts, bridgeKey, () -> self[0].port());
        Javalin j = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
        });
        self[0] = j;
        j.before(security::check);
        j.get("/health", routes::health);
        j.get("/v1/functions", routes::functionList);
        String functionsJson = AddinMetadata.functionsJson(fns).toPrettyString();
        j.get("/addin/functions.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(functionsJson));
        j.get("/v1/fn/{name}", routes::fn);
        j.get("/v1/fn/{name}/<args>", routes::fn);
        j.get("/v1/api/{api}", routes::api);
        j.post("/v1/batch", routes::batch);
        OrderDesk desk = new OrderDesk(client, opts.limits(), opts.tradingArmed(),
                code -> Long.parseLong(fns.invoke("PRICE", code) instanceof FnResult.Scalar s ? s.value() : "0"),
                fns::forgetResults, opts.stateDir());
        OrderRoutes orders = new OrderRoutes(desk, opts.limits());
        j.get("/v1/trading", orders::trading);
        j.post("/v1/trading", orders::arm);
        j.post("/v1/orders", orders::place);
        j.post("/v1/orders/{orderNo}/cancel", orders::cancel);
        j.post("/v1/orders/{orderNo}/modify", orders::modify);
        j.wsBeforeUpgrade("/v1/stream", security::check);
        j.ws("/v1/stream", ws -> {
            ws.onConnect(stream::onConnect);
            ws.onMessage(stream::onMessage);
            ws.onClose(stream::onClose);
        });
        j.exception(BridgeException.class, Routes::mapped);
        j.exception(HttpResponseException.class, (e, ctx) -> ctx.status(e.getStatus())
                .json(java.util.Map.of("error", java.util.Map.of("kind", "refused", "message", e.getMessage(),
                        "status", e.getStatus()))));
        return j;
    }

    public int port() {
        return app.port();
    }

    /** http://127.0.0.1:PORT (the loopback address the bridge is bound to, or the configured host). */
    public String url() {
        String h = options.host().contains(":") && !options.host().startsWith("[") ? "[" + options.host() + "]"
                : options.host();
        return "http://" + h + ":" + port();
    }

    /** What `./kisbridge demo` / `serve` print: the URLs and example formulas (no secrets). */
    public String banner() {
        String u = url();
        return String.join("\n",
                "KIS spreadsheet bridge on " + u + " (trading " + (options.tradingArmed() ? "ARMED" : "disarmed") + ")",
                "  health        " + u + "/health",
                "  functions     " + u + "/v1/functions",
                "  price         " + u + "/v1/fn/PRICE/005930",
                "  quote field   " + u + "/v1/fn/QUOTE/005930/per",
                "  history CSV   " + u + "/v1/fn/HISTORY/005930/20240101/20241231?format=csv",
                "  raw KIS JSON  " + u + "/v1/api/inquire-price?FID_INPUT_ISCD=005930",
                "  stream        " + u.replace("http://", "ws://") + "/v1/stream",
                "  bridge key    " + keyFile() + " (X-Bridge-Key for orders and scripts)",
                "Formulas (LibreOffice / Excel):",
                "  =WEBSERVICE(\"" + u + "/v1/fn/PRICE/005930\")",
                "  =VALUE(WEBSERVICE(\"" + u + "/v1/fn/QUOTE/005930/change_pct\"))",
                "  =FILTERXML(WEBSERVICE(\"" + u + "/v1/fn/HISTORY/005930/20240101/20240131?format=xml\"),\"//close\")",
                "");
    }

    public Path keyFile() {
        return key.file();
    }

    public FunctionSet functions() {
        return functions;
    }

    public BridgeOptions options() {
        return options;
    }

    /** Stops the server; a second call does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        app.stop();
        stream.close();
        functions.close();
    }
}
