package io.kisbridge.bridge;

import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.kisbridge.bridge.internal.addin.AddinMetadata;
import io.kisbridge.bridge.internal.addin.WebAssets;
import io.kisbridge.bridge.internal.http.BridgeKey;
import io.kisbridge.bridge.internal.orders.OrderDesk;
import io.kisbridge.bridge.internal.orders.OrderRoutes;
import io.kisbridge.bridge.internal.status.StatusReport;
import io.kisbridge.bridge.internal.stream.StreamHub;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.bridge.internal.http.RequestLimits;
import io.kisbridge.bridge.internal.http.Routes;
import io.kisbridge.bridge.internal.http.ScriptRoutes;
import io.kisbridge.bridge.internal.http.SecurityFilter;
import io.kisbridge.bridge.internal.fn.ArgBinder;
import io.kisbridge.core.OrderSide;
import io.kisbridge.core.KisClient;
import jakarta.servlet.DispatcherType;
import java.nio.file.Path;
import java.util.EnumSet;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Objects;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.servlet.FilterHolder;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bridge: a Javalin app built from injected services (a {@link KisClient}, the options), no static state.
 * {@link #start} binds and returns a running server; {@link #close} stops it. The HTTP contract is documented in
 * excel-bridge/README.md.
 */
public final class BridgeServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(BridgeServer.class);
    /** WebSocket output buffer: 64 KB holds a drain of all 41 trade topics (about 1 KB each) in one batch. */
    private static final int STREAM_OUTPUT_BUFFER = 64 * 1024;

    private final BridgeOptions options;
    private final FunctionSet functions;
    private final BridgeKey key;
    private final StreamHub stream;
    private final ScriptBoard board = new ScriptBoard();
    private final OrderDesk desk;
    private final ScriptHost scripts;
    private final StatusReport status;
    private final LocalCertificates certificates;
    private final ServerConnector[] httpsConnector = new ServerConnector[1];
    private final Javalin app;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private BridgeServer(BridgeOptions options, KisClient client, RealtimeFeed feed, ScriptHost.Factory scriptHost) {
        this.options = Objects.requireNonNull(options, "options");
        Objects.requireNonNull(client, "client");
        this.key = BridgeKey.create(options.stateDir(), new SecureRandom());
        this.functions = FunctionSet.create(client, options.cacheTtl(), options.batchWindow(), board);
        this.stream = new StreamHub(feed, board);
        this.certificates = options.httpsEnabled()
                ? LocalCertificates.ensure(options.certificateDirOrState(), Clock.systemUTC()) : null;
        FunctionSet fns = functions;
        this.desk = new OrderDesk(client, options.limits(), options.tradingArmed(),
                code -> Long.parseLong(fns.invoke("PRICE", code) instanceof FnResult.Scalar s ? s.value() : "0"),
                fns::forgetResults, options.stateDir());
        try {
            this.scripts = scriptHost == null ? null
                    : scriptHost.create(new ScriptServices(client, stream::startedFeed, board, orderGate()));
        } catch (RuntimeException e) {
            functions.close();
            stream.close();
            throw e;
        }
        this.status = new StatusReport(client, feed, functions, stream::counters, scripts, desk::armed,
                java.util.List.of(bridgeKeyText(key)));
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
        return start(options, client, feed, null);
    }

    /**
     * As {@link #start(BridgeOptions, KisClient)} with scripts: {@code scriptHost} builds the host behind
     * {@code /v1/scripts} from the bridge's services (the scripting module's {@code BridgeScriptHost.factory(..)}).
     */
    public static BridgeServer start(BridgeOptions options, KisClient client, ScriptHost.Factory scriptHost) {
        return start(options, client, RealtimeFeed.builder(client, true).build(), scriptHost);
    }

    /** The general form: a given feed (the bridge closes it) and an optional script host factory (null = none). */
    public static BridgeServer start(BridgeOptions options, KisClient client, RealtimeFeed feed,
                                     ScriptHost.Factory scriptHost) {
        BridgeServer s = new BridgeServer(options, client, feed, scriptHost);
        try {
            s.app.start(options.host(), options.port());
        } catch (RuntimeException e) {
            if (s.scripts != null) {
                s.scripts.close();
            }
            s.functions.close();
            s.stream.close();
            s.status.close();
            throw e;
        }
        LOG.info("bridge listening on {}{} ({})", s.url(), s.certificates == null ? "" : " and " + s.httpsUrl(),
                client.config().environment().id());
        return s;
    }

    private Javalin createApp(BridgeOptions opts, KisClient client, FunctionSet fns, BridgeKey bridgeKey) {
        Routes routes = new Routes(fns, client, opts.fnDeadline(), opts.batchDeadline());
        SecurityFilter security = new SecurityFilter(opts, bridgeKey, this::port, this::httpsPort);
        Javalin j = Javalin.create(cfg -> {
            cfg.showJavalinBanner = false;
            cfg.startupWatcherEnabled = false;
            // bodies over the limit are refused before anything reads them, chunked ones too (RequestLimits)
            cfg.http.maxRequestSize = RequestLimits.MAX_BODY;
            cfg.jetty.modifyServletContextHandler(h -> h.addFilter(new FilterHolder(new RequestLimits()), "/*",
                    EnumSet.of(DispatcherType.REQUEST)));
            // /v1/stream sends a socket's pending frames in batch mode; Jetty copies frames up to a quarter of this
            // buffer into one write (default 4 KB: trade texts of about 1 KB would mostly go uncopied)
            cfg.jetty.modifyWebSocketServletFactory(ws -> ws.setOutputBufferSize(STREAM_OUTPUT_BUFFER));
            if (certificates != null) {
                // with connectors of its own, Javalin adds no default one: declare the plain one first
                cfg.jetty.addConnector(this::httpConnector);
                cfg.jetty.addConnector(this::httpsConnector);
            }
        });
        j.before(security::check);
        j.get("/health", routes::health);
        j.get("/v1/status", status::serve);
        j.get("/v1/functions", routes::functionList);
        String catalogJson = io.kisbridge.core.CatalogListing.json(io.kisbridge.core.Catalog.dataApis()).toString();
        j.get("/v1/catalog", ctx -> ctx.contentType("application/json; charset=utf-8").result(catalogJson));
        String functionsJson = AddinMetadata.functionsJson(fns).toPrettyString();
        j.get("/addin/functions.json", ctx -> ctx.contentType("application/json; charset=utf-8").result(functionsJson));
        WebAssets[] web = new WebAssets[1]; // rendered on first use: the HTTPS port is known only once started
        j.get("/addin/manifest.xml", ctx -> assets(web).serveManifest(ctx));
        j.get("/", ctx -> assets(web).serve(ctx, "index.html"));
        j.get("/js/<path>", ctx -> assets(web).serve(ctx, "js/" + ctx.pathParam("path")));
        j.get("/css/<path>", ctx -> assets(web).serve(ctx, "css/" + ctx.pathParam("path")));
        j.get("/vendor/<path>", ctx -> assets(web).serve(ctx, "vendor/" + ctx.pathParam("path")));
        j.get("/addin/<path>", ctx -> assets(web).serve(ctx, "addin/" + ctx.pathParam("path")));
        j.get("/v1/fn/{name}", routes::fn);
        j.get("/v1/fn/{name}/<args>", routes::fn);
        j.get("/v1/api/{api}", routes::api);
        j.post("/v1/batch", routes::batch);
        OrderRoutes orders = new OrderRoutes(desk, opts.limits());
        j.get("/v1/trading", orders::trading);
        j.post("/v1/trading", orders::arm);
        j.post("/v1/orders", orders::place);
        j.post("/v1/orders/{orderNo}/cancel", orders::cancel);
        j.post("/v1/orders/{orderNo}/modify", orders::modify);
        ScriptRoutes scriptRoutes = new ScriptRoutes(scripts);
        j.get("/v1/scripts", scriptRoutes::list);
        j.post("/v1/scripts", scriptRoutes::start);
        j.get("/v1/scripts/{id}", scriptRoutes::details);
        j.delete("/v1/scripts/{id}", scriptRoutes::stop);
        j.post("/v1/scripts/{id}/stop", scriptRoutes::stop);
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

    private static String bridgeKeyText(BridgeKey key) {
        try {
            return java.nio.file.Files.readString(key.file()).strip();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("reading the bridge key just written", e);
        }
    }

    /** The desk as scripts see it: same arming, limits and idempotency store as POST /v1/orders. */
    private OrderGate orderGate() {
        return new OrderGate() {
            @Override
            public Placed place(String idempotencyKey, OrderSide side, String code, long quantity, long price) {
                String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
                if (!ArgBinder.CODE.matcher(c).matches()) {
                    throw BridgeException.badInput("code must be a 6-character stock code; got '" + code + "'");
                }
                OrderDesk.Submission sub = desk.submit(idempotencyKey, new OrderDesk.Ticket("order", c,
                        side == OrderSide.SELL ? "sell" : "buy", quantity, price, "", ""));
                return new Placed(sub.outcome().result(), sub.replayed());
            }

            @Override
            public boolean armed() {
                return desk.armed();
            }

            @Override
            public OrderLimits limits() {
                return options.limits();
            }
        };
    }

    private synchronized WebAssets assets(WebAssets[] holder) {
        if (holder[0] == null) {
            String base = certificates != null ? "https://localhost:" + httpsPort() : url();
            holder[0] = WebAssets.load(base, "1.0.0.0");
        }
        return holder[0];
    }

    private Connector httpConnector(Server server, HttpConfiguration plain) {
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(plain));
        c.setHost(options.host());
        c.setPort(options.port());
        return c;
    }

    private Connector httpsConnector(Server server, HttpConfiguration plain) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        char[] password = new char[0];
        ssl.setKeyStore(certificates.keyStore(password));
        ssl.setKeyStorePassword("");
        ssl.setKeyManagerPassword("");
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        HttpConfiguration tls = new HttpConfiguration(plain);
        SecureRequestCustomizer src = new SecureRequestCustomizer();
        src.setSniHostCheck(false); // 127.0.0.1 and [::1] send no SNI; the Host rule is the SecurityFilter's
        tls.addCustomizer(src);
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"),
                new HttpConnectionFactory(tls));
        c.setHost(options.host());
        c.setPort(options.httpsPort());
        httpsConnector[0] = c;
        return c;
    }

    /** The bound plain-HTTP port (Javalin's own port() may name the HTTPS connector). */
    public int port() {
        for (Connector c : app.jettyServer().server().getConnectors()) {
            if (c != httpsConnector[0] && c instanceof ServerConnector sc) {
                return sc.getLocalPort();
            }
        }
        return app.port();
    }

    /** The bound HTTPS port, or -1 when HTTPS is off. */
    public int httpsPort() {
        ServerConnector c = httpsConnector[0];
        return c == null ? -1 : c.getLocalPort();
    }

    /** https://localhost:PORT (the name the certificate and the add-in manifest use), or null when HTTPS is off. */
    public String httpsUrl() {
        return certificates == null ? null : "https://localhost:" + httpsPort();
    }

    /** The localhost CA and server certificate (null when HTTPS is off). */
    public LocalCertificates certificates() {
        return certificates;
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
                "  scripts       " + (scripts == null ? "off" : u + "/v1/scripts (POST {\"file\":\"price_alert.js\"}"
                        + " with X-Bridge-Key; =KIS.SCRIPT(name) shows what they publish)"),
                "  dashboard     " + u + "/",
                "  status JSON   " + u + "/v1/status (feed, topics, KIS calls/s, cache, token, errors, scripts)",
                certificates == null ? "  HTTPS         off" : "  HTTPS         " + httpsUrl() + "/ (CA "
                        + certificates.caCertFile() + "; trust it once: ./kisbridge cert --state-dir "
                        + options.certificateDirOrState() + ")",
                "  Excel add-in  " + (certificates == null ? "needs HTTPS" : httpsUrl() + "/addin/manifest.xml"),
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

    /** Totals of /v1/stream since start: messages, writes, values conflated for slow sockets, drops. */
    public StreamCounters streamCounters() {
        return stream.counters();
    }

    /** What scripts published: {@code SCRIPT(name)} and the stream topics {@code script:NAME} read it. */
    public ScriptBoard board() {
        return board;
    }

    /** The script host behind /v1/scripts, if one was installed. */
    public java.util.Optional<ScriptHost> scriptHost() {
        return java.util.Optional.ofNullable(scripts);
    }

    public BridgeOptions options() {
        return options;
    }

    /**
     * Every registered route as {@code "METHOD /path"} in registration order (Javalin's path syntax: {@code {param}},
     * {@code <rest>}); the WebSocket route as {@code "WS /v1/stream"}. Filters are not routes.
     */
    public java.util.List<String> routes() {
        java.util.List<String> out = new java.util.ArrayList<>();
        var router = app.unsafeConfig().pvt.internalRouter;
        router.allHttpHandlers().stream().map(e -> e.getEndpoint())
                .filter(e -> e.getMethod().isHttpMethod())
                .forEach(e -> out.add(e.getMethod().name() + " " + e.getPath()));
        router.allWsHandlers().stream().filter(w -> w.getType() == io.javalin.websocket.WsHandlerType.WEBSOCKET)
                .forEach(w -> out.add("WS " + w.getPath()));
        return out;
    }

    /** Stops the server; a second call does nothing. */
    @Override
    public void close() {
        if (closed.getAndSet(true)) {
            return;
        }
        if (scripts != null) {
            try {
                scripts.close();
            } catch (RuntimeException e) {
                LOG.warn("stopping the scripts: {}", e.toString());
            }
        }
        app.stop();
        status.close();
        stream.close();
        functions.close();
    }
}
