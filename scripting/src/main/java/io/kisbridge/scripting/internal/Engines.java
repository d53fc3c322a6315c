package io.kisbridge.scripting.internal;

import io.kisbridge.scripting.ScriptLanguage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import org.graalvm.polyglot.Context;
import org.graalvm.polyglot.Engine;
import org.graalvm.polyglot.ResourceLimits;
import org.graalvm.polyglot.SandboxPolicy;

/**
 * One GraalVM engine per language for the whole JVM, so the second script of a language reuses the parsed
 * language runtime and starts fast. Engines live until the JVM exits.
 */
public final class Engines {
    private static final Map<ScriptLanguage, Engine> ENGINES = new EnumMap<>(ScriptLanguage.class);
    /** One ResourceLimits per limit value, shared by the contexts that use it. */
    private static final Map<Long, ResourceLimits> LIMITS = new ConcurrentHashMap<>();
    private static final Set<Context> OVER_LIMIT = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    private Engines() {
    }

    public static synchronized Engine get(ScriptLanguage language) {
        return ENGINES.computeIfAbsent(language, Engines::create);
    }

    private static Engine create(ScriptLanguage language) {
        Engine.Builder b = Engine.newBuilder(language.id())
                .sandbox(SandboxPolicy.CONSTRAINED)
                .out(OutputSink.DISCARD)
                .err(OutputSink.DISCARD)
                // Plain JDKs have no Graal JIT: the interpreter is expected, not worth a warning per run.
                .option("engine.WarnInterpreterOnly", "false");
        return b.build();
    }

    /** Statement limit counting the script's own statements (not the internal prelude). */
    public static ResourceLimits statementLimit(long limit) {
        return LIMITS.computeIfAbsent(limit, l -> ResourceLimits.newBuilder()
                .statementLimit(l, source -> !source.isInternal())
                .onLimit(event -> OVER_LIMIT.add(event.getContext()))
                .build());
    }

    /**
     * Whether this context hit its statement limit. Asked instead of PolyglotException.isResourceExhausted()
     * because GraalPy's cancellation surfaces as an internal error (IllegalMonitorStateException on the GIL).
     */
    public static boolean overLimit(Context context) {
        return context != null && OVER_LIMIT.remove(context);
    }
}
