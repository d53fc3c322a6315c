package io.kisbridge.scripting;

import io.kisbridge.core.KisClient;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.scripting.internal.Engines;
import io.kisbridge.scripting.internal.HostApi;
import io.kisbridge.scripting.internal.OutputSink;
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
import java.util.concurrent.ConcurrentHashMap;
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

    private static final HostAccess HOST_ACCESS = HostAccess.newBuilder(HostAccess.CONSTRAINED)
            .allowAccessAnnotatedBy(HostAccess.Export.class)
            .build();

    private final KisClient client;
    private final Supplier<RealtimeFeed> feedSource;
    private final TradingPolicy trading;
    private final PublishedValues published;
    private final Path outputFolder;
    private final Duration timeout;
    private final long statementLimit;
    private final PrintWriter echo;
    private final ScheduledExecutorService scheduler;
    private final Map<String, ScriptRun> runs = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<ScriptLanguage, Source> preludes = new EnumMap<>(ScriptLanguage.class);
    private RealtimeFeed ownedFeed;

    private ScriptRuntime(Builder b) {
        this.client = b.client;
        this.trading = b.trading;
        this.published = b.published;
        this.outputFolder = b.outputFolder;
        this.timeout = b.timeout;
        this.statementLimit = b.statementLimit;
        this.echo = b.echo;
        this.scheduler = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "kisbridge-script-timers");
            t.setDaemon(true);
            return t;
        });
        this.feedSource = b.feed != null ? () -> b.feed : this::ownFeed;
        for (ScriptLanguage l : ScriptLanguage.values()) {
            preludes.put(l, Source.newBuilder(l.id(), resource("internal/prelude" + l.extension()),
                    "kisbridge-prelude" + l.extension()).internal(true).buildLiteral());
        }
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
        ScriptLanguage language = ScriptLanguage.ofFileName(name);
        String id = "run-" + ids.incrementAndGet();
        ScriptRun run = new ScriptRun(id, name, language, new OutputSink(echo));
        Source script = Source.newBuilder(language.id(), code, name).buildLiteral();
        Context.Builder cb = Context.newBuilder(language.id())
                .engine(Engines.get(language))
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(outputOf(run))
                .err(outputOf(run))
                .in(InputStream.nullInputStream())
                .allowIO(IOAccess.NONE)
                .allowNativeAccess(false)
                .allowCreateProcess(false)
                .allowCreateThread(false)
                .allowHostClassLoading(false)
                .allowHostClassLookup(className -> false)
                .allowHostAccess(HOST_ACCESS)
                .allowPolyglotAccess(PolyglotAccess.NONE)
                .allowEnvironmentAccess(EnvironmentAccess.NONE)
                .resourceLimits(Engines.statementLimit(statementLimit));
        HostApi.Services services = new HostApi.Services(id, client, feedSource, trading, published, outputFolder,
                List.copyOf(args), scheduler);
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
            try {
                run.execute(cb, preludes.get(language), script, services, statementLimit, timeout, startClock);
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
        synchronized (this) {
            if (ownedFeed != null) {
                ownedFeed.close();
            }
        }
    }

    private synchronized RealtimeFeed ownFeed() {
        if (ownedFeed == null) {
            ownedFeed = RealtimeFeed.builder(client, false).build();
            ownedFeed.start();
        }
        return ownedFeed;
    }

    private static java.io.OutputStream outputOf(ScriptRun run) {
        return new java.io.OutputStream() {
            @Override
            public void write(int b) {
                run.outputSink().write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                run.outputSink().write(b, off, len);
            }
        };
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
        private RealtimeFeed feed;
        private TradingPolicy trading = TradingPolicy.disarmed();
        private PublishedValues published = new PublishedValues();
        private Path outputFolder;
        private Duration timeout = DEFAULT_TIMEOUT;
        private long statementLimit = DEFAULT_STATEMENT_LIMIT;
        private PrintWriter echo;

        private Builder(KisClient client) {
            this.client = Objects.requireNonNull(client, "client");
        }

        /** A started realtime feed to share; without one the runtime opens its own on the first {@code kis.on}. */
        public Builder realtime(RealtimeFeed feed) {
            this.feed = feed;
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

        /** The one folder {@code files.writeCsv} may write into; none by default (writes are refused). */
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

        public ScriptRuntime build() {
            return new ScriptRuntime(this);
        }
    }
}
