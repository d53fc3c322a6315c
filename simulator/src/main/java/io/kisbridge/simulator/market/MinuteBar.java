package io.kisbridge.simulator.market;

import java.time.LocalTime;

/** One minute of today's trading; {@code value} is the cumulative traded value at the end of the minute. */
public record MinuteBar(LocalTime time, long open, long high, long low, long close, long volume, long cumulativeValue) {
}
