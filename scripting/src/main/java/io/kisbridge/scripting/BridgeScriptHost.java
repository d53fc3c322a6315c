package io.kisbridge.scripting;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.ScriptHost;
import io.kisbridge.bridge.ScriptServices;
import io.kisbridge.scripting.internal.SafePaths;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Scripts for the bridge's {@code /v1/scripts}: one {@link ScriptRuntime} over the bridge's client and realtime feed,
 * no wall-clock limit (a run lasts until its code is done and no timer or subscription is left, or until stopped),
 * {@code cells.publish} into the bridge's {@code ScriptBoard} ({@code =KIS.SCRIPT(name)}, topic {@code script:NAME}),
 * orders through the bridge's order gate (arming, {@code OrderLimits}, idempotency store).
 *
 * <pre>{@code
 * BridgeServer.start(options, client, BridgeScriptHost.factory(Path.of("scripts"), stateDir.resolve("script-output")));
 * }</pre>
 */
public final class BridgeScriptHost implements ScriptHost {
    /** Finished runs kept for the list; older ones are forgotten. */
    public static final int KEEP_FINISHED = 50;
    private static final Duration STOP_WAIT = Duration.ofSeconds(5);
    /** When the spare contexts (one per language) are first prepared: after the bridge's own start-up. */
    static final Duration WARM_UP_AFTER = Duration.ofSeconds(3);

    private final ScriptRuntime runtime;
    private final Path scriptsFolder;

    private BridgeScriptHost(ScriptServices services, Path scriptsFolder, Path outputFolder, boolean spareContexts,
                             Set<ScriptLanguage> warm) {
        this.scriptsFolder = scriptsFolder == null ? null : scriptsFolder.toAbsolutePath().normalize();
        this.runtime = ScriptRuntime.builder(services.client())
                .realtime(services.feed())
                .orders(services.orders())
                .timeout(Duration.ZERO)
                .outputFolder(outputFolder)
                .spareContexts(spareContexts)
                .build();
        runtime.published().subscribe(p -> services.board().publish(p.name(), p.value(), p.scriptId()));
        runtime.prepareSpares(WARM_UP_AFTER, warm);
    }

    /**
     * @param scriptsFolder where {@code {"file": ...}} requests find scripts (null = only inline code)
     * @param outputFolder  the one folder scripts may write files and workbooks into
     */
    public static Factory factory(Path scriptsFolder, Path outputFolder) {
        return factory(scriptsFolder, outputFolder, true);
    }

    /**
     * As {@link #factory(Path, Path)}; {@code spareContexts} keeps a prepared context per language, the first ones
     * prepared a few seconds after start-up, so that runs start without engine or context creation.
     */
    public static Factory factory(Path scriptsFolder, Path outputFolder, boolean spareContexts) {
        return factory(scriptsFolder, outputFolder, spareContexts, Set.of());
    }

    /**
     * As {@link #factory(Path, Path, boolean)}; the languages in {@code warm} get their spare context a few seconds
     * after start-up (before their first run; each costs memory), the others after their first run.
     */
    public static Factory factory(Path scriptsFolder, Path outputFolder, boolean spareContexts,
                                  Set<ScriptLanguage> warm) {
        Set<ScriptLanguage> w = Set.copyOf(warm);
        return services -> new BridgeScriptHost(services, scriptsFolder, outputFolder, spareContexts, w);
    }

    /** The runtime behind the host (tests, embedders). */
    public ScriptRuntime runtime() {
        return runtime;
    }

    @Override
    public RunInfo start(StartRequest request) {
        String name;
        String code;
        if (request.file() != null) {
            if (scriptsFolder == null) {
                throw BridgeException.badInput("this bridge has no scripts folder: send the script's text as \"code\"");
            }
            Path file;
            try {
                file = SafePaths.resolve(scriptsFolder, request.file(), Set.of(".js", ".py"), "the script file",
                        "the scripts folder");
            } catch (IllegalArgumentException | IllegalStateException e) {
                throw BridgeException.badInput(e.getMessage());
            } catch (IOException e) {
                throw BridgeException.badInput("cannot read the script " + request.file() + ": " + e.getMessage());
            }
            if (!Files.isRegularFile(file)) {
                throw BridgeException.badInput("no script '" + request.file() + "' in the scripts folder " + scriptsFolder);
            }
            try {
                code = Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw BridgeException.badInput("cannot read the script " + request.file() + ": " + e.getMessage());
            }
            name = request.name() != null && !request.name().isBlank() ? withExtension(request.name(), file.toString())
                    : file.getFileName().toString();
        } else {
            code = request.code();
            name = inlineName(request.name(), request.language());
        }
        forgetOldRuns();
        Duration limit = request.timeout() == null ? Duration.ZERO : request.timeout();
        return info(runtime.start(name, code, request.args(), limit));
    }

    /** The name an inline script runs under: its name, with the extension of its language. */
    private static String inlineName(String name, String language) {
        String ext = null;
        if (language != null && !language.isBlank()) {
            ext = switch (language.strip().toLowerCase(Locale.ROOT)) {
                case "js", "javascript" -> ".js";
                case "py", "python" -> ".py";
                default -> throw BridgeException.badInput("language is js (javascript) or py (python); got '"
                        + language + "'");
            };
        }
        String n = name == null || name.isBlank() ? "script" : name.strip();
        if (!n.matches("[A-Za-z0-9][A-Za-z0-9._ -]{0,99}")) {
            throw BridgeException.badInput("a script name is 1-100 letters, digits, '.', '_', '-' or spaces; got '"
                    + name + "'");
        }
        if (ext == null) {
            try {
                ScriptLanguage.ofFileName(n);
                return n;
            } catch (IllegalArgumentException e) {
                throw BridgeException.badInput("say the language: \"language\":\"js\" or \"py\", or a name ending in"
                        + " .js or .py");
            }
        }
        return n.toLowerCase(Locale.ROOT).endsWith(ext) ? n : n + ext;
    }

    private static String withExtension(String name, String file) {
        String ext = file.substring(file.lastIndexOf('.'));
        return name.toLowerCase(Locale.ROOT).endsWith(ext) ? name : name + ext;
    }

    private void forgetOldRuns() {
        List<ScriptRun> finished = runtime.runs().stream().filter(r -> r.state() != ScriptRun.State.RUNNING).toList();
        for (int i = 0; i < finished.size() - KEEP_FINISHED + 1; i++) {
            runtime.forget(finished.get(i).id());
        }
    }

    @Override
    public List<RunInfo> runs() {
        return runtime.runs().stream().map(BridgeScriptHost::info).toList();
    }

    @Override
    public Optional<RunInfo> run(String id) {
        return runtime.find(id).map(BridgeScriptHost::info);
    }

    @Override
    public Optional<RunInfo> stop(String id) {
        Optional<ScriptRun> run = runtime.find(id);
        run.ifPresent(r -> {
            r.stop();
            try {
                r.await(STOP_WAIT);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        return run.map(BridgeScriptHost::info);
    }

    @Override
    public boolean follow(String id, Consumer<String> output, Consumer<RunInfo> onEnd) {
        Optional<ScriptRun> run = runtime.find(id);
        run.ifPresent(r -> {
            r.follow(output);
            r.whenEnded().thenAccept(ended -> onEnd.accept(info(ended)));
        });
        return run.isPresent();
    }

    static RunInfo info(ScriptRun r) {
        Optional<ScriptException> error = r.error();
        String state = switch (r.state()) {
            case RUNNING -> "running";
            case FINISHED -> "finished";
            case FAILED -> error.map(e -> e.kind() == ScriptException.Kind.STOPPED).orElse(false) ? "stopped" : "failed";
        };
        return new RunInfo(r.id(), r.name(), r.language() == ScriptLanguage.PYTHON ? "python" : "javascript", state,
                r.startedAt(), r.endedAt().orElse(null), error.map(Throwable::getMessage).orElse(null), r.output());
    }

    @Override
    public void close() {
        runtime.close();
    }
}
