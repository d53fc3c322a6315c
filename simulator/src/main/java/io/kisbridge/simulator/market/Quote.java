package io.kisbridge.simulator.market;

import java.time.LocalDate;
import java.time.LocalTime;

/** An immutable snapshot of one symbol's day, for the REST answers. */
public record Quote(Stock stock, LocalDate date, LocalTime time, long base, long open, long high, long low, long last,
                    long volume, long value, long prevDayVolume, long upper, long lower, BookSnapshot book,
                    long sellVolume, long buyVolume) {

    public long change() {
        return last - base;
    }

    /** prdy_vrss_sign: 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down. */
    public String sign() {
        return Fmt.sign(last, base, upper, lower);
    }

    public String changeRate() {
        return Fmt.pct(last - base, base);
    }

    public long askPrice1() {
        return book.askPrices().get(0);
    }

    public long bidPrice1() {
        return book.bidPrices().get(0);
    }

    public String vwap() {
        return volume == 0 ? Fmt.dec2(last) : Fmt.ratio(value, volume);
    }
}
