package io.kisbridge.core.realtime.internal;

import io.kisbridge.core.realtime.AesKey;
import io.kisbridge.core.realtime.ExecutionNotice;
import io.kisbridge.core.realtime.FrameFormatException;
import io.kisbridge.core.realtime.FrameParser;
import io.kisbridge.core.realtime.OrderBook;
import io.kisbridge.core.realtime.ParsedFrame;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.RealtimeFeed;
import io.kisbridge.core.realtime.RealtimeRecord;
import io.kisbridge.core.realtime.RealtimeSchema;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.Trade;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Parses data frames (decrypting with the ack's AES key) and publishes each record to its topic's listeners.
 * Bad frames are counted, logged sparsely and dropped. Holds the feed lock only to look the topic up.
 */
public final class DataFrameRouter {
    private static final Logger LOG = LoggerFactory.getLogger(RealtimeFeed.class);

    private final Object lock;
    private final TopicRegistry registry;
    private final Map<String, AesKey> aesKeys;
    private final FeedMetrics metrics;

    public DataFrameRouter(Object lock, TopicRegistry registry, Map<String, AesKey> aesKeys, FeedMetrics metrics) {
        this.lock = lock;
        this.registry = registry;
        this.aesKeys = aesKeys;
        this.metrics = metrics;
    }

    public void onDataFrame(String text) {
        metrics.dataFrames().incrementAndGet();
        ParsedFrame frame;
        try {
            frame = FrameParser.parse(text, aesKeys::get);
        } catch (FrameFormatException e) {
            AtomicLong c = switch (e.reason()) {
                case UNKNOWN_TR_ID -> metrics.unknownTrFrames();
                case NO_KEY, DECRYPTION_FAILED -> metrics.decryptFailures();
                default -> metrics.malformedFrames();
            };
            long n = c.incrementAndGet();
            if (n <= 5 || n % 1000 == 0) {
                LOG.warn("realtime: bad frame #{} ({} chars): {}", n, text.length(), e.getMessage());
            }
            return;
        }
        for (RealtimeRecord r : frame.records()) {
            metrics.records().incrementAndGet();
            if (!r.fieldCountMatches()) {
                metrics.fieldCountMismatches().incrementAndGet();
                if (r.size() < r.schema().fieldCount()) {
                    continue;
                }
            }
            route(r);
        }
    }

    private void route(RealtimeRecord r) {
        RealtimeSchema schema = r.schema();
        TopicEntry entry;
        synchronized (lock) {
            if (schema.keyKind() == RealtimeSchema.KeyKind.HTS) {
                entry = registry.find(schema.trId(), "");
            } else if (schema.keyFieldIndex() < 0) {
                // The record does not say which key it is about (H0UNMKO0 as KIS's sample lists it): it can only go
                // to the one topic of its TR, if exactly one is watched.
                entry = registry.onlyTopicOf(schema.trId());
            } else {
                entry = registry.find(schema.trId(), r.text(schema.keyFieldIndex()));
            }
        }
        if (entry == null) {
            metrics.unroutedRecords().incrementAndGet();
            return;
        }
        Topic topic = entry.topic();
        Object value;
        try {
            value = switch (topic.kind()) {
                case TRADE -> Trade.from(r);
                case BOOK -> OrderBook.from(r);
                case FILLS -> ExecutionNotice.from(r);
                case RECORD -> r;
            };
        } catch (IllegalStateException e) {
            // A layout without a field the typed view needs (named in the message): publish the record as it is.
            metrics.malformedFrames().incrementAndGet();
            LOG.warn("realtime: {}", e.getMessage());
            value = r;
        }
        entry.publish(new RealtimeEvent.Data(topic, value, r));
    }
}
