package io.kisbridge.simulator.rest;

import io.kisbridge.simulator.market.DailyBar;
import io.kisbridge.simulator.market.Fmt;
import io.kisbridge.simulator.market.MinuteBar;
import io.kisbridge.simulator.market.PriceRules;
import io.kisbridge.simulator.market.Quote;
import io.kisbridge.simulator.market.Stock;
import io.kisbridge.simulator.market.TradingCalendar;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Quotation APIs: current price (1 and 2), period chart, minute chart, daily price, multi-price, stock info, holidays. */
final class QuoteApis {
    private static final Set<String> MARKETS = Set.of("J", "NX", "UN", "W");

    private QuoteApis() {}

    /** Validates FID_COND_MRKT_DIV_CODE and FID_INPUT_ISCD; null when fine. */
    static ApiResponse checkSymbol(ApiRequest r, String marketParam, String codeParam) {
        if (!MARKETS.contains(r.param(marketParam))) {
            return ApiResponse.business("OPSQ2001", "ERROR : INPUT INVALID_CHECK_MRKT_DIV_CODE");
        }
        if (r.market().universe().stock(r.param(codeParam)).isEmpty()) {
            // our choice of code for an unknown symbol; the text is KIS's 종목코드 오류 message
            return ApiResponse.business("MCA05918", "종목코드 오류입니다.");
        }
        return null;
    }

    static ApiResponse inquirePrice(ApiRequest r) {
        ApiResponse bad = checkSymbol(r, "FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD");
        if (bad != null) return bad;
        Quote q = r.market().quote(r.param("FID_INPUT_ISCD"));
        Stock s = q.stock();
        List<DailyBar> hist = r.market().history(s.code());
        List<DailyBar> y250 = hist.subList(Math.max(0, hist.size() - 250), hist.size());
        DailyBar hi = y250.get(0);
        DailyBar lo = y250.get(0);
        for (DailyBar b : y250) {
            if (b.high() >= hi.high()) hi = b;
            if (b.low() <= lo.low()) lo = b;
        }
        long hiP = Math.max(hi.high(), q.high());
        long loP = Math.min(lo.low(), q.low());
        double eps = Math.max(100, s.level() / 14.0);
        double bps = s.level() / 1.3;
        long capEok = q.last() * s.listedShares() / 100_000_000L;
        Out o = Out.row()
                .put("iscd_stat_cls_code", "55").put("marg_rate", "20.00").put("rprs_mrkt_kor_name", s.kosdaq() ? "KOSDAQ" : "KOSPI200")
                .put("new_hgpr_lwpr_cls_code", "").put("bstp_kor_isnm", s.sector()).put("temp_stop_yn", "N")
                .put("oprc_rang_cont_yn", "N").put("clpr_rang_cont_yn", "N").put("crdt_able_yn", "Y")
                .put("grmn_rate_cls_code", "40").put("elw_pblc_yn", "N")
                .put("stck_prpr", q.last()).put("prdy_vrss", q.change()).put("prdy_vrss_sign", q.sign())
                .put("prdy_ctrt", q.changeRate()).put("acml_tr_pbmn", q.value()).put("acml_vol", q.volume())
                .put("prdy_vrss_vol_rate", Fmt.pct(q.volume(), q.prevDayVolume()))
                .put("stck_oprc", q.open()).put("stck_hgpr", q.high()).put("stck_lwpr", q.low())
                .put("stck_mxpr", q.upper()).put("stck_llam", q.lower()).put("stck_sdpr", q.base())
                .put("wghn_avrg_stck_prc", q.vwap()).put("hts_frgn_ehrt", Fmt.dec2(20 + (s.code().hashCode() & 31)))
                .put("frgn_ntby_qty", (s.code().hashCode() % 5000)).put("pgtr_ntby_qty", (s.code().hashCode() % 3000))
                .put("pvt_scnd_dmrs_prc", q.base() + PriceRules.tickSize(q.base()) * 4)
                .put("pvt_frst_dmrs_prc", q.base() + PriceRules.tickSize(q.base()) * 2).put("pvt_pont_val", q.base())
                .put("pvt_frst_dmsp_prc", q.base() - PriceRules.tickSize(q.base()) * 2)
                .put("pvt_scnd_dmsp_prc", q.base() - PriceRules.tickSize(q.base()) * 4)
                .put("dmrs_val", q.base() + PriceRules.tickSize(q.base()) * 3)
                .put("dmsp_val", q.base() - PriceRules.tickSize(q.base()) * 3)
                .put("cpfn", s.listedShares() * s.parValue() / 100_000_000L).put("rstc_wdth_prc", PriceRules.limitWidth(q.base()))
                .put("stck_fcam", s.parValue()).put("stck_sspr", PriceRules.floorToTick(q.base() * 7 / 10))
                .put("aspr_unit", PriceRules.tickSize(q.last())).put("hts_deal_qty_unit_val", "1")
                .put("lstn_stcn", s.listedShares()).put("hts_avls", capEok).put("per", Fmt.dec2(q.last() / eps))
                .put("pbr", Fmt.dec2(q.last() / bps)).put("stac_month", "12")
                .put("vol_tnrt", Fmt.pct(q.volume(), s.listedShares())).put("eps", Fmt.dec2(eps)).put("bps", Fmt.dec2(bps))
                .put("d250_hgpr", hiP).put("d250_hgpr_date", Fmt.date(hi.date()))
                .put("d250_hgpr_vrss_prpr_rate", Fmt.pct(q.last() - hiP, hiP))
                .put("d250_lwpr", loP).put("d250_lwpr_date", Fmt.date(lo.date()))
                .put("d250_lwpr_vrss_prpr_rate", Fmt.pct(q.last() - loP, loP))
                .put("stck_dryy_hgpr", hiP).put("dryy_hgpr_vrss_prpr_rate", Fmt.pct(q.last() - hiP, hiP))
                .put("dryy_hgpr_date", Fmt.date(hi.date())).put("stck_dryy_lwpr", loP)
                .put("dryy_lwpr_vrss_prpr_rate", Fmt.pct(q.last() - loP, loP)).put("dryy_lwpr_date", Fmt.date(lo.date()))
                .put("w52_hgpr", hiP).put("w52_hgpr_vrss_prpr_ctrt", Fmt.pct(q.last() - hiP, hiP))
                .put("w52_hgpr_date", Fmt.date(hi.date())).put("w52_lwpr", loP)
                .put("w52_lwpr_vrss_prpr_ctrt", Fmt.pct(q.last() - loP, loP)).put("w52_lwpr_date", Fmt.date(lo.date()))
                .put("whol_loan_rmnd_rate", "0.12").put("ssts_yn", "Y").put("stck_shrn_iscd", s.code())
                .put("fcam_cnnm", String.format("%,d", s.parValue()))
                .put("cpfn_cnnm", String.format("%,d 억", s.listedShares() * s.parValue() / 100_000_000L))
                .put("frgn_hldn_qty", s.listedShares() / 4).put("vi_cls_code", "N").put("ovtm_vi_cls_code", "N")
                .put("last_ssts_cntg_qty", "0").put("invt_caful_yn", "N").put("mrkt_warn_cls_code", "00")
                .put("short_over_yn", "N").put("sltr_yn", "N").put("mang_issu_cls_code", "N");
        return ApiResponse.quote("output", o.map());
    }

    static ApiResponse inquirePrice2(ApiRequest r) {
        ApiResponse bad = checkSymbol(r, "FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD");
        if (bad != null) return bad;
        Quote q = r.market().quote(r.param("FID_INPUT_ISCD"));
        Stock s = q.stock();
        Out o = Out.row().put("rprs_mrkt_kor_name", s.kosdaq() ? "KOSDAQ" : "KOSPI200").put("new_hgpr_lwpr_cls_code", "")
                .put("mxpr_llam_cls_code", "").put("crdt_able_yn", "Y").put("stck_mxpr", q.upper())
                .put("elw_pblc_yn", "N").put("prdy_clpr_vrss_oprc_rate", Fmt.pct(q.open() - q.base(), q.base()))
                .put("crdt_rate", "45.00").put("marg_rate", "20.00").put("lwpr_vrss_prpr", q.last() - q.low())
                .put("lwpr_vrss_prpr_sign", Fmt.diffSign(q.last() - q.low())).put("prdy_clpr_vrss_lwpr_rate", Fmt.pct(q.low() - q.base(), q.base()))
                .put("stck_lwpr", q.low()).put("hgpr_vrss_prpr", q.last() - q.high())
                .put("hgpr_vrss_prpr_sign", Fmt.diffSign(q.last() - q.high())).put("prdy_clpr_vrss_hgpr_rate", Fmt.pct(q.high() - q.base(), q.base()))
                .put("stck_hgpr", q.high()).put("oprc_vrss_prpr", q.last() - q.open())
                .put("oprc_vrss_prpr_sign", Fmt.diffSign(q.last() - q.open())).put("mang_issu_yn", "N")
                .put("divi_app_cls_code", "00").put("short_over_yn", "N").put("mrkt_warn_cls_code", "00")
                .put("invt_caful_yn", "N").put("stange_runup_yn", "N").put("ssts_hot_yn", "N").put("low_current_yn", "N")
                .put("vi_cls_code", "N").put("short_over_cls_code", "N").put("stck_llam", q.lower())
                .put("new_lstn_cls_name", "").put("vlnt_deal_cls_name", "").put("flng_cls_name", "")
                .put("revl_issu_reas_name", "").put("mrkt_warn_cls_name", "").put("stck_sdpr", q.base())
                .put("bstp_cls_code", "0013").put("stck_prdy_clpr", q.base()).put("insn_pbnt_yn", "N")
                .put("fcam_mod_cls_name", "").put("stck_prpr", q.last()).put("prdy_vrss", q.change())
                .put("prdy_vrss_sign", q.sign()).put("prdy_ctrt", q.changeRate()).put("acml_tr_pbmn", q.value())
                .put("acml_vol", q.volume()).put("prdy_vrss_vol_rate", Fmt.pct(q.volume(), q.prevDayVolume()))
                .put("bstp_kor_isnm", s.sector()).put("sltr_yn", "N").put("trht_yn", "N").put("oprc_rang_cont_yn", "N")
                .put("vlnt_fin_cls_code", "0").put("stck_oprc", q.open()).put("prdy_vol", q.prevDayVolume());
        return ApiResponse.quote("output", o.map());
    }

    static Map<String, Object> chartSummary(Quote q) {
        Stock s = q.stock();
        double eps = Math.max(100, s.level() / 14.0);
        return Out.row().put("prdy_vrss", q.change()).put("prdy_vrss_sign", q.sign()).put("prdy_ctrt", q.changeRate())
                .put("stck_prdy_clpr", q.base()).put("acml_vol", q.volume()).put("acml_tr_pbmn", q.value())
                .put("hts_kor_isnm", s.name()).put("stck_prpr", q.last()).put("stck_shrn_iscd", s.code())
                .put("prdy_vol", q.prevDayVolume()).put("stck_mxpr", q.upper()).put("stck_llam", q.lower())
                .put("stck_oprc", q.open()).put("stck_hgpr", q.high()).put("stck_lwpr", q.low())
                .put("prdy_vrss_vol", q.volume() - q.prevDayVolume()).put("askp", q.askPrice1()).put("bidp", q.bidPrice1())
                .put("per", Fmt.dec2(q.last() / eps)).put("eps", Fmt.dec2(eps)).put("pbr", Fmt.dec2(q.last() / (s.level() / 1.3)))
                .put("hts_avls", q.last() * s.listedShares() / 100_000_000L).put("lstn_stcn", s.listedShares())
                .put("cpfn", s.listedShares() * s.parValue() / 100_000_000L).put("stck_fcam", s.parValue())
                .put("vol_tnrt", Fmt.pct(q.volume(), s.listedShares())).put("itewhol_loan_rmnd_ratem", "0.12").map();
    }

    /** Period chart: at most 100 bars per call, newest first, within [DATE_1, DATE_2] (reference §6 1.3). */
    static ApiResponse dailyItemChart(ApiRequest r) {
        ApiResponse bad = checkSymbol(r, "FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD");
        if (bad != null) return bad;
        LocalDate from = parseDate(r.param("FID_INPUT_DATE_1"));
        LocalDate to = parseDate(r.param("FID_INPUT_DATE_2"));
        String period = r.param("FID_PERIOD_DIV_CODE");
        if (from == null || to == null || !Set.of("D", "W", "M", "Y").contains(period)) {
            return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE " + (from == null || to == null ? "FID_INPUT_DATE" : "FID_PERIOD_DIV_CODE"));
        }
        String code = r.param("FID_INPUT_ISCD");
        List<DailyBar> bars = aggregate(r.market().dailyBarsWithToday(code), period);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = bars.size() - 1; i >= 0 && rows.size() < 100; i--) {
            DailyBar b = bars.get(i);
            if (b.date().isAfter(to) || b.date().isBefore(from)) continue;
            rows.add(Out.row().put("stck_bsop_date", Fmt.date(b.date())).put("stck_clpr", b.close())
                    .put("stck_oprc", b.open()).put("stck_hgpr", b.high()).put("stck_lwpr", b.low())
                    .put("acml_vol", b.volume()).put("acml_tr_pbmn", b.value()).put("flng_cls_code", "00")
                    .put("prtt_rate", "0.00").put("mod_yn", "N").put("prdy_vrss_sign", Fmt.diffSign(b.close() - b.prevClose()))
                    .put("prdy_vrss", b.close() - b.prevClose()).put("revl_issu_reas", "").map());
        }
        return ApiResponse.quote("output1", chartSummary(r.market().quote(code)), "output2", rows);
    }

    /** Groups daily bars by ISO week, month or year; the group is dated by its last trading day. */
    static List<DailyBar> aggregate(List<DailyBar> days, String period) {
        if ("D".equals(period)) return days;
        List<DailyBar> out = new ArrayList<>();
        DailyBar cur = null;
        Object curKey = null;
        for (DailyBar d : days) {
            Object key = switch (period) {
                case "W" -> d.date().get(IsoFields.WEEK_BASED_YEAR) * 100 + d.date().get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
                case "M" -> d.date().getYear() * 100 + d.date().getMonthValue();
                default -> d.date().getYear();
            };
            if (cur != null && key.equals(curKey)) {
                cur = new DailyBar(d.date(), cur.open(), Math.max(cur.high(), d.high()), Math.min(cur.low(), d.low()),
                        d.close(), cur.volume() + d.volume(), cur.value() + d.value(), cur.prevClose());
            } else {
                if (cur != null) out.add(cur);
                cur = d;
                curKey = key;
            }
        }
        if (cur != null) out.add(cur);
        return out;
    }

    /** Minute chart: 30 bars per call at and before FID_INPUT_HOUR_1 (a future time means now), today only. */
    static ApiResponse timeItemChart(ApiRequest r) {
        ApiResponse bad = checkSymbol(r, "FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD");
        if (bad != null) return bad;
        String code = r.param("FID_INPUT_ISCD");
        LocalTime at;
        try {
            at = LocalTime.parse(r.param("FID_INPUT_HOUR_1"), Fmt.TIME);
        } catch (RuntimeException e) {
            return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE FID_INPUT_HOUR_1");
        }
        List<MinuteBar> bars = r.market().minuteBars(code);
        List<Map<String, Object>> rows = new ArrayList<>();
        String date = Fmt.date(r.market().tradeDate());
        for (int i = bars.size() - 1; i >= 0 && rows.size() < 30; i--) {
            MinuteBar b = bars.get(i);
            if (b.time().isAfter(at)) continue;
            rows.add(Out.row().put("stck_bsop_date", date).put("stck_cntg_hour", Fmt.time(b.time()))
                    .put("stck_prpr", b.close()).put("stck_oprc", b.open()).put("stck_hgpr", b.high())
                    .put("stck_lwpr", b.low()).put("cntg_vol", b.volume()).put("acml_tr_pbmn", b.cumulativeValue()).map());
        }
        Map<String, Object> summary = chartSummary(r.market().quote(code));
        Out s = Out.row();
        for (String k : List.of("prdy_vrss", "prdy_vrss_sign", "prdy_ctrt", "stck_prdy_clpr", "acml_vol", "acml_tr_pbmn",
                "hts_kor_isnm", "stck_prpr")) {
            s.put(k, summary.get(k));
        }
        return ApiResponse.quote("output1", s.map(), "output2", rows);
    }

    /** Daily price: the latest 30 days / weeks / months, no paging. */
    static ApiResponse dailyPrice(ApiRequest r) {
        ApiResponse bad = checkSymbol(r, "FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD");
        if (bad != null) return bad;
        String period = r.param("FID_PERIOD_DIV_CODE");
        if (!Set.of("D", "W", "M").contains(period)) {
            return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE FID_PERIOD_DIV_CODE");
        }
        String code = r.param("FID_INPUT_ISCD");
        Stock s = r.market().universe().stock(code).orElseThrow();
        List<DailyBar> bars = aggregate(r.market().dailyBarsWithToday(code), period);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = bars.size() - 1; i >= 0 && rows.size() < 30; i--) {
            DailyBar b = bars.get(i);
            long prevVol = i > 0 ? bars.get(i - 1).volume() : b.volume();
            rows.add(Out.row().put("stck_bsop_date", Fmt.date(b.date())).put("stck_oprc", b.open())
                    .put("stck_hgpr", b.high()).put("stck_lwpr", b.low()).put("stck_clpr", b.close())
                    .put("acml_vol", b.volume()).put("prdy_vrss_vol_rate", Fmt.pct(b.volume() - prevVol, prevVol))
                    .put("prdy_vrss", b.close() - b.prevClose()).put("prdy_vrss_sign", Fmt.diffSign(b.close() - b.prevClose()))
                    .put("prdy_ctrt", Fmt.pct(b.close() - b.prevClose(), b.prevClose()))
                    .put("hts_frgn_ehrt", Fmt.dec2(20 + (s.code().hashCode() & 31)))
                    .put("frgn_ntby_qty", (b.volume() % 20_000) - 10_000).put("flng_cls_code", "00")
                    .put("acml_prtt_rate", "0.00").map());
        }
        return ApiResponse.quote("output", rows);
    }

    /** Multi-symbol price: pairs _1.._30, pair 1 required. */
    static ApiResponse multiPrice(ApiRequest r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int n = 1; n <= 30; n++) {
            String code = r.param("FID_INPUT_ISCD_" + n);
            if (code.isEmpty()) continue;
            if (r.market().universe().stock(code).isEmpty()) {
                return ApiResponse.business("MCA05918", "종목코드 오류입니다.");
            }
            Quote q = r.market().quote(code);
            Stock s = q.stock();
            rows.add(Out.row().put("kospi_kosdaq_cls_name", s.market()).put("mrkt_trtm_cls_name", "")
                    .put("hour_cls_code", "0").put("inter_shrn_iscd", s.code()).put("inter_kor_isnm", s.name())
                    .put("inter2_prpr", q.last()).put("inter2_prdy_vrss", q.change()).put("prdy_vrss_sign", q.sign())
                    .put("prdy_ctrt", q.changeRate()).put("acml_vol", q.volume()).put("inter2_oprc", q.open())
                    .put("inter2_hgpr", q.high()).put("inter2_lwpr", q.low()).put("inter2_llam", q.lower())
                    .put("inter2_mxpr", q.upper()).put("inter2_askp", q.askPrice1()).put("inter2_bidp", q.bidPrice1())
                    .put("seln_rsqn", q.book().askQuantities().get(0)).put("shnu_rsqn", q.book().bidQuantities().get(0))
                    .put("total_askp_rsqn", q.book().totalAsk()).put("total_bidp_rsqn", q.book().totalBid())
                    .put("acml_tr_pbmn", q.value()).put("inter2_prdy_clpr", q.base())
                    .put("oprc_vrss_hgpr_rate", Fmt.pct(q.high() - q.open(), q.open())).put("intr_antc_cntg_vrss", "0")
                    .put("intr_antc_cntg_vrss_sign", "3").put("intr_antc_cntg_prdy_ctrt", "0.00").put("intr_antc_vol", "0")
                    .put("inter2_sdpr", q.base()).map());
        }
        return ApiResponse.quote("output", rows);
    }

    static ApiResponse stockInfo(ApiRequest r) {
        if (!"300".equals(r.param("PRDT_TYPE_CD"))) {
            return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE PRDT_TYPE_CD");
        }
        Stock s = r.market().universe().stock(r.param("PDNO")).orElse(null);
        if (s == null) return ApiResponse.business("MCA05918", "종목코드 오류입니다.");
        Quote q = r.market().quote(s.code());
        String listed = s.code().startsWith("0") ? "19750611" : "20100514";
        Out o = Out.row().put("pdno", "00000A" + s.code()).put("prdt_type_cd", "300").put("mket_id_cd", s.kosdaq() ? "KSQ" : "STK")
                .put("scty_grp_id_cd", "ST").put("excg_dvsn_cd", s.kosdaq() ? "03" : "02").put("setl_mmdd", "12")
                .put("lstg_stqt", s.listedShares()).put("lstg_cptl_amt", "0")
                .put("cpta", s.listedShares() * s.parValue()).put("papr", s.parValue()).put("issu_pric", s.parValue())
                .put("kospi200_item_yn", s.kosdaq() ? "N" : "Y")
                .put("scts_mket_lstg_dt", s.kosdaq() ? "" : listed).put("scts_mket_lstg_abol_dt", "")
                .put("kosdaq_mket_lstg_dt", s.kosdaq() ? listed : "").put("kosdaq_mket_lstg_abol_dt", "")
                .put("frbd_mket_lstg_dt", "").put("frbd_mket_lstg_abol_dt", "").put("reits_kind_cd", "")
                .put("etf_dvsn_cd", "").put("oilf_fund_yn", "N").put("idx_bztp_lcls_cd", "001")
                .put("idx_bztp_mcls_cd", "013").put("idx_bztp_scls_cd", "000").put("idx_bztp_lcls_cd_name", "시가총액규모대")
                .put("idx_bztp_mcls_cd_name", s.sector()).put("idx_bztp_scls_cd_name", "")
                .put("stck_kind_cd", s.code().endsWith("5") ? "101" : "101").put("mfnd_opng_dt", "").put("mfnd_end_dt", "")
                .put("dpsi_erlm_cncl_dt", "").put("etf_cu_qty", "0").put("prdt_name", s.name()).put("prdt_name120", s.name())
                .put("prdt_abrv_name", s.name()).put("std_pdno", s.isin()).put("prdt_eng_name", s.englishName().toUpperCase())
                .put("prdt_eng_name120", s.englishName().toUpperCase()).put("prdt_eng_abrv_name", s.englishName())
                .put("dpsi_aptm_erlm_yn", "Y").put("etf_txtn_type_cd", "").put("etf_type_cd", "")
                .put("lstg_abol_dt", "").put("nwst_odst_dvsn_cd", "").put("sbst_pric", q.base() * 7 / 10)
                .put("thco_sbst_pric", q.base() * 7 / 10).put("thco_sbst_pric_chng_dt", Fmt.date(r.market().tradeDate()))
                .put("tr_stop_yn", "N").put("admn_item_yn", "N").put("thdt_clpr", q.last()).put("bfdy_clpr", q.base())
                .put("clpr_chng_dt", Fmt.date(r.market().tradeDate())).put("std_idst_clsf_cd", "032602")
                .put("std_idst_clsf_cd_name", s.sector()).put("ocr_no", "").put("crfd_item_yn", "N").put("elec_scty_yn", "Y")
                .put("issu_istt_cd", s.code().substring(0, 5)).put("etf_chas_erng_rt_dbnb", "0").put("etf_etn_ivst_heed_item_yn", "N")
                .put("stln_int_rt_dvsn_cd", "").put("frnr_psnl_lmt_rt", "0.00000000").put("lstg_rqsr_issu_istt_cd", "")
                .put("lstg_rqsr_item_cd", "").put("trst_istt_issu_istt_cd", "").put("cptt_trad_tr_psbl_yn", "Y")
                .put("nxt_tr_stop_yn", "N");
        return ApiResponse.ok("KIOK0530", ApiResponse.padMsg("조회되었습니다"), "output", o.map());
    }

    /** Holidays: consecutive days from BASS_DT (about three weeks), 20-char ctx keys. */
    static ApiResponse holidays(ApiRequest r) {
        LocalDate start = parseDate(r.param("BASS_DT"));
        if (start == null) return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE BASS_DT");
        String nk = r.param("CTX_AREA_NK");
        if ("N".equals(r.trCont()) && !nk.isEmpty()) {
            LocalDate cont = parseDate(nk);
            if (cont != null) start = cont;
        }
        List<Map<String, Object>> rows = new ArrayList<>();
        LocalDate d = start;
        for (int i = 0; i < 21; i++, d = d.plusDays(1)) {
            rows.add(Out.row().put("bass_dt", Fmt.date(d)).put("wday_dvsn_cd", "0" + (d.getDayOfWeek().getValue() % 7 + 1))
                    .put("bzdy_yn", TradingCalendar.isBankDay(d) ? "Y" : "N")
                    .put("tr_day_yn", TradingCalendar.isBankDay(d) ? "Y" : "N")
                    .put("opnd_yn", TradingCalendar.isTradingDay(d) ? "Y" : "N")
                    .put("sttl_day_yn", TradingCalendar.isTradingDay(d) ? "Y" : "N").map());
        }
        ApiResponse a = ApiResponse.quote("output", rows);
        a.body().put("ctx_area_fk", Fmt.padRight(Fmt.date(start), 20));
        a.body().put("ctx_area_nk", Fmt.padRight(Fmt.date(d), 20));
        return a.withTrCont("D");
    }

    static LocalDate parseDate(String s) {
        try {
            String v = s.length() == 10 && s.startsWith("00") ? s.substring(2) : s;
            return LocalDate.parse(v, Fmt.DATE);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
