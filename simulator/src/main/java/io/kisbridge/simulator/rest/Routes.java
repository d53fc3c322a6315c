package io.kisbridge.simulator.rest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The simulator's own route table: one record per REST API of kis-reference.md §6, transcribed independently of
 * core's catalog (so a typo in either shows up as a failing core test). Deprecated TR IDs (§2.3) are aliases;
 * whether KIS still accepts them today is unverified (documented as "may be blocked without notice").
 */
public final class Routes {
    private static final String Q = Route.BASE + "quotations/";
    private static final String T = Route.BASE + "trading/";
    private static final String F = Route.BASE + "finance/";
    private static final List<String> CTX = List.of("CTX_AREA_FK100", "CTX_AREA_NK100");

    private final List<Route> routes = new ArrayList<>();
    private List<Route> generic;

    public Routes() {
        List<String> sym = List.of("FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD");
        get("inquire-price", "v1_국내주식-008", Q + "inquire-price", l("FHKST01010100"), l("FHKST01010100"), sym, l(), QuoteApis::inquirePrice);
        get("inquire-price-2", "v1_국내주식-054", Q + "inquire-price-2", l("FHPST01010000"), l(), sym, l(), QuoteApis::inquirePrice2);
        get("inquire-daily-itemchartprice", "v1_국내주식-016", Q + "inquire-daily-itemchartprice", l("FHKST03010100"), l("FHKST03010100"),
                l("FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD", "FID_INPUT_DATE_1", "FID_INPUT_DATE_2", "FID_PERIOD_DIV_CODE", "FID_ORG_ADJ_PRC"),
                l(), QuoteApis::dailyItemChart);
        get("inquire-time-itemchartprice", "v1_국내주식-022", Q + "inquire-time-itemchartprice", l("FHKST03010200"), l("FHKST03010200"),
                l("FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD", "FID_INPUT_HOUR_1", "FID_PW_DATA_INCU_YN", "FID_ETC_CLS_CODE"),
                l(), QuoteApis::timeItemChart);
        // FID_ORG_ADJ_PRC meaning (0/1) is documented inconsistently (unverified); it does not change our answer.
        get("inquire-daily-price", "v1_국내주식-010", Q + "inquire-daily-price", l("FHKST01010400"), l("FHKST01010400"),
                l("FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD", "FID_PERIOD_DIV_CODE", "FID_ORG_ADJ_PRC"), l(), QuoteApis::dailyPrice);

        post("order-cash", "v1_국내주식-001", T + "order-cash", l("TTTC0012U", "TTTC0011U", "TTTC0802U", "TTTC0801U"),
                l("VTTC0012U", "VTTC0011U", "VTTC0802U", "VTTC0801U"),
                l("CANO", "ACNT_PRDT_CD", "PDNO", "ORD_DVSN", "ORD_QTY", "ORD_UNPR"), l("EXCG_ID_DVSN_CD", "SLL_TYPE", "CNDT_PRIC"),
                AccountApis::orderCash);
        post("order-rvsecncl", "v1_국내주식-003", T + "order-rvsecncl", l("TTTC0013U", "TTTC0803U"), l("VTTC0013U", "VTTC0803U"),
                l("CANO", "ACNT_PRDT_CD", "KRX_FWDG_ORD_ORGNO", "ORGN_ODNO", "ORD_DVSN", "RVSE_CNCL_DVSN_CD", "ORD_QTY", "ORD_UNPR", "QTY_ALL_ORD_YN"),
                l("EXCG_ID_DVSN_CD", "CNDT_PRIC"), AccountApis::orderRvsecncl);
        get("inquire-balance", "v1_국내주식-006", T + "inquire-balance", l("TTTC8434R"), l("VTTC8434R"),
                l("CANO", "ACNT_PRDT_CD", "AFHR_FLPR_YN", "INQR_DVSN", "UNPR_DVSN", "FUND_STTL_ICLD_YN", "FNCG_AMT_AUTO_RDPT_YN", "PRCS_DVSN"),
                l("OFL_YN", "CTX_AREA_FK100", "CTX_AREA_NK100"), AccountApis::balance);
        get("inquire-daily-ccld", "v1_국내주식-005", T + "inquire-daily-ccld", l("TTTC0081R", "CTSC9215R", "TTTC8001R", "CTSC9115R"),
                l("VTTC0081R", "VTSC9215R", "VTTC8001R", "VTSC9115R"),
                l("CANO", "ACNT_PRDT_CD", "INQR_STRT_DT", "INQR_END_DT", "SLL_BUY_DVSN_CD", "CCLD_DVSN", "INQR_DVSN", "INQR_DVSN_3"),
                l("PDNO", "ORD_GNO_BRNO", "ODNO", "INQR_DVSN_1", "EXCG_ID_DVSN_CD", "CTX_AREA_FK100", "CTX_AREA_NK100"),
                AccountApis::dailyCcld);
        get("inquire-psbl-rvsecncl", "v1_국내주식-004", T + "inquire-psbl-rvsecncl", l("TTTC0084R", "TTTC8036R"), l(),
                l("CANO", "ACNT_PRDT_CD", "INQR_DVSN_1", "INQR_DVSN_2", "CTX_AREA_FK100", "CTX_AREA_NK100"), l(),
                AccountApis::psblRvsecncl);
        get("inquire-psbl-order", "v1_국내주식-007", T + "inquire-psbl-order", l("TTTC8908R"), l("VTTC8908R"),
                l("CANO", "ACNT_PRDT_CD", "PDNO", "ORD_UNPR", "ORD_DVSN", "CMA_EVLU_AMT_ICLD_YN", "OVRS_ICLD_YN"), l(),
                AccountApis::psblOrder);
        get("inquire-psbl-sell", "국내주식-165", T + "inquire-psbl-sell", l("TTTC8408R"), l(), l("CANO", "ACNT_PRDT_CD", "PDNO"), l(),
                AccountApis::psblSell);
        get("intgr-margin", "국내주식-191", T + "intgr-margin", l("TTTC0869R"), l(),
                l("CANO", "ACNT_PRDT_CD", "CMA_EVLU_AMT_ICLD_YN", "WCRC_FRCR_DVSN_CD", "FWEX_CTRT_FRCR_DVSN_CD"), l(),
                AccountApis::intgrMargin);

        get("psearch-title", "국내주식-038", Q + "psearch-title", l("HHKST03900300"), l(), l("user_id"), l(), AnalysisApis::psearchTitle);
        get("psearch-result", "국내주식-039", Q + "psearch-result", l("HHKST03900400"), l(), l("user_id", "seq"), l(), AnalysisApis::psearchResult);
        get("intstock-grouplist", "국내주식-204", Q + "intstock-grouplist", l("HHKCM113004C7"), l(),
                l("TYPE", "FID_ETC_CLS_CODE", "USER_ID"), l(), AnalysisApis::groupList);
        get("intstock-stocklist-by-group", "국내주식-203", Q + "intstock-stocklist-by-group", l("HHKCM113004C6"), l(),
                l("TYPE", "USER_ID", "INTER_GRP_CODE", "FID_ETC_CLS_CODE", "DATA_RANK", "INTER_GRP_NAME", "HTS_KOR_ISNM", "CNTG_CLS_CODE"),
                l(), AnalysisApis::stocksByGroup);
        List<String> multi = new ArrayList<>();
        for (int i = 2; i <= 30; i++) {
            multi.add("FID_COND_MRKT_DIV_CODE_" + i);
            multi.add("FID_INPUT_ISCD_" + i);
        }
        get("intstock-multprice", "국내주식-205", Q + "intstock-multprice", l("FHKST11300006"), l(),
                l("FID_COND_MRKT_DIV_CODE_1", "FID_INPUT_ISCD_1"), multi, QuoteApis::multiPrice);
        get("search-stock-info", "v1_국내주식-067", Q + "search-stock-info", l("CTPF1002R"), l(), l("PRDT_TYPE_CD", "PDNO"), l(),
                QuoteApis::stockInfo);
        get("chk-holiday", "국내주식-040", Q + "chk-holiday", l("CTCA0903R"), l(), l("BASS_DT", "CTX_AREA_FK", "CTX_AREA_NK"), l(),
                QuoteApis::holidays);
        List<String> rank = l("fid_cond_mrkt_div_code", "fid_cond_scr_div_code", "fid_rank_sort_cls_code", "fid_div_cls_code",
                "fid_input_iscd", "fid_trgt_exls_cls_code", "fid_trgt_cls_code", "fid_vol_cnt", "fid_input_price_1", "fid_input_price_2");
        get("after-hour-balance", "v1_국내주식-093", Route.BASE + "ranking/after-hour-balance", l("FHPST01760000"), l(), rank, l(),
                AnalysisApis::afterHourBalance);
        get("quote-balance", "국내주식-089", Route.BASE + "ranking/quote-balance", l("FHPST01720000"), l(), rank, l(),
                AnalysisApis::quoteBalance);
        get("invest-opbysec", "국내주식-189", Q + "invest-opbysec", l("FHKST663400C0"), l(),
                l("FID_COND_MRKT_DIV_CODE", "FID_COND_SCR_DIV_CODE", "FID_INPUT_ISCD", "FID_DIV_CLS_CODE", "FID_INPUT_DATE_1", "FID_INPUT_DATE_2"),
                l(), AnalysisApis::opinionsByFirm);
        get("invest-opinion", "국내주식-188", Q + "invest-opinion", l("FHKST663300C0"), l(),
                l("FID_COND_MRKT_DIV_CODE", "FID_COND_SCR_DIV_CODE", "FID_INPUT_ISCD", "FID_INPUT_DATE_1", "FID_INPUT_DATE_2"),
                l(), AnalysisApis::opinionsOnStock);
        get("inquire-daily-trade-volume", "v1_국내주식-056", Q + "inquire-daily-trade-volume", l("FHKST03010800"), l(),
                l("FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD", "FID_PERIOD_DIV_CODE"), l("FID_INPUT_DATE_1", "FID_INPUT_DATE_2"),
                AnalysisApis::dailyTradeVolume);
        get("foreign-institution-total", "국내주식-037", Q + "foreign-institution-total", l("FHPTJ04400000"), l(),
                l("FID_COND_MRKT_DIV_CODE", "FID_COND_SCR_DIV_CODE", "FID_INPUT_ISCD", "FID_DIV_CLS_CODE", "FID_RANK_SORT_CLS_CODE", "FID_ETC_CLS_CODE"),
                l(), AnalysisApis::foreignInstitutionTotal);
        String[][] fin = {
            {"balance-sheet", "v1_국내주식-078", "FHKST66430100"}, {"income-statement", "v1_국내주식-079", "FHKST66430200"},
            {"financial-ratio", "v1_국내주식-080", "FHKST66430300"}, {"profit-ratio", "v1_국내주식-081", "FHKST66430400"},
            {"other-major-ratios", "v1_국내주식-082", "FHKST66430500"}, {"stability-ratio", "v1_국내주식-083", "FHKST66430600"},
            {"growth-ratio", "v1_국내주식-085", "FHKST66430800"}};
        for (String[] f : fin) {
            String kind = f[0];
            get("finance-" + kind, f[1], F + kind, l(f[2]), l(), l("FID_DIV_CLS_CODE", "fid_cond_mrkt_div_code", "fid_input_iscd"), l(),
                    r -> AnalysisApis.finance(r, kind));
        }
    }

    /** The hand-written routes (consistent market data, accounts, orders). */
    public List<Route> all() {
        return Collections.unmodifiableList(routes);
    }

    /** The routes of every other API of the imported catalog facts, answered generically ({@link CatalogRoutes}). */
    public List<Route> generic() {
        if (generic == null) {
            generic = CatalogRoutes.routesBeside(routes.stream().map(Route::path).collect(java.util.stream.Collectors.toSet()));
        }
        return generic;
    }

    /** Hand-written routes first (their answers completed with every declared field), then the generic ones. */
    public List<Route> served() {
        List<Route> out = new ArrayList<>(CatalogRoutes.completing(routes));
        out.addAll(generic());
        return Collections.unmodifiableList(out);
    }

    public Route byName(String name) {
        return routes.stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    private void get(String name, String doc, String path, List<String> real, List<String> paper, List<String> req,
                     List<String> opt, ApiHandler h) {
        routes.add(new Route(name, doc, false, path, real, paper, req, opt, h));
    }

    private void post(String name, String doc, String path, List<String> real, List<String> paper, List<String> req,
                      List<String> opt, ApiHandler h) {
        routes.add(new Route(name, doc, true, path, real, paper, req, opt, h));
    }

    private static List<String> l(String... s) {
        return List.of(s);
    }
}
