package io.kisbridge.core.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.realtime.internal.AesCbc;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Property/fuzz tests: the parser only ever throws FrameFormatException, and never hangs. */
class FrameParserFuzzTest {
    private static final AesKey KEY = new AesKey(SampleFrames.KEY, SampleFrames.IV);

    @Property(tries = 2000)
    void arbitraryTextEitherParsesOrFailsWithTheDocumentedException(@ForAll("frames") String frame) {
        assertParsesOrFailsCleanly(frame);
    }

    @Property(tries = 1000)
    void truncatingOrMutatingAValidFrameNeverEscapesTheDocumentedException(
            @ForAll("validFrames") String valid, @ForAll("cuts") int cut, @ForAll char noise) {
        int at = Math.min(cut, valid.length());
        assertParsesOrFailsCleanly(valid.substring(0, at));
        assertParsesOrFailsCleanly(valid.substring(0, at) + noise + valid.substring(at));
    }

    @Property(tries = 300)
    void anyPlaintextEncryptedWithTheAckKeyDecryptsBackToItsFields(@ForAll("payloads") String payload) throws Exception {
        ParsedFrame parsed = FrameParser.parse("1|H0STCNI0|001|" + AesCbc.encrypt(payload, KEY), tr -> KEY);
        RealtimeRecord r = parsed.records().get(0);
        assertThat(r.text(0)).isEqualTo(payload.split("\\^", -1)[0]);
        assertThat(r.size()).isEqualTo(payload.split("\\^", -1).length);
    }

    private static void assertParsesOrFailsCleanly(String frame) {
        CompletableFuture<Void> run = CompletableFuture.runAsync(() -> {
            try {
                ParsedFrame p = FrameParser.parse(frame, tr -> KEY);
                for (RealtimeRecord r : p.records()) {
                    r.toMap();
                    switch (p.trId()) {
                        case "H0STCNT0" -> Trade.from(r);
                        case "H0STASP0" -> OrderBook.from(r);
                        default -> ExecutionNotice.from(r);
                    }
                }
            } catch (FrameFormatException expected) {
                assertThat(expected.reason()).isNotNull();
            }
        });
        assertThat(run).succeedsWithin(Duration.ofSeconds(2));
    }

    @Provide
    Arbitrary<String> frames() {
        Arbitrary<String> flag = Arbitraries.of("0", "1", "2", "", "00");
        Arbitrary<String> tr = Arbitraries.of("H0STCNT0", "H0STASP0", "H0STCNI0", "H0STCNI9", "PINGPONG", "", "H0STCNT0|");
        Arbitrary<String> count = Arbitraries.oneOf(Arbitraries.of("001", "004", "000", "-01", "9999", "99999"),
                Arbitraries.strings().numeric().ofMaxLength(5));
        Arbitrary<String> payload = Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789^|-.ABYN ").ofMaxLength(400),
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings().withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/=")
                        .ofMaxLength(200));
        Arbitrary<String> structured = Combinators.combine(flag, tr, count, payload)
                .as((f, t, c, p) -> f + "|" + t + "|" + c + "|" + p);
        return Arbitraries.oneOf(structured, Arbitraries.strings().ofMaxLength(300));
    }

    @Provide
    Arbitrary<String> validFrames() {
        return Arbitraries.of(List.of(SampleFrames.H0STCNT0, SampleFrames.H0STASP0,
                "0|H0STCNI0|001|" + SampleFrames.NOTICE_FILL_CURRENT));
    }

    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, 700);
    }

    @Provide
    Arbitrary<String> payloads() {
        return Arbitraries.strings().withChars("0123456789^ABC김한투").ofMinLength(1).ofMaxLength(300);
    }
}
