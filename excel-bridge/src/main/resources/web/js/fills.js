/*
 * The dashboard's fills: the user's execution notices from the fills topic (H0STCNI0/H0STCNI9), newest first, for
 * the selected code or all. Account number, holder name and customer id arrive in the notice; the panel shows the
 * account masked to its product code and never the others.
 */
(function (root) {
    'use strict';
    var NS = root.KisAddin = root.KisAddin || {};
    var MAX_ROWS = 50;

    /** "****-01": nothing of the account but its two-digit product code. */
    function maskAccount(acct) {
        var s = String(acct === undefined || acct === null ? '' : acct).replace(/\D/g, '');
        return s.length >= 2 ? '****-' + s.slice(-2) : '****';
    }

    function fmt(n) {
        return Number(n).toLocaleString('en-US');
    }

    function Fills(tbody) {
        this.tbody = tbody;
        this.doc = tbody.ownerDocument;
        this.all = [];
        this.code = null;
        this.render();
    }

    /** Shows only the fills of {@code code} (null: all codes). */
    Fills.prototype.filter = function (code) {
        this.code = code;
        this.render();
    };

    /** One execution notice record (lower-case KIS field names). Order acknowledgements (cntg_yn 1) are skipped. */
    Fills.prototype.add = function (rec) {
        if (String(rec.cntg_yn) !== '2') {
            return;
        }
        this.all.unshift({
            time: String(rec.stck_cntg_hour || '').padStart(6, '0').replace(/(\d\d)(\d\d)(\d\d)/, '$1:$2:$3'),
            code: String(rec.stck_shrn_iscd || ''),
            side: String(rec.seln_byov_cls) === '01' ? 'sell' : String(rec.seln_byov_cls) === '02' ? 'buy' : '?',
            qty: rec.cntg_qty,
            price: rec.cntg_unpr,
            order: String(rec.oder_no || ''),
            account: maskAccount(rec.acnt_no)
        });
        this.all.length = Math.min(this.all.length, MAX_ROWS);
        this.render();
    };

    Fills.prototype.render = function () {
        var doc = this.doc;
        var code = this.code;
        var shown = this.all.filter(function (f) { return !code || f.code === code; });
        this.tbody.textContent = '';
        this.tbody.dataset.count = String(shown.length);
        if (!shown.length) {
            var tr0 = doc.createElement('tr');
            var td0 = doc.createElement('td');
            td0.colSpan = 7;
            td0.className = 'note';
            td0.textContent = this.statusText || 'no fills yet' + (code ? ' for ' + code : '');
            tr0.appendChild(td0);
            this.tbody.appendChild(tr0);
            return;
        }
        shown.forEach(function (f) {
            var tr = doc.createElement('tr');
            tr.className = 'fill fill-' + f.side;
            [f.time, f.code, f.side, fmt(f.qty), fmt(f.price), f.order, f.account].forEach(function (v, i) {
                var td = doc.createElement('td');
                td.textContent = v;
                if (i === 2) {
                    td.className = f.side === 'buy' ? 'up' : 'down';
                }
                tr.appendChild(td);
            });
            this.tbody.appendChild(tr);
        }, this);
    };

    Fills.prototype.status = function (text) {
        this.statusText = text;
        if (!this.all.length) {
            this.render();
        }
    };

    NS.Fills = Fills;
    NS.maskAccount = maskAccount;
})(typeof globalThis !== 'undefined' ? globalThis : this);
