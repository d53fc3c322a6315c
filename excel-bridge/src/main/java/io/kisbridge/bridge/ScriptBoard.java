package io.kisbridge.bridge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * The latest value scripts published under each name ({@code cells.publish(name, value)}), read by the cell function
 * {@code SCRIPT(name)} and pushed to {@code /v1/stream} clients of the topic {@code script:NAME}. Values are plain
 * Java values: String, Number, Boolean, null, {@code List} and {@code Map<String, Object>}. Thread-safe.
 */
public final class ScriptBoard {
    public static final int MAX_NAME = 100;

    /** One publication: what, by which run, when. */
    public record Publication(String name, Object value, String source, Instant at) {
    }

    private final Map<String, Publication> latest = new ConcurrentHashMap<>();
    private final Map<String, List<Consumer<Publication>>> listeners = new ConcurrentHashMap<>();

    /** Stores the value and tells every listener of the name (on the caller's thread). */
    public Publication publish(String name, Object value, String source) {
        checkName(name);
        Publication p = new Publication(name, value, source, Instant.now());
        latest.put(name, p);
        for (Consumer<Publication> l : listeners.getOrDefault(name, List.of())) {
            l.accept(p);
        }
        return p;
    }

    public Optional<Publication> latest(String name) {
        return Optional.ofNullable(name == null ? null : latest.get(name));
    }

    /** Every name with its latest publication, sorted by name. */
    public Map<String, Publication> all() {
        return new TreeMap<>(latest);
    }

    /** Calls {@code listener} for every later publication of {@code name}; close the handle to stop. */
    public AutoCloseable subscribe(String name, Consumer<Publication> listener) {
        checkName(name);
        List<Consumer<Publication>> l = listeners.computeIfAbsent(name, n -> new CopyOnWriteArrayList<>());
        l.add(listener);
        return () -> l.remove(listener);
    }

    public static void checkName(String name) {
        if (name == null || name.isBlank() || name.length() > MAX_NAME) {
            throw BridgeException.badInput("a published name is 1-" + MAX_NAME + " characters; got '" + name + "'");
        }
    }
}
