/*
 * The dashboard's order book: ten ask and ten bid levels of one code from the book:CODE topic (H0STASP0), asks above
 * bids, each with its quantity as a bar. Live: every book message replaces the levels.
 */
(function (root) {
    'use strict';
    var NS = root.KisAddin = root.KisAddin || {};
    var LEVELS = 10;

    function fmt(n) {
        return Number(n).toLocaleString('en-US');
    }

    function OrderBook(tbody) {
        this.tbody = tbody;
        this.doc = tbody.ownerDocument;
    }

    OrderBook.prototype.clear = function (text) {
        this.tbody.textContent = '';
        this.tbody.dataset.levels = '0';
        var tr = this.doc.createElement('tr');
        var td = this.doc.createElement('td');
        td.colSpan = 3;
        td.className = 'note';
        td.textContent = text || 'waiting for the book…';
        tr.appendChild(td);
        this.tbody.appendChild(tr);
    };

    /** A book record: askp1..10, bidp1..10, askp_rsqn1..10, bidp_rsqn1..10 (lower-case KIS names). */
    OrderBook.prototype.show = function (rec) {
        var levels = [];
        for (var i = LEVELS; i >= 1; i--) {
            levels.push({ side: 'ask', price: rec['askp' + i], qty: rec['askp_rsqn' + i], level: i });
        }
        for (var j = 1; j <= LEVELS; j++) {
            levels.push({ side: 'bid', price: rec['bidp' + j], qty: rec['bidp_rsqn' + j], level: j });
        }
        levels = levels.filter(function (l) { return l.price !== undefined && Number(l.price) > 0; });
        var most = Math.max.apply(null, levels.map(function (l) { return Number(l.qty) || 0; }).concat([1]));
        var doc = this.doc;
        this.tbody.textContent = '';
        levels.forEach(function (l) {
            var tr = doc.createElement('tr');
            tr.className = 'book-' + l.side;
            tr.dataset.level = String(l.level);
            var askQty = doc.createElement('td');
            var price = doc.createElement('td');
            var bidQty = doc.createElement('td');
            price.className = 'book-price ' + (l.side === 'ask' ? 'down' : 'up');
            price.textContent = fmt(l.price);
            var qtyCell = l.side === 'ask' ? askQty : bidQty;
            qtyCell.className = 'book-qty';
            qtyCell.textContent = fmt(l.qty || 0);
            qtyCell.style.backgroundSize = Math.round(100 * (Number(l.qty) || 0) / most) + '% 100%';
            tr.appendChild(askQty);
            tr.appendChild(price);
            tr.appendChild(bidQty);
            this.tbody.appendChild(tr);
        }, this);
        this.tbody.dataset.asks = String(levels.filter(function (l) { return l.side === 'ask'; }).length);
        this.tbody.dataset.bids = String(levels.filter(function (l) { return l.side === 'bid'; }).length);
        this.tbody.dataset.levels = String(Math.min(Number(this.tbody.dataset.asks), Number(this.tbody.dataset.bids)));
    };

    NS.OrderBook = OrderBook;
})(typeof globalThis !== 'undefined' ? globalThis : this);
