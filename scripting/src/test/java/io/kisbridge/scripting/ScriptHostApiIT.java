package io.kisbridge.scripting;

import static io.kisbridge.scripting.Scripts.failure;
import static io.kisbridge.scripting.Scripts.output;
import static io.kisbridge.scripting.Scripts.runToEnd;
import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.Catalog;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The host API in both languages against the simulator: native values, the catalog, order refusal, publishing. */
@Timeout(120)
class ScriptHostApiIT {
    private static final String CODE = "005930";

    @TempDir
    static Path dir;

    private static SimulatorFixture fx;
    private static ScriptRuntime runtime;

    @BeforeAll
    static void start() {
        fx = new SimulatorFixture(dir.resolve("state"));
        runtime = fx.runtime().timeout(Duration.ofSeconds(60)).build();
    }

    @AfterAll
    static void stop() {
        runtime.close();
        fx.close();
    }

    @Test
    void javascriptGetsNativeNumbersObjectsAndArrays() throws Exception {
        String out = output(runToEnd(runtime, "types.js", """
                const p = kis.price('005930');
                const q = kis.quote('005930');
                const h = kis.history('005930', '2024-01-02', '2024-06-28');
                const b = kis.balance();
                print([typeof p, typeof q, Array.isArray(q), Array.isArray(h), h.length > 50,
                       h[0].date < h[h.length - 1].date, typeof h[0].close, Array.isArray(b.holdings),
                       typeof b.cashDeposit, q.price === p, typeof kis.cash()].join(','));
                print('price=' + p);
                """));
        assertThat(out).contains("number,object,false,true,true,true,number,true,number,true,number")
                .contains("price=" + fx.sim.market().lastPrice(CODE));
    }

    @Test
    void pythonGetsNativeNumbersDictsAndLists() throws Exception {
        String out = output(runToEnd(runtime, "types.py", """
                p = kis.price("005930")
                q = kis.quote("005930")
                h = kis.history("005930", "20240102", "20240628")
                b = kis.balance()
                print(isinstance(p, int), isinstance(q, dict), isinstance(h, list), len(h) > 50,
                      h[0]["date"] < h[-1]["date"], isinstance(h[0]["close"], int), isinstance(b["holdings"], list),
                      q["price"] == p, isinstance(kis.cash(), int))
                print("price=%d" % p)
                """));
        assertThat(out).contains("True True True True True True True True True")
                .contains("price=" + fx.sim.market().lastPrice(CODE));
    }

    @Test
    void everyAccountAndChartFacadeAnswersInJavascript() throws Exception {
        String out = output(runToEnd(runtime, "facades.js", """
                const m = kis.minutes('005930');
                const e = kis.executions();
                const by = kis.buyable('005930', kis.price('005930'));
                const s = kis.sellable('005930');
                print(JSON.stringify({minutes: Array.isArray(m) && m.length > 0 && typeof m[0].close === 'number',
                    executions: Array.isArray(e), buyable: by.maxBuyQuantity > 0, sellable: typeof s.orderableQuantity}));
                """));
        assertThat(out).contains("{\"minutes\":true,\"executions\":true,\"buyable\":true,\"sellable\":\"number\"}");
    }

    @Test
    void callReachesAnyCatalogApiAndTheGeneratedFunctionsCoverTheCatalog() throws Exception {
        String out = output(runToEnd(runtime, "call.js", """
                const r = kis.call('inquire-daily-price', {FID_INPUT_ISCD: '000660'});
                print('rows ' + Array.isArray(r.rows) + ' ' + r.rows.length + ' ' + r.trId);
                const g = kis.api.inquirePrice({FID_INPUT_ISCD: '005930'});
                print('same ' + (Number(g.output.stck_prpr) === kis.price('005930')));
                print('apis ' + Object.keys(kis.api).length);
                """));
        assertThat(out).contains("rows true 30 FHKST01010400").contains("same true")
                .contains("apis " + Catalog.dataApis().size());
        String py = output(runToEnd(runtime, "call.py", """
                g = kis.api.inquire_price({"FID_INPUT_ISCD": "005930"})
                print("same", int(g["output"]["stck_prpr"]) == kis.price("005930"), isinstance(g["rows"], list))
                print("apis", len([n for n in dir(kis.api) if not n.startswith("_")]))
                """));
        assertThat(py).contains("same True True").contains("apis " + Catalog.dataApis().size());
    }

    @Test
    void ordersAreRefusedWhenTradingIsNotArmedAndNothingReachesTheSimulator() throws Exception {
        long before = fx.sim.counters().ordersReceived();
        String out = output(runToEnd(runtime, "order.js", """
                try { kis.buy('005930', 1, kis.price('005930')); } catch (e) { print(e.name + ': ' + e.message); }
                try { kis.call('order-cash', {side: 'buy', PDNO: '005930', ORD_QTY: 1, ORD_UNPR: 0}); }
                catch (e) { print('call: ' + e.message); }
                """));
        assertThat(out).contains("KisError: order refused: trading is not armed").contains("call: order refused");
        ScriptException e = failure(runToEnd(runtime, "order.py", "x = 1\nkis.sell('005930', 1, 70000)\n"));
        assertThat(e.getMessage()).contains("order.py:2").contains("KisError").contains("trading is not armed");
        assertThat(fx.sim.counters().ordersReceived()).isEqualTo(before);
    }

    @Test
    void armedTradingPlacesOrdersWithinTheLimits() throws Exception {
        long before = fx.sim.counters().ordersReceived();
        try (ScriptRuntime armed = fx.runtime().trading(TradingPolicy.armed(1_000_000, 1)).build()) {
            String out = output(runToEnd(armed, "armed.js", """
                    const p = kis.price('005930');
                    try { kis.buy('005930', 100, p); } catch (e) { print('too big: ' + e.message); }
                    const o = kis.buy('005930', 1, p);
                    print('order ' + (typeof o.orderNumber === 'string' && o.orderNumber.length > 0));
                    try { kis.buy('005930', 1, p); } catch (e) { print('second: ' + e.message); }
                    """));
            assertThat(out).contains("too big: order refused").contains("over the limit of 1000000 KRW")
                    .contains("order true").contains("second: order refused: this run already placed 1 orders");
        }
        assertThat(fx.sim.counters().ordersReceived()).isEqualTo(before + 1);
    }

    @Test
    void publishedValuesReachJavaAsPlainValues() throws Exception {
        output(runToEnd(runtime, "pub.js", "cells.publish('signal', {code: '005930', price: kis.price('005930'), tags: ['a', 'b']});"));
        output(runToEnd(runtime, "pub.py", "cells.publish('py.signal', {'ok': True, 'n': 2.5})"));
        assertThat(runtime.published().value("signal")).get().isEqualTo(Map.of("code", CODE,
                "price", (int) fx.sim.market().lastPrice(CODE), "tags", java.util.List.of("a", "b")));
        assertThat(runtime.published().value("py.signal")).get().isEqualTo(Map.of("ok", true, "n", 2.5));
    }

    @Test
    void aFailedHostCallIsAKisErrorAtTheScriptsLine() throws Exception {
        ScriptException e = failure(runToEnd(runtime, "bad.js", "const ok = 1;\nkis.price('nope');\n"));
        assertThat(e.line()).isEqualTo(2);
        assertThat(e.getMessage()).startsWith("bad.js:2: ").contains("KisError").contains("005930");
    }

    @Test
    void scriptsSeeTheirArguments() throws Exception {
        assertThat(output(runToEnd(runtime, "args.js", "print(args.length + ' ' + args.join('|'));", "005930", "x y")))
                .contains("2 005930|x y");
        assertThat(output(runToEnd(runtime, "args.py", "print(isinstance(args, list), args)", "000660")))
                .contains("True ['000660']");
    }
}
