package io.kisbridge.core.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TopicTest {

    @Test
    void marketsPickTheKrxNxtOrIntegratedTr() {
        assertThat(Topic.parse("trade:005930").trId(false)).isEqualTo("H0STCNT0");
        assertThat(Topic.parse("trade:005930@NX").trId(false)).isEqualTo("H0NXCNT0");
        assertThat(Topic.parse("trade:005930@nxt").trId(false)).isEqualTo("H0NXCNT0");
        assertThat(Topic.parse("book:005930@UN").trId(false)).isEqualTo("H0UNASP0");
        assertThat(Topic.parse("status:005930@NX").trId(false)).isEqualTo("H0NXMKO0");
        assertThat(Topic.parse("trade:005930@KRX")).isEqualTo(Topic.trade("005930"));
    }

    @Test
    void indicesNavAndAfterHoursHaveTheirOwnWords() {
        assertThat(Topic.parse("index:0001").trId(false)).isEqualTo("H0UPCNT0");
        assertThat(Topic.parse("index-program:1001").trId(false)).isEqualTo("H0UPPGM0");
        assertThat(Topic.parse("nav:069500").trId(false)).isEqualTo("H0STNAV0");
        assertThat(Topic.parse("after-trade:005930").trId(false)).isEqualTo("H0STOUP0");
    }

    @Test
    void everySchemaHasATopicWhoseTextParsesBackToIt() {
        for (RealtimeSchema s : RealtimeSchemas.all()) {
            String key = switch (s.keyKind()) {
                case STOCK -> "005930";
                case INDEX -> "0001";
                case HTS -> "";
            };
            Topic t = new Topic(s.topic(), key, s.market());
            assertThat(Topic.parse(t.toString())).as(s.trId()).isEqualTo(t);
            assertThat(t.trId(false)).isEqualTo(s.trId());
        }
    }

    @Test
    void badTopicsGetAnAnswerThatSaysWhatIsAccepted() {
        assertThatThrownBy(() -> Topic.parse("quote:005930")).hasMessageContaining("unknown topic")
                .hasMessageContaining("trade:CODE[@NX|@UN]").hasMessageContaining("index:INDEX");
        assertThatThrownBy(() -> Topic.parse("trade:005930@NYSE")).hasMessageContaining("KRX, NX");
        assertThatThrownBy(() -> Topic.parse("index:0001@NX")).hasMessageContaining("index takes no market");
        assertThatThrownBy(() -> Topic.parse("index:KOSPI")).hasMessageContaining("4-digit index code");
        assertThatThrownBy(() -> Topic.parse("after-trade:005930@NX")).hasMessageContaining("[KRX]");
    }

    @Test
    void paperTradingOffersOnlyWhatKisOffersInPaper() {
        assertThat(Topic.parse("trade:005930").trId(true)).isEqualTo("H0STCNT0");
        assertThat(Topic.FILLS.trId(true)).isEqualTo("H0STCNI9");
        assertThatThrownBy(() -> Topic.parse("trade:005930@NX").trId(true))
                .hasMessageContaining("trade:005930@NX").hasMessageContaining("not offered in paper");
    }
}
