package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.FeedState;
import io.kisbridge.core.realtime.FeedStatus;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.TopicState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The reference-counted topics of a feed: one KIS registration per topic however many listeners watch it, at
 * most {@code maxRegistrations} of them. Topics over the cap are {@link TopicState#OVERFLOW} (or
 * {@link TopicState#POLLING} for trade topics when REST polling is on) and the oldest is promoted when a slot
 * frees. Not thread-safe: every method expects the caller to hold the feed lock.
 */
public final class TopicRegistry {

    /** Where subscribe/unsubscribe requests go: the current connection. */
    public interface Channel {
        /** True if requests can be sent now: a current socket and the feed {@link FeedState#CONNECTED}. */
        boolean ready();

        void send(String trType, String trId, String trKey);
    }

    /** Insertion order decides who gets the registrations when over the cap. */
    private final Map<Topic, TopicEntry> topics = new LinkedHashMap<>();
    /** The same entries by TR ID and key, so a data record finds its topic without building one. */
    private final Map<String, Map<String, TopicEntry>> byTrAndKey = new java.util.HashMap<>();
    private final int maxRegistrations;
    private final boolean paper;
    private final String htsId;
    private final boolean restFallback;
    private final AtomicLong registrationRejections;
    private final StatusBoard status;

    public TopicRegistry(int maxRegistrations, boolean paper, String htsId, boolean restFallback,
            AtomicLong registrationRejections, StatusBoard status) {
        this.maxRegistrations = maxRegistrations;
        this.paper = paper;
        this.htsId = htsId;
        this.restFallback = restFallback;
        this.registrationRejections = registrationRejections;
        this.status = status;
    }

    /**
     * Adds a listener to a topic; the first listener creates the topic and registers it if the feed is
     * connected (otherwise it waits for the connection).
     */
    public TopicEntry add(Topic topic, ListenerQueue<RealtimeEvent> queue, Channel channel) {
        TopicEntry entry = topics.get(topic);
        boolean fresh = entry == null;
        if (fresh) {
            entry = new TopicEntry(topic);
            topics.put(topic, entry);
            byTrAndKey.computeIfAbsent(topic.schema().trId(), k -> new java.util.HashMap<>()).put(topic.code(), entry);
        }
        entry.addListener(queue);
        if (fresh) {
            FeedState state = status.state();
            if (state == FeedState.CONNECTED) {
                register(entry, channel);
            } else {
                entry.setState(state == FeedState.IDLE || state == FeedState.CONNECTING ? TopicState.PENDING
                        : TopicState.RECONNECTING);
            }
        }
        return entry;
    }

    /**
     * Removes a listener; the last one removes the topic, unsubscribes it at KIS and hands its slot to the
     * oldest overflowed topic.
     */
    public void release(TopicEntry e, ListenerQueue<RealtimeEvent> q, Channel channel) {
        if (!e.removeListener(q) || e.hasListeners() || topics.get(e.topic()) != e) {
            return;
        }
        topics.remove(e.topic());
        Map<String, TopicEntry> ofTr = byTrAndKey.get(e.topic().schema().trId());
        if (ofTr != null) {
            ofTr.remove(e.topic().code());
        }
        if (e.registered()) {
            e.setRegistered(false);
            if (channel.ready()) {
                channel.send(ControlCodec.UNSUBSCRIBE, e.topic().trId(paper), trKey(e.topic()));
            }
            // A slot is free: promote the oldest overflowed topic.
            for (TopicEntry other : topics.values()) {
                if (!other.registered()
                        && (other.state() == TopicState.OVERFLOW || other.state() == TopicState.POLLING)) {
                    register(other, channel);
                    break;
                }
            }
        }
    }

    /** After the connection opened: registers every topic, in order, up to the cap. */
    public void registerAll(Channel channel) {
        for (TopicEntry e : topics.values()) {
            register(e, channel);
        }
    }

    /** After the connection closed: nothing is registered any more; topics not polled await the reconnect. */
    public void markDisconnected() {
        for (TopicEntry e : topics.values()) {
            e.setRegistered(false);
            if (e.state() != TopicState.POLLING) {
                e.setState(TopicState.RECONNECTING);
            }
        }
    }

    /** Tells every topic listener about a connection status change. */
    public void publishFeedStatus(FeedStatus feed) {
        for (TopicEntry e : topics.values()) {
            e.publishStatus(feed);
        }
    }

    /** Sends the subscribe for a topic if a registration slot is free; otherwise marks it overflowed. */
    private void register(TopicEntry e, Channel channel) {
        if (e.registered()) {
            return;
        }
        if (registrations() >= maxRegistrations) {
            overflow(e, "over the " + maxRegistrations + "-registration cap");
            return;
        }
        if (!channel.ready()) {
            return;
        }
        e.setRegistered(true);
        e.setState(TopicState.PENDING);
        channel.send(ControlCodec.SUBSCRIBE, e.topic().trId(paper), trKey(e.topic()));
    }

    /** The topic gets no registration (cap reached here or at KIS): polled if it can be, else overflowed. */
    public void overflow(TopicEntry e, String detail) {
        registrationRejections.incrementAndGet();
        e.setRegistered(false);
        // The REST fallback polls the KRX price, so only KRX trade topics can be served by it.
        boolean poll = restFallback && e.topic().equals(Topic.trade(e.topic().code()));
        update(e, poll ? TopicState.POLLING : TopicState.OVERFLOW,
                detail + (poll ? "; polling the REST price instead" : "; no realtime data"));
    }

    /** KIS refused the registration for another reason than the cap. */
    public void refuse(TopicEntry e, String detail) {
        e.setRegistered(false);
        update(e, TopicState.ERROR, detail);
    }

    public void update(TopicEntry e, TopicState s, String detail) {
        e.update(s, detail, status.last());
    }

    /** The topic an ack is about, or null. */
    public TopicEntry forAck(String trId, String trKey) {
        for (TopicEntry e : topics.values()) {
            if (e.topic().trId(paper).equals(trId) && trKey(e.topic()).equals(trKey)) {
                return e;
            }
        }
        return null;
    }

    /** The only watched topic of a TR (its real ID), or null when none or several are. */
    public TopicEntry onlyTopicOf(String trId) {
        Map<String, TopicEntry> ofTr = byTrAndKey.get(trId);
        return ofTr == null || ofTr.size() != 1 ? null : ofTr.values().iterator().next();
    }

    /** The watched topic of a TR (its real ID) and key (a code, an index code; empty for fills), or null. */
    public TopicEntry find(String trId, String key) {
        Map<String, TopicEntry> ofTr = byTrAndKey.get(trId);
        return ofTr == null || key == null ? null : ofTr.get(key);
    }

    public TopicEntry get(Topic topic) {
        return topics.get(topic);
    }

    /** Topics served by REST polling, in order. */
    public List<TopicEntry> polling() {
        List<TopicEntry> polling = new ArrayList<>();
        for (TopicEntry e : topics.values()) {
            if (e.state() == TopicState.POLLING) {
                polling.add(e);
            }
        }
        return polling;
    }

    /** State of a topic, or null if nobody watches it. */
    public TopicState state(Topic topic) {
        TopicEntry e = topics.get(topic);
        return e == null ? null : e.state();
    }

    /** Topic → number of listeners. */
    public Map<Topic, Integer> listenerCounts() {
        Map<Topic, Integer> m = new LinkedHashMap<>();
        topics.forEach((t, e) -> m.put(t, e.listenerCount()));
        return m;
    }

    /** Registrations currently sent to or held at KIS. */
    public int registrations() {
        int n = 0;
        for (TopicEntry e : topics.values()) {
            if (e.registered()) {
                n++;
            }
        }
        return n;
    }

    /** Feed closed: stops every listener and forgets every topic. */
    public void closeAll() {
        for (TopicEntry e : topics.values()) {
            e.closeListeners();
        }
        topics.clear();
        byTrAndKey.clear();
    }

    private String trKey(Topic t) {
        return t.kind() == Topic.Kind.FILLS ? htsId : t.code();
    }
}
