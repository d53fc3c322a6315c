package io.kisbridge.core;

import java.time.LocalDate;

/** One daily/weekly/monthly/yearly bar (inquire-daily-itemchartprice output2). */
public record Bar(LocalDate date, long open, long high, long low, long close, long volume, long tradingValue) {
}
