'use strict';
/*
 * The dashboard's modules in Node (node --test), without a browser: the minute arithmetic of market-chart.js against
 * a stub ECharts, the Korean up/down rule and code parsing of watchlist.js, the account masking and fill filtering of
 * fills.js, and the 10+10 levels of order-book.js. Run by DashboardModulesNodeIT with the web folder as argument.
 */
const test = require('node:test');
const assert = require('node:assert');
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const web = process.env.KISBRIDGE_WEB;
const options = [];
globalThis.echarts = { init: () => ({ setOption: (o) => options.push(o), resize() {} }) };
globalThis.addEventListener = () => {};
for (const f of ['js/market-chart.js', 'js/watchlist.js', 'js/fills.js', 'js/order-book.js']) {
    vm.runInThisContext(fs.readFileSync(path.join(web, f), 'utf8'), { filename: f });
}
const NS = globalThis.KisAddin;

// just enough DOM for the tables
function node(tag) {
    return {
        tagName: tag, children: [], dataset: {}, style: {}, className: '', _text: '',
        appendChild(c) { this.children.push(c); return c; },
        set textContent(t) { this._text = t; this.children = []; },
        get textContent() { return this._text + this.children.map((c) => c.textContent).join(' '); }
    };
}
const doc = { createElement: node };
function tbody() {
    const t = node('tbody');
    t.ownerDocument = doc;
    return t;
}

test('a trade updates the minute it falls in and opens the next one, and late trades leave the bars alone', () => {
    const el = { dataset: {} };
    const chart = new NS.MarketChart(el);
    const table = [['time', 'open', 'high', 'low', 'close', 'volume'],
        ['2026-03-03 09:58', 100, 110, 95, 105, 7], ['2026-03-03 09:59', 105, 106, 104, 104, 3]];
    chart.setBars(NS.barsFromTable(table, 'time'), true, 't');
    assert.strictEqual(el.dataset.bars, '2');
    chart.addTrade(108, 2, '095930');
    assert.deepStrictEqual(chart.bars[1], { t: '2026-03-03 09:59', o: 105, h: 108, l: 104, c: 108, v: 5 });
    chart.addTrade(101, 4, '100002');
    assert.deepStrictEqual(chart.bars[2], { t: '2026-03-03 10:00', o: 101, h: 101, l: 101, c: 101, v: 4 });
    chart.addTrade(90, 1, '095800');
    assert.strictEqual(chart.bars.length, 3);
    assert.strictEqual(chart.bars[0].l, 95);
    assert.strictEqual(chart.ticks, 3);
    assert.strictEqual(el.dataset.ticks, '2'); // as last drawn: the late trade changed nothing to draw
    assert.strictEqual(el.dataset.tickMinutes, '2');
    const last = options[options.length - 1];
    assert.deepStrictEqual(last.series[0].data[2], [101, 101, 101, 101]); // ECharts order: open, close, low, high
    assert.strictEqual(last.series[1].data[2].value, 4);
});

test('daily bars take no trades', () => {
    const el = { dataset: {} };
    const chart = new NS.MarketChart(el);
    chart.setBars(NS.barsFromTable([['date', 'open', 'high', 'low', 'close', 'volume'],
        ['2026-03-02', 1, 2, 1, 2, 10]], 'date'), false, 'd');
    chart.addTrade(3, 1, '100000');
    assert.strictEqual(chart.bars.length, 1);
});

test('up is red and down is blue by the KIS sign, or by the change without one', () => {
    assert.strictEqual(NS.priceDirection('2', -5), 'up');
    assert.strictEqual(NS.priceDirection('1', 0), 'up');
    assert.strictEqual(NS.priceDirection('5', 5), 'down');
    assert.strictEqual(NS.priceDirection('4', 0), 'down');
    assert.strictEqual(NS.priceDirection('3', 7), 'flat');
    assert.strictEqual(NS.priceDirection(undefined, -1), 'down');
    assert.strictEqual(NS.KOREAN_UP, '#d32f2f');
});

test('codes are repaired and anything else is dropped', () => {
    assert.deepStrictEqual(NS.watchlistCodes.parse('5930, A000660;;035420 junk 12'), ['005930', '000660', '035420', '000012']);
    assert.deepStrictEqual(NS.watchlistCodes.parse(''), []);
});

test('a fill shows the account as its product code only and notices that are not fills are skipped', () => {
    const body = tbody();
    const fills = new NS.Fills(body);
    fills.add({ cntg_yn: 1, acnt_no: '5000000001', stck_shrn_iscd: '005930' }); // an order acknowledgement
    assert.strictEqual(body.dataset.count, '0');
    fills.add({ cntg_yn: 2, acnt_no: '5000000001', cust_id: 'hts-user', stck_shrn_iscd: '005930',
        seln_byov_cls: '02', cntg_qty: 3, cntg_unpr: 71900, stck_cntg_hour: '100001', oder_no: '0000001001' });
    fills.add({ cntg_yn: '2', acnt_no: '50000000-01', stck_shrn_iscd: '000660', seln_byov_cls: '01', cntg_qty: 1,
        cntg_unpr: 180000, stck_cntg_hour: '100002', oder_no: '0000001002' });
    assert.strictEqual(body.dataset.count, '2');
    const text = body.textContent;
    assert.match(text, /\*\*\*\*-01/);
    assert.doesNotMatch(text, /50000000|hts-user/);
    fills.filter('005930');
    assert.strictEqual(body.dataset.count, '1');
    assert.match(body.textContent, /buy/);
    assert.strictEqual(NS.maskAccount(undefined), '****');
});

test('the book shows ten asks above ten bids and skips empty levels', () => {
    const body = tbody();
    const book = new NS.OrderBook(body);
    const rec = {};
    for (let i = 1; i <= 10; i++) {
        rec['askp' + i] = 1000 + i * 10;
        rec['bidp' + i] = 1000 - (i - 1) * 10;
        rec['askp_rsqn' + i] = i;
        rec['bidp_rsqn' + i] = 20 - i;
    }
    book.show(rec);
    assert.strictEqual(body.dataset.levels, '10');
    assert.strictEqual(body.children.length, 20);
    assert.strictEqual(body.children[0].dataset.level, '10');
    assert.strictEqual(body.children[9].className, 'book-ask');
    assert.strictEqual(body.children[10].className, 'book-bid');
    rec.bidp10 = 0;
    book.show(rec);
    assert.strictEqual(body.dataset.levels, '9');
    assert.strictEqual(body.children.length, 19);
});
