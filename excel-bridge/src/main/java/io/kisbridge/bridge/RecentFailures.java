package io.kisbridge.bridge;

import io.kisbridge.bridge.internal.ErrorMapping;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latest distinct failing calls (call text + answer), bounded: a repeat moves its entry to the end and counts,
 * so a storm of one bad cell takes one place, not all of them.
 */
final class RecentFailures {
    private static final int MAX_CALL_TEXT = 120;

    private record Key(String call, String cell) {
    }

    private final int capacity;
    private final Clock clock = Clock.systemUTC();
    private final LinkedHashMap<Key, FunctionStats.Failure> entries = new LinkedHashMap<>();

    RecentFailures(int capacity) {
        this.capacity = capacity;
    }

    void add(String name, List<String> args, Map<String, String> named, RuntimeException e) {
        ErrorMapping.Mapped m = ErrorMapping.map(e);
        add(callText(name, args, named), m.cellText(), m.kind(), clock.instant());
    }

    synchronized void add(String call, String cell, String kind, Instant at) {
        Key k = new Key(call, cell);
        FunctionStats.Failure old = entries.remove(k);
        entries.put(k, new FunctionStats.Failure(at, call, cell, kind, old == null ? 1 : old.count() + 1));
        Iterator<Key> it = entries.keySet().iterator();
        while (entries.size() > capacity) {
            it.next();
            it.remove();
        }
    }

    synchronized List<FunctionStats.Failure> snapshot() {
        return new ArrayList<>(entries.values());
    }

    static String callText(String name, List<String> args, Map<String, String> named) {
        StringBuilder b = new StringBuilder(String.valueOf(name).strip().toUpperCase(java.util.Locale.ROOT)).append('(');
        List<String> parts = new ArrayList<>(args == null ? List.of() : args);
        (named == null ? Map.<String, String>of() : named).forEach((k, v) -> parts.add(k + "=" + v));
        b.append(String.join(", ", parts)).append(')');
        return b.length() > MAX_CALL_TEXT ? b.substring(0, MAX_CALL_TEXT - 1) + "…" : b.toString();
    }
}
