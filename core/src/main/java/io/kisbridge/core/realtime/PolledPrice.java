package io.kisbridge.core.realtime;

import java.time.Instant;

/** A trade topic's price from REST polling (fallback when the topic is over the registration cap). */
public record PolledPrice(String code, long price, Instant at) {
}
