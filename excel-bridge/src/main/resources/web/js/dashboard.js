/*
 * Dashboard at /: wires the watchlist, the chart, the order book, the fills and the bridge's status view to the
 * bridge (BridgeClient for QUOTES/MINUTES/HISTORY over /v1/batch, StreamManager for /v1/stream, StatusView for
 * /v1/status). Each panel is its own module; this file only decides what feeds what.
 */
(function (root) {
    'use strict';
    var NS = root.KisAddin;
    var doc = root.document;
    var client = new NS.BridgeClient({});
    // bars (MINUTES, HISTORY: several paged KIS calls each) go in batches of their own, so that the quotes'
    // batch is answered without waiting for them
    var bars = new NS.BridgeClient({});
    var selected = null;
    var unwatchBook = null;
    var bridgeNow = null; // the bridge's clock (GET /v1/status "at"): a period ends on its today, not the browser's

    function $(id) {
        return doc.getElementById(id);
    }

    /** A User Timing mark, once per page load: how long the page took to be useful (DashboardChromiumIT reads them). */
    function mark(name) {
        if (root.performance && root.performance.mark && !root.performance.getEntriesByName(name).length) {
            root.performance.mark(name);
        }
    }

    function ymd(d) {
        return d.toISOString().slice(0, 10).replace(/-/g, '');
    }

    var chart = new NS.MarketChart($('chart'));
    var book = new NS.OrderBook($('book-rows'));
    var fills = new NS.Fills($('fill-rows'));
    var watchlist = null;

    var stream = new NS.StreamManager({
        onFeedState: function (state, why) {
            $('feed-status').textContent = state;
            $('feed-status').dataset.state = state;
            $('feed-detail').textContent = why && why !== state ? why : '';
        }
    });

    // ---- the chart: intraday (MINUTES) or daily (HISTORY over a period) ----

    var chartLoads = 0; // only the newest load may draw: an older one (another code or mode) can answer later

    function loadChart() {
        var load = ++chartLoads;
        var code = selected;
        var mode = $('chart-mode').value;
        $('chart-code').textContent = code;
        $('chart-note').textContent = 'loading…';
        var call = mode === 'intraday'
            ? bars.call('MINUTES', [code]).then(function (t) { return NS.barsFromTable(t, 'time'); })
            : bars.call('HISTORY', [code, ymd(new Date((bridgeNow || Date.now()) - Number(mode) * 86400000))])
                .then(function (t) { return NS.barsFromTable(t, 'date'); });
        call.then(function (list) {
            if (load !== chartLoads) {
                return;
            }
            chart.setBars(list, mode === 'intraday', code + (mode === 'intraday' ? ' · today, 1 min' : ' · daily'));
            $('chart-note').textContent = list.length + ' bars';
            mark('kisbridge:chart-drawn');
        }, function (e) {
            if (load === chartLoads) {
                $('chart-note').textContent = e.message;
            }
        });
    }

    function select(code) {
        selected = code;
        watchlist.select(code);
        $('book-code').textContent = code;
        $('fills-code').textContent = code;
        fills.filter(code);
        loadChart();
        if (unwatchBook) {
            unwatchBook();
        }
        book.clear();
        unwatchBook = stream.subscribe('book:' + code, {
            data: function (rec) { book.show(rec); },
            status: function (s) { book.clear(s); }
        });
    }

    // ---- the watchlist: QUOTES once, MINUTES for the sparklines, then trades ----

    function watch(codes) {
        // the quotes first: their KIS call then goes ahead of the bars' paged calls in the rate limiter's queue
        client.call('QUOTES', [codes.join(','), 'price,change,change_pct,change_sign,volume']).then(function (t) {
            var h = t[0];
            t.slice(1).forEach(function (r) {
                var code = String(r[h.indexOf('code')]);
                var cell = $('price-' + code);
                if (cell && cell.dataset.value === undefined) { // a streamed trade is newer
                    watchlist.update(code, {
                        price: r[h.indexOf('price')], change: r[h.indexOf('change')],
                        pct: r[h.indexOf('change_pct')], sign: r[h.indexOf('change_sign')], volume: r[h.indexOf('volume')]
                    });
                }
            });
            mark('kisbridge:quotes-shown');
        }, function (e) { $('watch-note').textContent = e.message; });
        codes.forEach(function (code) {
            bars.call('MINUTES', [code]).then(function (t) {
                watchlist.setSpark(code, NS.barsFromTable(t, 'time').map(function (b) { return b.c; }));
            }, function () { watchlist.setSpark(code, []); });
            stream.subscribe('trade:' + code, {
                data: function (rec) {
                    if (rec.stck_prpr === undefined) {
                        return;
                    }
                    watchlist.update(code, {
                        price: rec.stck_prpr, change: rec.prdy_vrss, pct: rec.prdy_ctrt, sign: rec.prdy_vrss_sign,
                        volume: rec.acml_vol, time: rec.stck_cntg_hour
                    });
                    watchlist.extendSpark(code, rec.stck_prpr);
                    if (code === selected) {
                        chart.addTrade(rec.stck_prpr, rec.cntg_vol, rec.stck_cntg_hour);
                    }
                },
                status: function (s) { watchlist.status(code, s); }
            });
        });
    }

    function start(choice) {
        watchlist = new NS.Watchlist($('watch-rows'), choice.codes, select);
        $('watch-source').textContent = { url: 'from the address', saved: 'saved in this browser',
            hts: 'HTS group ' + (choice.group || ''), default: 'default list' }[choice.source];
        $('watch-codes').value = choice.codes.join(',');
        watch(choice.codes);
        select(choice.codes[0]);
        fills.filter(selected);
        stream.subscribe('fills', {
            data: function (rec) { fills.add(rec); },
            status: function (s) { fills.status(s); }
        });
    }

    // ---- controls ----

    $('chart-mode').addEventListener('change', loadChart);
    $('watch-save').addEventListener('click', function () {
        var codes = NS.watchlistCodes.parse($('watch-codes').value);
        if (codes.length) {
            NS.watchlistCodes.save(codes);
            root.location.search = ''; // reload with the saved list
        }
    });
    $('watch-hts').addEventListener('click', function () {
        NS.watchlistCodes.htsGroups(client).then(function (groups) {
            if (!groups.length) {
                throw new Error('no HTS watchlist groups');
            }
            return NS.watchlistCodes.htsGroup(client, groups[0].code);
        }).then(function (codes) {
            $('watch-codes').value = codes.join(',');
            $('watch-note').textContent = 'loaded from HTS: Save to keep';
        }, function (e) { $('watch-note').textContent = e.message; });
    });
    var keyInput = $('bridge-key');
    keyInput.value = root.localStorage.getItem(NS.BRIDGE_KEY_STORAGE) || '';
    $('save-key').addEventListener('click', function () {
        root.localStorage.setItem(NS.BRIDGE_KEY_STORAGE, keyInput.value.trim());
        status.refresh();
    });

    var status = new NS.StatusView($('bridge-status-view'), {
        onStatus: function (s) { bridgeNow = Date.parse(s.at); }
    }).start();
    NS.watchlistCodes.choose(root.location.search, client).then(start);
    NS.dashboard = { stream: stream, chart: chart, status: status, select: select };
})(typeof globalThis !== 'undefined' ? globalThis : this);
