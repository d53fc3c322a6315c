package io.kisbridge.core.realtime;

import java.util.Map;

/** What a topic listener receives: data, or a status change of the topic or of the connection. */
public sealed interface RealtimeEvent permits RealtimeEvent.Data, RealtimeEvent.Status, RealtimeEvent.Dropped {

    Topic topic();

    /**
     * A realtime value. {@code value} is a {@link Trade}, {@link OrderBook}, {@link ExecutionNotice} or, for a
     * trade topic served by REST polling, a {@link PolledPrice} (then {@code record} is null).
     */
    record Data(Topic topic, Object value, RealtimeRecord record) implements RealtimeEvent {
        /** Field code → typed value of the realtime record (empty for polled prices). */
        public Map<String, Object> fields() {
            return record == null ? Map.of() : record.toMap();
        }
    }

    /**
     * {@code count} data events of the topic that a {@link DeliveryMode#ALL} listener did not get: its queue was full
     * (the listener fell behind the feed). It comes in their place, before the next event the listener gets.
     */
    record Dropped(Topic topic, long count) implements RealtimeEvent {
    }

    /** The topic's registration state changed, or the connection did ({@code feed}). */
    record Status(Topic topic, TopicState state, FeedStatus feed, String detail) implements RealtimeEvent {
    }
}
