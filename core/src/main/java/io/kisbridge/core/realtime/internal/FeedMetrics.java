package io.kisbridge.core.realtime.internal;

import java.util.concurrent.atomic.AtomicLong;

/** The writable side of {@link io.kisbridge.core.realtime.FeedCounters}: the same counter instances, by name. */
public record FeedMetrics(
        AtomicLong dataFrames,
        AtomicLong records,
        AtomicLong malformedFrames,
        AtomicLong unknownTrFrames,
        AtomicLong decryptFailures,
        AtomicLong fieldCountMismatches,
        AtomicLong unroutedRecords,
        AtomicLong badControlMessages,
        AtomicLong pingsAnswered,
        AtomicLong connects,
        AtomicLong disconnects,
        AtomicLong registrationRejections,
        AtomicLong droppedEvents,
        AtomicLong conflatedEvents,
        AtomicLong polls,
        AtomicLong pollFailures) {
}
