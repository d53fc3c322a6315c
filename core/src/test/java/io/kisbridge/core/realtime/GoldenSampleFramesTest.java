package io.kisbridge.core.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GoldenSampleFramesTest {

    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void parsesEveryFieldOfTheOfficialTradeSample() {
        ParsedFrame frame = FrameParser.parse(SampleFrames.H0STCNT0);
        assertThat(frame.encrypted()).isFalse();
        assertThat(frame.trId()).isEqualTo("H0STCNT0");
        assertThat(frame.declaredCount()).isEqualTo(1);
        assertThat(frame.records()).hasSize(1);
        RealtimeRecord r = frame.records().get(0);
        assertThat(r.size()).isEqualTo(46);
        assertThat(r.fieldCountMatches()).isTrue();

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("MKSC_SHRN_ISCD", "005930");
        expected.put("STCK_CNTG_HOUR", LocalTime.of(9, 33, 54));
        expected.put("STCK_PRPR", 71900L);
        expected.put("PRDY_VRSS_SIGN", "5");
        expected.put("PRDY_VRSS", -100L);
        expected.put("PRDY_CTRT", d("-0.14"));
        expected.put("WGHN_AVRG_STCK_PRC", d("72023.83"));
        expected.put("STCK_OPRC", 72100L);
        expected.put("STCK_HGPR", 72400L);
        expected.put("STCK_LWPR", 71700L);
        expected.put("ASKP1", 71900L);
        expected.put("BIDP1", 71800L);
        expected.put("CNTG_VOL", 1L);
        expected.put("ACML_VOL", 3052507L);
        expected.put("ACML_TR_PBMN", 219853241700L);
        expected.put("SELN_CNTG_CSNU", 5105L);
        expected.put("SHNU_CNTG_CSNU", 6937L);
        expected.put("NTBY_CNTG_CSNU", 1832L);
        expected.put("CTTR", d("84.90"));
        expected.put("SELN_CNTG_SMTN", 1366314L);
        expected.put("SHNU_CNTG_SMTN", 1159996L);
        expected.put("CCLD_DVSN", "1");
        expected.put("SHNU_RATE", d("0.39"));
        expected.put("PRDY_VOL_VRSS_ACML_VOL_RATE", d("20.28"));
        expected.put("OPRC_HOUR", LocalTime.of(9, 0, 20));
        expected.put("OPRC_VRSS_PRPR_SIGN", "5");
        expected.put("OPRC_VRSS_PRPR", -200L);
        expected.put("HGPR_HOUR", LocalTime.of(9, 8, 20));
        expected.put("HGPR_VRSS_PRPR_SIGN", "5");
        expected.put("HGPR_VRSS_PRPR", -500L);
        expected.put("LWPR_HOUR", LocalTime.of(9, 26, 19));
        expected.put("LWPR_VRSS_PRPR_SIGN", "2");
        expected.put("LWPR_VRSS_PRPR", 200L);
        expected.put("BSOP_DATE", LocalDate.of(2023, 6, 12));
        expected.put("NEW_MKOP_CLS_CODE", "20");
        expected.put("TRHT_YN", "N");
        expected.put("ASKP_RSQN1", 65945L);
        expected.put("BIDP_RSQN1", 216924L);
        expected.put("TOTAL_ASKP_RSQN", 1118750L);
        expected.put("TOTAL_BIDP_RSQN", 2199206L);
        expected.put("VOL_TNRT", d("0.05"));
        expected.put("PRDY_SMNS_HOUR_ACML_VOL", 2424142L);
        expected.put("PRDY_SMNS_HOUR_ACML_VOL_RATE", d("125.92"));
        expected.put("HOUR_CLS_CODE", "0");
        expected.put("MRKT_TRTM_CLS_CODE", "");
        expected.put("VI_STND_PRC", 72100L);

        assertThat(expected).hasSize(46);
        assertThat(new ArrayList<>(r.toMap().keySet())).containsExactlyElementsOf(expected.keySet());
        assertThat(r.toMap()).containsExactlyEntriesOf(expected);
    }

    @Test
    void typesTheOfficialTradeSampleAndItsFormulasHold() {
        Trade t = Trade.from(FrameParser.parse(SampleFrames.H0STCNT0).records().get(0));
        assertThat(t.code()).isEqualTo("005930");
        assertThat(t.time()).isEqualTo(LocalTime.of(9, 33, 54));
        assertThat(t.price()).isEqualTo(71900);
        assertThat(t.sign()).isEqualTo("5");
        assertThat(t.change()).isEqualTo(-100);
        assertThat(t.changeRate()).isEqualTo(-0.14);
        assertThat(t.vwap()).isEqualTo(72023.83);
        assertThat(t.open()).isEqualTo(72100);
        assertThat(t.high()).isEqualTo(72400);
        assertThat(t.low()).isEqualTo(71700);
        assertThat(t.bestAsk()).isEqualTo(71900);
        assertThat(t.bestBid()).isEqualTo(71800);
        assertThat(t.volume()).isEqualTo(1);
        assertThat(t.cumulativeVolume()).isEqualTo(3052507);
        assertThat(t.cumulativeValue()).isEqualTo(219853241700L);
        assertThat(t.strength()).isEqualTo(84.90);
        assertThat(t.initiator()).isEqualTo("1");
        assertThat(t.businessDate()).isEqualTo(LocalDate.of(2023, 6, 12));
        assertThat(t.halted()).isFalse();
        assertThat(t.hourClass()).isEqualTo("0");
        // §8.1 formulas, checked on the sample: VWAP and net count.
        assertThat(Math.round(t.cumulativeValue() * 100.0 / t.cumulativeVolume()) / 100.0).isEqualTo(t.vwap());
        assertThat((Long) t.record().value("SHNU_CNTG_CSNU") - (Long) t.record().value("SELN_CNTG_CSNU"))
                .isEqualTo(t.record().value("NTBY_CNTG_CSNU"));
    }

    @Test
    void parsesEveryFieldOfTheOfficialOrderBookSample() {
        ParsedFrame frame = FrameParser.parse(SampleFrames.H0STASP0);
        RealtimeRecord r = frame.records().get(0);
        assertThat(r.size()).isEqualTo(59);

        long[] asks = {71900, 72000, 72100, 72200, 72300, 72400, 72500, 72600, 72700, 72800};
        long[] bids = {71800, 71700, 71600, 71500, 71400, 71300, 71200, 71100, 71000, 70900};
        long[] askQty = {91918, 117942, 92673, 79708, 106729, 141988, 176192, 113906, 134077, 104229};
        long[] bidQty = {95221, 159371, 220746, 284657, 212742, 195370, 182710, 209747, 376432, 158171};
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("MKSC_SHRN_ISCD", "005930");
        expected.put("BSOP_HOUR", LocalTime.of(9, 37, 30));
        expected.put("HOUR_CLS_CODE", "0");
        for (int i = 0; i < 10; i++) {
            expected.put("ASKP" + (i + 1), asks[i]);
        }
        for (int i = 0; i < 10; i++) {
            expected.put("BIDP" + (i + 1), bids[i]);
        }
        for (int i = 0; i < 10; i++) {
            expected.put("ASKP_RSQN" + (i + 1), askQty[i]);
        }
        for (int i = 0; i < 10; i++) {
            expected.put("BIDP_RSQN" + (i + 1), bidQty[i]);
        }
        expected.put("TOTAL_ASKP_RSQN", 1159362L);
        expected.put("TOTAL_BIDP_RSQN", 2095167L);
        expected.put("OVTM_TOTAL_ASKP_RSQN", 0L);
        expected.put("OVTM_TOTAL_BIDP_RSQN", 0L);
        expected.put("ANTC_CNPR", 0L);
        expected.put("ANTC_CNQN", 0L);
        expected.put("ANTC_VOL", 525579L);
        expected.put("ANTC_CNTG_VRSS", -72000L);
        expected.put("ANTC_CNTG_VRSS_SIGN", "5");
        expected.put("ANTC_CNTG_PRDY_CTRT", d("-100.00"));
        expected.put("ACML_VOL", 3159115L);
        expected.put("TOTAL_ASKP_RSQN_ICDC", 0L);
        expected.put("TOTAL_BIDP_RSQN_ICDC", 8L);
        expected.put("OVTM_TOTAL_ASKP_ICDC", 0L);
        expected.put("OVTM_TOTAL_BIDP_ICDC", 0L);
        expected.put("STCK_DEAL_CLS_CODE", "0");
        assertThat(expected).hasSize(59);
        assertThat(r.toMap()).containsExactlyEntriesOf(expected);

        OrderBook book = OrderBook.from(r);
        assertThat(book.asks()).hasSize(10);
        assertThat(book.bids()).hasSize(10);
        for (int i = 0; i < 10; i++) {
            assertThat(book.asks().get(i)).isEqualTo(new OrderBook.Level(asks[i], askQty[i]));
            assertThat(book.bids().get(i)).isEqualTo(new OrderBook.Level(bids[i], bidQty[i]));
        }
        assertThat(book.totalAskQuantity()).isEqualTo(book.asks().stream().mapToLong(OrderBook.Level::quantity).sum());
        assertThat(book.totalBidQuantity()).isEqualTo(book.bids().stream().mapToLong(OrderBook.Level::quantity).sum());
        assertThat(book.time()).isEqualTo(LocalTime.of(9, 37, 30));
        assertThat(book.cumulativeVolume()).isEqualTo(3159115);
    }

    @Test
    void readsTheLegacyNoticeSamplesWithTheOlderLayout() {
        RealtimeRecord accept = FrameParser.parse("0|H0STCNI0|001|" + SampleFrames.NOTICE_ACCEPT_LEGACY).records().get(0);
        assertThat(accept.schema()).isSameAs(RealtimeSchemas.H0STCNI0_LEGACY);
        assertThat(accept.fieldCountMatches()).isTrue();
        List<Object> values = new ArrayList<>(accept.toMap().values());
        assertThat(values).containsExactly("HTS ID", "1234567801", "0000002891", "", "02", "0", "01", "0", "136480",
                1L, 0L, LocalTime.of(9, 49, 41), "0", "1", "1", "06010", 1L, "김한투", "하림", "10", "", "하림", null);
        ExecutionNotice n = ExecutionNotice.from(accept);
        assertThat(n.isFill()).isFalse();
        assertThat(n.side()).isEqualTo(ExecutionNotice.Side.BUY);
        assertThat(n.instrumentName()).isEqualTo("하림");

        ExecutionNotice fill = ExecutionNotice.from(
                FrameParser.parse("0|H0STCNI0|001|" + SampleFrames.NOTICE_FILL_LEGACY).records().get(0));
        assertThat(fill.isFill()).isTrue();
        assertThat(fill.quantity()).isEqualTo(1);
        assertThat(fill.price()).isEqualTo(3190);
        assertThat(fill.orderQuantity()).isEqualTo(1);
        assertThat(fill.orderPrice()).isZero();
        assertThat(fill.orderNumber()).isEqualTo("0000002891");
        assertThat(fill.branch()).isEqualTo("06010");
        assertThat(fill.toString()).doesNotContain("1234567801").doesNotContain("김한투");
    }
}
