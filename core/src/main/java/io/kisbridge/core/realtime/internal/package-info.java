/**
 * Internals of the realtime feed (connection and reconnect, topic registry, frame and control-message handling,
 * REST polling, AES, backoff, listener queues): not API, may change without notice. They log under the
 * {@code RealtimeFeed} category, and their mutable state is guarded by the feed's monitor.
 */
package io.kisbridge.core.realtime.internal;
