package io.kisbridge.libreoffice.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** The one daemon thread that tells Calc about new values, in the order they arrived. */
public final class Notifier implements AutoCloseable {
    private final ExecutorService thread = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "kisbridge-calc-notifier");
        t.setDaemon(true);
        return t;
    });

    public void submit(Runnable task) {
        try {
            thread.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            // shutting down: nobody to tell
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
    }
}
