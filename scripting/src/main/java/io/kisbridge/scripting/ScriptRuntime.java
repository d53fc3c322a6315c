package io.kisbridge.scripting;

import io.kisbridge.core.KisClient;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.scripting.internal.Engines;
import io.kisbridge.scripting.internal.HostApi;
import io.kisbridge.scripting.internal.MemoryGuard;
import io.kisbridge.scripting.internal.OutputSink;
import io.kisbridge.scripting.internal.PreparedContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.EnvironmentAccess;
import org.graalvm.polyglot.HostAccess;
import org.graalvm.polyglot.PolyglotAccess;
import org.graalvm.polyglot.SandboxPolicy;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.io.IOAccess;

/**
 * Runs JavaScript and Python scripts against one {@link KisClient}: one shared GraalVM engine per language, a
 * fresh sandboxed context per run (no files, sockets, processes, threads, native code or Java classes; only the
 * host API), a wall-clock and a statement limit per run. Thread-safe; close it to stop every run.
 *
 * <pre>{@code
 * try (ScriptRuntime scripts = ScriptRuntime.builder(client).timeout(Duration.ofSeconds(30)).build()) {
 *     ScriptRun run = scripts.start(Path.of("alert.js"), List.of("005930"));
 *     run.join();                       // throws ScriptException with the script's file and line
 * }
 * }</pre>
 */
public final class ScriptRuntime implements AutoCloseable {
    /** Default wall-clock limit of one run. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(30);
    /** Default statement limit of the script body and of each callback. */
    public static final long DEFAULT_STATEMENT_LIMIT = 10_000_000L;
    /** See {@link Builder#heapFraction}. */
    public static final double DEFAULT_HEAP_FRACTION = 0.8;

    /** In a holder so that using the runtime's constants or parseDuration loads no polyglot class. */
    private static final class Access {
        static final HostAccess HOST = HostAccess.newBuilder(HostAccess.CONSTRAINED)
                .allowAccessAnnotatedBy(HostAccess.Export.class)
                .build();
    }

    private final KisClient client;
    private final Supplier<RealtimeFeed> feedSource;
    private final TradingPolicy trading;
    private final io.kisbridge.bridge.OrderGate orders;
    private final PublishedValues published;
    private final Path outputFolder;
    private final Duration timeout;
    private final long statementLimit;
    private final MemoryGuard memoryGuard;
    private final PrintWriter echo;
    private final ScheduledExecutorService scheduler;
    private final Map<String, ScriptRun> runs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    /** Contexts prepared ahead by {@link #prepareAhead}, before any runtime existed; taken by the first run. */
    private static final Map<ScriptLanguage, CompletableFuture<PreparedContext>> AHEAD =
            new EnumMap<>(ScriptLanguage.class);

    /** The host API preludes (the same for every runtime), in a holder: building a Source loads the polyglot engine. */
    private static final class Preludes {
        static final Map<ScriptLanguage, Source> SOURCES = new EnumMap<>(ScriptLanguage.class);

        static {
            for (ScriptLanguage l : ScriptLanguage.values()) {
                SOURCES.put(l, Source.newBuilder(l.id(), resource("internal/prelude" + l.extension()),
                        "kisbridge-prelude" + l.extension()).internal(true).buildLiteral());
            }
        }
    }

    private RealtimeFeed ownedFeed;
    private final boolean spareContexts;
    private final Map<ScriptLanguage, CompletableFuture<PreparedContext>> spares = new EnumMap<>(ScriptLanguage.class);
    private final ExecutorService spareMaker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kisbridge-script-spare");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY); // background work: requests and running scripts come first
        return t;
    });

    private ScriptRuntime(Builder b) {
        this.client = b.client;
        this.trading = b.trading;
        this.orders = b.orders;
        this.published = b.published;
        this.outputFolder = b.outputFolder;
        this.timeout = b.timeout;
        this.statementLimit = b.statementLimit;
        this.memoryGuard = b.heapFraction > 0 ? new MemoryGuard(b.heapFraction) : null;
        this.echo = b.echo;
        this.spareContexts = b.spareContexts;
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "kisbridge-script-timers");
            t.setDaemon(true);
            return t;
        });
        this.feedSource = b.feed != null ? b.feed : this::ownFeed;
    }

    /** Parses {@code 500ms}, {@code 30s}, {@code 5m}, {@code 1h} or a number of milliseconds. */
    public static Duration parseDuration(String text) {
        return io.kisbridge.scripting.internal.Durations.parse(text);
    }

    public static Builder builder(KisClient client) {
        return new Builder(client);
    }

    public PublishedValues published() {
        return published;
    }

    /** Starts a script file (read here, by the host; the script itself can read no file). */
    public ScriptRun start(Path file, List<String> args) {
        try {
            return start(file.getFileName().toString(), Files.readString(file, StandardCharsets.UTF_8), args);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the script " + file + ": " + e.getMessage(), e);
        }
    }

    /** Starts a script given as text; {@code name} (ending in .js or .py) picks the language and names errors. */
    public ScriptRun start(String name, String code, List<String> args) {
        return start(name, code, args, timeout);
    }

    /**
     * As {@link #start(String, String, List)} with this run's own wall-clock limit instead of the runtime's
     * ({@link Duration#ZERO} = none).
     */
    public ScriptRun start(String name, String code, List<String> args, Duration timeout) {
        Objects.requireNonNull(timeout, "timeout");
        ScriptLanguage language = ScriptLanguage.ofFileName(name);
        String id = "run-" + ids.incrementAndGet();
        ScriptRun run = new ScriptRun(id, name, language, new OutputSink(echo));
        Source script = Source.newBuilder(language.id(), code, name).buildLiteral();
        HostApi.Services services = new HostApi.Services(id, client, feedSource, trading, orders, published,
                outputFolder, List.copyOf(args), scheduler);
        runs.put(id, run);
        // The wall clock starts when the context is ready: a cold engine start (seconds for Python) is not the script's.
        AtomicReference<ScheduledFuture<?>> watchdog = new AtomicReference<>();
        Runnable startClock = () -> {
            if (!timeout.isZero()) {
                watchdog.set(scheduler.schedule(() -> run.cancel(ScriptException.Kind.TIMEOUT), timeout.toMillis(),
                        TimeUnit.MILLISECONDS));
            }
        };
        Thread t = new Thread(() -> {
            try (AutoCloseable watched = memoryGuard == null ? () -> { }
                    : memoryGuard.watch(Thread.currentThread(), why -> run.cancel(ScriptException.Kind.MEMORY, why))) {
                run.execute(() -> acquire(language), script, services, statementLimit, timeout, startClock);
            } catch (Exception notThrownByTheHandle) {
                throw new IllegalStateException(notThrownByTheHandle);
            } finally {
                ScheduledFuture<?> w = watchdog.get();
                if (w != null) {
                    w.cancel(false);
                }
            }
        }, "kisbridge-script-" + id);
        t.setDaemon(true);
        t.start();
        return run;
    }

    /** Starts and waits; the script's failure is thrown as a {@link ScriptException}. */
    public ScriptRun run(Path file, List<String> args) throws InterruptedException {
        ScriptRun r = start(file, args);
        r.join();
        return r;
    }

    /** Runs of this runtime, newest last (finished ones stay listed until {@link #forget}). */
    public List<ScriptRun> runs() {
        List<ScriptRun> all = new ArrayList<>(runs.values());
        all.sort((a, b) -> a.startedAt().compareTo(b.startedAt()));
        return all;
    }

    public java.util.Optional<ScriptRun> find(String id) {
        return java.util.Optional.ofNullable(runs.get(id));
    }

    public void forget(String id) {
        runs.remove(id);
    }

    @Override
    public void close() {
        runs.values().forEach(ScriptRun::stop);
        scheduler.shutdownNow();
        if (memoryGuard != null) {
            memoryGuard.close();
        }
        synchronized (spares) {
            spares.values().forEach(f -> f.thenAccept(p -> p.context().close(true)));
            spares.clear();
        }
        spareMaker.shutdown();
        synchronized (this) {
            if (ownedFeed != null) {
                ownedFeed.close();
            }
        }
    }

    /** A spare prepared context when one is ready (and a new spare is started), else one prepared now. */
    private PreparedContext acquire(ScriptLanguage language) {
        PreparedContext ahead = takeAhead(language, statementLimit);
        if (ahead != null) {
            return ahead;
        }
        if (!spareContexts) {
            return prepare(language);
        }
        CompletableFuture<PreparedContext> spare;
        synchronized (spares) {
            spare = spares.remove(language);
            spares.put(language, CompletableFuture.supplyAsync(() -> prepare(language), spareMaker));
        }
        if (spare != null) {
            try {
                return spare.join();
            } catch (RuntimeException failed) {
                // fall through: prepare one on this thread
            }
        }
        return prepare(language);
    }

    /**
     * With spare contexts on: prepares one context per language given in the background, {@code after} from now (off the
     * caller's start-up path), so that even the first run of each language skips engine and context creation.
     * Languages that already have a spare are skipped; without spare contexts this does nothing.
     */
    public void prepareSpares(Duration after, java.util.Set<ScriptLanguage> languages) {
        if (!spareContexts || languages.isEmpty()) {
            return;
        }
        scheduler.schedule(() -> {
            synchronized (spares) {
                for (ScriptLanguage l : languages) {
                    if (!spareMaker.isShutdown() && !spares.containsKey(l)) {
                        spares.put(l, CompletableFuture.supplyAsync(() -> prepare(l), spareMaker));
                    }
                }
            }
        }, after.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Whether a prepared context of this language is ready for the next run (tests). */
    boolean spareReady(ScriptLanguage language) {
        synchronized (spares) {
            CompletableFuture<PreparedContext> f = spares.get(language);
            return f != null && f.isDone() && !f.isCompletedExceptionally();
        }
    }

    /** Waits until the spare contexts being prepared are ready (benchmarks). */
    void awaitSpares() {
        List<CompletableFuture<PreparedContext>> pending;
        synchronized (spares) {
            pending = List.copyOf(spares.values());
        }
        pending.forEach(f -> f.exceptionally(e -> null).join());
    }

    private PreparedContext prepare(ScriptLanguage language) {
        return prepare(language, statementLimit);
    }

    /**
     * Starts preparing a context of {@code language} (engine, language initialisation, sandbox, host API prelude) on
     * a background thread now, before the runtime exists: the first run of that language with the default statement
     * limit takes it. For a process that runs one script (the CLI): the engine's start overlaps the simulator's and
     * the client's, and only the language the file needs is started.
     */
    public static void prepareAhead(ScriptLanguage language) {
        synchronized (AHEAD) {
            AHEAD.computeIfAbsent(language, l -> {
                CompletableFuture<PreparedContext> f = new CompletableFuture<>();
                Thread t = new Thread(() -> {
                    try {
                        f.complete(prepare(l, DEFAULT_STATEMENT_LIMIT));
                    } catch (RuntimeException | Error e) {
                        f.completeExceptionally(e);
                    }
                }, "kisbridge-script-ahead");
                t.setDaemon(true);
                t.start();
                return f;
            });
        }
    }

    private static PreparedContext takeAhead(ScriptLanguage language, long statementLimit) {
        if (statementLimit != DEFAULT_STATEMENT_LIMIT) {
            return null;
        }
        CompletableFuture<PreparedContext> f;
        synchronized (AHEAD) {
            f = AHEAD.remove(language);
        }
        try {
            return f == null ? null : f.join();
        } catch (RuntimeException failed) {
            return null; // prepared anew on the run's thread, where a failure is reported
        }
    }

    private static PreparedContext prepare(ScriptLanguage language, long statementLimit) {
        PreparedContext.Redirect out = new PreparedContext.Redirect();
        Context c = Context.newBuilder(language.id())
                .engine(Engines.get(language))
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(out)
                .err(out)
                .in(InputStream.nullInputStream())
                .allowIO(IOAccess.NONE)
                .allowNativeAccess(false)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowHostClassLoading(false)
                .allowHostClassLookup(className -> false)
                .allowHostAccess(Access.HOST)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .resourceLimits(Engines.statementLimit(statementLimit))
                .build();
        try {
            HostApi host = new HostApi();
            Value bindArgs;
            if (language == ScriptLanguage.PYTHON) {
                bindArgs = c.eval(Preludes.SOURCES.get(language)).execute(host);
            } else {
                c.getBindings(language.id()).putMember("__kisbridge_host", host);
                bindArgs = c.eval(Preludes.SOURCES.get(language));
                c.getBindings(language.id()).removeMember("__kisbridge_host");
            }
            return new PreparedContext(c, host, bindArgs, out);
        } catch (RuntimeException e) {
            c.close(true);
            throw e;
        }
    }

    private synchronized RealtimeFeed ownFeed() {
        if (ownedFeed == null) {
            ownedFeed = RealtimeFeed.builder(client, false).build();
            ownedFeed.start();
        }
        return ownedFeed;
    }

    private static String resource(String path) {
        try (InputStream in = ScriptRuntime.class.getResourceAsStream(path)) {
            return new String(Objects.requireNonNull(in, path).readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Options; only the client is required. */
    public static final class Builder {
        private final KisClient client;
        private Supplier<RealtimeFeed> feed;
        private TradingPolicy trading = TradingPolicy.disarmed();
        private io.kisbridge.bridge.OrderGate orders;
        private PublishedValues published = new PublishedValues();
        private Path outputFolder;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long statementLimit = DEFAULT_STATEMENT_LIMIT;
        private double heapFraction = DEFAULT_HEAP_FRACTION;
        private PrintWriter echo;
        private boolean spareContexts;

        private Builder(KisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** A started realtime feed to share; without one the runtime opens its own on the first {@code kis.on}. */
        public Builder realtime(RealtimeFeed feed) {
            this.feed = feed == null ? null : () -> feed;
            return this;
        }

        /** A realtime feed to share, asked for (and started by its owner) on the first {@code kis.on}. */
        public Builder realtime(Supplier<RealtimeFeed> feed) {
            this.feed = feed;
            return this;
        }

        /**
         * Orders go through this gate (the bridge's arming, limits and idempotency store) instead of the
         * {@link #trading(TradingPolicy)} policy; {@code kis.call} of order APIs is refused then.
         */
        public Builder orders(io.kisbridge.bridge.OrderGate gate) {
            this.orders = gate;
            return this;
        }

        public Builder trading(TradingPolicy trading) {
            this.trading = Objects.requireNonNull(trading, "trading");
            return this;
        }

        public Builder published(PublishedValues published) {
            this.published = Objects.requireNonNull(published, "published");
            return this;
        }

        /**
         * The one folder {@code files.writeCsv} and {@code workbook.write/read} may use; none by default (refused).
         */
        public Builder outputFolder(Path folder) {
            this.outputFolder = folder == null ? null : folder.toAbsolutePath().normalize();
            return this;
        }

        /**
         * Wall-clock limit of a run, counted from the moment its context is ready; {@link Duration#ZERO} for none
         * (bridge scripts that run until stopped).
         */
        public Builder timeout(Duration timeout) {
            this.timeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        public Builder statementLimit(long limit) {
            if (limit <= 0) {
                throw new IllegalArgumentException("statement limit must be positive");
            }
            this.statementLimit = limit;
            return this;
        }

        /** Also copies what scripts print to this stream (the CLI's stdout). */
        public Builder echo(PrintWriter echo) {
            this.echo = echo;
            return this;
        }

        /**
         * Keeps one prepared context per language used so far, built in the background after each start, so the
         * next run of that language skips context creation (for the bridge; it costs a context's memory and CPU).
         */
        public Builder spareContexts(boolean keep) {
            this.spareContexts = keep;
            return this;
        }

        /**
         * When the heap that survives a garbage collection passes this fraction of the maximum heap, the running
         * script that allocated the most since the previous collection is stopped (a memory bomb; GraalVM's
         * community sandbox has no per-context heap limit). 0 turns the guard off.
         */
        public Builder heapFraction(double fraction) {
            if (fraction != 0 && !(fraction > 0 && fraction < 1)) {
                throw new IllegalArgumentException("heapFraction must be 0 (off) or between 0 and 1; got " + fraction);
            }
            this.heapFraction = fraction;
            return this;
        }

        public ScriptRuntime build() {
            return new ScriptRuntime(this);
        }
    }
}
