package io.kisbridge.core.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RealtimeSchemasTest {

    @Test
    void theDataHoldsEveryDomesticRealtimeTrOfTheSampleRepository() {
        List<String> ids = RealtimeSchemas.all().stream().map(RealtimeSchema::trId).toList();

        assertThat(ids).hasSize(26).doesNotHaveDuplicates().contains("H0STCNT0", "H0NXCNT0", "H0UNCNT0", "H0STASP0",
                "H0NXASP0", "H0UNASP0", "H0STANC0", "H0NXANC0", "H0UNANC0", "H0STMKO0", "H0NXMKO0", "H0UNMKO0",
                "H0STMBC0", "H0NXMBC0", "H0UNMBC0", "H0STPGM0", "H0NXPGM0", "H0UNPGM0", "H0STOAA0", "H0STOUP0",
                "H0STOAC0", "H0UPCNT0", "H0UPANC0", "H0UPPGM0", "H0STCNI0", "H0STNAV0");
        assertThat(RealtimeSchemas.forTrId("H0NXCNT0").orElseThrow().fieldCount()).isEqualTo(46);
        assertThat(RealtimeSchemas.forTrId("H0UPCNT0").orElseThrow().indexOf("PRPR_NMIX")).isEqualTo(2);
    }

    @Test
    void everyFieldHasATypeAndAMeaningAndEveryTopicIsNamedOnce() {
        Set<String> topics = new HashSet<>();
        for (RealtimeSchema s : RealtimeSchemas.all()) {
            assertThat(topics.add(s.topic() + "@" + s.market())).as(s.trId()).isTrue();
            for (Field f : s.fields()) {
                assertThat(f.type()).as(s.trId() + "." + f.code()).isNotNull();
                assertThat(f.meaning()).as(s.trId() + "." + f.code()).isNotBlank();
                assertThat(f.code()).as(s.trId()).matches("[A-Z0-9_]+");
            }
        }
    }

    @Test
    void typesFollowTheDataVocabulary() {
        RealtimeSchema trade = RealtimeSchemas.H0STCNT0;

        assertThat(trade.fields().get(trade.indexOf("STCK_PRPR")).type()).isEqualTo(FieldType.LONG);
        assertThat(trade.fields().get(trade.indexOf("PRDY_CTRT")).type()).isEqualTo(FieldType.RATE);
        assertThat(trade.fields().get(trade.indexOf("PRDY_VRSS_SIGN")).type()).isEqualTo(FieldType.SIGN);
        assertThat(trade.fields().get(trade.indexOf("BSOP_DATE")).type()).isEqualTo(FieldType.DATE);
        assertThat(FieldType.RATE.convert("-0.14")).isEqualTo(new java.math.BigDecimal("-0.14"));
        assertThat(FieldType.CODE.convert("0001")).isEqualTo("0001");
        assertThat(FieldType.ofDataName("integer")).isEqualTo(FieldType.LONG);
    }

    @Test
    void aTypedViewOverALayoutLackingOneOfItsFieldsNamesTheFieldAndTheTr() {
        RealtimeSchema afterHours = RealtimeSchemas.forTrId("H0STOUP0").orElseThrow();
        String record = String.join("^", java.util.Collections.nCopies(afterHours.fieldCount(), "1"));
        RealtimeRecord r = FrameParser.parse("0|H0STOUP0|001|" + record).records().get(0);

        assertThatThrownBy(() -> Trade.from(r)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("H0STOUP0").hasMessageContaining("HOUR_CLS_CODE");
    }

    @Test
    void nxtAndIntegratedTradesReadThroughTheSameTypedView() {
        RealtimeSchema nxt = RealtimeSchemas.forTrId("H0NXCNT0").orElseThrow();
        String[] values = new String[nxt.fieldCount()];
        java.util.Arrays.fill(values, "");
        values[nxt.indexOf("MKSC_SHRN_ISCD")] = "005930";
        values[nxt.indexOf("STCK_PRPR")] = "71950";
        values[nxt.indexOf("CNTG_CLS_CODE")] = "1";
        Trade t = Trade.from(FrameParser.parse("0|H0NXCNT0|001|" + String.join("^", values)).records().get(0));

        assertThat(t.code()).isEqualTo("005930");
        assertThat(t.price()).isEqualTo(71950);
        assertThat(t.initiator()).isEqualTo("1");
    }
}
