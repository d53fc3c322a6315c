package io.kisbridge.simulator.market;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.Set;

/**
 * KRX calendar of the simulator: weekends and the fixed-date public holidays plus the year-end closing day
 * (12-31) are closed. Lunar holidays (설날, 추석) and substitute holidays are not modelled (approximation), nor are
 * the auction and after-hours sessions (their times are general KRX knowledge, unverified in the reference).
 */
public final class TradingCalendar {
    public static final ZoneId KST = ZoneId.of("Asia/Seoul");
    public static final LocalTime OPEN = LocalTime.of(9, 0);
    public static final LocalTime CLOSE = LocalTime.of(15, 30);

    private static final Set<MonthDay> FIXED_HOLIDAYS = Set.of(
            MonthDay.of(1, 1), MonthDay.of(3, 1), MonthDay.of(5, 5), MonthDay.of(6, 6), MonthDay.of(8, 15),
            MonthDay.of(10, 3), MonthDay.of(10, 9), MonthDay.of(12, 25), MonthDay.of(12, 31));

    private TradingCalendar() {}

    public static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** Bank business day: not a weekend or public holiday (12-31 is a bank day, but the exchange is closed). */
    public static boolean isBankDay(LocalDate d) {
        return !isWeekend(d) && (!FIXED_HOLIDAYS.contains(MonthDay.from(d)) || MonthDay.from(d).equals(MonthDay.of(12, 31)));
    }

    public static boolean isTradingDay(LocalDate d) {
        return !isWeekend(d) && !FIXED_HOLIDAYS.contains(MonthDay.from(d));
    }

    public static LocalDate previousTradingDay(LocalDate d) {
        LocalDate p = d.minusDays(1);
        while (!isTradingDay(p)) {
            p = p.minusDays(1);
        }
        return p;
    }
}
