package io.kisbridge.scripting;

import io.kisbridge.scripting.internal.Engines;
import io.kisbridge.scripting.internal.EventLoop;
import io.kisbridge.scripting.internal.HostApi;
import io.kisbridge.scripting.internal.OutputSink;
import io.kisbridge.scripting.internal.PreparedContext;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.PolyglotException;
import org.graalvm.polyglot.Source;
import org.graalvm.polyglot.SourceSection;

/**
 * One script run on its own thread: a fresh sandboxed context, the script, then its event loop (realtime
 * callbacks, timers) until the script has nothing left to wait for, calls {@code stop()}, or is stopped.
 */
public final class ScriptRun {
    /** Where a run is. */
    public enum State { RUNNING, FINISHED, FAILED }

    private final String id;
    private final String name;
    private final ScriptLanguage language;
    private final Instant startedAt = Instant.now();
    private final OutputSink output;
    private final EventLoop loop = new EventLoop();
    private final CountDownLatch done = new CountDownLatch(1);
    private final CompletableFuture<ScriptRun> ended = new CompletableFuture<>();
    private final Object lock = new Object();
    private Context context;
    private volatile State state = State.RUNNING;
    private volatile ScriptException error;
    private volatile ScriptException.Kind stopReason;
    private volatile String stopDetail;
    private volatile long contextStartNanos = -1;
    private volatile Instant endedAt;
    private long statementLimit;
    private Duration timeout;

    ScriptRun(String id, String name, ScriptLanguage language, OutputSink output) {
        this.id = id;
        this.name = name;
        this.language = language;
        this.output = output;
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ScriptLanguage language() {
        return language;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public State state() {
        return state;
    }

    /** When the run ended; empty while it runs. */
    public Optional<Instant> endedAt() {
        return Optional.ofNullable(endedAt);
    }

    /** What the script printed so far (the first MiB). */
    public String output() {
        return output.text();
    }

    public Optional<ScriptException> error() {
        return Optional.ofNullable(error);
    }

    /** Time to build the sandboxed context and install the host API (before the script's own code), or -1. */
    public Duration contextStartTime() {
        long n = contextStartNanos;
        return n < 0 ? Duration.ofMillis(-1) : Duration.ofNanos(n);
    }

    /**
     * Hands {@code output} what the run printed so far, then each line as it is printed (on the run's thread: it
     * must not block); all of it is handed out before {@link #whenEnded()} completes.
     */
    public void follow(java.util.function.Consumer<String> follower) {
        output.follow(follower);
    }

    /** Completes, with this run, when the run has ended (state, error and output final). */
    public CompletableFuture<ScriptRun> whenEnded() {
        return ended.copy();
    }

    /** Waits for the end of the run; true when it ended within {@code max}. */
    public boolean await(Duration max) throws InterruptedException {
        return done.await(max.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Waits for the end and throws the run's failure, if any. */
    public void join() throws InterruptedException {
        done.await();
        if (error != null) {
            throw error;
        }
    }

    /** Stops the run from any thread (running code is cancelled). */
    public void stop() {
        cancel(ScriptException.Kind.STOPPED);
    }

    void cancel(ScriptException.Kind reason) {
        cancel(reason, null);
    }

    /** {@code detail} says why (the memory guard's figures), or null. */
    void cancel(ScriptException.Kind reason, String detail) {
        synchronized (lock) {
            if (state != State.RUNNING || stopReason != null) {
                return;
            }
            stopDetail = detail;
            stopReason = reason;
            loop.stop();
            if (context != null) {
                context.close(true);
            }
        }
    }

    /** {@code onReady} runs once the context and host API are ready (the wall clock starts there). */
    void execute(java.util.function.Supplier<PreparedContext> prepare, Source script, HostApi.Services services,
                 long statementLimit, Duration timeout, Runnable onReady) {
        this.statementLimit = statementLimit;
        this.timeout = timeout;
        HostApi host = null;
        try {
            long t0 = System.nanoTime();
            PreparedContext p = prepare.get();
            Context c = p.context();
            host = p.host();
            synchronized (lock) {
                context = c;
                if (stopReason != null) {
                    c.close(true);
                }
            }
            p.out().to(output);
            host.bind(services, loop);
            p.bindArgs().executeVoid();
            contextStartNanos = System.nanoTime() - t0;
            onReady.run();
            c.eval(script);
            loop.run(c::resetLimits);
            if (stopReason != null) {
                error = stopped(null);
            }
        } catch (PolyglotException e) {
            error = translate(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = stopped(null);
        } catch (RuntimeException e) {
            error = new ScriptException(ScriptException.Kind.ERROR, name, 0, "could not run: " + e.getMessage());
        } finally {
            if (host != null) {
                host.closeAll();
            }
            synchronized (lock) {
                endedAt = Instant.now();
                if (context != null) {
                    try {
                        context.close(true);
                    } catch (RuntimeException ignored) {
                        // already cancelled
                    }
                    // a closed context still holds the script's heap (its globals) while anything references it,
                    // and finished runs stay listed: a 1 GB array of a finished run stayed in memory
                    context = null;
                }
                // after the context is closed: a run seen as ended holds no memory any more
                state = error == null ? State.FINISHED : State.FAILED;
            }
            output.flush();
            done.countDown();
            ended.complete(this);
        }
    }

    private ScriptException translate(PolyglotException e) {
        int line = line(e);
        if (stopReason == ScriptException.Kind.MEMORY) {
            return stopped(line);
        }
        if (Engines.overLimit(context)) {
            return new ScriptException(ScriptException.Kind.STATEMENT_LIMIT, name, line, "stopped after "
                    + statementLimit + " statements (the statement limit of one run or callback; a runaway loop?)");
        }
        if (e.isResourceExhausted()) {
            return new ScriptException(ScriptException.Kind.MEMORY, name, line, "ran out of memory or stack ("
                    + plain(e.getMessage()) + ")");
        }
        if (e.isCancelled() || stopReason != null) {
            return stopped(line);
        }
        if (e.isSyntaxError()) {
            return new ScriptException(ScriptException.Kind.SYNTAX, name, line, "syntax error: " + e.getMessage());
        }
        if (e.isHostException()) {
            Throwable h = e.asHostException();
            return new ScriptException(ScriptException.Kind.ERROR, name, line, h.getClass().getSimpleName() + ": "
                    + h.getMessage());
        }
        return new ScriptException(ScriptException.Kind.ERROR, name, line, plain(e.getMessage()));
    }

    /** GraalPy reports some sandbox refusals with internal class names or embedder hints; say it plainly. */
    private static String plain(String message) {
        String m = message == null ? "error" : message;
        if (m.contains("UnsupportedPosixFeatureException")) {
            return "network and operating-system access is not allowed in scripts (" + m.substring(m.lastIndexOf(':') + 1)
                    .strip() + ")";
        }
        if (m.contains("Process creation is not allowed")) {
            return "starting processes is not allowed in scripts";
        }
        return m;
    }

    private ScriptException stopped(Integer line) {
        int l = line == null ? 0 : line;
        if (stopReason == ScriptException.Kind.MEMORY) {
            return new ScriptException(ScriptException.Kind.MEMORY, name, l, "stopped: " + stopDetail);
        }
        if (stopReason == ScriptException.Kind.TIMEOUT) {
            return new ScriptException(ScriptException.Kind.TIMEOUT, name, l, "stopped after "
                    + timeout.toSeconds() + " s (the wall-clock limit of a run)");
        }
        return new ScriptException(ScriptException.Kind.STOPPED, name, l, "stopped on request");
    }

    /** The line in the script's own file: the innermost guest frame of that source (not the prelude's). */
    private int line(PolyglotException e) {
        for (PolyglotException.StackFrame f : e.getPolyglotStackTrace()) {
            SourceSection s = f.getSourceLocation();
            if (f.isGuestFrame() && s != null && name.equals(s.getSource().getName()) && s.hasLines()) {
                return s.getStartLine();
            }
        }
        SourceSection s = e.getSourceLocation();
        return s != null && name.equals(s.getSource().getName()) && s.hasLines() ? s.getStartLine() : 0;
    }

    @Override
    public String toString() {
        return "ScriptRun[" + id + " " + name + " " + state + "]";
    }

}
