package io.kisbridge.bench;

import java.io.PrintStream;
import java.util.List;

/**
 * A load driver run by {@code ./kisbridge bench NAME [options]} (or {@code java -cp benchmarks.jar
 * io.kisbridge.bench.BenchMain NAME}). A driver starts what it needs (simulator, bridge) in-process or as child
 * processes, applies its load, prints a human-readable report and a final machine-readable line
 * {@code RESULT name key=value ...}, and returns the process exit status (0 = ran; targets missed are reported, not
 * failures, unless the driver is asked to enforce them).
 */
public interface Driver {
    /** The command-line name, e.g. {@code storm}. */
    String name();

    /** One line for {@code ./kisbridge bench --help}. */
    String summary();

    /**
     * Runs with the arguments after the name; writes the report to {@code out}. A bad option throws
     * {@link IllegalArgumentException}, which {@link BenchMain} prints after the driver's name (exit status 2).
     */
    int run(List<String> args, PrintStream out) throws Exception;
}
