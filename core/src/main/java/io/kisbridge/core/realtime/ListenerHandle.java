package io.kisbridge.core.realtime;

/** Stops a listener when closed (no checked exception, unlike {@link AutoCloseable}). */
@FunctionalInterface
public interface ListenerHandle extends AutoCloseable {
    @Override
    void close();
}
