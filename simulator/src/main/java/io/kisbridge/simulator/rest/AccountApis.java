package io.kisbridge.simulator.rest;

import io.kisbridge.simulator.account.Account;
import io.kisbridge.simulator.account.Holding;
import io.kisbridge.simulator.account.Order;
import io.kisbridge.simulator.account.OrderOutcome;
import io.kisbridge.simulator.market.Fmt;
import io.kisbridge.simulator.market.Quote;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Orders and account inquiries, with tr_cont/ctx_area paging. */
final class AccountApis {
    private AccountApis() {}

    // ---------------------------------------------------------------- orders

    static ApiResponse orderCash(ApiRequest r) {
        boolean buy = Set.of("TTTC0012U", "TTTC0802U", "VTTC0012U", "VTTC0802U").contains(r.trId());
        if (r.paper() && !r.param("EXCG_ID_DVSN_CD").isEmpty() && !"KRX".equals(r.param("EXCG_ID_DVSN_CD"))) {
            return ApiResponse.business("40000000", "모의투자에서는 KRX 주문만 가능합니다.");
        }
        long qty = parse(r.param("ORD_QTY"));
        long price = parse(r.param("ORD_UNPR"));
        if (qty < 0 || price < 0) return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE ORD_QTY/ORD_UNPR");
        OrderOutcome o = r.account().place(buy, r.param("PDNO"), r.param("ORD_DVSN"), qty, price);
        return answer(o);
    }

    static ApiResponse orderRvsecncl(ApiRequest r) {
        String dvsn = r.param("RVSE_CNCL_DVSN_CD");
        if (!"01".equals(dvsn) && !"02".equals(dvsn)) {
            return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE RVSE_CNCL_DVSN_CD");
        }
        long qty = parse(r.param("ORD_QTY"));
        long price = parse(r.param("ORD_UNPR"));
        if (qty < 0 || price < 0) return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE ORD_QTY/ORD_UNPR");
        OrderOutcome o = r.account().reviseOrCancel(r.param("ORGN_ODNO"), r.param("KRX_FWDG_ORD_ORGNO"), "02".equals(dvsn),
                r.param("ORD_DVSN"), qty, price, "Y".equals(r.param("QTY_ALL_ORD_YN")));
        return answer(o);
    }

    private static ApiResponse answer(OrderOutcome o) {
        if (!o.accepted()) return ApiResponse.business(o.msgCd(), o.msg1());
        // order outputs use UPPER-CASE keys (reference §6 2.1)
        return ApiResponse.ok(o.msgCd(), o.msg1(), "output", Out.row().put("KRX_FWDG_ORD_ORGNO", o.branch())
                .put("ODNO", o.odno()).put("ORD_TMD", o.time()).map());
    }

    // ---------------------------------------------------------------- paging

    /** Our cursor: "SIM^<offset>^" space-padded to 100 chars, like KIS's own "81055689^01^N^..." keys. */
    private static int offset(ApiRequest r) {
        String nk = r.rawParam("CTX_AREA_NK100").trim();
        if (nk.startsWith("SIM^")) {
            try {
                return Integer.parseInt(nk.split("\\^")[1]);
            } catch (RuntimeException e) {
                return 0;
            }
        }
        return 0;
    }

    private static <T> ApiResponse page(ApiRequest r, List<T> all, int pageSize, java.util.function.Function<List<T>, ApiResponse> render) {
        int from = Math.min(offset(r), all.size());
        int to = Math.min(all.size(), from + pageSize);
        boolean more = to < all.size();
        ApiResponse a = render.apply(all.subList(from, to));
        a.body().put("ctx_area_fk100", Fmt.padRight(r.param("CANO") + "^" + r.param("ACNT_PRDT_CD") + "^", 100));
        a.body().put("ctx_area_nk100", Fmt.padRight(more ? "SIM^" + to + "^" : "", 100));
        String trCont = from == 0 ? (more ? "F" : "D") : (more ? "M" : "E");
        return a.withTrCont(trCont);
    }

    // ---------------------------------------------------------------- inquiries

    static ApiResponse balance(ApiRequest r) {
        Account acc = r.account();
        List<Holding> hs = acc.holdings().stream().filter(h -> h.qty() > 0 || h.soldToday() > 0).toList();
        int size = r.paper() ? 20 : 50;
        long scts = 0;
        long pchs = 0;
        for (Holding h : acc.holdings()) {
            scts += h.qty() * r.market().lastPrice(h.code);
            pchs += h.purchaseAmount();
        }
        long cash = acc.cash();
        long evlu = scts;
        long purchase = pchs;
        return page(r, hs, size, rows -> {
            List<Map<String, Object>> out1 = new ArrayList<>();
            for (Holding h : rows) {
                Quote q = r.market().quote(h.code);
                long ev = h.qty() * q.last();
                out1.add(Out.row().put("pdno", h.code).put("prdt_name", h.name).put("trad_dvsn_name", "현금")
                        .put("bfdy_buy_qty", "0").put("bfdy_sll_qty", "0").put("thdt_buyqty", h.boughtToday())
                        .put("thdt_sll_qty", h.soldToday()).put("hldg_qty", h.qty()).put("ord_psbl_qty", acc.sellableQty(h.code))
                        .put("pchs_avg_pric", Fmt.dec4(h.averagePrice())).put("pchs_amt", h.purchaseAmount())
                        .put("prpr", q.last()).put("evlu_amt", ev).put("evlu_pfls_amt", ev - h.purchaseAmount())
                        .put("evlu_pfls_rt", Fmt.pct(ev - h.purchaseAmount(), h.purchaseAmount())).put("evlu_erng_rt", "0.00000000")
                        .put("loan_dt", "").put("loan_amt", "0").put("stln_slng_chgs", "0").put("expd_dt", "")
                        .put("fltt_rt", q.changeRate()).put("bfdy_cprs_icdc", q.change()).put("item_mgna_rt_name", "20%")
                        .put("grta_rt_name", "").put("sbst_pric", q.base() * 7 / 10).put("stck_loan_unpr", "0").map());
            }
            Map<String, Object> out2 = Out.row().put("dnca_tot_amt", Account.INITIAL_CASH).put("nxdy_excc_amt", cash)
                    .put("prvs_rcdl_excc_amt", cash).put("cma_evlu_amt", "0").put("bfdy_buy_amt", "0")
                    .put("thdt_buy_amt", acc.boughtAmountToday()).put("nxdy_auto_rdpt_amt", "0").put("bfdy_sll_amt", "0")
                    .put("thdt_sll_amt", acc.soldAmountToday()).put("d2_auto_rdpt_amt", "0").put("bfdy_tlex_amt", "0")
                    .put("thdt_tlex_amt", acc.feesToday()).put("tot_loan_amt", "0").put("scts_evlu_amt", evlu)
                    .put("tot_evlu_amt", evlu + cash).put("nass_amt", evlu + cash).put("fncg_gld_auto_rdpt_yn", "")
                    .put("pchs_amt_smtl_amt", purchase).put("evlu_amt_smtl_amt", evlu).put("evlu_pfls_smtl_amt", evlu - purchase)
                    .put("tot_stln_slng_chgs", "0").put("bfdy_tot_asst_evlu_amt", Account.INITIAL_CASH + purchase)
                    .put("asst_icdc_amt", evlu + cash - Account.INITIAL_CASH - purchase).put("asst_icdc_erng_rt", "0.00000000").map();
            return ApiResponse.ok("KIOK0510", ApiResponse.INQUIRY_OK, "output1", out1, "output2", List.of(out2));
        });
    }

    static ApiResponse dailyCcld(ApiRequest r) {
        LocalDate from = QuoteApis.parseDate(r.param("INQR_STRT_DT"));
        LocalDate to = QuoteApis.parseDate(r.param("INQR_END_DT"));
        if (from == null || to == null) return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE INQR_STRT_DT/INQR_END_DT");
        boolean older = r.trId().startsWith("CTSC") || r.trId().startsWith("VTSC");
        LocalDate today = r.market().tradeDate();
        String side = r.param("SLL_BUY_DVSN_CD");
        String ccld = r.param("CCLD_DVSN");
        String pdno = r.param("PDNO");
        String odno = r.param("ODNO");
        List<Order> all = new ArrayList<>();
        // orders exist only today; the "older than 3 months" TR therefore finds none
        if (!older && !today.isBefore(from) && !today.isAfter(to)) {
            for (Order o : r.account().orders()) {
                if ("01".equals(side) && o.buy || "02".equals(side) && !o.buy) continue;
                if ("01".equals(ccld) && o.filledQty() == 0 || "02".equals(ccld) && o.remaining() == 0) continue;
                if (!pdno.isEmpty() && !pdno.equals(o.code) || !odno.isEmpty() && !odno.equals(o.odno)) continue;
                all.add(o);
            }
        }
        if (!"01".equals(r.param("INQR_DVSN"))) java.util.Collections.reverse(all);
        long totQty = 0;
        long totCcld = 0;
        long totAmt = 0;
        for (Order o : all) {
            totQty += o.qty;
            totCcld += o.filledQty();
            totAmt += o.filledAmount();
        }
        long fq = totQty;
        long fc = totCcld;
        long fa = totAmt;
        String date = Fmt.date(today);
        return page(r, all, r.paper() ? 15 : 100, rows -> {
            List<Map<String, Object>> out1 = new ArrayList<>();
            for (Order o : rows) {
                boolean cancel = o.kind == Order.Kind.CANCEL;
                out1.add(Out.row().put("ord_dt", date).put("ord_gno_brno", o.branch).put("odno", o.odno)
                        .put("orgn_odno", o.orgnOdno).put("ord_dvsn_name", o.ordDvsnName())
                        .put("sll_buy_dvsn_cd", o.buy ? "02" : "01")
                        .put("sll_buy_dvsn_cd_name", (o.buy ? "매수" : "매도") + switch (o.kind) {
                            case NEW -> "";
                            case MODIFY -> "정정";
                            case CANCEL -> "취소";
                        })
                        .put("pdno", o.code).put("prdt_name", o.name).put("ord_qty", o.qty).put("ord_unpr", o.price)
                        .put("ord_tmd", Fmt.time(o.time)).put("tot_ccld_qty", o.filledQty()).put("avg_prvs", o.averageFillPrice())
                        .put("cncl_yn", cancel ? "Y" : "N").put("tot_ccld_amt", o.filledAmount()).put("loan_dt", "")
                        .put("ordr_empno", "OpenAPI").put("ord_dvsn_cd", o.ordDvsn).put("cnc_cfrm_qty", cancel ? o.qty : 0)
                        .put("rmn_qty", o.remaining()).put("rjct_qty", "0").put("ccld_cndt_name", "없음")
                        .put("inqr_ip_addr", "").put("cpbc_ordp_ord_rcit_dvsn_cd", "").put("cpbc_ordp_infm_mthd_dvsn_cd", "")
                        .put("infm_tmd", "").put("ctac_tlno", "").put("prdt_type_cd", "300").put("excg_dvsn_cd", "01")
                        .put("cpbc_ordp_mtrl_dvsn_cd", "").put("ord_orgno", o.branch).put("rsvn_ord_end_dt", "")
                        .put("excg_id_dvsn_Cd", "KRX").put("stpm_cndt_pric", "0").put("stpm_efct_occr_dtmd", "").map());
            }
            Map<String, Object> out2 = Out.row().put("tot_ord_qty", fq).put("tot_ccld_qty", fc).put("tot_ccld_amt", fa)
                    .put("prsm_tlex_smtl", (long) Math.floor(fa * 0.00015)).put("pchs_avg_pric", fc == 0 ? "0.0000" : Fmt.dec4((double) fa / fc)).map();
            return ApiResponse.ok("KIOK0510", ApiResponse.INQUIRY_OK, "output1", out1, "output2", out2);
        });
    }

    static ApiResponse psblRvsecncl(ApiRequest r) {
        String side = r.param("INQR_DVSN_2");
        List<Order> open = new ArrayList<>();
        for (Order o : r.account().orders()) {
            if (o.remaining() <= 0) continue;
            if ("1".equals(side) && o.buy || "2".equals(side) && !o.buy) continue;
            open.add(o);
        }
        if ("1".equals(r.param("INQR_DVSN_1"))) open.sort(java.util.Comparator.comparing(o -> o.code));
        return page(r, open, 50, rows -> {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Order o : rows) {
                out.add(Out.row().put("ord_gno_brno", o.branch).put("odno", o.odno).put("orgn_odno", o.orgnOdno)
                        .put("ord_dvsn_name", o.ordDvsnName()).put("pdno", o.code)
                        .put("prdt_name", o.name).put("rvse_cncl_dvsn_name", (o.buy ? "매수" : "매도") + (o.kind == Order.Kind.MODIFY ? "정정" : ""))
                        .put("ord_qty", o.qty).put("ord_unpr", o.price).put("ord_tmd", Fmt.time(o.time))
                        .put("tot_ccld_qty", o.filledQty()).put("tot_ccld_amt", o.filledAmount()).put("psbl_qty", o.remaining())
                        .put("sll_buy_dvsn_cd", o.buy ? "02" : "01").put("ord_dvsn_cd", o.ordDvsn).put("mgco_aptm_odno", "")
                        .put("excg_dvsn_cd", "01").put("excg_id_dvsn_cd", "KRX").put("excg_id_dvsn_name", "한국거래소")
                        .put("stpm_cndt_pric", "0").put("stpm_efct_occr_yn", "N").map());
            }
            return ApiResponse.ok("KIOK0510", ApiResponse.INQUIRY_OK, "output", out);
        });
    }

    static ApiResponse psblOrder(ApiRequest r) {
        Account acc = r.account();
        long cash = acc.orderableCash();
        String pdno = r.param("PDNO");
        long unitPrice = parse(r.param("ORD_UNPR"));
        long calcPrice = 0;
        if (!pdno.isEmpty()) {
            if (r.market().universe().stock(pdno).isEmpty()) return ApiResponse.business("MCA05918", "종목코드 오류입니다.");
            Quote q = r.market().quote(pdno);
            calcPrice = "01".equals(r.param("ORD_DVSN")) || unitPrice <= 0 ? q.upper() : unitPrice;
        }
        long qty = calcPrice == 0 ? 0 : (long) (cash / (calcPrice * 1.00015));
        Map<String, Object> o = Out.row().put("ord_psbl_cash", cash).put("ord_psbl_sbst", "0").put("ruse_psbl_amt", "0")
                .put("fund_rpch_chgs", "0").put("psbl_qty_calc_unpr", calcPrice).put("nrcvb_buy_amt", qty * calcPrice)
                .put("nrcvb_buy_qty", qty).put("max_buy_amt", qty * calcPrice).put("max_buy_qty", qty).put("cma_evlu_amt", "0")
                .put("ovrs_re_use_amt_wcrc", "0").put("ord_psbl_frcr_amt_wcrc", "0").map();
        return ApiResponse.ok("KIOK0510", ApiResponse.INQUIRY_OK, "output", o);
    }

    static ApiResponse psblSell(ApiRequest r) {
        String pdno = r.param("PDNO");
        if (r.market().universe().stock(pdno).isEmpty()) return ApiResponse.business("MCA05918", "종목코드 오류입니다.");
        Holding h = r.account().holdings().stream().filter(x -> x.code.equals(pdno)).findFirst().orElse(null);
        Quote q = r.market().quote(pdno);
        long qty = h == null ? 0 : h.qty();
        long pchs = h == null ? 0 : h.purchaseAmount();
        long ev = qty * q.last();
        Map<String, Object> o = Out.row().put("pdno", pdno).put("prdt_name", q.stock().name())
                .put("buy_qty", h == null ? 0 : h.boughtToday()).put("sll_qty", h == null ? 0 : h.soldToday())
                .put("cblc_qty", qty).put("nsvg_qty", "0").put("ord_psbl_qty", r.account().sellableQty(pdno))
                .put("pchs_avg_pric", Fmt.dec4(h == null ? 0 : h.averagePrice())).put("pchs_amt", pchs)
                .put("now_pric", q.last()).put("evlu_amt", ev).put("evlu_pfls_amt", ev - pchs)
                .put("evlu_pfls_rt", Fmt.pct(ev - pchs, pchs)).map();
        return ApiResponse.ok("KIOK0420", ApiResponse.padMsg("정상적으로 조회되었습니다"), "output", o);
    }

    /** Integrated margin: the key KRW fields computed, the rest of the 104 zero (approximation). */
    static ApiResponse intgrMargin(ApiRequest r) {
        long cash = r.account().orderableCash();
        Out o = Out.row().put("acmga_rt", "20.00").put("acmga_pct100_aptm_rson", "").put("stck_cash_objt_amt", r.account().cash())
                .put("stck_sbst_objt_amt", "0").put("stck_evlu_objt_amt", "0").put("stck_ruse_psbl_objt_amt", "0")
                .put("stck_fund_rpch_chgs_objt_amt", "0").put("stck_fncg_rdpt_objt_atm", "0").put("bond_ruse_psbl_objt_amt", "0")
                .put("stck_cash_use_amt", r.account().cash() - cash).put("stck_sbst_use_amt", "0").put("stck_evlu_use_amt", "0")
                .put("stck_ruse_psbl_amt_use_amt", "0").put("stck_fund_rpch_chgs_use_amt", "0").put("stck_fncg_rdpt_amt_use_amt", "0")
                .put("bond_ruse_psbl_amt_use_amt", "0").put("stck_cash_ord_psbl_amt", cash).put("stck_sbst_ord_psbl_amt", "0")
                .put("stck_evlu_ord_psbl_amt", "0").put("stck_ruse_psbl_ord_psbl_amt", "0").put("stck_fund_rpch_ord_psbl_amt", "0")
                .put("bond_ruse_psbl_ord_psbl_amt", "0").put("rcvb_amt", "0").put("stck_loan_grta_ruse_psbl_amt", "0")
                .put("stck_cash20_max_ord_psbl_amt", cash * 5).put("stck_cash30_max_ord_psbl_amt", cash * 10 / 3)
                .put("stck_cash40_max_ord_psbl_amt", cash * 5 / 2).put("stck_cash50_max_ord_psbl_amt", cash * 2)
                .put("stck_cash60_max_ord_psbl_amt", cash * 5 / 3).put("stck_cash100_max_ord_psbl_amt", cash)
                .put("stck_rsip100_max_ord_psbl_amt", cash).put("bond_max_ord_psbl_amt", cash)
                .put("stck_fncg45_max_ord_psbl_amt", "0").put("stck_fncg50_max_ord_psbl_amt", "0")
                .put("stck_fncg60_max_ord_psbl_amt", "0").put("stck_fncg70_max_ord_psbl_amt", "0")
                .put("stck_stln_max_ord_psbl_amt", "0").put("lmt_amt", "0").put("ovrs_stck_itgr_mgna_dvsn_name", "통합증거금")
                .put("usd_objt_amt", "0").put("usd_use_amt", "0").put("usd_ord_psbl_amt", "0").put("hkd_objt_amt", "0")
                .put("hkd_use_amt", "0").put("hkd_ord_psbl_amt", "0").put("jpy_objt_amt", "0").put("jpy_use_amt", "0")
                .put("jpy_ord_psbl_amt", "0").put("cny_objt_amt", "0").put("cny_use_amt", "0").put("cny_ord_psbl_amt", "0")
                .put("usd_ruse_objt_amt", "0").put("usd_ruse_amt", "0").put("usd_ruse_ord_psbl_amt", "0")
                .put("usd_itgr_ord_psbl_amt", "0").put("hkd_itgr_ord_psbl_amt", "0").put("jpy_itgr_ord_psbl_amt", "0")
                .put("cny_itgr_ord_psbl_amt", "0").put("stck_itgr_cash20_ord_psbl_amt", cash * 5)
                .put("stck_itgr_cash30_ord_psbl_amt", cash * 10 / 3).put("stck_itgr_cash40_ord_psbl_amt", cash * 5 / 2)
                .put("stck_itgr_cash50_ord_psbl_amt", cash * 2).put("stck_itgr_cash60_ord_psbl_amt", cash * 5 / 3)
                .put("stck_itgr_cash100_ord_psbl_amt", cash).put("usd_frst_bltn_exrt", "1380.00")
                .put("hkd_frst_bltn_exrt", "176.50").put("jpy_frst_bltn_exrt", "9.10").put("cny_frst_bltn_exrt", "190.20");
        return ApiResponse.ok("KIOK0510", ApiResponse.INQUIRY_OK, "output", o.map());
    }

    private static long parse(String s) {
        try {
            return s.isEmpty() ? 0 : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
