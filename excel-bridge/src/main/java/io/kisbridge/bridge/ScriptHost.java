package io.kisbridge.bridge;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Scripts started over HTTP ({@code /v1/scripts}). The bridge runs no scripts itself: a host (the scripting module's
 * {@code BridgeScriptHost}) is installed with {@link BridgeServer#start(BridgeOptions, io.kisbridge.core.KisClient,
 * ScriptHost.Factory)}; without one the routes answer 501. Implementations are thread-safe.
 */
public interface ScriptHost extends AutoCloseable {
    /** Builds the host once the bridge's services (published values, orders, realtime feed) exist. */
    @FunctionalInterface
    interface Factory {
        ScriptHost create(ScriptServices services);
    }

    /**
     * What a client asked to start: inline {@code code} (its language from {@code language} or the extension of
     * {@code name}) or {@code file}, a path inside the host's scripts folder.
     *
     * @param name     shown in the list and in error locations; defaults to the file name or {@code script.js|py}
     * @param language {@code js}/{@code javascript} or {@code py}/{@code python}; null = from the name
     * @param code     the script's text; null when {@code file} is given
     * @param file     a script of the scripts folder (relative, no {@code ..}); null when {@code code} is given
     * @param args     what the script sees as {@code args}
     * @param timeout  the run's wall-clock limit, counted from its ready context; null = none (runs until done or
     *                 stopped)
     */
    record StartRequest(String name, String language, String code, String file, List<String> args,
                        Duration timeout) {
        public StartRequest {
            args = args == null ? List.of() : List.copyOf(args);
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                timeout = null;
            }
        }

        /** A request without a wall-clock limit. */
        public StartRequest(String name, String language, String code, String file, List<String> args) {
            this(name, language, code, file, args, null);
        }
    }

    /**
     * One run as the routes show it.
     *
     * @param state     {@code running}, {@code finished}, {@code failed} or {@code stopped}
     * @param ended     null while running
     * @param lastError the failure with the script's file and line, null when none
     * @param output    what the script printed
     */
    record RunInfo(String id, String name, String language, String state, Instant started, Instant ended,
                   String lastError, String output) {
    }

    /** Starts a run; refuses bad requests with {@link BridgeException#badInput}. */
    RunInfo start(StartRequest request);

    /** Every run the host remembers, oldest first. */
    List<RunInfo> runs();

    Optional<RunInfo> run(String id);

    /**
     * Follows a run: {@code output} gets what it printed so far and then each line as it is printed (on the run's
     * thread: it must not block), {@code onEnd} its final state once everything printed was handed out. False for
     * an unknown id, or a host that cannot follow runs (the streaming route answers 501 then).
     */
    default boolean follow(String id, Consumer<String> output, Consumer<RunInfo> onEnd) {
        return false;
    }

    /** Stops a run (waiting briefly for it to end) and answers its state; empty for an unknown id. */
    Optional<RunInfo> stop(String id);

    /** Stops every run. */
    @Override
    void close();
}
