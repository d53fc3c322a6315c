package io.kisbridge.bridge.internal.stream;

import io.kisbridge.core.realtime.DeliveryMode;
import io.kisbridge.core.realtime.FeedStatus;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.Subscription;
import io.kisbridge.core.realtime.Topic;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * One feed topic as the hub serves it: the hub's single subscription on the feed, and the sockets watching the
 * topic. Each event is encoded once and its text queued into every socket's outbox: trade/book data as a
 * latest-value message, fills and statuses as ordered ones. An every-record fanout (sockets that subscribed with
 * {@code "conflate":false}) holds a {@link DeliveryMode#ALL} subscription, so the feed hands over every record (a
 * multi-record H0STCNT0 frame as N events), and queues trade/book data as every-record messages. A socket that joins later first gets the topic's last
 * status (with the feed's current state, as the feed gives a new listener) and last value, then every later event.
 * Events and joins are serialised on this object, so a joiner never misses or repeats one.
 */
final class TopicFanout {
    private final Topic topic;
    private final String name;
    private final boolean latestWins;
    private final boolean everyRecord;
    private final SendCounters counters;
    private final Set<StreamSocket> sockets = new LinkedHashSet<>();
    private RealtimeEvent.Status lastStatus;
    private String lastData;
    private Subscription subscription;

    TopicFanout(Topic topic, SendCounters counters) {
        this(topic, false, counters);
    }

    /** {@code everyRecord}: for sockets that want every record of a trade/book topic ({@code "conflate":false}). */
    TopicFanout(Topic topic, boolean everyRecord, SendCounters counters) {
        this.topic = topic;
        this.name = topic.toString();
        this.everyRecord = everyRecord && topic.kind() != Topic.Kind.FILLS;
        this.latestWins = !this.everyRecord && topic.kind() != Topic.Kind.FILLS;
        this.counters = counters;
    }

    /** How the hub's feed subscription for this fanout must deliver. */
    DeliveryMode deliveryMode() {
        return latestWins ? DeliveryMode.LATEST : DeliveryMode.ALL;
    }

    /** The feed's listener for this topic. */
    synchronized void onEvent(RealtimeEvent ev) {
        if (ev instanceof RealtimeEvent.Dropped gap) {
            // the feed's queue in front of this fanout overflowed (the bridge fell behind the feed): every socket of
            // the topic missed these records, reported as each socket's own gaps are
            for (StreamSocket socket : sockets) {
                socket.noteDropped(name, gap.count());
            }
            return;
        }
        String text = StreamMessages.event(ev);
        counters.encodings.increment();
        if (ev instanceof RealtimeEvent.Status s) {
            lastStatus = s;
            for (StreamSocket socket : sockets) {
                socket.offerOrdered(name, text);
            }
            return;
        }
        lastData = text;
        for (StreamSocket socket : sockets) {
            offerData(socket, text);
        }
    }

    /**
     * Adds a socket; if the topic has had a status or value already, the socket gets them now. {@code feedNow} is
     * the feed's current status, read by the caller outside this lock.
     */
    synchronized void join(StreamSocket socket, FeedStatus feedNow) {
        if (!sockets.add(socket)) {
            return;
        }
        if (lastStatus != null) {
            socket.offerOrdered(name, StreamMessages.event(
                    new RealtimeEvent.Status(topic, lastStatus.state(), feedNow, lastStatus.detail())));
        }
        if (lastData != null) {
            offerData(socket, lastData);
        }
    }

    /** Removes a socket; returns true if nobody watches the topic any more. */
    synchronized boolean leave(StreamSocket socket) {
        sockets.remove(socket);
        return sockets.isEmpty();
    }

    /** The hub's feed subscription; set and read under the hub's topic lock. */
    void subscription(Subscription s) {
        this.subscription = s;
    }

    Subscription subscription() {
        return subscription;
    }

    private void offerData(StreamSocket socket, String text) {
        if (latestWins) {
            socket.offerLatest(name, text);
        } else if (everyRecord) {
            socket.offerEvery(name, text);
        } else {
            socket.offerOrdered(name, text);
        }
    }
}
