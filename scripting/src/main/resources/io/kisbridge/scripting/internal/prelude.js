// The host API as native JavaScript (the value of this source is the function binding the run's args): every host answer is JSON text parsed here into plain objects/arrays.
(function (h) {
    'use strict';
    class KisError extends Error {
        constructor(message) {
            super(message);
            this.name = 'KisError';
        }
    }
    const r = (s) => {
        if (s.length > 0 && s.charCodeAt(0) === 0) {
            throw new KisError(s.substring(1));
        }
        return JSON.parse(s);
    };
    const str = (v) => (v === undefined || v === null ? '' : String(v));
    const num = (v) => (v === undefined || v === null ? 0 : Number(v));
    const side = (s) => (code, qty, price, key) => r(h.order(s, str(code), num(qty), num(price), str(key)));
    const kis = {
        price: (code) => r(h.price(str(code))),
        quote: (code) => r(h.quote(str(code))),
        history: (code, from, to, period) => r(h.history(str(code), str(from), str(to), str(period))),
        minutes: (code, upTo) => r(h.minutes(str(code), str(upTo))),
        balance: () => r(h.balance()),
        cash: () => r(h.cash()),
        executions: (from, to) => r(h.executions(str(from), str(to))),
        buyable: (code, price) => r(h.buyable(str(code), num(price))),
        sellable: (code) => r(h.sellable(str(code))),
        call: (api, params) => r(h.call(str(api), JSON.stringify(params || {}))),
        catalog: () => r(h.catalog()),
        buy: side('buy'),
        sell: side('sell'),
        on: (kind, code, fn) => {
            if (typeof code === 'function') {
                fn = code;
                code = '';
            }
            if (typeof fn !== 'function') {
                throw new KisError('kis.on(kind, code, fn) needs a function');
            }
            return r(h.on(str(kind), str(code), (json) => fn(JSON.parse(json))));
        },
        off: (id) => h.cancel(str(id)),
        api: {},
    };
    // One function per catalog API: kis.api.inquirePrice({FID_INPUT_ISCD: '005930'}) === kis.call('inquire-price', ...)
    for (const name of String(h.apiNames()).split('\n')) {
        const camel = name.replace(/-([a-z0-9])/g, (m, c) => c.toUpperCase());
        kis.api[camel] = (params) => kis.call(name, params);
    }
    Object.freeze(kis.api);
    const timer = (f) => (spec, fn) => {
        if (typeof fn !== 'function') {
            throw new KisError('a timer needs a function');
        }
        return r(f(str(spec), () => { fn(); }));
    };
    const g = globalThis;
    g.KisError = KisError;
    g.kis = Object.freeze(kis);
    g.cells = Object.freeze({
        publish: (name, value) => { r(h.publish(str(name), JSON.stringify(value === undefined ? null : value))); },
    });
    g.files = Object.freeze({
        writeCsv: (name, rows) => r(h.writeCsv(str(name), JSON.stringify(rows))),
    });
    g.workbook = Object.freeze({
        write: (name, sheets) => r(h.writeWorkbook(str(name), JSON.stringify(sheets || {}))),
        read: (name, sheet) => r(h.readWorkbook(str(name), str(sheet))),
    });
    g.every = timer((s, fn) => h.every(s, fn));
    g.after = timer((s, fn) => h.after(s, fn));
    g.cancel = (id) => h.cancel(str(id));
    g.stop = () => h.stop();
    // The host calls this once the run is bound to the context (contexts may be prepared ahead of their run).
    return () => { g.args = Object.freeze(r(h.args())); };
})(globalThis.__kisbridge_host);
