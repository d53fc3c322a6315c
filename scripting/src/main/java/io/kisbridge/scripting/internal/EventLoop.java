package io.kisbridge.scripting.internal;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The run's own thread drains this queue: realtime callbacks and timers are posted here from other threads,
 * because a polyglot context may only be entered by one thread at a time. The loop ends when nothing holds it
 * open (no timer, no subscription) and nothing is queued, or when stopped.
 */
public final class EventLoop {
    private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    private final AtomicInteger holds = new AtomicInteger();
    private volatile boolean stopped;

    public void post(Runnable task) {
        if (!stopped) {
            queue.add(task);
        }
    }

    public void hold() {
        holds.incrementAndGet();
    }

    public void release() {
        holds.decrementAndGet();
        queue.add(() -> { });
    }

    public void stop() {
        stopped = true;
        queue.add(() -> { });
    }

    public boolean stopped() {
        return stopped;
    }

    /** Runs tasks on the calling thread until the loop is idle or stopped; {@code beforeTask} runs before each. */
    public void run(Runnable beforeTask) throws InterruptedException {
        while (!stopped) {
            Runnable task = queue.poll(100, TimeUnit.MILLISECONDS);
            if (task == null) {
                if (holds.get() <= 0 && queue.isEmpty()) {
                    return;
                }
                continue;
            }
            if (!stopped) {
                beforeTask.run();
                task.run();
            }
        }
    }
}
