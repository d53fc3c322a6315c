package io.kisbridge.bridge.internal.stream;

import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.Topic;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The JSON text of the newest event per topic, so that a fan-out encodes once. The feed hands the same event object
 * to every socket watching a topic; the first socket to send it encodes it and the others reuse the text. Events are
 * compared by identity, so a socket that is behind (or ahead) gets its own event's text, encoded afresh.
 */
final class EncodedEvents {
    private record Encoded(RealtimeEvent event, String text) {
    }

    private final Map<Topic, Encoded> newest = new ConcurrentHashMap<>();
    private final LongAdder encodings = new LongAdder();

    String text(RealtimeEvent ev) {
        Encoded e = newest.get(ev.topic());
        if (e != null && e.event() == ev) {
            return e.text();
        }
        String text = StreamMessages.event(ev);
        encodings.increment();
        newest.put(ev.topic(), new Encoded(ev, text));
        return text;
    }

    /** Drops the topic's text once nobody watches it any more. */
    void forget(Topic topic) {
        newest.remove(topic);
    }

    /** Events encoded so far (for tests). */
    long encodings() {
        return encodings.sum();
    }
}
