package io.kisbridge.core;

import java.time.LocalDateTime;

/** One one-minute bar of today (inquire-time-itemchartprice output2); {@code time} is KST. */
public record MinuteBar(LocalDateTime time, long open, long high, long low, long close, long volume) {
}
