package io.kisbridge.core.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ControlCodecTest {
    private final ControlCodec codec = new ControlCodec();

    @Test
    void buildsTheDocumentedSubscribeRequest() throws Exception {
        JsonNode root = new ObjectMapper().readTree(codec.request("APPROVAL", ControlCodec.SUBSCRIBE, "H0STCNT0",
                "005930"));
        assertThat(root.at("/header/approval_key").asText()).isEqualTo("APPROVAL");
        assertThat(root.at("/header/custtype").asText()).isEqualTo("P");
        assertThat(root.at("/header/tr_type").asText()).isEqualTo("1");
        assertThat(root.at("/header/content-type").asText()).isEqualTo("utf-8");
        assertThat(root.at("/body/input/tr_id").asText()).isEqualTo("H0STCNT0");
        assertThat(root.at("/body/input/tr_key").asText()).isEqualTo("005930");
    }

    @Test
    void decodesAnAckWithItsKeyAndIvWithoutShowingThemInToString() {
        ControlMessage m = codec.decode("{\"header\":{\"tr_id\":\"H0STCNI0\",\"tr_key\":\"HTSUSER1\",\"encrypt\":\"N\"},"
                + "\"body\":{\"rt_cd\":\"0\",\"msg_cd\":\"OPSP0000\",\"msg1\":\"SUBSCRIBE SUCCESS \","
                + "\"output\":{\"iv\":\"0123456789abcdef\",\"key\":\"abcdefghijklmnopabcdefghijklmnop\"}}}");
        assertThat(m).isInstanceOfSatisfying(ControlMessage.Ack.class, ack -> {
            assertThat(ack.trId()).isEqualTo("H0STCNI0");
            assertThat(ack.trKey()).isEqualTo("HTSUSER1");
            assertThat(ack.msg1()).isEqualTo("SUBSCRIBE SUCCESS");
            assertThat(ack.code()).isEqualTo(AckCode.SUBSCRIBED);
            assertThat(ack.carriesKey()).isTrue();
            assertThat(ack.key()).isEqualTo("abcdefghijklmnopabcdefghijklmnop");
            assertThat(ack.toString()).doesNotContain("abcdefghijklmnop").doesNotContain("0123456789abcdef");
        });
    }

    @Test
    void decodesPingPongAndRejectsJsonWithoutAHeader() {
        assertThat(codec.decode("{\"header\":{\"tr_id\":\"PINGPONG\",\"datetime\":\"20230612093000\"}}"))
                .isInstanceOf(ControlMessage.PingPong.class);
        assertThat(codec.decode("{\"body\":{}}")).isInstanceOf(ControlMessage.Malformed.class);
        assertThat(codec.decode("{not json")).isInstanceOf(ControlMessage.Malformed.class);
        assertThat(codec.decode("{\"header\":{\"tr_id\":\"H0STCNT0\"},\"body\":{\"msg_cd\":\"OPSP0008\"}}"))
                .isInstanceOfSatisfying(ControlMessage.Ack.class, ack -> assertThat(ack.carriesKey()).isFalse());
    }

    @Test
    void mapsTheControlCodesOfTheReference() {
        assertThat(AckCode.of("OPSP0002")).isEqualTo(AckCode.SUBSCRIBED);
        assertThat(AckCode.of("OPSP0003")).isEqualTo(AckCode.UNSUBSCRIBED);
        assertThat(AckCode.of("OPSP0008")).isEqualTo(AckCode.CAP_REACHED);
        assertThat(AckCode.of("OPSP0011")).isEqualTo(AckCode.KEY_REFUSED);
        assertThat(AckCode.of("OPSP9996")).isEqualTo(AckCode.KEY_REFUSED);
        assertThat(AckCode.of("OPSP8996")).isEqualTo(AckCode.APP_KEY_IN_USE);
        assertThat(AckCode.of("OPSP0009")).isEqualTo(AckCode.REFUSED);
        assertThat(AckCode.of("")).isEqualTo(AckCode.REFUSED);
    }
}
