/*
 * The dashboard's watchlist: one row per code with price, change, % (Korean colours: up red, down blue), volume and
 * a sparkline of today's minute closes (ECharts), flashing when the price changes. Which codes: ?codes=... in the
 * URL, else the list saved in this browser, else the first HTS watchlist group (WATCHGROUPS / WATCHLIST), else a
 * default. Rows are fed by the caller (dashboard.js) from QUOTES, MINUTES and /v1/stream.
 */
(function (root) {
    'use strict';
    var NS = root.KisAddin = root.KisAddin || {};
    var LIST_STORAGE = 'kisbridge.watchlist';
    var DEFAULT_CODES = ['005930', '000660', '035420', '005380', '035720'];
    var MAX_SPARK = 400;

    function parseCodes(text) {
        return String(text || '').split(/[\s,;]+/).map(function (c) {
            var s = c.trim().replace(/^A/i, '');
            return /^\d+$/.test(s) ? s.padStart(6, '0') : s.toUpperCase();
        }).filter(function (c) { return /^[0-9A-Z]{6}$/.test(c); });
    }

    function savedCodes() {
        try {
            return parseCodes(root.localStorage.getItem(LIST_STORAGE));
        } catch (e) {
            return [];
        }
    }

    function saveCodes(codes) {
        root.localStorage.setItem(LIST_STORAGE, codes.join(','));
    }

    /** The codes to watch and where they came from: {codes, source: 'url'|'saved'|'hts'|'default'}. */
    function chooseCodes(search, client) {
        var fromUrl = parseCodes(new URLSearchParams(search).get('codes'));
        if (fromUrl.length) {
            return Promise.resolve({ codes: fromUrl, source: 'url' });
        }
        var saved = savedCodes();
        if (saved.length) {
            return Promise.resolve({ codes: saved, source: 'saved' });
        }
        return htsGroups(client).then(function (groups) {
            return groups.length ? htsGroup(client, groups[0].code).then(function (codes) {
                return codes.length ? { codes: codes, source: 'hts', group: groups[0].name } : null;
            }) : null;
        }).catch(function () { return null; }).then(function (r) {
            return r || { codes: DEFAULT_CODES.slice(), source: 'default' };
        });
    }

    /** The HTS watchlist groups [{code, name}] (WATCHGROUPS). */
    function htsGroups(client) {
        return client.call('WATCHGROUPS', []).then(function (t) {
            var h = t[0], c = h.indexOf('inter_grp_code'), n = h.indexOf('inter_grp_name');
            return t.slice(1).map(function (r) { return { code: String(r[c]), name: String(r[n]) }; });
        });
    }

    function htsGroup(client, group) {
        return client.call('WATCHLIST', [group]).then(function (t) {
            var c = t[0].indexOf('jong_code');
            return parseCodes(t.slice(1).map(function (r) { return r[c]; }).join(','));
        });
    }

    function fmt(n) {
        return Number(n).toLocaleString('en-US');
    }

    /** Up (1 upper limit, 2 up), down (4 lower limit, 5 down) or flat from the KIS sign, else from the change. */
    function direction(sign, change) {
        var s = String(sign === undefined || sign === null ? '' : sign);
        if (s === '1' || s === '2') {
            return 'up';
        }
        if (s === '4' || s === '5') {
            return 'down';
        }
        if (s === '3') {
            return 'flat';
        }
        return change > 0 ? 'up' : change < 0 ? 'down' : 'flat';
    }

    /**
     * @param {Element} tbody the table body to fill
     * @param {string[]} codes
     * @param {function(string)} onSelect called with a code when its row is clicked
     */
    function Watchlist(tbody, codes, onSelect) {
        var doc = tbody.ownerDocument;
        this.rows = {};
        tbody.textContent = '';
        codes.forEach(function (code) {
            var tr = doc.createElement('tr');
            tr.id = 'row-' + code;
            tr.dataset.code = code;
            var cells = {};
            ['code', 'price', 'change', 'pct', 'volume', 'spark', 'time'].forEach(function (name) {
                var td = doc.createElement('td');
                td.id = name + '-' + code;
                td.className = name;
                td.textContent = name === 'code' ? code : name === 'spark' ? '' : '…';
                tr.appendChild(td);
                cells[name] = td;
            });
            tr.addEventListener('click', function () { onSelect(code); });
            tbody.appendChild(tr);
            var spark = doc.createElement('div');
            spark.className = 'spark-chart';
            cells.spark.appendChild(spark);
            this.rows[code] = { tr: tr, cells: cells, spark: null, sparkEl: spark, closes: [] };
        }, this);
    }

    Watchlist.prototype.select = function (code) {
        Object.keys(this.rows).forEach(function (c) {
            this.rows[c].tr.classList.toggle('selected', c === code);
        }, this);
    };

    /** A quote or a trade: any of {price, change, pct, sign, volume, time}. */
    Watchlist.prototype.update = function (code, q) {
        var row = this.rows[code];
        if (!row) {
            return;
        }
        var c = row.cells;
        if (q.price !== undefined && isFinite(q.price)) {
            var before = c.price.dataset.value === undefined ? null : Number(c.price.dataset.value);
            c.price.textContent = fmt(q.price);
            c.price.dataset.value = String(q.price);
            if (before !== null && before !== Number(q.price)) {
                this.flash(c.price, Number(q.price) > before ? 'flash-up' : 'flash-down');
            }
        }
        if (q.change !== undefined) {
            var dir = direction(q.sign, Number(q.change));
            c.change.textContent = (Number(q.change) > 0 ? '▲' : Number(q.change) < 0 ? '▼' : '') + fmt(Math.abs(q.change));
            [c.change, c.pct, c.price].forEach(function (td) {
                td.classList.remove('up', 'down', 'flat');
                td.classList.add(dir);
            });
        }
        if (q.pct !== undefined) {
            c.pct.textContent = (Number(q.pct) > 0 ? '+' : '') + Number(q.pct).toFixed(2) + '%';
        }
        if (q.volume !== undefined) {
            c.volume.textContent = fmt(q.volume);
        }
        if (q.time !== undefined) {
            c.time.textContent = String(q.time).padStart(6, '0').replace(/(\d\d)(\d\d)(\d\d)/, '$1:$2:$3');
        }
    };

    Watchlist.prototype.status = function (code, text) {
        var row = this.rows[code];
        if (row) {
            row.cells.time.textContent = text;
        }
    };

    Watchlist.prototype.flash = function (td, cls) {
        td.classList.remove('flash-up', 'flash-down');
        void td.offsetWidth; // restart the CSS animation
        td.classList.add(cls);
    };

    /** Today's minute closes (from MINUTES), then one point per trade. */
    Watchlist.prototype.setSpark = function (code, closes) {
        var row = this.rows[code];
        if (!row) {
            return;
        }
        row.closes = closes.slice(-MAX_SPARK);
        this.drawSpark(row);
    };

    Watchlist.prototype.extendSpark = function (code, price) {
        var row = this.rows[code];
        if (!row || !row.spark) {
            return;
        }
        row.closes.push(price);
        if (row.closes.length > MAX_SPARK) {
            row.closes.shift();
        }
        this.drawSpark(row);
    };

    Watchlist.prototype.drawSpark = function (row) {
        if (!row.spark) {
            row.spark = root.echarts.init(row.sparkEl, null, { renderer: 'canvas' });
        }
        var up = row.closes.length > 1 && row.closes[row.closes.length - 1] >= row.closes[0];
        row.sparkEl.dataset.points = String(row.closes.length);
        row.spark.setOption({
            animation: false,
            grid: { left: 1, right: 1, top: 2, bottom: 2 },
            xAxis: { type: 'category', show: false, data: row.closes.map(function (_, i) { return i; }) },
            yAxis: { type: 'value', show: false, scale: true },
            series: [{
                type: 'line', data: row.closes, showSymbol: false, silent: true,
                lineStyle: { width: 1.2, color: up ? NS.KOREAN_UP : NS.KOREAN_DOWN }
            }]
        }, { lazyUpdate: true });
    };

    NS.Watchlist = Watchlist;
    NS.watchlistCodes = { choose: chooseCodes, save: saveCodes, parse: parseCodes, htsGroups: htsGroups, htsGroup: htsGroup };
    NS.priceDirection = direction;
})(typeof globalThis !== 'undefined' ? globalThis : this);
