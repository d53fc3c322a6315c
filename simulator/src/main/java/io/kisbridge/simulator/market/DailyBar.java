package io.kisbridge.simulator.market;

import java.time.LocalDate;

/** One day (or aggregated week/month/year) of prices; prevClose is the close of the bar before. */
public record DailyBar(LocalDate date, long open, long high, long low, long close, long volume, long value,
                       long prevClose) {
}
