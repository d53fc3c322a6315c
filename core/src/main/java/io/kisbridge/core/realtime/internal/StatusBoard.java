package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.FeedState;
import io.kisbridge.core.realtime.FeedStatus;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The feed's connection state, its last published status and the status listeners. State and status are
 * guarded by the feed lock (callers hold it); the listener list is copy-on-write and needs no lock.
 */
public final class StatusBoard {
    private final Clock clock;
    private final List<ListenerQueue<FeedStatus>> listeners = new CopyOnWriteArrayList<>();
    private FeedState state = FeedState.IDLE;
    private FeedStatus last;

    public StatusBoard(Clock clock) {
        this.clock = clock;
        this.last = new FeedStatus(FeedState.IDLE, "", 0, clock.instant());
    }

    public FeedState state() {
        return state;
    }

    public FeedStatus last() {
        return last;
    }

    /** Changes the state without publishing a status. */
    public void enter(FeedState s) {
        state = s;
    }

    /** Changes the state and offers the new status to every status listener; returns that status. */
    public FeedStatus publish(FeedState s, String detail, int attempt) {
        state = s;
        last = new FeedStatus(s, detail, attempt, clock.instant());
        for (ListenerQueue<FeedStatus> q : listeners) {
            q.offer(last);
        }
        return last;
    }

    public void addListener(ListenerQueue<FeedStatus> q) {
        listeners.add(q);
    }

    public void removeListener(ListenerQueue<FeedStatus> q) {
        listeners.remove(q);
    }

    public void closeListeners() {
        listeners.forEach(ListenerQueue::close);
    }
}
