/*
 * The dashboard's chart of one code: candlesticks with volume underneath, drawn by Apache ECharts (served by the
 * bridge from its jar, /vendor/echarts/echarts.min.js). Intraday: today's one-minute bars (MINUTES), extended by the
 * trades that arrive over /v1/stream; daily: HISTORY over a period. Colours follow the Korean convention (up red,
 * down blue).
 */
(function (root) {
    'use strict';
    var NS = root.KisAddin = root.KisAddin || {};
    var UP = '#d32f2f', DOWN = '#1565c0';

    /** A bridge table (header row first) to bars {t, o, h, l, c, v}; timeColumn is 'time' or 'date'. */
    function barsFromTable(table, timeColumn) {
        var head = table[0];
        var ix = function (name) { return head.indexOf(name); };
        var t = ix(timeColumn), o = ix('open'), h = ix('high'), l = ix('low'), c = ix('close'), v = ix('volume');
        return table.slice(1).map(function (r) {
            return { t: String(r[t]), o: Number(r[o]), h: Number(r[h]), l: Number(r[l]), c: Number(r[c]), v: Number(r[v]) };
        });
    }

    /** "2026-03-03 09:05" from the last bar's date and a trade time HHMMSS. */
    function minuteOf(lastBarTime, hhmmss) {
        var s = String(hhmmss).padStart(6, '0');
        var day = lastBarTime ? lastBarTime.slice(0, 10) : '';
        return (day ? day + ' ' : '') + s.slice(0, 2) + ':' + s.slice(2, 4);
    }

    function MarketChart(element) {
        this.element = element;
        this.chart = root.echarts.init(element, null, { renderer: 'canvas' });
        this.bars = [];
        this.intraday = true;
        this.ticks = 0;
        this.tickMinutes = {};
        var self = this;
        root.addEventListener('resize', function () { self.chart.resize(); });
    }

    /** Replaces the bars (intraday = minute bars that ticks may extend). */
    MarketChart.prototype.setBars = function (bars, intraday, title) {
        this.bars = bars.slice();
        this.intraday = !!intraday;
        this.title = title || '';
        this.ticks = 0;
        this.tickMinutes = {};
        this.render();
    };

    /** A trade from /v1/stream: updates the minute it falls in, or opens the next one. */
    MarketChart.prototype.addTrade = function (price, qty, hhmmss) {
        if (!this.intraday || !isFinite(price) || !hhmmss) {
            return;
        }
        var last = this.bars[this.bars.length - 1];
        var minute = minuteOf(last && last.t, hhmmss);
        this.ticks++;
        this.tickMinutes[minute] = true;
        if (last && last.t === minute) {
            last.h = Math.max(last.h, price);
            last.l = Math.min(last.l, price);
            last.c = price;
            last.v += qty || 0;
        } else if (!last || minute > last.t) {
            this.bars.push({ t: minute, o: price, h: price, l: price, c: price, v: qty || 0 });
        } else {
            return; // a late trade of an earlier minute: the minute API's bar already holds it
        }
        this.render();
    };

    MarketChart.prototype.render = function () {
        var b = this.bars;
        this.element.dataset.bars = String(b.length);
        this.element.dataset.ticks = String(this.ticks);
        this.element.dataset.tickMinutes = String(Object.keys(this.tickMinutes).length);
        var labels = b.map(function (x) { return this.intraday ? x.t.slice(-5) : x.t; }, this);
        this.chart.setOption({
            animation: false,
            title: { text: this.title, left: 8, top: 2, textStyle: { fontSize: 13 } },
            tooltip: { trigger: 'axis', axisPointer: { type: 'cross' } },
            axisPointer: { link: [{ xAxisIndex: 'all' }] },
            grid: [{ left: 64, right: 16, top: 28, height: '58%' }, { left: 64, right: 16, top: '76%', height: '16%' }],
            xAxis: [
                { type: 'category', data: labels, boundaryGap: true, axisLabel: { show: false } },
                { type: 'category', gridIndex: 1, data: labels, boundaryGap: true }
            ],
            yAxis: [
                { scale: true, splitNumber: 4 },
                { gridIndex: 1, splitNumber: 2, axisLabel: { show: false } }
            ],
            series: [
                {
                    name: this.intraday ? '1 min' : 'day', type: 'candlestick',
                    data: b.map(function (x) { return [x.o, x.c, x.l, x.h]; }),
                    itemStyle: { color: UP, color0: DOWN, borderColor: UP, borderColor0: DOWN }
                },
                {
                    name: 'volume', type: 'bar', xAxisIndex: 1, yAxisIndex: 1,
                    data: b.map(function (x) {
                        return { value: x.v, itemStyle: { color: x.c >= x.o ? UP : DOWN } };
                    })
                }
            ]
        }, { notMerge: true, lazyUpdate: true }); // lazyUpdate: one redraw per frame however many trades
    };

    NS.MarketChart = MarketChart;
    NS.barsFromTable = barsFromTable;
    NS.minuteOf = minuteOf;
    NS.KOREAN_UP = UP;
    NS.KOREAN_DOWN = DOWN;
})(typeof globalThis !== 'undefined' ? globalThis : this);
