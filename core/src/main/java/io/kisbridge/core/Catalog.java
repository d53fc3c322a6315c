package io.kisbridge.core;

import io.kisbridge.core.ApiParam.Role;
import io.kisbridge.core.ApiSpec.Kind;
import io.kisbridge.core.ApiSpec.TrIds;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every KIS REST API the bridge knows, declared once: the 33 domestic-stock APIs of the reference
 * (sections 1.1–9.7 of kis-reference.md §6) plus token, revoke, approval key and hashkey. Names, TR IDs,
 * parameter names and defaults follow the reference (current TR IDs; old ones are not used).
 */
public final class Catalog {
    private static final String Q = "/uapi/domestic-stock/v1/quotations/";
    private static final String T = "/uapi/domestic-stock/v1/trading/";
    private static final String R = "/uapi/domestic-stock/v1/ranking/";
    private static final String F = "/uapi/domestic-stock/v1/finance/";

    private static final List<ApiSpec> ALL;
    private static final Map<String, ApiSpec> BY_NAME;

    static {
        List<ApiSpec> all = new ArrayList<>();

        // ---- 1. Quotations ------------------------------------------------------------------------------------
        all.add(api("inquire-price", "v1_국내주식-008", "Current price, change, valuation and status of one stock")
                .get(Q + "inquire-price").tr("FHKST01010100", "FHKST01010100")
                .fixed("FID_COND_MRKT_DIV_CODE", "J", "market: J KRX, NX NXT, UN integrated")
                .user("FID_INPUT_ISCD", "005930", "stock code")
                .outputs("output").build());
        all.add(api("inquire-price-2", "v1_국내주식-054", "Current price with limit, margin and warning flags (real only)")
                .get(Q + "inquire-price-2").tr("FHPST01010000", null)
                .fixed("FID_COND_MRKT_DIV_CODE", "J", "market: J KRX")
                .user("FID_INPUT_ISCD", "005930", "stock code")
                .outputs("output").build());
        all.add(api("inquire-daily-itemchartprice", "v1_국내주식-016",
                "Daily, weekly, monthly or yearly bars between two dates (pages back 100 rows at a time)")
                .get(Q + "inquire-daily-itemchartprice").tr("FHKST03010100", "FHKST03010100")
                .fixed("FID_COND_MRKT_DIV_CODE", "J", "market: J KRX")
                .user("FID_INPUT_ISCD", "005930", "stock code")
                .user("FID_INPUT_DATE_1", "20220101", "from date YYYYMMDD")
                .user("FID_INPUT_DATE_2", "20220809", "to date YYYYMMDD")
                .userDefault("FID_PERIOD_DIV_CODE", "D", "period: D day, W week, M month, Y year")
                .userDefault("FID_ORG_ADJ_PRC", "0", "0 adjusted prices, 1 original prices")
                .outputs("output1", "output2").rows("output2").paging(Paging.DATE_WINDOW, 100).build());
        all.add(api("inquire-time-itemchartprice", "v1_국내주식-022",
                "Today's one-minute bars up to a time (pages back 30 bars at a time)")
                .get(Q + "inquire-time-itemchartprice").tr("FHKST03010200", "FHKST03010200")
                .fixed("FID_COND_MRKT_DIV_CODE", "J", "market: J KRX")
                .user("FID_INPUT_ISCD", "005930", "stock code")
                .user("FID_INPUT_HOUR_1", "093000", "bars at and before this time HHMMSS")
                .fixed("FID_PW_DATA_INCU_YN", "Y", "include past data Y/N")
                .fixed("FID_ETC_CLS_CODE", "", "always empty")
                .outputs("output1", "output2").rows("output2").paging(Paging.TIME_WINDOW, 30).build());
        all.add(api("inquire-daily-price", "v1_국내주식-010", "The latest 30 daily, weekly or monthly prices")
                .get(Q + "inquire-daily-price").tr("FHKST01010400", "FHKST01010400")
                .fixed("FID_COND_MRKT_DIV_CODE", "J", "market: J KRX")
                .user("FID_INPUT_ISCD", "005930", "stock code")
                .userDefault("FID_PERIOD_DIV_CODE", "D", "period: D 30 days, W 30 weeks, M 30 months")
                // Unverified (reference §11): current docs say 1 = adjusted, the legacy Postman says the reverse.
                .userDefault("FID_ORG_ADJ_PRC", "1", "1 adjusted, 0 not adjusted (meaning unverified)")
                .outputs("output").build());

        // ---- 2. Orders ----------------------------------------------------------------------------------------
        all.add(api("order-cash", "v1_국내주식-001", "Place a cash buy or sell order")
                .post(T + "order-cash").kind(Kind.ORDER)
                .variant("buy", "TTTC0012U", "VTTC0012U").variant("sell", "TTTC0011U", "VTTC0011U")
                .selector("side", "buy", "buy or sell (chooses the TR ID; not sent)")
                .account()
                .user("PDNO", "005930", "stock code")
                .userDefault("ORD_DVSN", "00", "order type: 00 limit, 01 market, ... (ORD_DVSN table)")
                .user("ORD_QTY", "1", "quantity")
                .user("ORD_UNPR", "70000", "price; 0 for market orders")
                .optional("EXCG_ID_DVSN_CD", "KRX", "exchange KRX/NXT/SOR (paper: KRX only)")
                .optional("SLL_TYPE", "01", "sell type: 01 normal (sell only)")
                .optional("CNDT_PRIC", "0", "stop price (ORD_DVSN 22 only)")
                .outputs("output").build());
        all.add(api("order-rvsecncl", "v1_국내주식-003", "Modify or cancel an open order")
                .post(T + "order-rvsecncl").kind(Kind.ORDER).tr("TTTC0013U", "VTTC0013U")
                .account()
                .user("KRX_FWDG_ORD_ORGNO", "06010", "order branch of the original order")
                .user("ORGN_ODNO", "0000002101", "original order number")
                .userDefault("ORD_DVSN", "00", "order type")
                .user("RVSE_CNCL_DVSN_CD", "02", "01 modify, 02 cancel")
                .userDefault("ORD_QTY", "0", "quantity to modify/cancel (with QTY_ALL_ORD_YN=N)")
                .userDefault("ORD_UNPR", "0", "new price (modify); 0 for cancel")
                .userDefault("QTY_ALL_ORD_YN", "Y", "Y whole remaining quantity, N only ORD_QTY")
                .optional("EXCG_ID_DVSN_CD", "KRX", "exchange")
                .optional("CNDT_PRIC", "0", "stop price (stop-limit only)")
                .outputs("output").build());

        // ---- 3. Account inquiries -----------------------------------------------------------------------------
        all.add(api("inquire-balance", "v1_국내주식-006", "Holdings and account summary (paged)")
                .get(T + "inquire-balance").kind(Kind.ACCOUNT).tr("TTTC8434R", "VTTC8434R")
                .account()
                .fixed("AFHR_FLPR_YN", "N", "N regular, Y after-hours single price, X NXT")
                .fixed("OFL_YN", "", "always empty")
                .fixed("INQR_DVSN", "01", "01 by loan date, 02 by symbol")
                .fixed("UNPR_DVSN", "01", "unit price type")
                .fixed("FUND_STTL_ICLD_YN", "N", "include fund settlement")
                .fixed("FNCG_AMT_AUTO_RDPT_YN", "N", "auto-redeem financing")
                .fixed("PRCS_DVSN", "00", "00 include previous-day trades, 01 exclude")
                .continuation("CTX_AREA_FK100", "CTX_AREA_NK100")
                .outputs("output1", "output2").rows("output1").paging(Paging.TR_CONT, 0).build());
        all.add(api("inquire-daily-ccld", "v1_국내주식-005", "Orders and executions between two dates (paged)")
                .get(T + "inquire-daily-ccld").kind(Kind.ACCOUNT)
                .variant("recent", "TTTC0081R", "VTTC0081R").variant("older", "CTSC9215R", "VTSC9215R")
                .selector("period", "recent", "recent = within 3 months, older = before that (chooses the TR ID)")
                .account()
                .user("INQR_STRT_DT", "20220810", "from date YYYYMMDD")
                .user("INQR_END_DT", "20220810", "to date YYYYMMDD")
                .userDefault("SLL_BUY_DVSN_CD", "00", "00 all, 01 sell, 02 buy")
                .userDefault("PDNO", "", "stock code or empty for all")
                .fixed("ORD_GNO_BRNO", "", "order branch")
                .userDefault("ODNO", "", "order number or empty")
                .userDefault("CCLD_DVSN", "00", "00 all, 01 filled, 02 unfilled")
                .fixed("INQR_DVSN", "00", "00 newest first, 01 oldest first")
                .fixed("INQR_DVSN_1", "", "empty all, 1 ELW, 2 freeboard")
                .fixed("INQR_DVSN_3", "00", "00 all, 01 cash, 02 credit ...")
                .fixed("EXCG_ID_DVSN_CD", "KRX", "KRX/NXT/SOR/ALL (paper: KRX only)")
                .continuation("CTX_AREA_FK100", "CTX_AREA_NK100")
                .outputs("output1", "output2").rows("output1").paging(Paging.TR_CONT, 0).build());
        all.add(api("inquire-psbl-rvsecncl", "v1_국내주식-004", "Orders that can still be modified or cancelled (real only)")
                .get(T + "inquire-psbl-rvsecncl").kind(Kind.ACCOUNT).tr("TTTC0084R", null)
                .account()
                .fixed("INQR_DVSN_1", "0", "0 by order, 1 by symbol")
                .fixed("INQR_DVSN_2", "0", "0 all, 1 sell, 2 buy")
                .continuation("CTX_AREA_FK100", "CTX_AREA_NK100")
                .outputs("output").paging(Paging.TR_CONT, 0).build());
        all.add(api("inquire-psbl-order", "v1_국내주식-007", "Cash and maximum quantity available to buy a stock")
                .get(T + "inquire-psbl-order").kind(Kind.ACCOUNT).tr("TTTC8908R", "VTTC8908R")
                .account()
                .user("PDNO", "005930", "stock code (empty: amounts only)")
                .user("ORD_UNPR", "55000", "price (empty for market)")
                .fixed("ORD_DVSN", "01", "01 market (margin-rate aware), 00 limit")
                .fixed("CMA_EVLU_AMT_ICLD_YN", "N", "include CMA")
                .fixed("OVRS_ICLD_YN", "N", "include overseas")
                .outputs("output").build());
        all.add(api("inquire-psbl-sell", "국내주식-165", "Quantity of a stock available to sell (real only)")
                .get(T + "inquire-psbl-sell").kind(Kind.ACCOUNT).tr("TTTC8408R", null)
                .account()
                .user("PDNO", "005930", "stock code")
                .outputs("output").build());
        all.add(api("intgr-margin", "국내주식-191", "Integrated margin status of the account (real only)")
                .get(T + "intgr-margin").kind(Kind.ACCOUNT).tr("TTTC0869R", null)
                .account()
                .fixed("CMA_EVLU_AMT_ICLD_YN", "N", "include CMA")
                .fixed("WCRC_FRCR_DVSN_CD", "01", "01 foreign-currency basis, 02 KRW basis")
                .fixed("FWEX_CTRT_FRCR_DVSN_CD", "01", "01/02")
                .outputs("output").build());

        // ---- 4. Condition search --------------------------------------------------------------------------------
        all.add(api("psearch-title", "국내주식-038", "Saved condition-search conditions of the HTS user (real only)")
                .get(Q + "psearch-title").tr("HHKST03900300", null)
                .htsId("user_id")
                .outputs("output2").build());
        all.add(api("psearch-result", "국내주식-039", "Stocks matching a saved condition, up to 100 (real only)")
                .get(Q + "psearch-result").tr("HHKST03900400", null)
                .htsId("user_id")
                .user("seq", "0", "condition key from psearch-title")
                .outputs("output2").build());

        // ---- 5. Watchlists ----------------------------------------------------------------------------------------
        all.add(api("intstock-grouplist", "국내주식-204", "Watchlist groups of the HTS user (real only)")
                .get(Q + "intstock-grouplist").tr("HHKCM113004C7", null)
                .fixed("TYPE", "1", "always 1")
                .fixed("FID_ETC_CLS_CODE", "00", "always 00")
                .htsId("USER_ID")
                .outputs("output2").build());
        all.add(api("intstock-stocklist-by-group", "국내주식-203", "Stocks in one watchlist group (real only)")
                .get(Q + "intstock-stocklist-by-group").tr("HHKCM113004C6", null)
                .fixed("TYPE", "1", "always 1")
                .htsId("USER_ID")
                .user("INTER_GRP_CODE", "001", "group code from intstock-grouplist")
                .fixed("FID_ETC_CLS_CODE", "4", "always 4")
                .fixed("DATA_RANK", "", "empty")
                .fixed("INTER_GRP_NAME", "", "empty")
                .fixed("HTS_KOR_ISNM", "", "empty")
                .fixed("CNTG_CLS_CODE", "", "empty")
                .outputs("output1", "output2").rows("output2").build());
        Builder multi = api("intstock-multprice", "국내주식-205", "Prices of up to 30 stocks in one call (real only)")
                .get(Q + "intstock-multprice").tr("FHKST11300006", null)
                .fixed("FID_COND_MRKT_DIV_CODE_1", "J", "market of stock 1")
                .user("FID_INPUT_ISCD_1", "005930", "stock 1");
        for (int n = 2; n <= 30; n++) {
            // Extra pairs are sent only when used, as the official sample does.
            multi.companion("FID_COND_MRKT_DIV_CODE_" + n, "J", "FID_INPUT_ISCD_" + n, "market of stock " + n)
                    .optional("FID_INPUT_ISCD_" + n, "000660", "stock " + n);
        }
        all.add(multi.outputs("output").build());

        // ---- 6. Stock info, holidays, rankings ------------------------------------------------------------------
        all.add(api("search-stock-info", "v1_국내주식-067", "Basic listing information of a stock (real only)")
                .get(Q + "search-stock-info").tr("CTPF1002R", null)
                .fixed("PRDT_TYPE_CD", "300", "300 stock/ETF/ETN/ELW")
                .user("PDNO", "005930", "stock code")
                .outputs("output").build());
        all.add(api("chk-holiday", "국내주식-040", "Business, trading and settlement days from a date (real only; once a day)")
                .get(Q + "chk-holiday").tr("CTCA0903R", null)
                .user("BASS_DT", "20250630", "start date YYYYMMDD")
                .fixed("CTX_AREA_FK", "", "continuation key (empty)")
                .fixed("CTX_AREA_NK", "", "continuation key (empty)")
                .outputs("output").build());
        all.add(api("after-hour-balance", "v1_국내주식-093", "Top 30 stocks by after-hours order balance (real only)")
                .get(R + "after-hour-balance").tr("FHPST01760000", null)
                .fixed("fid_cond_mrkt_div_code", "J", "market J")
                .fixed("fid_cond_scr_div_code", "20176", "screen code")
                .userDefault("fid_rank_sort_cls_code", "1", "1 pre-market, 2 post-market, 3 sell balance, 4 buy balance")
                .fixed("fid_div_cls_code", "0", "0 all")
                .userDefault("fid_input_iscd", "0000", "0000 all, 0001 KOSPI, 1001 KOSDAQ, 2001 KOSPI200")
                .fixed("fid_trgt_exls_cls_code", "0", "exclusions")
                .fixed("fid_trgt_cls_code", "0", "targets")
                .fixed("fid_vol_cnt", "", "minimum volume (empty = no filter)")
                .fixed("fid_input_price_1", "", "minimum price (empty = no filter)")
                .fixed("fid_input_price_2", "", "maximum price (empty = no filter)")
                .outputs("output").build());
        all.add(api("quote-balance", "국내주식-089", "Top 30 stocks by order-book balance (real only)")
                .get(R + "quote-balance").tr("FHPST01720000", null)
                .fixed("fid_cond_mrkt_div_code", "J", "market J or NX")
                .fixed("fid_cond_scr_div_code", "20172", "screen code")
                .userDefault("fid_input_iscd", "0000", "0000 all, 0001 KOSPI, 1001 KOSDAQ, 2001 KOSPI200")
                .userDefault("fid_rank_sort_cls_code", "0", "0 net buy, 1 net sell, 2 buy ratio, 3 sell ratio")
                .fixed("fid_div_cls_code", "0", "0 all")
                .fixed("fid_trgt_cls_code", "0", "targets")
                .fixed("fid_trgt_exls_cls_code", "0", "exclusions")
                // The reference's examples 1000 / 50000 / 100000 are filters; the default is no filter.
                .fixed("fid_vol_cnt", "", "minimum volume (empty = no filter; example 1000)")
                .fixed("fid_input_price_1", "", "minimum price (empty = no filter; example 50000)")
                .fixed("fid_input_price_2", "", "maximum price (empty = no filter; example 100000)")
                .outputs("output").build());

        // ---- 7. Opinions --------------------------------------------------------------------------------------
        all.add(api("invest-opbysec", "국내주식-189", "Investment opinions published by one securities firm (real only)")
                .get(Q + "invest-opbysec").tr("FHKST663400C0", null)
                .fixed("FID_COND_MRKT_DIV_CODE", "J", "market J")
                .fixed("FID_COND_SCR_DIV_CODE", "16634", "screen code")
                // Unverified (reference §11): the doc says member-firm code, the official sample passes a stock code.
                .user("FID_INPUT_ISCD", "999", "member-firm code (unverified: the official sample passes a stock code)")
                .userDefault("FID_DIV_CLS_CODE", "0", "0 all, 1 buy, 2 neutral, 3 sell")
                .user("FID_INPUT_DATE_1", "20250101", "from date YYYYMMDD")
                .user("FID_INPUT_DATE_2", "20250617", "to date YYYYMMDD")
                .outputs("output").build());
        all.add(api("invest-opinion", "국내주식-188", "Investment opinions and target prices for one stock (real only)")
                .get(Q + "invest-opinion").tr("FHKST663300C0", null)
                .fixed("FID_COND_MRKT_DIV_CODE", "J", "market J")
                .fixed("FID_COND_SCR_DIV_CODE", "16633", "screen code")
                .user("FID_INPUT_ISCD", "005930", "stock code")
                .user("FID_INPUT_DATE_1", "20250101", "from date YYYYMMDD")
                .user("FID_INPUT_DATE_2", "20250617", "to date YYYYMMDD")
                .outputs("output").build());

        // ---- 8. Volumes and flows -----------------------------------------------------------------------------
        all.add(api("inquire-daily-trade-volume", "v1_국내주식-056", "Daily buy and sell executed volume of a stock (real only)")
                .get(Q + "inquire-daily-trade-volume").tr("FHKST03010800", null)
                .fixed("FID_COND_MRKT_DIV_CODE", "J", "market J")
                .user("FID_INPUT_ISCD", "005930", "stock code")
                .userOptional("FID_INPUT_DATE_1", "20240101", "from date YYYYMMDD")
                .userOptional("FID_INPUT_DATE_2", "20240126", "to date YYYYMMDD")
                .userDefault("FID_PERIOD_DIV_CODE", "D", "period D")
                .outputs("output1", "output2").rows("output2").build());
        all.add(api("foreign-institution-total", "국내주식-037", "Provisional foreign and institutional net buying by stock (real only)")
                .get(Q + "foreign-institution-total").tr("FHPTJ04400000", null)
                .fixed("FID_COND_MRKT_DIV_CODE", "V", "market V (not J)")
                .fixed("FID_COND_SCR_DIV_CODE", "16449", "screen code")
                .userDefault("FID_INPUT_ISCD", "0000", "0000 all, 0001 KOSPI, 1001 KOSDAQ")
                .userDefault("FID_DIV_CLS_CODE", "0", "0 by quantity, 1 by amount")
                .userDefault("FID_RANK_SORT_CLS_CODE", "0", "0 net-buy top, 1 net-sell top")
                .userDefault("FID_ETC_CLS_CODE", "0", "0 all, 1 foreign, 2 institutions, 3 other")
                .outputs("output").build());

        // ---- 9. Financial statements (parameter case as in the official samples) -----------------------------
        finance(all, "balance-sheet", "v1_국내주식-078", "FHKST66430100", "Balance sheet by year or quarter (real only)");
        finance(all, "income-statement", "v1_국내주식-079", "FHKST66430200", "Income statement by year or quarter (real only)");
        finance(all, "financial-ratio", "v1_국내주식-080", "FHKST66430300", "Growth, ROE, EPS, BPS and debt ratios (real only)");
        finance(all, "profit-ratio", "v1_국내주식-081", "FHKST66430400", "Profitability ratios (real only)");
        finance(all, "other-major-ratios", "v1_국내주식-082", "FHKST66430500", "Payout, EVA, EBITDA ratios (real only)");
        finance(all, "stability-ratio", "v1_국내주식-083", "FHKST66430600", "Debt, current and quick ratios (real only)");
        finance(all, "growth-ratio", "v1_국내주식-085", "FHKST66430800", "Revenue, profit, equity and asset growth (real only)");

        // ---- Auth endpoints (run by the client itself, not through call()) ------------------------------------
        all.add(api("tokenP", "", "Issue an access token (one per minute per app key)")
                .post("/oauth2/tokenP").kind(Kind.AUTH).noTr().outputs().build());
        all.add(api("revokeP", "", "Revoke an access token")
                .post("/oauth2/revokeP").kind(Kind.AUTH).noTr().outputs().build());
        all.add(api("Approval", "", "Issue the WebSocket approval key")
                .post("/oauth2/Approval").kind(Kind.AUTH).noTr().outputs().build());
        all.add(api("hashkey", "", "Hash of an order body, sent as header hashkey")
                .post("/uapi/hashkey").kind(Kind.AUTH).noTr().outputs().build());

        ALL = List.copyOf(all);
        Map<String, ApiSpec> byName = new LinkedHashMap<>();
        for (ApiSpec s : ALL) {
            if (byName.put(s.name().toLowerCase(Locale.ROOT), s) != null) {
                throw new IllegalStateException("duplicate API name " + s.name());
            }
        }
        BY_NAME = byName;
    }

    private Catalog() {
    }

    /** All 37 entries: 33 data APIs and 4 auth endpoints. */
    public static List<ApiSpec> all() {
        return ALL;
    }

    /** The 33 APIs callable through {@code KisClient.call}. */
    public static List<ApiSpec> dataApis() {
        return ALL.stream().filter(s -> s.kind() != Kind.AUTH).toList();
    }

    public static Optional<ApiSpec> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The entry with this name (case-insensitive), or a {@link KisInvalidRequestException} listing close names. */
    public static ApiSpec get(String name) {
        return find(name).orElseThrow(() -> new KisInvalidRequestException("Unknown KIS API '" + name
                + "'; known names are the last path segment, e.g. inquire-price, inquire-balance, balance-sheet"));
    }

    private static void finance(List<ApiSpec> all, String name, String docId, String trId, String description) {
        all.add(api(name, docId, description)
                .get(F + name).tr(trId, null)
                .userDefault("FID_DIV_CLS_CODE", "0", "0 annual, 1 quarterly")
                .fixed("fid_cond_mrkt_div_code", "J", "market J")
                .user("fid_input_iscd", "000660", "stock code")
                .outputs("output").build());
    }

    private static Builder api(String name, String docId, String description) {
        return new Builder(name, docId, description);
    }

    private static final class Builder {
        private final String name;
        private final String docId;
        private final String description;
        private Kind kind = Kind.QUOTATION;
        private String method;
        private String path;
        private final Map<String, TrIds> trIds = new LinkedHashMap<>();
        private String selector;
        private final List<ApiParam> params = new ArrayList<>();
        private List<String> outputs = List.of("output");
        private String rows;
        private Paging paging = Paging.NONE;
        private int pageSize;

        Builder(String name, String docId, String description) {
            this.name = name;
            this.docId = docId;
            this.description = description;
        }

        Builder get(String path) {
            this.method = "GET";
            this.path = path;
            return this;
        }

        Builder post(String path) {
            this.method = "POST";
            this.path = path;
            return this;
        }

        Builder kind(Kind kind) {
            this.kind = kind;
            return this;
        }

        Builder tr(String real, String paper) {
            trIds.put("", new TrIds(real, paper));
            return this;
        }

        Builder noTr() {
            return this;
        }

        Builder variant(String value, String real, String paper) {
            trIds.put(value, new TrIds(real, paper));
            return this;
        }

        Builder selector(String paramName, String defaultValue, String description) {
            this.selector = paramName;
            params.add(new ApiParam(paramName, Role.SELECTOR, defaultValue, defaultValue, false, true, null, description));
            return this;
        }

        Builder account() {
            params.add(new ApiParam("CANO", Role.ACCOUNT_NUMBER, null, "81012345", true, false, null, "account number, first 8 digits"));
            params.add(new ApiParam("ACNT_PRDT_CD", Role.ACCOUNT_PRODUCT, null, "01", true, false, null, "account product code"));
            return this;
        }

        Builder htsId(String paramName) {
            params.add(new ApiParam(paramName, Role.HTS_ID, null, "hts_user", true, false, null, "HTS user id (KIS_HTS_ID)"));
            return this;
        }

        /** Required caller input without default. */
        Builder user(String paramName, String example, String description) {
            params.add(new ApiParam(paramName, Role.USER, null, example, true, false, null, description));
            return this;
        }

        /** Caller input with a default. */
        Builder userDefault(String paramName, String defaultValue, String description) {
            params.add(new ApiParam(paramName, Role.USER, defaultValue, defaultValue, true, false, null, description));
            return this;
        }

        /** Caller input KIS does not require; sent empty when not given. */
        Builder userOptional(String paramName, String example, String description) {
            params.add(new ApiParam(paramName, Role.USER, "", example, false, false, null, description));
            return this;
        }

        /** Caller input not sent at all unless given. */
        Builder optional(String paramName, String example, String description) {
            params.add(new ApiParam(paramName, Role.USER, null, example, false, true, null, description));
            return this;
        }

        Builder fixed(String paramName, String defaultValue, String description) {
            params.add(new ApiParam(paramName, Role.DEFAULTED, defaultValue, defaultValue, true, false, null, description));
            return this;
        }

        Builder companion(String paramName, String defaultValue, String presentWith, String description) {
            params.add(new ApiParam(paramName, Role.DEFAULTED, defaultValue, defaultValue, false, true, presentWith, description));
            return this;
        }

        Builder continuation(String fk, String nk) {
            params.add(new ApiParam(fk, Role.CONTINUATION, "", "", true, false, null, "continuation key (pager)"));
            params.add(new ApiParam(nk, Role.CONTINUATION, "", "", true, false, null, "continuation key (pager)"));
            return this;
        }

        Builder outputs(String... blocks) {
            this.outputs = List.of(blocks);
            return this;
        }

        Builder rows(String block) {
            this.rows = block;
            return this;
        }

        Builder paging(Paging paging, int pageSize) {
            this.paging = paging;
            this.pageSize = pageSize;
            return this;
        }

        ApiSpec build() {
            String rowsBlock = rows != null ? rows : outputs.isEmpty() ? null : outputs.get(0);
            return new ApiSpec(name, docId, description, kind, method, path, trIds, selector, params, outputs,
                    rowsBlock, paging, pageSize);
        }
    }
}
