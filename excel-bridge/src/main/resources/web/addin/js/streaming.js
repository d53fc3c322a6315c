/*
 * KIS Spreadsheet Bridge — live topics over the bridge's WebSocket /v1/stream.
 * One socket per runtime; topics are reference-counted: the first listener subscribes, the last one to leave
 * unsubscribes. When the socket or the bridge's KIS feed drops, every listener gets a visible status
 * (STATUS_DISCONNECTED) until data flows again; the socket reconnects with backoff and resubscribes.
 * Also: the STREAM/BOOK/FILLS/SCRIPT cell functions built on it.
 */
(function (root) {
    'use strict';
    var NS = root.KisAddin = root.KisAddin || {};
    var STATUS_DISCONNECTED = '#N/A feed disconnected';
    var STATUS_WAITING = '#N/A waiting for the feed';
    var STATUS_NOT_PUBLISHED = '#N/A not published yet';

    function defaultStreamUrl() {
        var loc = root.location;
        return (loc.protocol === 'https:' ? 'wss://' : 'ws://') + loc.host + '/v1/stream';
    }

    /**
     * @param {object} opts url (ws(s)://host:port/v1/stream; default: same origin), WebSocket (injectable),
     *                      onFeedState(state, detail) callback
     */
    function StreamManager(opts) {
        opts = opts || {};
        this.url = opts.url || defaultStreamUrl();
        this.WS = opts.WebSocket || root.WebSocket;
        this.onFeedState = opts.onFeedState || function () {};
        this.topics = new Map(); // topic -> {listeners:Set, status:string|null}
        this.socket = null;
        this.open = false;
        this.feedState = 'idle';
        this.attempt = 0;
        this.closed = false;
        this.sent = []; // for diagnostics: ops sent, e.g. 'unsubscribe trade:005930'
        this.statusLog = []; // {topic,status} messages received from the bridge
    }

    StreamManager.prototype.connect = function () {
        var self = this;
        if (this.socket || this.closed) {
            return;
        }
        var ws = new this.WS(this.url);
        this.socket = ws;
        ws.onopen = function () {
            self.open = true;
            self.attempt = 0;
            self.topics.forEach(function (_, topic) { self.send('subscribe', topic); });
        };
        ws.onmessage = function (ev) { self.onMessage(ev.data); };
        ws.onclose = function () {
            self.socket = null;
            self.open = false;
            self.setFeedState('disconnected', 'socket to the bridge closed', true);
            if (!self.closed && self.topics.size > 0) {
                var delay = Math.min(30000, 500 * Math.pow(2, self.attempt++));
                setTimeout(function () { self.connect(); }, delay);
            }
        };
        ws.onerror = function () { /* onclose follows */ };
    };

    StreamManager.prototype.send = function (op, topic) {
        if (this.open && this.socket) {
            this.socket.send(JSON.stringify({ op: op, topic: topic }));
            this.sent.push(op + ' ' + topic);
        }
    };

    StreamManager.prototype.setFeedState = function (state, detail, socketDown) {
        this.feedState = state;
        this.onFeedState(state, detail || '');
        if (state === 'disconnected' || state === 'reconnecting' || state === 'closed') {
            this.topics.forEach(function (t, topic) {
                // script topics come from the bridge itself: only a lost socket interrupts them, not the KIS feed
                if (socketDown || topic.indexOf('script:') !== 0) {
                    t.listeners.forEach(function (l) { l.status(STATUS_DISCONNECTED); });
                }
            });
        }
    };

    StreamManager.prototype.onMessage = function (text) {
        var m;
        try {
            m = JSON.parse(text);
        } catch (e) {
            return;
        }
        if (m.type === 'feed') {
            this.setFeedState(m.state, m.detail);
            return;
        }
        var t = m.topic && this.topics.get(m.topic);
        if (m.status) {
            this.statusLog.push({ topic: m.topic, status: m.status });
        }
        if (!t) {
            return;
        }
        if (m.data) {
            t.listeners.forEach(function (l) { l.data(m.data); });
        } else if (m.status === 'error' || m.status === 'reconnecting') {
            var s = m.status === 'error' ? '#N/A ' + (m.detail || 'subscription refused') : STATUS_DISCONNECTED;
            t.listeners.forEach(function (l) { l.status(s); });
        }
    };

    /**
     * Listens to a topic (trade:CODE, book:CODE, fills). listener = {data(record), status(text)}.
     * Returns a function that stops listening (the last listener unsubscribes the topic).
     */
    StreamManager.prototype.subscribe = function (topic, listener) {
        var t = this.topics.get(topic);
        if (!t) {
            t = { listeners: new Set() };
            this.topics.set(topic, t);
            this.send('subscribe', topic);
        }
        t.listeners.add(listener);
        this.connect();
        var self = this;
        var done = false;
        return function () {
            if (done) {
                return;
            }
            done = true;
            t.listeners.delete(listener);
            if (t.listeners.size === 0 && self.topics.get(topic) === t) {
                self.topics.delete(topic);
                self.send('unsubscribe', topic);
            }
        };
    };

    StreamManager.prototype.close = function () {
        this.closed = true;
        if (this.socket) {
            this.socket.close();
        }
    };

    // ---- the streaming cell functions ----

    var TRADE_FIELDS = {
        price: 'stck_prpr', change: 'prdy_vrss', change_pct: 'prdy_ctrt', volume: 'acml_vol', qty: 'cntg_vol',
        open: 'stck_oprc', high: 'stck_hgpr', low: 'stck_lwpr', time: 'stck_cntg_hour', value: 'acml_tr_pbmn',
        ask: 'askp1', bid: 'bidp1'
    };
    var FILL_COLUMNS = [
        ['time', 'stck_cntg_hour'], ['code', 'stck_shrn_iscd'], ['side', 'seln_byov_cls'], ['qty', 'cntg_qty'],
        ['price', 'cntg_unpr'], ['order', 'oder_no'], ['kind', 'cntg_yn']
    ];

    function code(c) {
        var s = String(c === null || c === undefined ? '' : c).trim().replace(/^A/i, '');
        return /^\d+$/.test(s) ? s.padStart(6, '0') : s.toUpperCase();
    }

    function tradeField(f) {
        var k = String(f === null || f === undefined || f === '' ? 'price' : f).trim().toLowerCase();
        return TRADE_FIELDS[k] || k;
    }

    function bookField(level, side) {
        var n = level === null || level === undefined || level === '' ? 1 : Number(level);
        var s = String(side === null || side === undefined || side === '' ? 'ask' : side).trim().toLowerCase();
        if (!(n >= 1 && n <= 10)) {
            return null;
        }
        var prefix = { ask: 'askp', bid: 'bidp', askqty: 'askp_rsqn', bidqty: 'bidp_rsqn' }[s];
        return prefix ? prefix + Math.floor(n) : null;
    }

    function valueListener(invocation, field) {
        return {
            data: function (rec) {
                if (Object.prototype.hasOwnProperty.call(rec, field)) {
                    invocation.setResult(rec[field]);
                }
            },
            status: function (s) { invocation.setResult(s); }
        };
    }

    function cellText(v) {
        if (v === null || v === undefined) {
            return '';
        }
        return typeof v === 'object' ? JSON.stringify(v) : v;
    }

    /** A published value as a matrix, the same shapes as the bridge's SCRIPT over WEBSERVICE. */
    function publishedMatrix(v) {
        var isObj = function (x) { return x !== null && typeof x === 'object' && !Array.isArray(x); };
        if (isObj(v)) {
            var keys = Object.keys(v);
            return [keys, keys.map(function (k) { return cellText(v[k]); })];
        }
        if (Array.isArray(v) && v.length > 0 && v.every(isObj)) {
            var cols = [];
            v.forEach(function (row) {
                Object.keys(row).forEach(function (k) { if (cols.indexOf(k) < 0) { cols.push(k); } });
            });
            return [cols].concat(v.map(function (row) { return cols.map(function (k) { return cellText(row[k]); }); }));
        }
        if (Array.isArray(v) && v.length > 0 && v.every(Array.isArray)) {
            var width = v[0].length;
            return v.map(function (row) {
                var r = row.slice(0, width).map(cellText);
                while (r.length < width) {
                    r.push('');
                }
                return r;
            });
        }
        if (Array.isArray(v)) {
            return [['value']].concat(v.map(function (x) { return [cellText(x)]; }));
        }
        return [[cellText(v)]];
    }

    /** STREAM/BOOK/FILLS/SCRIPT bound to one StreamManager; each takes Excel's StreamingInvocation last. */
    function streamingFunctions(manager) {
        function watch(topic, listener, invocation) {
            var stop = manager.subscribe(topic, listener);
            invocation.onCanceled = stop;
        }
        return {
            STREAM: function (c, field, invocation) {
                invocation.setResult(STATUS_WAITING);
                watch('trade:' + code(c), valueListener(invocation, tradeField(field)), invocation);
            },
            BOOK: function (c, level, side, invocation) {
                var f = bookField(level, side);
                if (f === null) {
                    invocation.setResult('#VALUE! level is 1-10 and side ask, bid, askqty or bidqty');
                    return;
                }
                invocation.setResult(STATUS_WAITING);
                watch('book:' + code(c), valueListener(invocation, f), invocation);
            },
            SCRIPT: function (name, invocation) {
                var n = String(name === null || name === undefined ? '' : name).trim();
                if (!n) {
                    invocation.setResult([['#VALUE! a published name is needed, e.g. momentum.top']]);
                    return;
                }
                invocation.setResult([[STATUS_NOT_PUBLISHED]]);
                watch('script:' + n, {
                    data: function (rec) { invocation.setResult(publishedMatrix(rec.value)); },
                    status: function (s) { invocation.setResult([[s]]); }
                }, invocation);
            },
            FILLS: function (invocation) {
                var header = FILL_COLUMNS.map(function (col) { return col[0]; });
                var rows = [];
                invocation.setResult([header]);
                watch('fills', {
                    data: function (rec) {
                        rows.push(FILL_COLUMNS.map(function (col) {
                            var v = rec[col[1]];
                            return v === undefined || v === null ? '' : v;
                        }));
                        invocation.setResult([header].concat(rows));
                    },
                    status: function (s) {
                        invocation.setResult([header].concat(rows).concat([[s].concat(header.slice(1).map(function () { return ''; }))]));
                    }
                }, invocation);
            }
        };
    }

    NS.StreamManager = StreamManager;
    NS.streamingFunctions = streamingFunctions;
    NS.publishedMatrix = publishedMatrix;
    NS.STATUS_DISCONNECTED = STATUS_DISCONNECTED;
})(typeof globalThis !== 'undefined' ? globalThis : this);
