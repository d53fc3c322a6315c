/*
 * KIS Spreadsheet Bridge — batching client for cell functions.
 * Calls made within a short collection window go to the bridge as one POST /v1/batch; each call's promise
 * settles with its own result (a value, a matrix with a header row, or a cell error).
 * Classic script: attaches KisAddin.BridgeClient to the global object (browser, Excel runtime, Node harness).
 */
(function (root) {
    'use strict';
    var NS = root.KisAddin = root.KisAddin || {};

    /** Excel passes null for omitted arguments, ranges as 2-D arrays; the bridge takes strings. */
    function toArg(a) {
        if (a === null || a === undefined) {
            return '';
        }
        if (Array.isArray(a)) {
            return a.flat(Infinity).filter(function (v) { return v !== null && v !== ''; }).map(toArg).join(',');
        }
        if (typeof a === 'boolean') {
            return a ? 'TRUE' : 'FALSE';
        }
        return String(a);
    }

    function toArgs(args) {
        var out = args.map(toArg);
        while (out.length > 0 && out[out.length - 1] === '') {
            out.pop();
        }
        return out;
    }

    /** A cell error: CustomFunctions.Error inside Excel, a plain Error elsewhere. */
    function cellError(kind, message) {
        var invalid = kind === 'bad_input' || kind === 'kis_input';
        var CF = root.CustomFunctions;
        if (CF && CF.Error && CF.ErrorCode) {
            return new CF.Error(invalid ? CF.ErrorCode.invalidValue : CF.ErrorCode.notAvailable, message);
        }
        var e = new Error((invalid ? '#VALUE! ' : '#N/A ') + message);
        e.kind = kind;
        return e;
    }

    function settle(entry, result) {
        if (!result || result.error) {
            var err = (result && result.error) || { kind: 'internal', message: 'no answer for this call' };
            entry.reject(cellError(err.kind, err.message || err.cell || 'error'));
        } else if (Object.prototype.hasOwnProperty.call(result, 'value')) {
            entry.resolve(result.value);
        } else if (result.columns) {
            entry.resolve([result.columns].concat(result.rows || []));
        } else {
            entry.reject(cellError('internal', 'unexpected answer from the bridge'));
        }
    }

    /**
     * @param {object} opts baseUrl ('' = same origin), windowMs (collection window, default 10),
     *                      maxBatch (flush early at this many calls, default 500), fetch (injectable)
     */
    function BridgeClient(opts) {
        opts = opts || {};
        this.baseUrl = opts.baseUrl || '';
        this.windowMs = opts.windowMs === undefined ? 10 : opts.windowMs;
        this.maxBatch = opts.maxBatch || 500;
        this.fetchFn = opts.fetch || root.fetch.bind(root);
        this.pending = [];
        this.timer = null;
        this.batchesSent = 0;
        this.callsSent = 0;
    }

    /** Queues FN(args...) (named: optional {name: value}); resolves with the cell value. */
    BridgeClient.prototype.call = function (fn, args, named) {
        var self = this;
        return new Promise(function (resolve, reject) {
            var call = { fn: fn, args: toArgs(args || []) };
            if (named) {
                call.named = named;
            }
            self.pending.push({ call: call, resolve: resolve, reject: reject });
            if (self.pending.length >= self.maxBatch) {
                self.flush();
            } else if (self.timer === null) {
                self.timer = setTimeout(function () { self.flush(); }, self.windowMs);
            }
        });
    };

    BridgeClient.prototype.flush = function () {
        if (this.timer !== null) {
            clearTimeout(this.timer);
            this.timer = null;
        }
        var batch = this.pending.splice(0);
        if (batch.length === 0) {
            return Promise.resolve();
        }
        this.batchesSent++;
        this.callsSent += batch.length;
        return this.fetchFn(this.baseUrl + '/v1/batch', {
            method: 'POST',
            headers: { 'Content-Type': 'application/json' },
            body: JSON.stringify({ calls: batch.map(function (b) { return b.call; }) })
        }).then(function (r) {
            if (!r.ok) {
                throw new Error('the bridge answered HTTP ' + r.status);
            }
            return r.json();
        }).then(function (body) {
            batch.forEach(function (b, i) { settle(b, body.results[i]); });
        }).catch(function (e) {
            batch.forEach(function (b) { b.reject(cellError('unreachable', 'bridge unreachable: ' + e.message)); });
        });
    };

    /** Where the bridge's pages keep the pasted bridge key (localStorage of the bridge's own origin). */
    NS.BRIDGE_KEY_STORAGE = 'kisbridge.bridgeKey';
    NS.BridgeClient = BridgeClient;
    NS.cellError = cellError;
})(typeof globalThis !== 'undefined' ? globalThis : this);
