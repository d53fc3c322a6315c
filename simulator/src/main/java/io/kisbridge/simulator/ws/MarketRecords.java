package io.kisbridge.simulator.ws;

import io.kisbridge.simulator.market.BookSnapshot;
import io.kisbridge.simulator.market.Fmt;
import io.kisbridge.simulator.market.MarketFeed;
import io.kisbridge.simulator.market.PriceRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Composes the data records of every served realtime TR from the simulated market, consistently: the NXT trade
 * sits a few ticks from the KRX price on the tick grid, the integrated volume is KRX plus NXT, books shift with
 * the price, program and member-firm quantities add up, and an index level is its base moved by the mean change of
 * its constituents. Fields it has no story for get a value of their declared type (0, 0.00, 3, the time, the date).
 */
final class MarketRecords {
    /** Index codes served: KOSPI 0001, KOSDAQ 1001, KOSPI200 2001, with the previous close each is based on. */
    static final Map<String, Double> INDEX_BASES = Map.of("0001", 2650.00, "1001", 850.00, "2001", 350.00);
    private static final String[] MEMBER_FIRMS = {"키움증권", "미래에셋증권", "한국투자증권", "NH투자증권", "삼성증권"};
    private static final String[] MEMBER_NUMBERS = {"00050", "00005", "00003", "00012", "00030"};
    private static final String[] MEMBER_ENGLISH = {"KIWOOM", "MIRAE ASSET", "KOREA INVESTMENT", "NH INVESTMENT", "SAMSUNG"};

    private final MarketFeed feed;
    private final Supplier<LocalTime> now;
    private final Supplier<LocalDate> today;
    /** code → the latest KRX trade, field code → value. */
    private final Map<String, Map<String, String>> lastTrades = new ConcurrentHashMap<>();
    /** index code → {high, low} seen today. */
    private final Map<String, double[]> indexRange = new ConcurrentHashMap<>();

    MarketRecords(MarketFeed feed, Supplier<LocalTime> now, Supplier<LocalDate> today) {
        this.feed = feed;
        this.now = now;
        this.today = today;
    }

    void onKrxTrade(String code, List<String> h0stcnt0Fields) {
        lastTrades.put(code, zip("H0STCNT0", h0stcnt0Fields));
    }

    /** The record of {@code tr} for the key (a code, an index code), as the values in the TR's field order. */
    List<String> record(ServedTrs.Served tr, String key) {
        Map<String, String> v = switch (tr.source()) {
            case TRADE, EXPECTED, AFTER_TRADE, AFTER_EXPECTED -> trade(key, tr.venue());
            case BOOK -> book(key, tr.venue(), 10);
            // The after-hours book (H0STOAA0) shows nine levels; its totals are the sums of those nine.
            case AFTER_BOOK -> book(key, tr.venue(), 9);
            case STATUS -> status(key, tr.venue());
            case MEMBERS -> members(key, tr.venue());
            case PROGRAM -> program(key, tr.venue());
            case INDEX, INDEX_EXPECTED, INDEX_PROGRAM -> index(key);
            case NAV -> nav(key);
            case NOTICE -> throw new IllegalArgumentException("notices come from the accounts, not the market");
        };
        if (tr.source() == ServedTrs.Source.EXPECTED || tr.source() == ServedTrs.Source.AFTER_EXPECTED) {
            v.put("HOUR_CLS_CODE", "B");
        }
        if (tr.source() == ServedTrs.Source.AFTER_TRADE || tr.source() == ServedTrs.Source.AFTER_BOOK) {
            v.put("HOUR_CLS_CODE", "D");
        }
        return compose(tr.trId(), v);
    }

    private Map<String, String> krx(String code) {
        return lastTrades.computeIfAbsent(code, c -> zip("H0STCNT0", feed.currentTradeFields(c)));
    }

    private Map<String, String> trade(String code, ServedTrs.Venue venue) {
        Map<String, String> v = new HashMap<>(krx(code));
        long price = num(v, "STCK_PRPR");
        long base = price - num(v, "PRDY_VRSS");
        long krxVolume = num(v, "ACML_VOL");
        long nxtPrice = nxtPrice(code, price);
        long nxtVolume = Math.max(1, krxVolume / 4);
        switch (venue) {
            case NXT -> {
                setPrice(v, nxtPrice, base);
                v.put("ACML_VOL", Long.toString(nxtVolume));
                v.put("ACML_TR_PBMN", Long.toString(nxtVolume * nxtPrice));
                v.put("WGHN_AVRG_STCK_PRC", Fmt.ratio(nxtVolume * nxtPrice, nxtVolume));
                v.put("STCK_HGPR", Long.toString(Math.max(num(v, "STCK_HGPR"), nxtPrice)));
                v.put("STCK_LWPR", Long.toString(Math.min(num(v, "STCK_LWPR"), nxtPrice)));
            }
            case INTEGRATED -> {
                v.put("ACML_VOL", Long.toString(krxVolume + nxtVolume));
                v.put("ACML_TR_PBMN", Long.toString(num(v, "ACML_TR_PBMN") + nxtVolume * nxtPrice));
            }
            default -> {
            }
        }
        v.put("CNTG_CLS_CODE", v.getOrDefault("CCLD_DVSN", "1"));
        return v;
    }

    private static void setPrice(Map<String, String> v, long price, long base) {
        v.put("STCK_PRPR", Long.toString(price));
        v.put("PRDY_VRSS", Long.toString(price - base));
        v.put("PRDY_VRSS_SIGN", Fmt.diffSign(price - base));
        v.put("PRDY_CTRT", Fmt.pct(price - base, base));
        v.put("ASKP1", Long.toString(PriceRules.upTick(price)));
        v.put("BIDP1", Long.toString(price));
        v.put("OPRC_VRSS_PRPR", Long.toString(price - num(v, "STCK_OPRC")));
        v.put("OPRC_VRSS_PRPR_SIGN", Fmt.diffSign(price - num(v, "STCK_OPRC")));
    }

    /** The NXT price: within two ticks of the KRX price, on the tick grid, varying with the code and the price. */
    static long nxtPrice(String code, long krxPrice) {
        int k = Math.floorMod(code.hashCode() * 31 + Long.hashCode(krxPrice / PriceRules.tickSize(krxPrice)), 5) - 2;
        long p = krxPrice;
        for (int i = 0; i < Math.abs(k); i++) {
            p = k > 0 ? PriceRules.upTick(p) : PriceRules.downTick(p);
        }
        return p;
    }

    private Map<String, String> book(String code, ServedTrs.Venue venue, int levels) {
        BookSnapshot b = feed.book(code);
        Map<String, String> v = zip("H0STASP0", b.h0stasp0Fields());
        long shift = 0;
        if (venue == ServedTrs.Venue.NXT) {
            long krxBid = b.bidPrices().get(0);
            shift = nxtPrice(code, krxBid) - krxBid;
        }
        long totalAsk = 0;
        long totalBid = 0;
        for (int i = 0; i < 10; i++) {
            long ask = shifted(b.askPrices().get(i), shift);
            long bid = shifted(b.bidPrices().get(i), shift);
            long askQ = venue == ServedTrs.Venue.NXT ? Math.max(1, b.askQuantities().get(i) / 4) : b.askQuantities().get(i);
            long bidQ = venue == ServedTrs.Venue.NXT ? Math.max(1, b.bidQuantities().get(i) / 4) : b.bidQuantities().get(i);
            v.put("ASKP" + (i + 1), Long.toString(ask));
            v.put("BIDP" + (i + 1), Long.toString(bid));
            v.put("ASKP_RSQN" + (i + 1), Long.toString(askQ));
            v.put("BIDP_RSQN" + (i + 1), Long.toString(bidQ));
            if (i < levels) {
                totalAsk += askQ;
                totalBid += bidQ;
            }
        }
        v.put("TOTAL_ASKP_RSQN", Long.toString(totalAsk));
        v.put("TOTAL_BIDP_RSQN", Long.toString(totalBid));
        long mid = (Long.parseLong(v.get("ASKP1")) + Long.parseLong(v.get("BIDP1"))) / 2;
        v.put("KMID_PRC", Long.toString(PriceRules.floorToTick((b.askPrices().get(0) + b.bidPrices().get(0)) / 2)));
        v.put("NMID_PRC", Long.toString(PriceRules.floorToTick(mid)));
        v.put("KMID_CLS_CODE", "0");
        v.put("NMID_CLS_CODE", "0");
        return v;
    }

    private static long shifted(long price, long shift) {
        return price == 0 ? 0 : Math.max(1, price + shift);
    }

    private Map<String, String> status(String code, ServedTrs.Venue venue) {
        Map<String, String> v = new HashMap<>();
        v.put("MKSC_SHRN_ISCD", code);
        v.put("TRHT_YN", "N");
        v.put("TR_SUSP_REAS_CNTT", "");
        v.put("MKOP_CLS_CODE", "20");
        v.put("ANTC_MKOP_CLS_CODE", "20");
        v.put("MRKT_TRTM_CLS_CODE", "0");
        v.put("DIVI_APP_CLS_CODE", "00");
        v.put("ISCD_STAT_CLS_CODE", "55");
        v.put("VI_CLS_CODE", "N");
        v.put("OVTM_VI_CLS_CODE", "N");
        v.put("EXCH_CLS_CODE", switch (venue) {
            case NXT -> "2";
            case INTEGRATED -> "3";
            default -> "1";
        });
        return v;
    }

    private Map<String, String> members(String code, ServedTrs.Venue venue) {
        Map<String, String> t = trade(code, venue);
        long volume = Math.max(5, num(t, "ACML_VOL"));
        Map<String, String> v = new HashMap<>();
        v.put("MKSC_SHRN_ISCD", code);
        long[] sell = new long[5];
        long[] buy = new long[5];
        for (int i = 0; i < 5; i++) {
            // the top five firms take 40% of each side, the first most
            sell[i] = volume * (5 - i) * 4 / 150;
            buy[i] = volume * (5 - i) * 4 / 160;
        }
        for (int i = 0; i < 5; i++) {
            int n = i + 1;
            int sellFirm = i;
            int buyFirm = (i + 2) % 5;
            v.put("SELN2_MBCR_NAME" + n, MEMBER_FIRMS[sellFirm]);
            v.put("BYOV_MBCR_NAME" + n, MEMBER_FIRMS[buyFirm]);
            v.put("SELN2_MBCR_ENG_NAME" + n, MEMBER_ENGLISH[sellFirm]);
            v.put("BYOV_MBCR_ENG_NAME" + n, MEMBER_ENGLISH[buyFirm]);
            v.put("SELN_MBCR_NO" + n, MEMBER_NUMBERS[sellFirm]);
            v.put("SHNU_MBCR_NO" + n, MEMBER_NUMBERS[buyFirm]);
            v.put("TOTAL_SELN_QTY" + n, Long.toString(sell[i]));
            v.put("TOTAL_SHNU_QTY" + n, Long.toString(buy[i]));
            v.put("SELN_MBCR_RLIM" + n, Fmt.pct(sell[i], volume));
            v.put("SHNU_MBCR_RLIM" + n, Fmt.pct(buy[i], volume));
            v.put("SELN_MBCR_GLOB_YN_" + n, "N");
            v.put("SHNU_MBCR_GLOB_YN_" + n, "N");
            v.put("SELN_QTY_ICDC" + n, "0");
            v.put("SHNU_QTY_ICDC" + n, "0");
        }
        v.put("GLOB_TOTAL_SELN_QTY", "0");
        v.put("GLOB_TOTAL_SHNU_QTY", "0");
        v.put("GLOB_NTBY_QTY", "0");
        v.put("GLOB_SELN_RLIM", "0.00");
        v.put("GLOB_SHNU_RLIM", "0.00");
        return v;
    }

    private Map<String, String> program(String code, ServedTrs.Venue venue) {
        Map<String, String> t = trade(code, venue);
        long volume = num(t, "ACML_VOL");
        long price = num(t, "STCK_PRPR");
        long sell = volume / 5;
        long buy = volume / 4;
        Map<String, String> v = new HashMap<>();
        v.put("MKSC_SHRN_ISCD", code);
        v.put("STCK_CNTG_HOUR", t.get("STCK_CNTG_HOUR"));
        v.put("SELN_CNQN", Long.toString(sell));
        v.put("SELN_TR_PBMN", Long.toString(sell * price));
        v.put("SHNU_CNQN", Long.toString(buy));
        v.put("SHNU_TR_PBMN", Long.toString(buy * price));
        v.put("NTBY_CNQN", Long.toString(buy - sell));
        v.put("NTBY_TR_PBMN", Long.toString((buy - sell) * price));
        v.put("SELN_RSQN", Long.toString(num(t, "TOTAL_ASKP_RSQN") / 10));
        v.put("SHNU_RSQN", Long.toString(num(t, "TOTAL_BIDP_RSQN") / 10));
        v.put("WHOL_NTBY_QTY", Long.toString(buy - sell));
        return v;
    }

    /** An index level: its base moved by the mean % change of its constituents (unsubscribed names count flat). */
    private Map<String, String> index(String indexCode) {
        boolean kosdaq = "1001".equals(indexCode);
        double base = INDEX_BASES.get(indexCode);
        double rateSum = 0;
        int n = 0;
        int up = 0;
        int down = 0;
        int flat = 0;
        long volume = 0;
        long value = 0;
        for (String code : feed.codes()) {
            if (feed.isKosdaq(code) != kosdaq) {
                continue;
            }
            n++;
            Map<String, String> t = lastTrades.get(code);
            double rate = t == null ? 0 : Double.parseDouble(t.get("PRDY_CTRT"));
            rateSum += rate;
            if (rate > 0) {
                up++;
            } else if (rate < 0) {
                down++;
            } else {
                flat++;
            }
            if (t != null) {
                volume += num(t, "ACML_VOL");
                value += num(t, "ACML_TR_PBMN");
            }
        }
        double rate = n == 0 ? 0 : rateSum / n;
        BigDecimal level = BigDecimal.valueOf(base * (1 + rate / 100)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal baseLevel = BigDecimal.valueOf(base).setScale(2, RoundingMode.HALF_UP);
        BigDecimal change = level.subtract(baseLevel);
        double[] range = indexRange.compute(indexCode, (k, r) -> r == null
                ? new double[] {Math.max(base, level.doubleValue()), Math.min(base, level.doubleValue())}
                : new double[] {Math.max(r[0], level.doubleValue()), Math.min(r[1], level.doubleValue())});
        BigDecimal high = BigDecimal.valueOf(range[0]).setScale(2, RoundingMode.HALF_UP);
        BigDecimal low = BigDecimal.valueOf(range[1]).setScale(2, RoundingMode.HALF_UP);
        Map<String, String> v = new HashMap<>();
        v.put("BSTP_CLS_CODE", indexCode);
        v.put("BSOP_HOUR", Fmt.time(now.get()));
        v.put("PRPR_NMIX", level.toPlainString());
        v.put("PRDY_VRSS_SIGN", Fmt.diffSign(change.signum()));
        v.put("BSTP_NMIX_PRDY_VRSS", change.toPlainString());
        v.put("PRDY_CTRT", change.multiply(BigDecimal.valueOf(100)).divide(baseLevel, 2, RoundingMode.HALF_UP).toPlainString());
        v.put("ACML_VOL", Long.toString(volume));
        v.put("ACML_TR_PBMN", Long.toString(value / 1_000_000)); // index traded value is in millions of KRW
        v.put("OPRC_NMIX", baseLevel.toPlainString());
        v.put("NMIX_HGPR", high.toPlainString());
        v.put("NMIX_LWPR", low.toPlainString());
        v.put("OPRC_VRSS_NMIX_PRPR", level.subtract(baseLevel).toPlainString());
        v.put("OPRC_VRSS_NMIX_SIGN", Fmt.diffSign(level.compareTo(baseLevel)));
        v.put("HGPR_VRSS_NMIX_PRPR", level.subtract(high).toPlainString());
        v.put("HGPR_VRSS_NMIX_SIGN", Fmt.diffSign(level.compareTo(high)));
        v.put("LWPR_VRSS_NMIX_PRPR", level.subtract(low).toPlainString());
        v.put("LWPR_VRSS_NMIX_SIGN", Fmt.diffSign(level.compareTo(low)));
        v.put("PRDY_CLPR_VRSS_OPRC_RATE", "0.00");
        v.put("PRDY_CLPR_VRSS_HGPR_RATE", high.subtract(baseLevel).multiply(BigDecimal.valueOf(100)).divide(baseLevel, 2, RoundingMode.HALF_UP).toPlainString());
        v.put("PRDY_CLPR_VRSS_LWPR_RATE", low.subtract(baseLevel).multiply(BigDecimal.valueOf(100)).divide(baseLevel, 2, RoundingMode.HALF_UP).toPlainString());
        v.put("UPLM_ISSU_CNT", "0");
        v.put("ASCN_ISSU_CNT", Integer.toString(up));
        v.put("STNR_ISSU_CNT", Integer.toString(flat));
        v.put("DOWN_ISSU_CNT", Integer.toString(down));
        v.put("LSLM_ISSU_CNT", "0");
        v.put("QTQT_ASCN_ISSU_CNT", Integer.toString(up));
        v.put("QTQT_DOWN_ISSU_CNT", Integer.toString(down));
        v.put("TICK_VRSS", "0.00");
        return v;
    }

    private Map<String, String> nav(String code) {
        Map<String, String> t = krx(code);
        long price = num(t, "STCK_PRPR");
        long base = price - num(t, "PRDY_VRSS");
        // the NAV sits a little under the price (a 0.1% premium), the previous NAV under the previous close
        BigDecimal nav = BigDecimal.valueOf(price).multiply(new BigDecimal("0.999")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal prev = BigDecimal.valueOf(base).multiply(new BigDecimal("0.999")).setScale(2, RoundingMode.HALF_UP);
        BigDecimal change = nav.subtract(prev);
        Map<String, String> v = new HashMap<>();
        v.put("MKSC_SHRN_ISCD", code);
        v.put("NAV", nav.toPlainString());
        v.put("NAV_PRDY_VRSS_SIGN", Fmt.diffSign(change.signum()));
        v.put("NAV_PRDY_VRSS", change.toPlainString());
        v.put("NAV_PRDY_CTRT", prev.signum() == 0 ? "0.00"
                : change.multiply(BigDecimal.valueOf(100)).divide(prev, 2, RoundingMode.HALF_UP).toPlainString());
        v.put("OPRC_NAV", BigDecimal.valueOf(num(t, "STCK_OPRC")).multiply(new BigDecimal("0.999")).setScale(2, RoundingMode.HALF_UP).toPlainString());
        v.put("HPRC_NAV", BigDecimal.valueOf(num(t, "STCK_HGPR")).multiply(new BigDecimal("0.999")).setScale(2, RoundingMode.HALF_UP).toPlainString());
        v.put("LPRC_NAV", BigDecimal.valueOf(num(t, "STCK_LWPR")).multiply(new BigDecimal("0.999")).setScale(2, RoundingMode.HALF_UP).toPlainString());
        return v;
    }

    /** The TR's fields in order: the known value, else a value of the field's declared type. */
    private List<String> compose(String trId, Map<String, String> known) {
        List<SchemaFiles.FieldSpec> fields = SchemaFiles.fields(trId);
        List<String> out = new ArrayList<>(fields.size());
        for (SchemaFiles.FieldSpec f : fields) {
            String v = known.get(f.code());
            out.add(v != null ? v : switch (f.type()) {
                case "integer", "code" -> "0";
                case "decimal", "rate" -> "0.00";
                case "sign" -> "3";
                case "time" -> Fmt.time(now.get());
                case "date" -> Fmt.date(today.get());
                default -> "";
            });
        }
        return out;
    }

    private static Map<String, String> zip(String trId, List<String> values) {
        List<String> codes = SchemaFiles.codes(trId);
        Map<String, String> m = new HashMap<>(codes.size() * 2);
        for (int i = 0; i < codes.size() && i < values.size(); i++) {
            m.put(codes.get(i), values.get(i));
        }
        return m;
    }

    private static long num(Map<String, String> v, String code) {
        String s = v.get(code);
        if (s == null || s.isEmpty()) {
            return 0;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
