package io.kisbridge.bridge.internal.stream;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kisbridge.bridge.internal.http.Render;
import io.kisbridge.core.realtime.FrameParser;
import io.kisbridge.core.realtime.PolledPrice;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.RealtimeRecord;
import io.kisbridge.core.realtime.Topic;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The streamed encoding of a record gives exactly the text the tree-based encoding gave. */
@Timeout(10)
class StreamMessagesTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TRADE = "005930^093354^71900^5^-100^-0.14^72023.83^72100^72400^71700^71900^71800^1"
            + "^3052507^219853241700^5105^6937^1832^84.90^1366314^1159996^1^0.39^20.28^090020^5^-200^090820^5^-500"
            + "^092619^2^200^20230612^20^N^65945^216924^1118750^2199206^0.05^2424142^125.92^0^^72100";
    private static final String BOOK = "005930^093730^0^71900^72000^72100^72200^72300^72400^72500^72600^72700"
            + "^72800^71800^71700^71600^71500^71400^71300^71200^71100^71000^70900^91918^117942^92673^79708^106729^141988"
            + "^176192^113906^134077^104229^95221^159371^220746^284657^212742^195370^182710^209747^376432^158171^1159362"
            + "^2095167^0^0^0^0^525579^-72000^5^-100.00^3159115^0^8^0^0^0";
    private static final List<String> ODD_VALUES = List.of("-0", "0.0000001", "00", "-", "", "1.", ".5", "-.5",
            "12345678901234567", "123456789012345678", "-1234567890123456", "1e5", " 5", "5 ", "0.00", "-0.00",
            "000660", "A005930", "9999999999999999.9", "+5", "1,000", "\"quoted\"", "back\\slash", "한글");

    /** What StreamHub sent before the streamed encoder: a tree built from toTextMap and Render.value. */
    private static String treeEncoding(RealtimeEvent.Data d) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("topic", d.topic().toString());
        ObjectNode data = o.putObject("data");
        d.record().toTextMap().forEach((k, v) -> data.set(k.toLowerCase(Locale.ROOT), Render.value(v)));
        return o.toString();
    }

    private static RealtimeEvent.Data event(String frame, Topic topic) {
        RealtimeRecord r = FrameParser.parse(frame).records().get(0);
        return new RealtimeEvent.Data(topic, null, r);
    }

    @Test
    void aPricePolledOverRestIsStreamedWithItsPrice() throws Exception {
        // topics past the 41-registration cap are polled; the encoder used to throw on the price's Instant
        String text = StreamMessages.event(new RealtimeEvent.Data(Topic.trade("005930"),
                new PolledPrice("005930", 71900, java.time.Instant.parse("2026-03-03T01:00:00Z")), null));
        assertThat(MAPPER.readTree(text)).isEqualTo(MAPPER.readTree(
                "{\"topic\":\"trade:005930\",\"data\":{\"stck_prpr\":71900,\"source\":\"rest-polling\"}}"));
    }

    @Test
    void theOfficialTradeAndBookSamplesEncodeExactlyAsBefore() {
        for (RealtimeEvent.Data d : List.of(event("0|H0STCNT0|001|" + TRADE, Topic.trade("005930")),
                event("0|H0STASP0|001|" + BOOK, Topic.book("005930")))) {
            assertThat(StreamMessages.event(d)).isEqualTo(treeEncoding(d));
        }
    }

    @Test
    void oddFieldValuesEncodeExactlyAsBefore() {
        String[] fields = TRADE.split("\\^", -1);
        List<RealtimeEvent.Data> events = new ArrayList<>();
        for (String odd : ODD_VALUES) {
            for (int at : new int[] {2, 5, 18, 44}) {
                String[] f = Arrays.copyOf(fields, fields.length);
                f[at] = odd;
                events.add(event("0|H0STCNT0|001|" + String.join("^", f), Topic.trade("005930")));
            }
        }
        for (RealtimeEvent.Data d : events) {
            assertThat(StreamMessages.event(d)).isEqualTo(treeEncoding(d));
        }
    }

    @Test
    void plainNumbersAreWhatTheOldPatternAccepted() {
        Pattern number = Pattern.compile("-?(0|[1-9][0-9]*)(\\.[0-9]+)?");
        List<String> values = new ArrayList<>(ODD_VALUES);
        values.addAll(List.of("0", "5", "-5", "71900", "-0.14", "72023.83", "10.", "1.2.3", "--1", "0.5", "05.5"));
        for (String v : values) {
            assertThat(Render.isPlainNumber(v)).as(v).isEqualTo(number.matcher(v).matches() && v.length() < 18);
        }
    }
}
