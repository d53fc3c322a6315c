package io.kisbridge.scripting;

import static io.kisbridge.scripting.Scripts.output;
import static io.kisbridge.scripting.Scripts.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kisbridge.core.realtime.Topic;
import io.kisbridge.core.realtime.TopicState;
import io.kisbridge.simulator.SimEnvironment;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Realtime callbacks and timers run on the script's own event loop; publishing streams to Java listeners. */
@Timeout(120)
class ScriptRealtimeIT {
    private static final String CODE = "005930";

    @TempDir
    static Path dir;

    private static SimulatorFixture fx;
    private static ScriptRuntime runtime;

    @BeforeAll
    static void start() {
        fx = new SimulatorFixture(dir.resolve("state"));
        runtime = fx.runtime().timeout(Duration.ofSeconds(60)).trading(TradingPolicy.armed(10_000_000, 5)).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        fx.close();
    }

    /** Moves the market until the run ends by itself. */
    private static void tickUntilDone(ScriptRun run) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(200)).until(() -> {
            fx.sim.market().tick(CODE);
            return run.state() != ScriptRun.State.RUNNING;
        });
    }

    @Test
    void javascriptTradeCallbacksReceiveNativeTrades() throws Exception {
        ScriptRun run = runtime.start("trades.js", """
                let n = 0;
                kis.on('trade', '005930', (t) => {
                    n++;
                    print('trade ' + typeof t + ' ' + typeof t.price + ' ' + t.code + ' ' + (t.price > 0));
                    if (n >= 2) stop();
                });
                print('subscribed');
                """, List.of());
        tickUntilDone(run);
        assertThat(output(run)).contains("subscribed").contains("trade object number 005930 true");
    }

    @Test
    void nxtTradesAndIndexRecordsReachScriptsByTheirTopicWords() throws Exception {
        ScriptRun run = runtime.start("markets.js", """
                const seen = {};
                const done = () => { if (seen.nx && seen.index) stop(); };
                kis.on('trade', '005930@NX', (t) => {
                    if (!seen.nx) print('nx ' + t.code + ' ' + (t.price > 0));
                    seen.nx = true; done();
                });
                kis.on('index', '0001', (r) => {
                    if (!seen.index) print('index ' + r.BSTP_CLS_CODE + ' ' + (r.PRPR_NMIX > 0));
                    seen.index = true; done();
                });
                """, List.of());
        tickUntilDone(run);
        assertThat(output(run)).contains("nx 005930 true").contains("index 0001 true");
    }

    @Test
    void tradeCallbacksGetEveryRecordOfAMultiRecordFrameInOrder() throws Exception {
        List<String> template = fx.sim.market().tick(CODE).h0stcnt0Fields(); // before the script listens
        ScriptRun run = runtime.start("every-trade.js", """
                const got = [];
                kis.on('trade', '005930', (t) => {
                    if (t.price >= 1001 && t.price <= 1004) got.push(t.price);
                    if (got.length === 4) { print('trades ' + got.join(',')); stop(); }
                });
                print('subscribed');
                """, List.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> output(run).contains("subscribed")
                && fx.feed.topicState(Topic.trade(CODE)) == TopicState.SUBSCRIBED);
        StringBuilder frame = new StringBuilder("0|H0STCNT0|004|");
        for (int i = 1; i <= 4; i++) {
            List<String> fields = new java.util.ArrayList<>(template);
            fields.set(2, Integer.toString(1000 + i)); // stck_prpr: four trades of one frame, told apart by price
            frame.append(i > 1 ? "^" : "").append(String.join("^", fields));
        }
        fx.sim.faults().sendRawFrame(SimEnvironment.REAL, frame.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> run.state() != ScriptRun.State.RUNNING);
        // before, the callback had the feed's latest-wins delivery: records of one frame replaced each other
        assertThat(output(run)).contains("trades 1001,1002,1003,1004");
    }

    @Test
    void pythonTradeAndBookCallbacksReceiveDicts() throws Exception {
        ScriptRun run = runtime.start("trades.py", """
                seen = set()
                def on_trade(t):
                    seen.add("trade")
                    print("trade", isinstance(t, dict), isinstance(t["price"], int), t["code"])
                    if len(seen) == 2: stop()
                def on_book(b):
                    seen.add("book")
                    print("book", isinstance(b["asks"], list), len(b["asks"]), isinstance(b["asks"][0]["price"], int))
                    if len(seen) == 2: stop()
                kis.on("trade", "005930", on_trade)
                kis.on("book", "005930", on_book)
                """, List.of());
        tickUntilDone(run);
        assertThat(output(run)).contains("trade True True 005930").contains("book True 10 True");
    }

    @Test
    void fillsCallbacksSeeTheScriptsOwnOrder() throws Exception {
        ScriptRun run = runtime.start("fills.js", """
                kis.on('fills', (f) => {
                    print('notice ' + f.side + ' ' + f.code + ' fill=' + f.fill + ' account=' + (f.accountNumber === undefined));
                    if (f.fill) stop();
                });
                after('1500ms', () => {
                    const q = kis.quote('005930');
                    print('order ' + kis.buy('005930', 1, q.upperLimit).orderNumber.length);
                });
                """, List.of());
        assertThat(run.await(Duration.ofSeconds(40))).isTrue();
        assertThat(output(run)).contains("notice buy 005930 fill=true account=true");
    }

    @Test
    void timersRunInOrderOnTheScriptThreadAndCanBeCancelled() throws Exception {
        String out = output(runToEnd(runtime, "timers.js", """
                let n = 0;
                const id = every('100ms', () => {
                    n++;
                    print('tick ' + n);
                    if (n === 3) cancel(id);
                });
                after('20ms', () => print('after'));
                print('main done');
                """));
        assertThat(out).containsSubsequence("main done", "after", "tick 1", "tick 2", "tick 3").doesNotContain("tick 4");
        String py = output(runToEnd(runtime, "timers.py", """
                state = {"n": 0}
                def tick():
                    state["n"] += 1
                    print("tick", state["n"])
                    if state["n"] == 2: cancel(timer)
                timer = every("50ms", tick)
                after("10ms", lambda: print("after"))
                """));
        assertThat(py).containsSubsequence("after", "tick 1", "tick 2").doesNotContain("tick 3");
    }

    @Test
    void publishingFromACallbackStreamsToJavaListeners() throws Exception {
        List<Object> seen = new CopyOnWriteArrayList<>();
        try (AutoCloseable sub = runtime.published().subscribe(p -> {
            if (p.name().equals("last.005930")) {
                seen.add(p.value());
            }
        })) {
            ScriptRun run = runtime.start("stream.js", """
                    let n = 0;
                    kis.on('trade', '005930', (t) => {
                        cells.publish('last.005930', t.price);
                        if (++n >= 3) stop();
                    });
                    """, List.of());
            tickUntilDone(run);
            output(run);
        }
        assertThat(seen).hasSizeGreaterThanOrEqualTo(3).allSatisfy(v -> assertThat(v).isInstanceOf(Number.class));
    }

    @Test
    void stoppingARunEndsItsSubscriptions() throws Exception {
        ScriptRun run = runtime.start("forever.js", "kis.on('trade', '000660', (t) => print(t.price));", List.of());
        await().atMost(Duration.ofSeconds(20)).until(() -> fx.feed.topics().keySet().stream()
                .anyMatch(t -> t.toString().equals("trade:000660")));
        assertThat(run.state()).isEqualTo(ScriptRun.State.RUNNING);
        run.stop();
        assertThat(run.await(Duration.ofSeconds(10))).isTrue();
        assertThat(run.error()).get().extracting(ScriptException::kind).isEqualTo(ScriptException.Kind.STOPPED);
        await().atMost(Duration.ofSeconds(10)).until(() -> fx.feed.topics().keySet().stream()
                .noneMatch(t -> t.toString().equals("trade:000660")));
    }
}
