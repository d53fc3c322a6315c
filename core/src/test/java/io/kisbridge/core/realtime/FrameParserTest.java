package io.kisbridge.core.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.core.realtime.FrameFormatException.Reason;
import io.kisbridge.core.realtime.internal.AesCbc;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameParserTest {
    private static final AesKey KEY = new AesKey(SampleFrames.KEY, SampleFrames.IV);

    @Test
    void splitsABatchedTradeFrameIntoRecordsByFieldCount() {
        String second = SampleFrames.H0STCNT0_PAYLOAD.replace("^093354^71900^", "^093355^72000^");
        String third = SampleFrames.H0STCNT0_PAYLOAD.replace("005930^", "000660^");
        String fourth = SampleFrames.H0STCNT0_PAYLOAD.replace("^72100", "^72200").replace("^N^", "^Y^");
        String frame = "0|H0STCNT0|004|" + String.join("^", SampleFrames.H0STCNT0_PAYLOAD, second, third, fourth);

        ParsedFrame parsed = FrameParser.parse(frame);

        assertThat(parsed.declaredCount()).isEqualTo(4);
        assertThat(parsed.records()).hasSize(4).allSatisfy(r -> assertThat(r.fieldCountMatches()).isTrue());
        assertThat(Trade.from(parsed.records().get(0)).price()).isEqualTo(71900);
        assertThat(Trade.from(parsed.records().get(1)).price()).isEqualTo(72000);
        assertThat(Trade.from(parsed.records().get(2)).code()).isEqualTo("000660");
        assertThat(Trade.from(parsed.records().get(3)).halted()).isTrue();
        assertThat(parsed.records().get(3).value("VI_STND_PRC")).isEqualTo(72200L);
        assertThat(parsed.records().get(3).value("MKSC_SHRN_ISCD")).isEqualTo("005930");
    }

    @Test
    void decryptsAnEncryptedNoticeWithTheAckKeyAndIv() throws Exception {
        String frame = "1|H0STCNI9|001|" + AesCbc.encrypt(SampleFrames.NOTICE_FILL_CURRENT, KEY);

        ParsedFrame parsed = FrameParser.parse(frame, tr -> "H0STCNI9".equals(tr) ? KEY : null);

        assertThat(parsed.encrypted()).isTrue();
        RealtimeRecord r = parsed.records().get(0);
        assertThat(r.schema()).isSameAs(RealtimeSchemas.H0STCNI0);
        assertThat(r.trId()).isEqualTo("H0STCNI9");
        ExecutionNotice n = ExecutionNotice.from(r);
        assertThat(n.customerId()).isEqualTo("HTSUSER1");
        assertThat(n.isFill()).isTrue();
        assertThat(n.price()).isEqualTo(3190);
        assertThat(n.orderPrice()).isEqualTo(3190);
        assertThat(n.instrumentName()).isEqualTo("하림");
        assertThat(r.value("ORD_EXG_GB")).isEqualTo("1");
        assertThat(r.value("POPUP_YN")).isEqualTo("Y");
    }

    @Test
    void decryptsTheJavaxCryptoKnownAnswerForTheDocumentedKeyShape() throws Exception {
        // Round trip through an independent javax.crypto encryption proves key/iv are used as UTF-8 bytes.
        javax.crypto.Cipher c = javax.crypto.Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(javax.crypto.Cipher.ENCRYPT_MODE,
                new javax.crypto.spec.SecretKeySpec(SampleFrames.KEY.getBytes(java.nio.charset.StandardCharsets.UTF_8), "AES"),
                new javax.crypto.spec.IvParameterSpec(SampleFrames.IV.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String b64 = java.util.Base64.getEncoder().encodeToString(
                c.doFinal(SampleFrames.NOTICE_ACCEPT_LEGACY.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        RealtimeRecord r = FrameParser.parse("1|H0STCNI0|001|" + b64, tr -> KEY).records().get(0);
        assertThat(r.text("ACNT_NAME")).isEqualTo("김한투");
    }

    @Test
    void rejectsAnEncryptedFrameWithTheWrongKeyAsDecryptionFailure() throws Exception {
        String frame = "1|H0STCNI0|001|" + AesCbc.encrypt(SampleFrames.NOTICE_FILL_CURRENT, KEY);
        AesKey wrong = new AesKey("ZZZZefghijklmnopabcdefghijklmnop", SampleFrames.IV);

        assertThatThrownBy(() -> FrameParser.parse(frame, tr -> wrong))
                .isInstanceOfSatisfying(FrameFormatException.class, e -> {
                    assertThat(e.reason()).isIn(Reason.DECRYPTION_FAILED);
                    assertThat(e.getMessage()).doesNotContain(SampleFrames.KEY).doesNotContain("1234567801");
                });
    }

    @Test
    void rejectsAnEncryptedFrameWithNoKeyAndBadBase64() {
        assertThatThrownBy(() -> FrameParser.parse("1|H0STCNI0|001|AAAA"))
                .isInstanceOfSatisfying(FrameFormatException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_KEY));
        assertThatThrownBy(() -> FrameParser.parse("1|H0STCNI0|001|not*base64!", tr -> KEY))
                .isInstanceOfSatisfying(FrameFormatException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DECRYPTION_FAILED));
    }

    @Test
    void classifiesGarbageTruncatedAndUnknownFrames() {
        Map<String, Reason> cases = Map.of(
                "hello", Reason.MALFORMED,
                "0|H0STCNT0", Reason.MALFORMED,
                "0|H0STCNT0|00", Reason.MALFORMED,
                "2|H0STCNT0|001|x", Reason.MALFORMED,
                "0||001|x", Reason.MALFORMED,
                "0|H0STCNT0|abc|x", Reason.MALFORMED,
                "0|H0STCNT0|000|x", Reason.MALFORMED,
                "0|H0XXXXX0|001|a^b", Reason.UNKNOWN_TR_ID,
                "0|H0STCNT0|002|a^b^c", Reason.FIELD_COUNT);
        cases.forEach((frame, reason) -> assertThatThrownBy(() -> FrameParser.parse(frame))
                .as(frame)
                .isInstanceOfSatisfying(FrameFormatException.class, e -> assertThat(e.reason()).isEqualTo(reason)));
    }

    @Test
    void toleratesASingleRecordWithAnUnexpectedFieldCount() {
        RealtimeRecord shortRecord = FrameParser.parse("0|H0STCNT0|001|005930^093354^71900").records().get(0);
        assertThat(shortRecord.fieldCountMatches()).isFalse();
        assertThat(shortRecord.value("STCK_PRPR")).isEqualTo(71900L);
        assertThat(shortRecord.value("VI_STND_PRC")).isNull();
        assertThat(shortRecord.toMap()).hasSize(46);

        RealtimeRecord longRecord = FrameParser.parse(SampleFrames.H0STCNT0 + "^extra^fields").records().get(0);
        assertThat(longRecord.size()).isEqualTo(48);
        assertThat(longRecord.value("VI_STND_PRC")).isEqualTo(72100L);
        assertThat(FrameParser.parse(SampleFrames.H0STCNT0 + "^x").hasFieldCountMismatch()).isTrue();
    }

    @Test
    void keepsEmptyAndTrailingEmptyFields() {
        RealtimeRecord r = FrameParser.parse("0|H0STCNT0|001|a^^b^").records().get(0);
        assertThat(r.size()).isEqualTo(4);
        assertThat(List.of(r.text(0), r.text(1), r.text(2), r.text(3))).containsExactly("a", "", "b", "");
        assertThat(FrameParser.parse("0|H0STCNT0|001|").records().get(0).text(0)).isEmpty();
    }

    @Test
    void recognisesDataFramesVersusControlMessages() {
        assertThat(FrameParser.isDataFrame(SampleFrames.H0STCNT0)).isTrue();
        assertThat(FrameParser.isDataFrame("1|H0STCNI0|001|xx")).isTrue();
        assertThat(FrameParser.isDataFrame("{\"header\":{\"tr_id\":\"PINGPONG\"}}")).isFalse();
        assertThat(FrameParser.isDataFrame("0")).isFalse();
    }

    @Test
    void declaresEachSchemaOnceWithTheDocumentedFieldCounts() {
        assertThat(RealtimeSchemas.H0STCNT0.fieldCount()).isEqualTo(46);
        assertThat(RealtimeSchemas.H0STASP0.fieldCount()).isEqualTo(59);
        assertThat(RealtimeSchemas.H0STCNI0.fieldCount()).isEqualTo(26);
        assertThat(RealtimeSchemas.H0STCNI0_LEGACY.fieldCount()).isEqualTo(23);
        assertThat(RealtimeSchemas.forTrId("H0STCNI9")).containsSame(RealtimeSchemas.H0STCNI0);
        assertThat(RealtimeSchemas.H0STCNT0.indexOf("VI_STND_PRC")).isEqualTo(45);
        assertThat(RealtimeSchemas.H0STASP0.indexOf("STCK_DEAL_CLS_CODE")).isEqualTo(58);
        assertThat(RealtimeSchemas.H0STCNI0.indexOf("ODER_PRC")).isEqualTo(25);
        assertThat(RealtimeSchemas.H0STCNI0_LEGACY.indexOf("ODER_PRC")).isEqualTo(22);
    }
}
