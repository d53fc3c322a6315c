package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.FeedStatus;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.TopicState;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * One watched topic: its listeners' queues, registration state and last data event. Changes happen under the
 * feed lock; the fields are volatile so that subscriptions and publishers read them without it.
 */
public final class TopicEntry {
    private final Topic topic;
    private final List<ListenerQueue<RealtimeEvent>> listeners = new CopyOnWriteArrayList<>();
    private volatile TopicState state = TopicState.PENDING;
    private volatile String detail = "";
    private volatile boolean registered;
    private volatile RealtimeEvent.Data last;

    TopicEntry(Topic topic) {
        this.topic = topic;
    }

    public Topic topic() {
        return topic;
    }

    public TopicState state() {
        return state;
    }

    public String detail() {
        return detail;
    }

    /** True while a subscribe for this topic is sent to or held at KIS. */
    public boolean registered() {
        return registered;
    }

    void setRegistered(boolean registered) {
        this.registered = registered;
    }

    /** Sets the state without telling the listeners. */
    void setState(TopicState state) {
        this.state = state;
    }

    /** Sets state and detail and tells the listeners. */
    void update(TopicState state, String detail, FeedStatus feed) {
        this.state = state;
        this.detail = detail;
        publishStatus(feed);
    }

    void addListener(ListenerQueue<RealtimeEvent> q) {
        listeners.add(q);
    }

    /** @return false if {@code q} was not a listener */
    boolean removeListener(ListenerQueue<RealtimeEvent> q) {
        return listeners.remove(q);
    }

    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    int listenerCount() {
        return listeners.size();
    }

    void closeListeners() {
        listeners.forEach(ListenerQueue::close);
    }

    /** Gives a new listener the topic's current status and, if any, its latest data. */
    public void offerCurrent(ListenerQueue<RealtimeEvent> q, FeedStatus feed) {
        q.offer(new RealtimeEvent.Status(topic, state, feed, detail));
        RealtimeEvent.Data latest = last;
        if (latest != null) {
            q.offer(latest);
        }
    }

    /** Enqueues a data event for every listener (never blocks on them). */
    public void publish(RealtimeEvent.Data event) {
        last = event;
        for (ListenerQueue<RealtimeEvent> q : listeners) {
            q.offer(event);
        }
    }

    void publishStatus(FeedStatus feed) {
        RealtimeEvent.Status event = new RealtimeEvent.Status(topic, state, feed, detail);
        for (ListenerQueue<RealtimeEvent> q : listeners) {
            q.offer(event);
        }
    }
}
