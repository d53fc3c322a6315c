'use strict';
/*
 * Loads the add-in scripts exactly as the bridge serves them (/addin/js/*.js) into Node with stubbed
 * CustomFunctions/Office globals, then drives them against that live bridge:
 *   - every id in /addin/functions.json is associated, and nothing else;
 *   - PRICE/QUOTE/HISTORY called together go out as one POST /v1/batch; a bad code is a cell error;
 *   - two STREAM cells on one code share a topic; updates arrive; cancelling the first keeps the topic,
 *     cancelling the last unsubscribes and the bridge confirms ("unsubscribed");
 *   - a dropped feed shows "#N/A feed disconnected" in streaming cells.
 * Usage: node --experimental-websocket addin-harness.js http://127.0.0.1:PORT
 * Prints one JSON line (the summary) and exits 0, or prints the failure and exits 1.
 */
const vm = require('node:vm');

const base = process.argv[2];
if (!base) {
    console.error('usage: addin-harness.js <bridge base URL>');
    process.exit(2);
}
if (typeof WebSocket === 'undefined') {
    console.error('this Node has no WebSocket: run it with --experimental-websocket (Node 20.10+)');
    process.exit(2);
}

function check(condition, message) {
    if (!condition) {
        throw new Error('check failed: ' + message);
    }
}

async function until(what, predicate, timeoutMs) {
    const end = Date.now() + (timeoutMs || 20000);
    while (Date.now() < end) {
        if (predicate()) {
            return;
        }
        await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error('timed out waiting for ' + what);
}

// ---- the stubbed Excel custom-functions runtime ----
const associated = new Map();
class CfError extends Error {
    constructor(code, message) {
        super(message);
        this.code = code;
    }
}
globalThis.CustomFunctions = {
    associate(id, fn) {
        check(!associated.has(id), 'associated twice: ' + id);
        associated.set(id, fn);
    },
    Error: CfError,
    ErrorCode: { invalidValue: '#VALUE!', notAvailable: '#N/A' }
};
globalThis.Office = { onReady: (cb) => Promise.resolve().then(cb) };
globalThis.KIS_ADDIN_MANUAL = true; // register with an explicit base URL (Node has no page origin)

function invocation() {
    const inv = { values: [], onCanceled: null, setResult(v) { inv.values.push(v); } };
    return inv;
}

async function main() {
    for (const script of ['bridge-client.js', 'streaming.js', 'functions.js']) {
        const r = await fetch(base + '/addin/js/' + script);
        check(r.ok, script + ' served, got HTTP ' + r.status);
        check((r.headers.get('content-type') || '').startsWith('text/javascript'), script + ' content type');
        vm.runInThisContext(await r.text(), { filename: script });
    }
    const K = globalThis.KisAddin;
    const runtime = K.registerFunctions({ baseUrl: base, streamUrl: base.replace(/^http/, 'ws') + '/v1/stream' });

    const metadata = await (await fetch(base + '/addin/functions.json')).json();
    const metaIds = metadata.functions.map((f) => f.id).sort();
    const jsIds = [...associated.keys()].sort();
    check(JSON.stringify(metaIds) === JSON.stringify(jsIds),
        'functions.json ids ' + metaIds + ' equal the associated ids ' + jsIds);

    // point and table functions, called in the same tick as Excel does on recalculation
    const F = runtime.functions;
    const [price, per, history, bad] = await Promise.allSettled([
        F.PRICE('005930'),
        F.QUOTE('005930', 'per'),
        F.HISTORY('005930', '20260105', '20260130', null, null),
        F.PRICE('99999X')
    ]);
    check(price.status === 'fulfilled' && typeof price.value === 'number' && price.value > 0, 'PRICE is a number');
    check(per.status === 'fulfilled' && typeof per.value === 'number', 'QUOTE per is a number: ' + JSON.stringify(per));
    check(history.status === 'fulfilled' && Array.isArray(history.value) && history.value.length >= 2,
        'HISTORY is a matrix: ' + JSON.stringify(history).slice(0, 300));
    const header = history.value[0];
    check(header.includes('close'), 'HISTORY header has close: ' + header);
    check(history.value.every((row) => row.length === header.length), 'HISTORY rows are rectangular');
    check(bad.status === 'rejected' && bad.reason instanceof CfError && bad.reason.code === '#VALUE!',
        'a bad code is a #VALUE! cell error: ' + (bad.reason && bad.reason.message));
    check(runtime.client.batchesSent === 1, 'four calls went out as one batch, sent ' + runtime.client.batchesSent);

    // streaming
    const a = invocation();
    const b = invocation();
    F.STREAM('005930', 'price', a);
    F.STREAM(5930, null, b); // a code that lost its leading zeros in a number cell
    check(typeof a.onCanceled === 'function' && typeof b.onCanceled === 'function', 'onCanceled handlers set');
    check(runtime.stream.topics.size === 1, 'two cells share one topic');
    await until('a streamed price in both cells',
        () => a.values.some((v) => typeof v === 'number') && b.values.some((v) => typeof v === 'number'));
    const streamed = a.values.find((v) => typeof v === 'number');

    a.onCanceled();
    check(!runtime.stream.sent.includes('unsubscribe trade:005930'), 'the first cancel keeps the shared topic');
    b.onCanceled();
    check(runtime.stream.sent.includes('unsubscribe trade:005930'), 'the last cancel unsubscribes');
    await until('the bridge to confirm the unsubscribe',
        () => runtime.stream.statusLog.some((s) => s.topic === 'trade:005930' && s.status === 'unsubscribed'));

    // a dropped feed is visible in streaming cells
    const c = invocation();
    F.BOOK('005930', 1, 'bid', c);
    await until('a book value', () => c.values.some((v) => typeof v === 'number'));
    runtime.stream.onMessage(JSON.stringify({ type: 'feed', state: 'disconnected', detail: 'test' }));
    check(c.values[c.values.length - 1] === K.STATUS_DISCONNECTED, 'cells show ' + K.STATUS_DISCONNECTED);
    c.onCanceled();
    const badBook = invocation();
    F.BOOK('005930', 11, 'bid', badBook);
    check(String(badBook.values[0]).startsWith('#VALUE!'), 'BOOK level 11 is #VALUE!');

    // SCRIPT: the value a script published (the test published harness.rows before starting), live as a matrix;
    // a KIS feed drop does not blank it (it comes from the bridge, not from KIS)
    const sc = invocation();
    F.SCRIPT('harness.rows', sc);
    const isTable = (v) => Array.isArray(v) && v.length === 2 && v[0][0] === 'code' && v[1][0] === '005930';
    await until('the published table in a SCRIPT cell', () => sc.values.some(isTable));
    runtime.stream.onMessage(JSON.stringify({ type: 'feed', state: 'disconnected', detail: 'test' }));
    check(isTable(sc.values[sc.values.length - 1]), 'a KIS feed drop leaves SCRIPT cells alone');
    sc.onCanceled();
    check(runtime.stream.sent.includes('unsubscribe script:harness.rows'), 'cancelling SCRIPT unsubscribes');

    runtime.stream.close();
    console.log(JSON.stringify({
        ok: true, functions: jsIds.length, price: price.value, per: per.value, historyRows: history.value.length - 1,
        batches: runtime.client.batchesSent, streamed: streamed, unsubscribed: true, sent: runtime.stream.sent
    }));
}

main().then(() => process.exit(0), (e) => {
    console.error(e && e.stack ? e.stack : String(e));
    process.exit(1);
});
