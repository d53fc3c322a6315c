package io.kisbridge.simulator.rest;

import io.kisbridge.simulator.market.DailyBar;
import io.kisbridge.simulator.market.Fmt;
import io.kisbridge.simulator.market.Quote;
import io.kisbridge.simulator.market.Stock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Predicate;

/** Condition search, watchlists, rankings, opinions, investor flows and the seven financial statements. */
final class AnalysisApis {
    private static final String[] CONDITIONS = {"거래량 급증", "52주 신고가 근접", "저PBR 대형주", "급락 후 반등"};
    private static final String[] FIRMS = {"한국투자증권", "미래에셋증권", "삼성증권", "NH투자증권", "KB증권", "키움증권",
            "신한투자증권", "하나증권"};
    private static final String[] OPINIONS = {"매수", "Buy", "Outperform", "중립", "Trading Buy", "비중확대"};

    private AnalysisApis() {}

    // ---------------------------------------------------------------- condition search

    static ApiResponse psearchTitle(ApiRequest r) {
        String user = r.param("user_id");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < CONDITIONS.length; i++) {
            rows.add(Out.row().put("user_id", user).put("seq", i).put("grp_nm", i < 2 ? "기본" : "가치")
                    .put("condition_nm", CONDITIONS[i]).map());
        }
        return ApiResponse.quote("output2", rows);
    }

    static ApiResponse psearchResult(ApiRequest r) {
        int seq;
        try {
            seq = Integer.parseInt(r.param("seq"));
        } catch (NumberFormatException e) {
            seq = -1;
        }
        if (seq < 0 || seq >= CONDITIONS.length) {
            return ApiResponse.business("MCA05918", "종목코드 오류입니다.");
        }
        List<Quote> quotes = r.market().universe().stocks().stream().map(s -> r.market().quote(s.code())).toList();
        Predicate<Quote> hit = switch (seq) {
            case 0 -> q -> q.volume() * 3 > q.prevDayVolume() / 2;
            case 1 -> q -> q.last() >= q.base();
            case 2 -> q -> q.stock().listedShares() > 200_000_000L;
            default -> q -> false; // the last condition finds nothing: KIS's empty-result answer
        };
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Quote q : quotes) {
            if (!hit.test(q) || rows.size() >= 100) continue;
            rows.add(Out.row().put("code", q.stock().code()).put("name", q.stock().name()).put("daebi", q.sign())
                    .put("price", fx(q.last())).put("chgrate", fx(Double.parseDouble(q.changeRate())))
                    .put("acml_vol", fx(q.volume())).put("trade_amt", fx(q.value()))
                    .put("change", fx(q.change())).put("cttr", fx(q.sellVolume() == 0 ? 0 : 100.0 * q.buyVolume() / q.sellVolume()))
                    .put("open", fx(q.open())).put("high", fx(q.high())).put("low", fx(q.low()))
                    .put("high52", fx(q.upper())).put("low52", fx(q.lower())).put("expprice", fx(0)).put("expchange", fx(0))
                    .put("expchggrate", fx(0)).put("expcvol", fx(0)).put("chgrate2", fx(Double.parseDouble(q.changeRate())))
                    .put("expdaebi", "3").put("recprice", fx(q.base())).put("uplmtprice", fx(q.upper()))
                    .put("dnlmtprice", fx(q.lower())).put("stotprice", fx(q.last() * q.stock().listedShares() / 100_000_000L)).map());
        }
        if (rows.isEmpty()) return ApiResponse.business("MCA05918", "종목코드 오류입니다.");
        return ApiResponse.quote("output2", rows);
    }

    /** psearch numbers: fixed-width 16 chars with 4 decimals, left-padded with spaces. */
    private static String fx(double v) {
        return String.format("%16s", Fmt.dec4(v));
    }

    // ---------------------------------------------------------------- watchlists

    private static final String[][] GROUPS = {
        {"001", "대형주", "005930,000660,005380,035420,051910,068270"},
        {"002", "반도체", "005930,000660,009150,058470"},
        {"003", "인터넷·게임", "035420,035720,259960,036570,263750,293490"}};

    static ApiResponse groupList(ApiRequest r) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < GROUPS.length; i++) {
            rows.add(Out.row().put("date", Fmt.date(r.market().tradeDate())).put("trnm_hour", "090000")
                    .put("data_rank", Fmt.zeroPad(i + 1, 10)).put("inter_grp_code", GROUPS[i][0])
                    .put("inter_grp_name", GROUPS[i][1]).put("ask_cnt", Fmt.zeroPad(GROUPS[i][2].split(",").length, 3)).map());
        }
        return ApiResponse.ok("MCA00000", "정상처리 되었습니다.", "output2", rows);
    }

    static ApiResponse stocksByGroup(ApiRequest r) {
        String[] g = null;
        for (String[] x : GROUPS) if (x[0].equals(r.param("INTER_GRP_CODE"))) g = x;
        if (g == null) return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE INTER_GRP_CODE");
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (String code : g[2].split(",")) {
            Quote q = r.market().quote(code);
            rows.add(Out.row().put("fid_mrkt_cls_code", "J").put("data_rank", Fmt.zeroPad(rank++, 10)).put("exch_code", "KRX")
                    .put("jong_code", code).put("color_code", "0").put("memo", "").put("hts_kor_isnm", q.stock().name())
                    .put("fxdt_ntby_qty", "0").put("cntg_unpr", q.last()).put("cntg_cls_code", "1").map());
        }
        return ApiResponse.ok("MCA00000", "정상처리 되었습니다.", "output1",
                Out.row().put("data_rank", Fmt.zeroPad(rows.size(), 10)).put("inter_grp_name", g[1]).map(), "output2", rows);
    }

    // ---------------------------------------------------------------- rankings

    private static List<Quote> universeFor(ApiRequest r, String scopeParam) {
        String scope = r.param(scopeParam);
        return r.market().universe().stocks().stream()
                .filter(s -> switch (scope) {
                    case "0001", "2001" -> !s.kosdaq();
                    case "1001" -> s.kosdaq();
                    default -> true;
                })
                .map(s -> r.market().quote(s.code())).toList();
    }

    private static boolean priceFilter(ApiRequest r, Quote q) {
        long lo = parseLong(r.param("fid_input_price_1"), 0);
        long hi = parseLong(r.param("fid_input_price_2"), Long.MAX_VALUE);
        return q.last() >= lo && q.last() <= hi;
    }

    static ApiResponse afterHourBalance(ApiRequest r) {
        List<Quote> qs = new ArrayList<>(universeFor(r, "fid_input_iscd").stream().filter(q -> priceFilter(r, q)).toList());
        qs.sort(Comparator.comparingLong((Quote q) -> q.book().totalAsk() + q.book().totalBid()).reversed());
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (Quote q : qs) {
            if (rows.size() >= 30) break;
            rows.add(Out.row().put("stck_shrn_iscd", q.stock().code()).put("data_rank", rank++)
                    .put("hts_kor_isnm", q.stock().name()).put("stck_prpr", q.last()).put("prdy_vrss", q.change())
                    .put("prdy_vrss_sign", q.sign()).put("prdy_ctrt", q.changeRate())
                    .put("ovtm_total_askp_rsqn", q.book().totalAsk() / 10).put("ovtm_total_bidp_rsqn", q.book().totalBid() / 10)
                    .put("mkob_otcp_vol", q.prevDayVolume() / 200).put("mkfa_otcp_vol", q.prevDayVolume() / 150).map());
        }
        return ApiResponse.quote("output", rows);
    }

    static ApiResponse quoteBalance(ApiRequest r) {
        String sort = r.param("fid_rank_sort_cls_code");
        List<Quote> qs = new ArrayList<>(universeFor(r, "fid_input_iscd").stream().filter(q -> priceFilter(r, q)).toList());
        Comparator<Quote> net = Comparator.comparingLong(q -> q.book().totalBid() - q.book().totalAsk());
        Comparator<Quote> ratio = Comparator.comparingDouble(q -> (double) q.book().totalBid() / Math.max(1, q.book().totalAsk()));
        qs.sort(switch (sort) {
            case "1" -> net;
            case "2" -> ratio.reversed();
            case "3" -> ratio;
            default -> net.reversed();
        });
        List<Map<String, Object>> rows = new ArrayList<>();
        int rank = 1;
        for (Quote q : qs) {
            if (rows.size() >= 30) break;
            long ta = q.book().totalAsk();
            long tb = q.book().totalBid();
            rows.add(Out.row().put("mksc_shrn_iscd", q.stock().code()).put("data_rank", rank++)
                    .put("hts_kor_isnm", q.stock().name()).put("stck_prpr", q.last()).put("prdy_vrss", q.change())
                    .put("prdy_vrss_sign", q.sign()).put("prdy_ctrt", q.changeRate()).put("acml_vol", q.volume())
                    .put("total_askp_rsqn", ta).put("total_bidp_rsqn", tb).put("total_ntsl_bidp_rsqn", tb - ta)
                    .put("shnu_rsqn_rate", Fmt.pct(tb, ta + tb)).put("seln_rsqn_rate", Fmt.pct(ta, ta + tb)).map());
        }
        return ApiResponse.quote("output", rows);
    }

    // ---------------------------------------------------------------- opinions

    private record Opinion(LocalDate date, Stock stock, String firm, String opinion, long target) {}

    /** Deterministic opinions: each trading day in range, a couple of firms publish on a few names. */
    private static List<Opinion> opinions(ApiRequest r, LocalDate from, LocalDate to, Predicate<Opinion> keep, int max) {
        List<Opinion> out = new ArrayList<>();
        List<DailyBar> days = r.market().history("005930");
        for (int i = days.size() - 1; i >= 0 && out.size() < max; i--) {
            LocalDate d = days.get(i).date();
            if (d.isAfter(to)) continue;
            if (d.isBefore(from)) break;
            Random rnd = new Random(d.toEpochDay());
            for (int k = 0; k < 3 && out.size() < max; k++) {
                Stock s = r.market().universe().stocks().get(rnd.nextInt(r.market().universe().stocks().size()));
                Opinion o = new Opinion(d, s, FIRMS[rnd.nextInt(FIRMS.length)], OPINIONS[rnd.nextInt(OPINIONS.length)],
                        io.kisbridge.simulator.market.PriceRules.floorToTick(Math.round(s.level() * (1.1 + rnd.nextDouble() * 0.3))));
                if (keep.test(o)) out.add(o);
            }
        }
        return out;
    }

    private static String opinionClass(String o) {
        return switch (o) {
            case "중립" -> "3";
            case "Trading Buy" -> "1";
            default -> "2";
        };
    }

    /**
     * FID_INPUT_ISCD is a member-firm code per the doc but the official sample passes a stock code (unverified,
     * reference §11): any value is accepted and the answer covers all firms.
     */
    static ApiResponse opinionsByFirm(ApiRequest r) {
        LocalDate from = QuoteApis.parseDate(r.param("FID_INPUT_DATE_1"));
        LocalDate to = QuoteApis.parseDate(r.param("FID_INPUT_DATE_2"));
        if (from == null || to == null) return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE FID_INPUT_DATE");
        String div = r.param("FID_DIV_CLS_CODE");
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Opinion o : opinions(r, from, to, o -> "0".equals(div) || div.isEmpty()
                || ("1".equals(div) && !"중립".equals(o.opinion())) || ("2".equals(div) && "중립".equals(o.opinion())), 20)) {
            Quote q = r.market().quote(o.stock().code());
            rows.add(Out.row().put("stck_bsop_date", Fmt.date(o.date())).put("stck_shrn_iscd", o.stock().code())
                    .put("hts_kor_isnm", o.stock().name()).put("invt_opnn", o.opinion())
                    .put("invt_opnn_cls_code", opinionClass(o.opinion())).put("rgbf_invt_opnn", o.opinion())
                    .put("rgbf_invt_opnn_cls_code", opinionClass(o.opinion())).put("mbcr_name", o.firm())
                    .put("stck_prpr", q.last()).put("prdy_vrss", q.change()).put("prdy_vrss_sign", q.sign())
                    .put("prdy_ctrt", q.changeRate()).put("hts_goal_prc", o.target()).put("stck_prdy_clpr", q.base())
                    .put("stft_esdg", o.target() - q.last()).put("dprt", Fmt.pct(q.last() - o.target(), o.target())).map());
        }
        return ApiResponse.quote("output", rows);
    }

    static ApiResponse opinionsOnStock(ApiRequest r) {
        ApiResponse bad = QuoteApis.checkSymbol(r, "FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD");
        if (bad != null) return bad;
        LocalDate from = QuoteApis.parseDate(r.param("FID_INPUT_DATE_1"));
        LocalDate to = QuoteApis.parseDate(r.param("FID_INPUT_DATE_2"));
        if (from == null || to == null) return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE FID_INPUT_DATE");
        String code = r.param("FID_INPUT_ISCD");
        Stock s = r.market().universe().stock(code).orElseThrow();
        List<DailyBar> days = r.market().history(code);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = days.size() - 1; i >= 0 && rows.size() < 100; i--) {
            DailyBar d = days.get(i);
            if (d.date().isAfter(to)) continue;
            if (d.date().isBefore(from)) break;
            Random rnd = new Random(d.date().toEpochDay() * 31 + code.hashCode());
            if (rnd.nextInt(7) != 0) continue;
            String op = OPINIONS[rnd.nextInt(OPINIONS.length)];
            long target = io.kisbridge.simulator.market.PriceRules.floorToTick(Math.round(d.close() * (1.1 + rnd.nextDouble() * 0.3)));
            rows.add(Out.row().put("stck_bsop_date", Fmt.date(d.date())).put("invt_opnn", op)
                    .put("invt_opnn_cls_code", opinionClass(op)).put("rgbf_invt_opnn", op)
                    .put("rgbf_invt_opnn_cls_code", opinionClass(op)).put("mbcr_name", FIRMS[rnd.nextInt(FIRMS.length)])
                    .put("hts_goal_prc", target).put("stck_prdy_clpr", d.prevClose()).put("stck_nday_esdg", target - d.close())
                    .put("nday_dprt", Fmt.pct(d.close() - target, target)).put("stft_esdg", target - d.close())
                    .put("dprt", Fmt.pct(d.close() - target, target)).map());
        }
        return ApiResponse.quote("output", rows);
    }

    // ---------------------------------------------------------------- investor flows

    static ApiResponse dailyTradeVolume(ApiRequest r) {
        ApiResponse bad = QuoteApis.checkSymbol(r, "FID_COND_MRKT_DIV_CODE", "FID_INPUT_ISCD");
        if (bad != null) return bad;
        String code = r.param("FID_INPUT_ISCD");
        LocalDate to = r.param("FID_INPUT_DATE_2").isEmpty() ? r.market().tradeDate() : QuoteApis.parseDate(r.param("FID_INPUT_DATE_2"));
        LocalDate from = r.param("FID_INPUT_DATE_1").isEmpty() ? LocalDate.MIN : QuoteApis.parseDate(r.param("FID_INPUT_DATE_1"));
        if (from == null || to == null) return ApiResponse.business("OPSQ2002", "ERROR : INPUT_FIELD_VALUE FID_INPUT_DATE");
        List<DailyBar> days = r.market().dailyBarsWithToday(code);
        List<Map<String, Object>> rows = new ArrayList<>();
        long buySum = 0;
        long sellSum = 0;
        for (int i = days.size() - 1; i >= 0 && rows.size() < 100; i--) {
            DailyBar d = days.get(i);
            if (d.date().isAfter(to)) continue;
            if (d.date().isBefore(from)) break;
            long buy = d.close() >= d.open() ? d.volume() * 55 / 100 : d.volume() * 45 / 100;
            long sell = d.volume() - buy;
            buySum += buy;
            sellSum += sell;
            rows.add(Out.row().put("stck_bsop_date", Fmt.date(d.date())).put("total_seln_qty", sell)
                    .put("total_shnu_qty", buy).map());
        }
        return ApiResponse.quote("output1", Out.row().put("shnu_cnqn_smtn", buySum).put("seln_cnqn_smtn", sellSum).map(),
                "output2", rows);
    }

    static ApiResponse foreignInstitutionTotal(ApiRequest r) {
        if (!"V".equals(r.param("FID_COND_MRKT_DIV_CODE"))) {
            return ApiResponse.business("OPSQ2001", "ERROR : INPUT INVALID_CHECK_MRKT_DIV_CODE");
        }
        boolean byAmount = "1".equals(r.param("FID_DIV_CLS_CODE"));
        boolean netSell = "1".equals(r.param("FID_RANK_SORT_CLS_CODE"));
        List<Quote> qs = new ArrayList<>(universeFor(r, "FID_INPUT_ISCD"));
        java.util.function.ToLongFunction<Quote> net = q -> {
            Random rnd = new Random(q.stock().code().hashCode() * 7L + r.market().tradeDate().toEpochDay());
            return (long) ((rnd.nextDouble() - 0.5) * q.prevDayVolume() * 0.2);
        };
        qs.sort(Comparator.comparingLong(net));
        if (!netSell) java.util.Collections.reverse(qs);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (Quote q : qs) {
            if (rows.size() >= 30) break;
            long n = net.applyAsLong(q);
            long frgn = n * 6 / 10;
            long orgn = n - frgn;
            long p = q.last();
            Out o = Out.row().put("hts_kor_isnm", q.stock().name()).put("mksc_shrn_iscd", q.stock().code())
                    .put("ntby_qty", byAmount ? n * p / 1_000_000 : n).put("stck_prpr", p).put("prdy_vrss_sign", q.sign())
                    .put("prdy_vrss", q.change()).put("prdy_ctrt", q.changeRate()).put("acml_vol", q.volume())
                    .put("frgn_ntby_qty", frgn).put("orgn_ntby_qty", orgn).put("ivtr_ntby_qty", orgn / 3)
                    .put("bank_ntby_qty", orgn / 20).put("insu_ntby_qty", orgn / 10).put("mrbn_ntby_qty", orgn / 4)
                    .put("fund_ntby_qty", orgn / 5).put("etc_orgt_ntby_vol", orgn - orgn / 3 - orgn / 20 - orgn / 10 - orgn / 4 - orgn / 5)
                    .put("etc_corp_ntby_vol", n / 50);
            for (String k : List.of("frgn", "orgn", "ivtr", "bank", "insu", "mrbn", "fund")) {
                o.put(k + "_ntby_tr_pbmn", Long.parseLong((String) o.map().get(k + "_ntby_qty")) * p / 1_000_000);
            }
            rows.add(o.map());
        }
        return ApiResponse.quote("output", rows);
    }

    // ---------------------------------------------------------------- financial statements

    /** Deterministic statements per symbol and period: annual = last 5 year-ends, quarterly = last 8 quarter-ends. */
    static ApiResponse finance(ApiRequest r, String kind) {
        ApiResponse bad = QuoteApis.checkSymbol(r, "fid_cond_mrkt_div_code", "fid_input_iscd");
        if (bad != null) return bad;
        boolean quarterly = "1".equals(r.param("FID_DIV_CLS_CODE"));
        Stock s = r.market().universe().stock(r.param("fid_input_iscd")).orElseThrow();
        LocalDate today = r.market().tradeDate();
        List<Map<String, Object>> rows = new ArrayList<>();
        int n = quarterly ? 8 : 5;
        LocalDate end = quarterly ? today.withDayOfMonth(1).minusMonths(((today.getMonthValue() - 1) % 3) + 1)
                : LocalDate.of(today.getYear() - 1, 12, 1);
        for (int i = 0; i < n; i++) {
            LocalDate p = quarterly ? end.minusMonths(3L * i) : end.minusYears(i);
            String yymm = String.format("%04d%02d", p.getYear(), p.getMonthValue());
            Random rnd = new Random(s.code().hashCode() * 1_000L + p.getYear() * 12L + p.getMonthValue());
            double scale = s.level() * (double) s.listedShares() / 1e8 / (quarterly ? 4 : 1); // 억원
            double revenue = scale * (0.5 + rnd.nextDouble() * 0.4);
            double op = revenue * (0.05 + rnd.nextDouble() * 0.15);
            double net = op * (0.7 + rnd.nextDouble() * 0.2);
            double assets = scale * (1.0 + rnd.nextDouble() * 0.5);
            double liab = assets * (0.25 + rnd.nextDouble() * 0.3);
            Out o = Out.row().put("stac_yymm", yymm);
            switch (kind) {
                case "balance-sheet" -> o.put("cras", Fmt.dec2(assets * 0.45)).put("fxas", Fmt.dec2(assets * 0.55))
                        .put("total_aset", Fmt.dec2(assets)).put("flow_lblt", Fmt.dec2(liab * 0.6))
                        .put("fix_lblt", Fmt.dec2(liab * 0.4)).put("total_lblt", Fmt.dec2(liab))
                        .put("cpfn", Fmt.dec2(s.listedShares() * s.parValue() / 1e8)).put("cfp_surp", Fmt.dec2(assets * 0.05))
                        .put("prfi_surp", Fmt.dec2(assets - liab - assets * 0.05)).put("total_cptl", Fmt.dec2(assets - liab));
                case "income-statement" -> o.put("sale_account", Fmt.dec2(revenue)).put("sale_cost", Fmt.dec2(revenue * 0.6))
                        .put("sale_totl_prfi", Fmt.dec2(revenue * 0.4)).put("depr_cost", Fmt.dec2(revenue * 0.05))
                        .put("sell_mang", Fmt.dec2(revenue * 0.4 - op)).put("bsop_prti", Fmt.dec2(op))
                        .put("bsop_non_ernn", Fmt.dec2(op * 0.1)).put("bsop_non_expn", Fmt.dec2(op * 0.05))
                        .put("op_prfi", Fmt.dec2(op * 1.05)).put("spec_prfi", "0.00").put("spec_loss", "0.00")
                        .put("thtr_ntin", Fmt.dec2(net));
                case "financial-ratio" -> o.put("grs", Fmt.dec2(rnd.nextGaussian() * 12)).put("bsop_prfi_inrt", Fmt.dec2(rnd.nextGaussian() * 25))
                        .put("ntin_inrt", Fmt.dec2(rnd.nextGaussian() * 30)).put("roe_val", Fmt.dec2(100 * net / (assets - liab)))
                        .put("eps", Fmt.dec2(net * 1e8 / s.listedShares())).put("sps", Fmt.dec2(revenue * 1e8 / s.listedShares()))
                        .put("bps", Fmt.dec2((assets - liab) * 1e8 / s.listedShares())).put("rsrv_rate", Fmt.dec2(1000 + rnd.nextDouble() * 30000))
                        .put("lblt_rate", Fmt.dec2(100 * liab / (assets - liab)));
                case "profit-ratio" -> o.put("cptl_ntin_rate", Fmt.dec2(100 * net / assets))
                        .put("self_cptl_ntin_inrt", Fmt.dec2(100 * net / (assets - liab)))
                        .put("sale_ntin_rate", Fmt.dec2(100 * net / revenue)).put("sale_totl_rate", Fmt.dec2(40.0));
                case "other-major-ratios" -> o.put("payout_rate", Fmt.dec2(15 + rnd.nextDouble() * 30)).put("eva", Fmt.dec2(op * 0.3))
                        .put("ebitda", Fmt.dec2(op + revenue * 0.05)).put("ev_ebitda", Fmt.dec2(4 + rnd.nextDouble() * 12));
                case "stability-ratio" -> o.put("lblt_rate", Fmt.dec2(100 * liab / (assets - liab)))
                        .put("bram_depn", Fmt.dec2(5 + rnd.nextDouble() * 20)).put("crnt_rate", Fmt.dec2(100 + rnd.nextDouble() * 200))
                        .put("quck_rate", Fmt.dec2(80 + rnd.nextDouble() * 150));
                default -> o.put("grs", Fmt.dec2(rnd.nextGaussian() * 12)).put("bsop_prfi_inrt", Fmt.dec2(rnd.nextGaussian() * 25))
                        .put("equt_inrt", Fmt.dec2(rnd.nextGaussian() * 8)).put("totl_aset_inrt", Fmt.dec2(rnd.nextGaussian() * 8));
            }
            rows.add(o.map());
        }
        return ApiResponse.quote("output", rows);
    }

    private static long parseLong(String s, long dflt) {
        try {
            return s.isEmpty() ? dflt : Long.parseLong(s);
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}
