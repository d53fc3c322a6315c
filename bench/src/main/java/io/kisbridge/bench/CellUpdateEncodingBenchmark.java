package io.kisbridge.bench;

import io.kisbridge.bridge.internal.stream.StreamMessages;
import io.kisbridge.core.realtime.FrameParser;
import io.kisbridge.core.realtime.OrderBook;
import io.kisbridge.core.realtime.RealtimeEvent;
import io.kisbridge.core.realtime.RealtimeRecord;
import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.Trade;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JSON encoding of one cell update exactly as the bridge sends it on {@code /v1/stream} ({@link StreamMessages#event}):
 * {@code {"topic":"trade:005930","data":{"mksc_shrn_iscd":"005930","stck_prpr":71900,...}}} from the parsed record
 * of the official H0STCNT0 sample (46 fields) and of the H0STASP0 sample (59 fields). Parsing is done once in setup.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class CellUpdateEncodingBenchmark {
    RealtimeEvent.Data tradeEvent;
    RealtimeEvent.Data bookEvent;

    @Setup
    public void setUp() {
        RealtimeRecord trade = FrameParser.parse("0|H0STCNT0|001|" + FrameParsingBenchmark.TRADE_PAYLOAD).records().get(0);
        tradeEvent = new RealtimeEvent.Data(Topic.trade("005930"), Trade.from(trade), trade);
        RealtimeRecord book = FrameParser.parse(FrameParsingBenchmark.BOOK_FRAME).records().get(0);
        bookEvent = new RealtimeEvent.Data(Topic.book("005930"), OrderBook.from(book), book);
    }

    @Benchmark
    public String tradeUpdateJson() {
        return StreamMessages.event(tradeEvent);
    }

    @Benchmark
    public String bookUpdateJson() {
        return StreamMessages.event(bookEvent);
    }
}
