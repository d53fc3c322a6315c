/* Dashboard at /: live prices of a few codes over /v1/stream, a chart of the first, the feed status. */
(function (root) {
    'use strict';
    var NS = root.KisAddin;
    var doc = root.document;
    var params = new URLSearchParams(root.location.search);
    var codes = (params.get('codes') || '005930,000660,035420,005380,035720').split(',')
        .map(function (c) { return c.trim(); }).filter(Boolean);
    var body = doc.querySelector('#prices tbody');
    var chart = new NS.PriceChart(doc.getElementById('chart'), 120);
    doc.getElementById('chart-code').textContent = codes[0];

    function cell(code, name) {
        return doc.getElementById(name + '-' + code);
    }

    codes.forEach(function (code) {
        var tr = doc.createElement('tr');
        tr.id = 'row-' + code;
        ['code', 'price', 'change', 'volume', 'time'].forEach(function (name) {
            var td = doc.createElement('td');
            td.id = name + '-' + code;
            td.className = name;
            td.textContent = name === 'code' ? code : '…';
            tr.appendChild(td);
        });
        body.appendChild(tr);
    });

    function showPrice(code, price) {
        var td = cell(code, 'price');
        td.textContent = Number(price).toLocaleString('en-US');
        td.dataset.value = String(price);
        if (code === codes[0]) {
            chart.add(Number(price));
        }
    }

    var status = doc.getElementById('feed-status');
    var detail = doc.getElementById('feed-detail');
    var stream = new NS.StreamManager({
        onFeedState: function (state, why) {
            status.textContent = state;
            status.dataset.state = state;
            detail.textContent = why && why !== state ? why : '';
        }
    });

    codes.forEach(function (code) {
        stream.subscribe('trade:' + code, {
            data: function (rec) {
                if (rec.stck_prpr !== undefined) {
                    showPrice(code, rec.stck_prpr);
                }
                if (rec.prdy_ctrt !== undefined) {
                    var ch = cell(code, 'change');
                    ch.textContent = rec.prdy_ctrt + '%';
                    ch.className = 'change ' + (rec.prdy_ctrt > 0 ? 'up' : rec.prdy_ctrt < 0 ? 'down' : '');
                }
                if (rec.acml_vol !== undefined) {
                    cell(code, 'volume').textContent = Number(rec.acml_vol).toLocaleString('en-US');
                }
                if (rec.stck_cntg_hour !== undefined) {
                    cell(code, 'time').textContent = String(rec.stck_cntg_hour).replace(/(\d\d)(\d\d)(\d\d)/, '$1:$2:$3');
                }
            },
            status: function (s) {
                cell(code, 'time').textContent = s;
            }
        });
    });

    // Prices right away (the stream only pushes on the next trade): one batched call for all codes.
    var client = new NS.BridgeClient({});
    codes.forEach(function (code) {
        client.call('PRICE', [code]).then(function (p) {
            if (cell(code, 'price').dataset.value === undefined) {
                showPrice(code, p);
            }
        }, function (e) {
            cell(code, 'price').textContent = e.message;
        });
    });
})(typeof globalThis !== 'undefined' ? globalThis : this);
