package io.kisbridge.bench;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** Entry point of the load drivers: {@code BenchMain NAME [options]}; JMH keeps its own main in benchmarks.jar. */
public final class BenchMain {
    private BenchMain() {
    }

    /** Every driver, in the order {@code --help} lists them. */
    static List<Driver> drivers() {
        return List.of(new StormDriver(), new ThroughputDriver(), new ReadyDriver(), new LatencyDriver(), new MemoryDriver(),
                new ScriptStartDriver(), new EnduranceDriver());
    }

    static Optional<Driver> find(String name) {
        return drivers().stream().filter(d -> d.name().equals(name)).findFirst();
    }

    public static void main(String[] argv) throws Exception {
        System.exit(run(Arrays.asList(argv), System.out));
    }

    static int run(List<String> argv, PrintStream out) throws Exception {
        if (argv.isEmpty() || argv.get(0).equals("--help") || argv.get(0).equals("-h")) {
            out.println("usage: ./kisbridge bench NAME [options]   (NAME --help for a driver's options)");
            out.println("       ./kisbridge bench jmh [JMH options]  (the microbenchmarks)");
            for (Driver d : drivers()) {
                out.printf("  %-12s %s%n", d.name(), d.summary());
            }
            return argv.isEmpty() ? 2 : 0;
        }
        Optional<Driver> d = find(argv.get(0));
        if (d.isEmpty()) {
            out.println("no driver named '" + argv.get(0) + "'; ./kisbridge bench --help lists them");
            return 2;
        }
        try {
            return d.get().run(argv.subList(1, argv.size()), out);
        } catch (IllegalArgumentException badOption) {
            out.println(d.get().name() + ": " + badOption.getMessage());
            return 2;
        }
    }
}
