package io.kisbridge.scripting;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * What scripts publish with {@code cells.publish(name, value)}: the latest value per name, and listeners told of
 * every change (the bridge maps them to streaming cells {@code =KIS.SCRIPT(name)} and the topic {@code script:NAME}).
 * Values are plain Java values: String, Number, Boolean, null, {@code List} and {@code Map<String, Object>}.
 */
public final class PublishedValues {
    /** One publication. */
    public record Published(String name, Object value, String scriptId) {
    }

    private final Map<String, Published> latest = new ConcurrentHashMap<>();
    private final List<Consumer<Published>> listeners = new CopyOnWriteArrayList<>();

    public void publish(String name, Object value, String scriptId) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("a published name must be 1-100 characters; got '" + name + "'");
        }
        Published p = new Published(name, value, scriptId);
        latest.put(name, p);
        for (Consumer<Published> l : listeners) {
            l.accept(p);
        }
    }

    public Optional<Object> value(String name) {
        return Optional.ofNullable(latest.get(name)).map(Published::value);
    }

    public Optional<Published> latest(String name) {
        return Optional.ofNullable(latest.get(name));
    }

    public Map<String, Published> all() {
        return Map.copyOf(latest);
    }

    /** Registers a listener called (on the publishing script's thread) for every publication; close to remove. */
    public AutoCloseable subscribe(Consumer<Published> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }
}
