package io.kisbridge.bench;

import io.kisbridge.core.realtime.AesKey;
import io.kisbridge.core.realtime.ExecutionNotice;
import io.kisbridge.core.realtime.FrameParser;
import io.kisbridge.core.realtime.OrderBook;
import io.kisbridge.core.realtime.ParsedFrame;
import io.kisbridge.core.realtime.RealtimeRecord;
import io.kisbridge.core.realtime.Trade;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.crypto.Cipher;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Frame parsing throughput on one thread. Scores are records (or notices) per second: the 4-record
 * benchmark divides by 4 via {@link OperationsPerInvocation}. Frames are the official samples of
 * kis-reference.md §8; the notice is a 26-field fill encrypted like the simulator does.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class FrameParsingBenchmark {
    static final String TRADE_PAYLOAD = "005930^093354^71900^5^-100^-0.14^72023.83^72100^72400^71700^71900^71800^1^3052507"
            + "^219853241700^5105^6937^1832^84.90^1366314^1159996^1^0.39^20.28^090020^5^-200^090820^5^-500^092619^2^200"
            + "^20230612^20^N^65945^216924^1118750^2199206^0.05^2424142^125.92^0^^72100";
    static final String BOOK_FRAME = "0|H0STASP0|001|005930^093730^0^71900^72000^72100^72200^72300^72400^72500^72600^72700"
            + "^72800^71800^71700^71600^71500^71400^71300^71200^71100^71000^70900^91918^117942^92673^79708^106729^141988"
            + "^176192^113906^134077^104229^95221^159371^220746^284657^212742^195370^182710^209747^376432^158171^1159362"
            + "^2095167^0^0^0^0^525579^-72000^5^-100.00^3159115^0^8^0^0^0";
    static final String NOTICE_PLAIN = "HTSUSER1^1234567801^0000002891^^02^0^00^0^136480^0000000001^000003190^094941"
            + "^0^2^2^06010^000000001^KIM^0^1^Y^   ^10^^HARIM^000003190";

    String tradeFrame1;
    String tradeFrame4;
    String noticeFrame;
    Function<String, AesKey> keys;

    @Setup
    public void setUp() throws Exception {
        tradeFrame1 = "0|H0STCNT0|001|" + TRADE_PAYLOAD;
        tradeFrame4 = "0|H0STCNT0|004|" + String.join("^", TRADE_PAYLOAD, TRADE_PAYLOAD, TRADE_PAYLOAD, TRADE_PAYLOAD);
        String key = "abcdefghijklmnopabcdefghijklmnop";
        String iv = "0123456789abcdef";
        AesKey aes = new AesKey(key, iv);
        keys = tr -> aes;
        Cipher c = Cipher.getInstance("AES/CBC/PKCS5Padding");
        c.init(Cipher.ENCRYPT_MODE, aes.keySpec(), aes.ivSpec());
        noticeFrame = "1|H0STCNI0|001|"
                + Base64.getEncoder().encodeToString(c.doFinal(NOTICE_PLAIN.getBytes(StandardCharsets.UTF_8)));
    }

    /** Split + schema mapping only (the record is a view; no typed conversion). */
    @Benchmark
    public ParsedFrame tradeFrameRawOneRecord() {
        return FrameParser.parse(tradeFrame1);
    }

    @Benchmark
    public Trade tradeFrameTypedOneRecord() {
        return Trade.from(FrameParser.parse(tradeFrame1).records().get(0));
    }

    @Benchmark
    @OperationsPerInvocation(4)
    public void tradeFrameTypedFourRecords(Blackhole bh) {
        for (RealtimeRecord r : FrameParser.parse(tradeFrame4).records()) {
            bh.consume(Trade.from(r));
        }
    }

    @Benchmark
    public OrderBook bookFrameTyped() {
        return OrderBook.from(FrameParser.parse(BOOK_FRAME).records().get(0));
    }

    @Benchmark
    public ExecutionNotice noticeDecryptAndParse() {
        return ExecutionNotice.from(FrameParser.parse(noticeFrame, keys).records().get(0));
    }
}
