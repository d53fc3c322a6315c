/*
 * KIS Spreadsheet Bridge — task pane: the bridge's status view (status-view.js), trading arm/disarm, an order ticket.
 * The bridge key (X-Bridge-Key) is pasted once per bridge start from <state-dir>/bridge.key and kept in this
 * add-in's localStorage (same origin as the bridge: only the bridge's own pages can read it).
 */
(function (root) {
    'use strict';
    var NS = root.KisAddin;
    var KEY_STORAGE = NS.BRIDGE_KEY_STORAGE;
    var doc = root.document;

    function $(id) {
        return doc.getElementById(id);
    }

    function bridgeKey() {
        return root.localStorage.getItem(KEY_STORAGE) || '';
    }

    function newIdempotencyKey() {
        if (root.crypto && root.crypto.randomUUID) {
            return root.crypto.randomUUID();
        }
        var b = new Uint8Array(16);
        root.crypto.getRandomValues(b);
        return Array.prototype.map.call(b, function (x) { return x.toString(16).padStart(2, '0'); }).join('');
    }

    function post(path, body, extraHeaders) {
        var headers = { 'Content-Type': 'application/json', 'X-Bridge-Key': bridgeKey() };
        Object.keys(extraHeaders || {}).forEach(function (k) { headers[k] = extraHeaders[k]; });
        return root.fetch(path, { method: 'POST', headers: headers, body: JSON.stringify(body) })
            .then(function (r) {
                return r.json().catch(function () { return {}; }).then(function (j) { return { status: r.status, body: j }; });
            });
    }

    function explain(answer) {
        if (answer.status === 403 && /X-Bridge-Key/.test(JSON.stringify(answer.body))) {
            return 'the bridge key is missing or old: paste the current one from bridge.key';
        }
        var e = answer.body && answer.body.error;
        return e ? e.message : 'HTTP ' + answer.status;
    }

    function refreshHealth() {
        root.fetch('/health').then(function (r) { return r.json(); }).then(function (h) {
            $('bridge-status').textContent = h.status + ' (' + h.environment + ')';
            $('bridge-status').dataset.state = 'ok';
        }).catch(function () {
            $('bridge-status').textContent = 'unreachable';
            $('bridge-status').dataset.state = 'error';
        });
    }

    function showTrading(t) {
        $('trading-state').textContent = t.armed ? 'ARMED' : 'disarmed';
        if (t.limits) {
            $('limits').textContent = 'Limits: ' + t.limits.maxQuantityPerOrder + ' shares / '
                + t.limits.maxAmountPerOrder + ' KRW per order, ' + t.limits.maxOrdersPerDay + ' orders / '
                + t.limits.maxAmountPerDay + ' KRW per day';
        }
    }

    function refreshTrading() {
        root.fetch('/v1/trading').then(function (r) { return r.json(); }).then(showTrading).catch(function () {});
    }

    function arm(armed) {
        post('/v1/trading', { armed: armed }).then(function (a) {
            if (a.status === 200) {
                showTrading(a.body);
            } else {
                $('t-result').textContent = explain(a);
            }
        });
    }

    function submitTicket(ev) {
        ev.preventDefault();
        var button = $('t-submit');
        button.disabled = true; // one submission, one Idempotency-Key: a double click cannot send twice
        var order = {
            code: $('t-code').value.trim(),
            side: $('t-side').value,
            qty: Number($('t-qty').value),
            price: Number($('t-price').value || 0)
        };
        var idem = newIdempotencyKey();
        post('/v1/orders', order, { 'Idempotency-Key': idem }).then(function (a) {
            $('t-result').textContent = a.status === 201 || a.status === 200
                ? 'order ' + a.body.order_no + ' accepted at ' + a.body.time + (a.body.replayed ? ' (replayed)' : '')
                : 'refused: ' + explain(a);
        }).catch(function (e) {
            $('t-result').textContent = 'bridge unreachable: ' + e.message + ' (key ' + idem + ')';
        }).then(function () { button.disabled = false; });
    }

    function start() {
        $('bridge-key').value = bridgeKey();
        $('save-key').onclick = function () {
            root.localStorage.setItem(KEY_STORAGE, $('bridge-key').value.trim());
            $('key-status').textContent = 'saved';
        };
        $('forget-key').onclick = function () {
            root.localStorage.removeItem(KEY_STORAGE);
            $('bridge-key').value = '';
            $('key-status').textContent = 'forgotten';
        };
        $('arm').onclick = function () { arm(true); };
        $('disarm').onclick = function () { arm(false); };
        $('ticket').addEventListener('submit', submitTicket);
        if (NS.StatusView && $('bridge-status-view')) {
            // feed, topics, call rate, errors and scripts (stop needs the key pasted above), as on the dashboard
            new NS.StatusView($('bridge-status-view'), { bridgeKey: bridgeKey }).start();
        }
        refreshHealth();
        refreshTrading();
        setInterval(function () { refreshHealth(); refreshTrading(); }, 5000);
    }

    if (root.Office && root.Office.onReady) {
        root.Office.onReady(start);
    } else {
        doc.addEventListener('DOMContentLoaded', start);
    }
})(typeof globalThis !== 'undefined' ? globalThis : this);
