package io.kisbridge.scripting.internal;

import com.sun.management.GarbageCollectionNotificationInfo;
import com.sun.management.ThreadMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Stops a memory bomb before it takes the JVM (and the bridge's HTTP threads) with it. GraalVM's community sandbox
 * has no per-context heap limit, so this watches the heap after every full (major) collection: when what survives one
 * is above {@code fraction} of the maximum heap, the watched run whose thread allocated the most since
 * the previous one is stopped with the reason. At most one run is stopped per {@link #QUIET_NANOS}, so the
 * memory of the one stopped can be freed before anyone else is blamed.
 */
public final class MemoryGuard implements AutoCloseable {
    static final long QUIET_NANOS = 5_000_000_000L;

    private final double fraction;
    private final ThreadMXBean threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
    private final Map<Thread, Watched> watched = new ConcurrentHashMap<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = this::onNotification;
    private final LongSupplier nanos;
    private volatile long lastStop = Long.MIN_VALUE / 2;

    private static final class Watched {
        final Consumer<String> stop;
        long allocatedAtLastGc;

        Watched(Consumer<String> stop, long allocated) {
            this.stop = stop;
            this.allocatedAtLastGc = allocated;
        }
    }

    public MemoryGuard(double fraction) {
        this(fraction, System::nanoTime);
    }

    MemoryGuard(double fraction, LongSupplier nanos) {
        if (!(fraction > 0 && fraction < 1)) {
            throw new IllegalArgumentException("the heap fraction must be between 0 and 1; got " + fraction);
        }
        this.fraction = fraction;
        this.nanos = nanos;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter e) {
                e.addNotificationListener(listener, null, null);
                emitters.add(e);
            }
        }
    }

    /**
     * Watches {@code thread} (a run's own thread) until the returned handle is closed; {@code stop} receives the
     * reason when this run is the one to stop.
     */
    public AutoCloseable watch(Thread thread, Consumer<String> stop) {
        watched.put(thread, new Watched(stop, allocated(thread)));
        return () -> watched.remove(thread);
    }

    private long allocated(Thread t) {
        long a = threads.getThreadAllocatedBytes(t.threadId());
        return Math.max(a, 0);
    }

    private void onNotification(Notification n, Object handback) {
        if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            return;
        }
        GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
        if (!countsLiveData(info.getGcName(), info.getGcAction())) {
            return;
        }
        long used = 0;
        for (Map.Entry<String, MemoryUsage> e : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
            if (heapPools.contains(e.getKey())) {
                used += e.getValue().getUsed();
            }
        }
        afterGc(used, Runtime.getRuntime().maxMemory());
    }

    /**
     * Only collections whose outcome is the live heap count: full (major) collections. A young collection leaves the
     * old generation's garbage (G1 puts big arrays straight there) and G1's concurrent pauses report the heap before
     * regions are reclaimed, so their "after" figure mistook a gigabyte of print for a bomb.
     */
    static boolean countsLiveData(String gcName, String gcAction) {
        String name = gcName == null ? "" : gcName.toLowerCase(java.util.Locale.ROOT);
        String action = gcAction == null ? "" : gcAction.toLowerCase(java.util.Locale.ROOT);
        return action.contains("major") || name.contains("major");
    }

    /** One collection's outcome: {@code used} heap bytes survived, of {@code max}. */
    void afterGc(long used, long max) {
        Thread worst = null;
        long worstDelta = -1;
        for (Map.Entry<Thread, Watched> e : watched.entrySet()) {
            long now = allocated(e.getKey());
            long delta = now - e.getValue().allocatedAtLastGc;
            e.getValue().allocatedAtLastGc = now;
            if (delta > worstDelta) {
                worst = e.getKey();
                worstDelta = delta;
            }
        }
        long t = nanos.getAsLong();
        // worstDelta 0: no run allocated (or this JVM cannot count allocations per thread): nobody to blame
        if (worst == null || worstDelta <= 0 || used <= fraction * max || t - lastStop < QUIET_NANOS) {
            return;
        }
        Watched w = watched.get(worst);
        if (w != null) {
            lastStop = t;
            w.stop.accept(String.format("the heap was %d of %d MiB full after garbage collection and this script"
                    + " allocated the most since the previous one (%d MiB); a memory bomb?", used >> 20, max >> 20,
                    worstDelta >> 20));
        }
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already removed
            }
        }
        watched.clear();
    }
}
