package io.kisbridge.core.realtime;

import java.time.Instant;

/** One connection status change, e.g. for a streaming cell's status line. {@code detail} never holds secrets. */
public record FeedStatus(FeedState state, String detail, int attempt, Instant at) {
}
