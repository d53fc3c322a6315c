package io.kisbridge.bench.internal;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time of this process's live platform threads (ThreadMXBean). Virtual threads are counted in the carrier threads
 * that run them; GC, JIT and other JVM-internal threads are not Java threads and do not appear; neither does a thread
 * that has ended.
 */
public final class ThreadCpu {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /** CPU nanoseconds and name of one thread. */
    public record Usage(String name, long cpuNanos) {
    }

    private ThreadCpu() {
    }

    public static boolean supported() {
        return THREADS.isThreadCpuTimeSupported() && THREADS.isThreadCpuTimeEnabled();
    }

    /** Thread id → usage so far, for every live platform thread (empty if per-thread CPU time is unsupported). */
    public static Map<Long, Usage> sample() {
        Map<Long, Usage> out = new HashMap<>();
        if (!supported()) {
            return out;
        }
        long[] ids = THREADS.getAllThreadIds();
        ThreadInfo[] infos = THREADS.getThreadInfo(ids);
        for (int i = 0; i < ids.length; i++) {
            long cpu = THREADS.getThreadCpuTime(ids[i]);
            if (cpu >= 0 && infos[i] != null) {
                out.put(ids[i], new Usage(infos[i].getThreadName(), cpu));
            }
        }
        return out;
    }

    /** Per thread, the CPU used between two samples (a thread born in between counts from zero). */
    public static Map<Long, Usage> between(Map<Long, Usage> before, Map<Long, Usage> after) {
        Map<Long, Usage> out = new HashMap<>();
        after.forEach((id, u) -> {
            Usage b = before.get(id);
            out.put(id, new Usage(u.name(), u.cpuNanos() - (b == null ? 0 : b.cpuNanos())));
        });
        return out;
    }
}
