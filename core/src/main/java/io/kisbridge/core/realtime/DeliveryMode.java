package io.kisbridge.core.realtime;

/** How a listener's bounded queue behaves when the listener is slower than the feed. */
public enum DeliveryMode {
    /** Conflation: only the newest data event is kept (cells want the latest value). Status events are kept. */
    LATEST,
    /** Every event, in order, up to the queue capacity; beyond it the oldest are dropped and counted. */
    ALL
}
