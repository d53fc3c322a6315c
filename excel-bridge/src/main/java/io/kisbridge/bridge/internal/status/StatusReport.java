package io.kisbridge.bridge.internal.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kisbridge.bridge.FunctionSet;
import io.kisbridge.bridge.FunctionStats;
import io.kisbridge.bridge.ScriptHost;
import io.kisbridge.bridge.StreamCounters;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.auth.CachedToken;
import io.kisbridge.core.auth.TokenFileCache;
import io.kisbridge.core.realtime.FeedCounters;
import io.kisbridge.core.realtime.FeedStatus;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.TopicState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * {@code GET /v1/status}: what the bridge is doing, as one JSON document for the dashboard, the task pane, scripts
 * and monitoring — the feed, the topic budget, KIS calls per second against the limit over the last minutes, the cache,
 * the token's age, recent failing calls, the scripts and whether trading is armed. Holds no secret: values are
 * counters, states and names, and every text passes the {@link Redactor} on the way out.
 */
public final class StatusReport implements AutoCloseable {
    /** Seconds of call history kept and answered (five minutes). */
    public static final int RATE_WINDOW_SECONDS = 300;
    private static final int MAX_SCRIPTS = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KisClient client;
    private final RealtimeFeed feed;
    private final FunctionSet functions;
    private final Supplier<StreamCounters> streamCounters;
    private final ScriptHost scripts;
    private final BooleanSupplier armed;
    private final Redactor redactor;
    private final CallRate rate = new CallRate(RATE_WINDOW_SECONDS);
    private final ScheduledExecutorService sampler;

    public StatusReport(KisClient client, RealtimeFeed feed, FunctionSet functions,
                        Supplier<StreamCounters> streamCounters, ScriptHost scripts, BooleanSupplier armed,
                        List<String> moreSecrets) {
        this.client = client;
        this.feed = feed;
        this.functions = functions;
        this.streamCounters = streamCounters;
        this.scripts = scripts;
        this.armed = armed;
        this.redactor = new Redactor(secretsOf(client.config(), moreSecrets));
        this.sampler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridge-status-sampler");
            t.setDaemon(true);
            return t;
        });
        sample();
        long toNextSecond = 1000 - System.currentTimeMillis() % 1000;
        // a little past each second's start, so the sample names that second despite scheduling jitter
        sampler.scheduleAtFixedRate(this::sample, toNextSecond + 20, 1000, TimeUnit.MILLISECONDS);
    }

    private static List<String> secretsOf(KisConfig c, List<String> more) {
        List<String> s = new ArrayList<>(more);
        s.add(c.appKey());
        s.add(c.appSecret());
        c.htsId().ifPresent(s::add);
        c.account().ifPresent(a -> {
            s.add(a.tenDigits());
            s.add(a.cano());
            s.add(a.cano() + "-" + a.productCode());
        });
        return s;
    }

    private void sample() {
        rate.sample(Math.floorDiv(System.currentTimeMillis(), 1000), client.rateLimiter().permitsGranted());
    }

    public void serve(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.contentType("application/json; charset=utf-8").result(redactor.clean(json().toString()));
    }

    /** The document (before redaction; {@link #serve} redacts). */
    public ObjectNode json() {
        KisConfig config = client.config();
        Instant now = config.clock().instant();
        ObjectNode o = MAPPER.createObjectNode();
        o.put("at", now.toString());
        o.put("environment", config.environment().id());
        feed(o.putObject("feed"));
        topics(o.putObject("topics"));
        calls(o.putObject("calls"), config.requestsPerSecond());
        FunctionStats stats = functions.stats();
        ObjectNode cache = o.putObject("cache");
        cache.put("hits", stats.hits());
        cache.put("loads", stats.loads());
        cache.put("hitRate", Math.round(stats.hitRate() * 1000) / 1000.0);
        token(o.putObject("token"), now);
        ArrayNode errors = o.putArray("errors");
        for (FunctionStats.Failure f : stats.recentFailures()) {
            ObjectNode e = errors.addObject();
            e.put("at", f.at().toString());
            e.put("call", f.call());
            e.put("cell", f.cell());
            e.put("kind", f.kind());
            e.put("count", f.count());
        }
        scripts(o.putObject("scripts"));
        o.putObject("trading").put("armed", armed.getAsBoolean());
        StreamCounters sc = streamCounters.get();
        ObjectNode stream = o.putObject("stream");
        stream.put("messages", sc.messages());
        stream.put("conflated", sc.conflated());
        stream.put("dropped", sc.dropped());
        return o;
    }

    private void feed(ObjectNode f) {
        FeedStatus s = feed.status();
        FeedCounters c = feed.counters();
        f.put("state", s.state().name().toLowerCase(Locale.ROOT));
        f.put("detail", s.detail());
        f.put("attempt", s.attempt());
        f.put("since", s.at() == null ? null : s.at().toString());
        f.put("connects", c.connects());
        f.put("disconnects", c.disconnects());
        f.put("reconnects", Math.max(0, c.connects() - 1));
        f.put("records", c.records());
        f.put("badFrames", c.badFrames());
        f.put("polls", c.polls());
    }

    private void topics(ObjectNode t) {
        t.put("budget", RealtimeFeed.DEFAULT_MAX_REGISTRATIONS);
        t.put("registrations", feed.registrations());
        List<Map.Entry<Topic, Integer>> all = new ArrayList<>(feed.topics().entrySet());
        all.sort(Comparator.comparing(e -> e.getKey().toString()));
        ArrayNode list = t.putArray("list");
        ArrayNode polling = t.putArray("polling");
        ArrayNode overflow = t.putArray("overflow");
        for (Map.Entry<Topic, Integer> e : all) {
            TopicState st = feed.topicState(e.getKey());
            String name = e.getKey().toString();
            ObjectNode one = list.addObject();
            one.put("topic", name);
            one.put("state", st == null ? "released" : st.name().toLowerCase(Locale.ROOT));
            one.put("listeners", e.getValue());
            if (st == TopicState.POLLING) {
                polling.add(name);
            } else if (st == TopicState.OVERFLOW) {
                overflow.add(name);
            }
        }
    }

    private void calls(ObjectNode c, int limit) {
        CallRate.Window w = rate.window();
        c.put("limitPerSecond", limit);
        c.put("total", client.rateLimiter().permitsGranted());
        c.put("endSecond", w.endSecond() == Long.MIN_VALUE ? 0 : w.endSecond());
        c.put("lastSecond", w.counts()[w.counts().length - 1]);
        c.put("lastMinute", w.sum(60));
        c.put("peakPerSecond", w.peak());
        ArrayNode per = c.putArray("perSecond");
        for (long n : w.counts()) {
            per.add(n);
        }
    }

    private void token(ObjectNode t, Instant now) {
        CachedToken tok = new TokenFileCache(client.tokenCacheFile()).read().orElse(null);
        t.put("present", tok != null);
        if (tok == null) {
            return;
        }
        Instant renews = tok.issuedAt().plus(CachedToken.REUSE_FOR);
        if (tok.expiresAt().minus(Duration.ofMinutes(1)).isBefore(renews)) {
            renews = tok.expiresAt().minus(Duration.ofMinutes(1));
        }
        t.put("issuedAt", tok.issuedAt().toString());
        t.put("ageSeconds", Math.max(0, Duration.between(tok.issuedAt(), now).toSeconds()));
        t.put("renewsAt", renews.toString());
        t.put("renewsInSeconds", Math.max(0, Duration.between(now, renews).toSeconds()));
        t.put("expiresAt", tok.expiresAt().toString());
    }

    private void scripts(ObjectNode s) {
        s.put("enabled", scripts != null);
        ArrayNode runs = s.putArray("runs");
        if (scripts == null) {
            s.put("running", 0);
            return;
        }
        List<ScriptHost.RunInfo> all = scripts.runs();
        s.put("running", all.stream().filter(r -> "running".equals(r.state())).count());
        for (ScriptHost.RunInfo r : all.subList(Math.max(0, all.size() - MAX_SCRIPTS), all.size())) {
            ObjectNode one = runs.addObject();
            one.put("id", r.id());
            one.put("name", r.name());
            one.put("language", r.language());
            one.put("state", r.state());
            one.put("started", r.started() == null ? null : r.started().toString());
            one.put("ended", r.ended() == null ? null : r.ended().toString());
        }
    }

    @Override
    public void close() {
        sampler.shutdownNow();
    }
}
