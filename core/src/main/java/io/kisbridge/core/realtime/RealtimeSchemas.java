package io.kisbridge.core.realtime;

import static io.kisbridge.core.realtime.FieldType.DATE;
import static io.kisbridge.core.realtime.FieldType.DECIMAL;
import static io.kisbridge.core.realtime.FieldType.LONG;
import static io.kisbridge.core.realtime.FieldType.TEXT;
import static io.kisbridge.core.realtime.FieldType.TIME;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The realtime field layouts, declared once (kis-reference.md §8). Every parser, typed record and
 * name→value map is driven by these lists.
 */
public final class RealtimeSchemas {
    public static final String TRADE_TR = "H0STCNT0";
    public static final String BOOK_TR = "H0STASP0";
    public static final String NOTICE_TR_REAL = "H0STCNI0";
    public static final String NOTICE_TR_PAPER = "H0STCNI9";

    /** 국내주식 실시간체결가 (KRX) [실시간-003], 46 fields. */
    public static final RealtimeSchema H0STCNT0 = new Builder(TRADE_TR, "current")
            .f("MKSC_SHRN_ISCD", "symbol", TEXT)
            .f("STCK_CNTG_HOUR", "trade time HHMMSS", TIME)
            .f("STCK_PRPR", "trade (current) price", LONG)
            .f("PRDY_VRSS_SIGN", "sign vs previous close: 1 upper limit, 2 up, 3 flat, 4 lower limit, 5 down", TEXT)
            .f("PRDY_VRSS", "change vs previous close", LONG)
            .f("PRDY_CTRT", "% change vs previous close", DECIMAL)
            .f("WGHN_AVRG_STCK_PRC", "VWAP (ACML_TR_PBMN / ACML_VOL)", DECIMAL)
            .f("STCK_OPRC", "open", LONG)
            .f("STCK_HGPR", "high", LONG)
            .f("STCK_LWPR", "low", LONG)
            .f("ASKP1", "best ask", LONG)
            .f("BIDP1", "best bid", LONG)
            .f("CNTG_VOL", "this trade's volume", LONG)
            .f("ACML_VOL", "cumulative volume", LONG)
            .f("ACML_TR_PBMN", "cumulative traded value (KRW)", LONG)
            .f("SELN_CNTG_CSNU", "count of sell-initiated trades", LONG)
            .f("SHNU_CNTG_CSNU", "count of buy-initiated trades", LONG)
            .f("NTBY_CNTG_CSNU", "net buy-initiated trade count", LONG)
            .f("CTTR", "trade strength (buy volume / sell volume x 100)", DECIMAL)
            .f("SELN_CNTG_SMTN", "total sell-initiated volume", LONG)
            .f("SHNU_CNTG_SMTN", "total buy-initiated volume", LONG)
            .f("CCLD_DVSN", "1 buy-initiated, 3 pre-market, 5 sell-initiated", TEXT)
            .f("SHNU_RATE", "buy ratio", DECIMAL)
            .f("PRDY_VOL_VRSS_ACML_VOL_RATE", "volume vs previous day rate", DECIMAL)
            .f("OPRC_HOUR", "time of open", TIME)
            .f("OPRC_VRSS_PRPR_SIGN", "sign of price - open", TEXT)
            .f("OPRC_VRSS_PRPR", "price - open", LONG)
            .f("HGPR_HOUR", "time of high", TIME)
            .f("HGPR_VRSS_PRPR_SIGN", "sign of price - high", TEXT)
            .f("HGPR_VRSS_PRPR", "price - high", LONG)
            .f("LWPR_HOUR", "time of low", TIME)
            .f("LWPR_VRSS_PRPR_SIGN", "sign of price - low", TEXT)
            .f("LWPR_VRSS_PRPR", "price - low", LONG)
            .f("BSOP_DATE", "business date", DATE)
            .f("NEW_MKOP_CLS_CODE", "market operation class (2 digits)", TEXT)
            .f("TRHT_YN", "trading halted Y/N", TEXT)
            .f("ASKP_RSQN1", "best ask quantity", LONG)
            .f("BIDP_RSQN1", "best bid quantity", LONG)
            .f("TOTAL_ASKP_RSQN", "total ask quantity", LONG)
            .f("TOTAL_BIDP_RSQN", "total bid quantity", LONG)
            .f("VOL_TNRT", "volume turnover %", DECIMAL)
            .f("PRDY_SMNS_HOUR_ACML_VOL", "previous day's cumulative volume at the same time", LONG)
            .f("PRDY_SMNS_HOUR_ACML_VOL_RATE", "ACML_VOL / previous day's same-time volume x 100", DECIMAL)
            .f("HOUR_CLS_CODE", "0 regular, A post-close expected, B pre-open expected, C VI, D after-hours expected", TEXT)
            .f("MRKT_TRTM_CLS_CODE", "arbitrary-close flag", TEXT)
            .f("VI_STND_PRC", "static VI reference price", LONG)
            .build();

    /** 국내주식 실시간호가 (KRX) [실시간-004], 59 fields. */
    public static final RealtimeSchema H0STASP0;

    /** 국내주식 실시간체결통보 [실시간-005], current 26-field layout (H0STCNI0 real, H0STCNI9 paper). */
    public static final RealtimeSchema H0STCNI0;

    /** The older 23-field execution-notice layout (used by the reference's decrypted sample strings). */
    public static final RealtimeSchema H0STCNI0_LEGACY;

    static {
        Builder b = new Builder(BOOK_TR, "current")
                .f("MKSC_SHRN_ISCD", "symbol", TEXT)
                .f("BSOP_HOUR", "time HHMMSS", TIME)
                .f("HOUR_CLS_CODE", "0 regular, A post-close expected, B pre-open expected, C VI, D after-hours expected", TEXT);
        for (int i = 1; i <= 10; i++) {
            b.f("ASKP" + i, "ask price level " + i, LONG);
        }
        for (int i = 1; i <= 10; i++) {
            b.f("BIDP" + i, "bid price level " + i, LONG);
        }
        for (int i = 1; i <= 10; i++) {
            b.f("ASKP_RSQN" + i, "ask quantity level " + i, LONG);
        }
        for (int i = 1; i <= 10; i++) {
            b.f("BIDP_RSQN" + i, "bid quantity level " + i, LONG);
        }
        H0STASP0 = b
                .f("TOTAL_ASKP_RSQN", "total ask quantity", LONG)
                .f("TOTAL_BIDP_RSQN", "total bid quantity", LONG)
                .f("OVTM_TOTAL_ASKP_RSQN", "after-hours total ask quantity", LONG)
                .f("OVTM_TOTAL_BIDP_RSQN", "after-hours total bid quantity", LONG)
                .f("ANTC_CNPR", "expected (auction) price", LONG)
                .f("ANTC_CNQN", "expected quantity", LONG)
                .f("ANTC_VOL", "expected volume", LONG)
                .f("ANTC_CNTG_VRSS", "expected price change vs previous close", LONG)
                .f("ANTC_CNTG_VRSS_SIGN", "sign of the expected change", TEXT)
                .f("ANTC_CNTG_PRDY_CTRT", "expected % change", DECIMAL)
                .f("ACML_VOL", "cumulative volume", LONG)
                .f("TOTAL_ASKP_RSQN_ICDC", "change in total ask quantity", LONG)
                .f("TOTAL_BIDP_RSQN_ICDC", "change in total bid quantity", LONG)
                .f("OVTM_TOTAL_ASKP_ICDC", "change in after-hours total ask", LONG)
                .f("OVTM_TOTAL_BIDP_ICDC", "change in after-hours total bid", LONG)
                .f("STCK_DEAL_CLS_CODE", "deal class (no longer used)", TEXT)
                .build();

        H0STCNI0 = noticeHead(new Builder(NOTICE_TR_REAL, "current"))
                .f("ORD_COND_PRC", "condition price (stop-limit)", LONG)
                .f("ORD_EXG_GB", "1 KRX, 2 NXT, 3 SOR-KRX, 4 SOR-NXT", TEXT)
                .f("POPUP_YN", "show in the realtime fill window Y/N", TEXT)
                .f("FILLER", "filler", TEXT)
                .f("CRDT_CLS", "credit type", TEXT)
                .f("CRDT_LOAN_DATE", "credit loan date", TEXT)
                .f("CNTG_ISNM40", "instrument name", TEXT)
                .f("ODER_PRC", "order price", LONG)
                .build();
        H0STCNI0_LEGACY = noticeHead(new Builder(NOTICE_TR_REAL, "legacy-23"))
                .f("CNTG_ISNM", "instrument name (short)", TEXT)
                .f("CRDT_CLS", "credit type", TEXT)
                .f("CRDT_LOAN_DATE", "credit loan date", TEXT)
                .f("CNTG_ISNM40", "instrument name", TEXT)
                .f("ODER_PRC", "order price", LONG)
                .build();
    }

    private static final Map<String, RealtimeSchema> BY_TR = Map.of(
            TRADE_TR, H0STCNT0,
            BOOK_TR, H0STASP0,
            NOTICE_TR_REAL, H0STCNI0,
            NOTICE_TR_PAPER, H0STCNI0);

    private RealtimeSchemas() {
    }

    /** The current layout of a TR ID, if known. H0STCNI9 (paper) shares H0STCNI0's layout. */
    public static Optional<RealtimeSchema> forTrId(String trId) {
        return Optional.ofNullable(BY_TR.get(trId));
    }

    /** Same as {@link #forTrId} but null when unknown (hot path). */
    public static RealtimeSchema lookup(String trId) {
        return BY_TR.get(trId);
    }

    /**
     * The layout to use for a record of {@code fieldCount} values: the current one, or an older
     * layout of the same TR with exactly that many fields (H0STCNI0 with 23 fields).
     */
    public static RealtimeSchema layoutFor(RealtimeSchema current, int fieldCount) {
        if (fieldCount == H0STCNI0_LEGACY.fieldCount() && current == H0STCNI0) {
            return H0STCNI0_LEGACY;
        }
        return current;
    }

    public static boolean isExecutionNotice(String trId) {
        return NOTICE_TR_REAL.equals(trId) || NOTICE_TR_PAPER.equals(trId);
    }

    private static Builder noticeHead(Builder b) {
        return b.f("CUST_ID", "customer (HTS) id", TEXT)
                .f("ACNT_NO", "account number (10 digits)", TEXT)
                .f("ODER_NO", "order number", TEXT)
                .f("OODER_NO", "original order number", TEXT)
                .f("SELN_BYOV_CLS", "01 sell, 02 buy", TEXT)
                .f("RCTF_CLS", "0 normal, 1 modify, 2 cancel", TEXT)
                .f("ODER_KIND", "order type (ORD_DVSN)", TEXT)
                .f("ODER_COND", "0 none, 1 IOC, 2 FOK", TEXT)
                .f("STCK_SHRN_ISCD", "symbol", TEXT)
                .f("CNTG_QTY", "fill quantity (order quantity in an acceptance notice)", LONG)
                .f("CNTG_UNPR", "fill price (order price in an acceptance notice)", LONG)
                .f("STCK_CNTG_HOUR", "time HHMMSS", TIME)
                .f("RFUS_YN", "0 accepted, 1 rejected", TEXT)
                .f("CNTG_YN", "1 order/modify/cancel/reject notice, 2 fill", TEXT)
                .f("ACPT_YN", "1 received, 2 confirmed, 3 cancelled", TEXT)
                .f("BRNC_NO", "branch number", TEXT)
                .f("ODER_QTY", "order quantity", LONG)
                .f("ACNT_NAME", "account holder name", TEXT);
    }

    private static final class Builder {
        private final String trId;
        private final String layout;
        private final List<Field> fields = new ArrayList<>();

        Builder(String trId, String layout) {
            this.trId = trId;
            this.layout = layout;
        }

        Builder f(String code, String meaning, FieldType type) {
            fields.add(new Field(fields.size(), code, meaning, type));
            return this;
        }

        RealtimeSchema build() {
            return new RealtimeSchema(trId, layout, fields);
        }
    }
}
