package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.Subscription;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.TopicState;

/** A listener's hold on a topic; the first {@link #close()} runs the release. */
public final class TopicSubscription implements Subscription {
    private final TopicEntry entry;
    private final Runnable release;
    private volatile boolean closed;

    public TopicSubscription(TopicEntry entry, Runnable release) {
        this.entry = entry;
        this.release = release;
    }

    @Override
    public Topic topic() {
        return entry.topic();
    }

    @Override
    public TopicState state() {
        return entry.state();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            release.run();
        }
    }
}
