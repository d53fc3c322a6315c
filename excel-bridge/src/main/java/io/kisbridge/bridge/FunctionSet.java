package io.kisbridge.bridge;

import io.kisbridge.bridge.internal.cache.PriceService;
import io.kisbridge.bridge.internal.cache.SingleFlightCache;
import io.kisbridge.bridge.internal.fn.ArgBinder;
import io.kisbridge.bridge.internal.fn.Functions;
import io.kisbridge.bridge.internal.fn.ScriptFunction;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.KisWait;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.Executors;
import java.util.function.LongSupplier;

/**
 * The KIS.* cell functions over one {@link KisClient}: lookup, argument binding and invocation. Identical calls
 * (same function, same bound arguments) share one load and its result for the cache TTL; current prices are
 * batched (see {@code PriceService}). Thread-safe.
 *
 * <p>A result up to {@link #SERVE_STALE_FOR} past its TTL that was asked within the last TTL is answered at once
 * while one refresh runs (stale-while-revalidate): a recalculation storm longer than the TTL would otherwise make
 * every cell of an expired code wait behind the rate limiter, and each wait lengthens the storm, which expires more
 * codes. A result asked less often than once per TTL is loaded fresh.
 */
public final class FunctionSet implements AutoCloseable {
    /** How long past its TTL a result may still be answered while it is being refreshed. */
    public static final Duration SERVE_STALE_FOR = Duration.ofSeconds(30);

    private final ExecutorService refresher = Executors.newVirtualThreadPerTaskExecutor();
    private final Map<String, CellFunction> byName = new LinkedHashMap<>();
    private final PriceService prices;
    private final SingleFlightCache<String, FnResult> results;
    private final ScriptBoard board;
    private final java.util.concurrent.atomic.LongAdder hits = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder loads = new java.util.concurrent.atomic.LongAdder();
    private final RecentFailures failures = new RecentFailures(FunctionStats.RECENT_FAILURES);
    private final KisClient client;

    private FunctionSet(KisClient client, Duration ttl, Duration batchWindow, LongSupplier nanoTime,
                        ScriptBoard board) {
        this.prices = new PriceService(client, ttl, batchWindow, nanoTime);
        this.results = new SingleFlightCache<>(ttl, ttl.isZero() ? Duration.ZERO : SERVE_STALE_FOR, refresher,
                nanoTime, PriceService::isPermanent);
        this.board = board;
        this.client = client;
        for (CellFunction f : Functions.build(client, prices)) {
            byName.put(f.name(), f);
        }
        byName.put(ScriptFunction.NAME, ScriptFunction.create(board));
    }

    /** A function set whose SCRIPT function reads an empty board of its own. */
    public static FunctionSet create(KisClient client, Duration cacheTtl, Duration batchWindow) {
        return create(client, cacheTtl, batchWindow, new ScriptBoard());
    }

    /** A function set whose SCRIPT function reads {@code board} (the bridge's). */
    public static FunctionSet create(KisClient client, Duration cacheTtl, Duration batchWindow, ScriptBoard board) {
        return new FunctionSet(client, cacheTtl, batchWindow, System::nanoTime, java.util.Objects.requireNonNull(board));
    }

    /** What scripts published (read by SCRIPT). */
    public ScriptBoard board() {
        return board;
    }

    public List<CellFunction> all() {
        return List.copyOf(byName.values());
    }

    /** By name, case-insensitive, with or without the KIS. prefix. */
    public Optional<CellFunction> find(String name) {
        String n = name.strip().toUpperCase(Locale.ROOT);
        return Optional.ofNullable(byName.get(n.startsWith("KIS.") ? n.substring(4) : n));
    }

    /**
     * Runs a function.
     *
     * @throws BridgeException for an unknown function or bad arguments, and whatever the KIS call throws
     *                         (a {@code KisException}); {@code internal.ErrorMapping} turns both into answers
     */
    public FnResult invoke(String name, List<String> args, Map<String, String> named) {
        try {
            return invokeCounted(name, args, named);
        } catch (RuntimeException e) {
            failures.add(name, args, named, e);
            throw e;
        }
    }

    /** Cache hits, loads and the recent failures since start (GET /v1/status). */
    public FunctionStats stats() {
        return new FunctionStats(hits.sum(), loads.sum(), failures.snapshot());
    }

    private FnResult invokeCounted(String name, List<String> args, Map<String, String> named) {
        CellFunction fn = function(name);
        Map<String, String> bound = ArgBinder.bind(fn, args, named);
        if (fn.name().equals(ScriptFunction.NAME)) {
            return fn.invoker().invoke(bound); // the board is its own cache and changes at any time
        }
        Thread caller = Thread.currentThread();
        boolean[] loadedHere = {false}; // a stale refresh runs the loader on another thread: not this call's load
        try {
            return results.get(fn.name() + bound, () -> {
                if (Thread.currentThread() == caller) {
                    loadedHere[0] = true;
                }
                return fn.invoker().invoke(bound);
            });
        } finally {
            (loadedHere[0] ? loads : hits).increment();
        }
    }

    /**
     * Runs a function but waits at most {@code deadline} for its value. If the value is not there by then, the load
     * goes on (its value lands in the cache, so the next request gets it) and this throws a
     * {@link BridgeException.Kind#WAITING} whose message is the reason the client gives ({@code waiting for a new
     * KIS token: KIS grants one a minute, ready in about 41 s}, the rate-limit queue, KIS not answering).
     *
     * @throws BridgeException for an unknown function, bad arguments or the deadline, and whatever the KIS call
     *                         throws (a {@code KisException})
     */
    public FnResult invoke(String name, List<String> args, Map<String, String> named, Duration deadline) {
        try {
            return invokeCountedWithin(name, args, named, deadline);
        } catch (RuntimeException e) {
            failures.add(name, args, named, e);
            throw e;
        }
    }

    private FnResult invokeCountedWithin(String name, List<String> args, Map<String, String> named, Duration deadline) {
        CellFunction fn = function(name);
        Map<String, String> bound = ArgBinder.bind(fn, args, named);
        if (fn.name().equals(ScriptFunction.NAME)) {
            return fn.invoker().invoke(bound);
        }
        CompletableFuture<FnResult> answer = results.getAsync(fn.name() + bound, () -> fn.invoker().invoke(bound),
                refresher);
        (answer.isDone() ? hits : loads).increment(); // answered from the cache at once, or waited for a load
        try {
            return answer.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
        } catch (TimeoutException late) {
            throw BridgeException.waiting(waitReason(deadline));
        } catch (ExecutionException failed) {
            if (failed.getCause() instanceof RuntimeException re) {
                throw re;
            }
            if (failed.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(failed.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw BridgeException.waiting("the request was interrupted while waiting for KIS");
        }
    }

    /** Why a value is not there after {@code deadline}, as the client knows it. */
    private String waitReason(Duration deadline) {
        return client.currentWait()
                .map(w -> w.message() + (w.remaining().isPresent() ? " (recalculate then)" : " (recalculate later)"))
                .orElse("KIS has not answered within " + seconds(deadline) + " (recalculate later)");
    }

    private static String seconds(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() / 1000.0 + " s";
    }

    private CellFunction function(String name) {
        return find(name).orElseThrow(() -> BridgeException.badInput("unknown function '" + name
                + "'; functions are " + String.join(", ", byName.keySet())));
    }

    /** Drops cached results (after an order, so BALANCE, CASH and EXECUTIONS show it at once). */
    public void forgetResults() {
        results.invalidateAll();
    }

    public FnResult invoke(String name, String... args) {
        return invoke(name, List.of(args), Map.of());
    }

    @Override
    public void close() {
        refresher.shutdownNow();
        prices.close();
    }
}
