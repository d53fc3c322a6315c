package io.kisbridge.bridge.internal.stream;

import io.kisbridge.bridge.StreamCounters;
import java.util.concurrent.atomic.LongAdder;

/** The hub's running totals over every socket; {@link #snapshot()} is what {@code BridgeServer} shows. */
final class SendCounters {
    final LongAdder messages = new LongAdder();
    final LongAdder batches = new LongAdder();
    final LongAdder conflated = new LongAdder();
    final LongAdder dropped = new LongAdder();
    final LongAdder encodings = new LongAdder();
    final LongAdder recordsDropped = new LongAdder();
    final LongAdder gaps = new LongAdder();

    StreamCounters snapshot() {
        return new StreamCounters(messages.sum(), batches.sum(), conflated.sum(), dropped.sum(), encodings.sum(),
                recordsDropped.sum(), gaps.sum());
    }
}
