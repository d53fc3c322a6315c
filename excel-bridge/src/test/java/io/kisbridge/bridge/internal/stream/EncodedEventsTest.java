package io.kisbridge.bridge.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.realtime.FrameParser;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.RealtimeRecord;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.Trade;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class EncodedEventsTest {
    private static final String PAYLOAD = "005930^093354^71900^5^-100^-0.14^72023.83^72100^72400^71700^71900^71800^1"
            + "^3052507^219853241700^5105^6937^1832^84.90^1366314^1159996^1^0.39^20.28^090020^5^-200^090820^5^-500"
            + "^092619^2^200^20230612^20^N^65945^216924^1118750^2199206^0.05^2424142^125.92^0^^72100";

    private static RealtimeEvent.Data trade(String code, long price) {
        String payload = code + PAYLOAD.substring(6).replaceFirst("\\^71900\\^", "^" + price + "^");
        RealtimeRecord r = FrameParser.parse("0|H0STCNT0|001|" + payload).records().get(0);
        return new RealtimeEvent.Data(Topic.trade(code), Trade.from(r), r);
    }

    @Test
    void oneEventHandedToManySocketsIsEncodedOnceAndEverySocketGetsTheSameText() {
        EncodedEvents encoded = new EncodedEvents();
        RealtimeEvent.Data ev = trade("005930", 71900);
        String first = encoded.text(ev);
        for (int socket = 1; socket < 100; socket++) {
            assertThat(encoded.text(ev)).isSameAs(first);
        }
        assertThat(encoded.encodings()).isEqualTo(1);
        assertThat(first).isEqualTo(StreamMessages.event(ev));
    }

    @Test
    void aSocketThatIsBehindGetsItsOwnEventsTextNotTheNewestOne() {
        EncodedEvents encoded = new EncodedEvents();
        RealtimeEvent.Data older = trade("005930", 71900);
        RealtimeEvent.Data newer = trade("005930", 72000);
        RealtimeEvent.Data otherTopic = trade("000660", 130000);
        assertThat(encoded.text(newer)).contains("\"stck_prpr\":72000");
        assertThat(encoded.text(older)).contains("\"stck_prpr\":71900").isEqualTo(StreamMessages.event(older));
        assertThat(encoded.text(otherTopic)).contains("\"topic\":\"trade:000660\"").contains("130000");
        assertThat(encoded.text(newer)).contains("\"stck_prpr\":72000").contains("\"topic\":\"trade:005930\"");
        assertThat(encoded.encodings()).isEqualTo(4);
    }

    @Test
    void statusEventsAreEncodedLikeTheHubAlwaysDid() {
        EncodedEvents encoded = new EncodedEvents();
        RealtimeEvent.Status st = new RealtimeEvent.Status(Topic.trade("005930"),
                io.kisbridge.core.realtime.TopicState.SUBSCRIBED, null, "");
        assertThat(encoded.text(st)).isEqualTo("{\"topic\":\"trade:005930\",\"status\":\"subscribed\",\"detail\":\"\"}");
    }
}
