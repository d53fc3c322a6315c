/*
 * KIS Spreadsheet Bridge — registers every KIS.* custom function with Excel (CustomFunctions.associate).
 * Point and table functions go through the batching BridgeClient (POST /v1/batch); STREAM, BOOK and FILLS
 * through the shared StreamManager (/v1/stream). The ids match /addin/functions.json, which the bridge generates
 * from its function set (a test checks both lists are the same).
 * Needs bridge-client.js and streaming.js loaded first.
 */
(function (root) {
    'use strict';
    var NS = root.KisAddin = root.KisAddin || {};

    var BATCHED = [
        'PRICE', 'QUOTE', 'INFO', 'SELLABLE', 'BUYABLE', 'CASH', 'MARGIN', 'QUOTES', 'HISTORY', 'MINUTES',
        'BALANCE', 'EXECUTIONS', 'CONDITIONS', 'CONDITION', 'WATCHGROUPS', 'WATCHLIST', 'HOLIDAY', 'RANK',
        'OPINION', 'FLOW', 'VOLUME', 'FIN', 'CALL'
    ];

    function isInvocation(a) {
        return a !== null && typeof a === 'object' && !Array.isArray(a)
            && ('setResult' in a || 'onCanceled' in a || 'address' in a || 'functionName' in a);
    }

    /** Builds the function table and associates it; returns {client, stream, functions}. */
    function register(opts) {
        opts = opts || {};
        var client = opts.client || new NS.BridgeClient({ baseUrl: opts.baseUrl || '' });
        var stream = opts.stream || new NS.StreamManager({ url: opts.streamUrl });
        var functions = {};
        BATCHED.forEach(function (name) {
            functions[name] = function () {
                var args = Array.prototype.slice.call(arguments).filter(function (a) { return !isInvocation(a); });
                return client.call(name, args);
            };
        });
        var live = NS.streamingFunctions(stream);
        Object.keys(live).forEach(function (name) { functions[name] = live[name]; });
        Object.keys(functions).forEach(function (id) { root.CustomFunctions.associate(id, functions[id]); });
        NS.runtime = { client: client, stream: stream, functions: functions };
        return NS.runtime;
    }

    NS.BATCHED_FUNCTIONS = BATCHED;
    NS.registerFunctions = register;

    // Inside Excel (or any page that defines CustomFunctions) register right away, same origin as the bridge.
    if (root.CustomFunctions && typeof root.CustomFunctions.associate === 'function' && !root.KIS_ADDIN_MANUAL) {
        register({});
    }
})(typeof globalThis !== 'undefined' ? globalThis : this);
