package io.kisbridge.bench.internal;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory, heap after a collection and CPU time of this process (Linux /proc and the platform MXBeans). */
public final class ProcessStats {
    private ProcessStats() {
    }

    /** VmRSS of a process in KiB from /proc/PID/status, or -1 where there is no /proc. */
    public static long rssKib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D+", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    public static long selfRssKib() {
        return rssKib(ProcessHandle.current().pid());
    }

    /** Heap used after asking for a full collection twice (as close to "live data" as the JVM lets us get). */
    public static long heapUsedAfterGcBytes() {
        MemoryMXBean m = ManagementFactory.getMemoryMXBean();
        m.gc();
        m.gc();
        return m.getHeapMemoryUsage().getUsed();
    }

    /** CPU time of this process in nanoseconds (all threads, user + system), or -1 if unsupported. */
    public static long cpuTimeNanos() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return -1;
    }

    public static int cores() {
        return Runtime.getRuntime().availableProcessors();
    }

    /** The 1-minute load average of the machine, or NaN. */
    public static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
