'use strict';
/*
 * Drives the shipped task pane (taskpane.html's element ids + /addin/js/taskpane.js, both fetched from a live
 * bridge) in Node with a minimal DOM stub and a stubbed Office global, step by step under TaskPaneNodeIT:
 * after each step it prints one line "STEP {json}" (what the pane shows) and waits for a line on stdin,
 * so the Java side can check the bridge and the simulator between steps.
 * Usage: node taskpane-harness.js http://127.0.0.1:PORT BRIDGE_KEY
 */
const vm = require('node:vm');
const readline = require('node:readline');

const [base, pastedKey] = process.argv.slice(2);
if (!base || !pastedKey) {
    console.error('usage: taskpane-harness.js <bridge base URL> <bridge key>');
    process.exit(2);
}

const lines = readline.createInterface({ input: process.stdin })[Symbol.asyncIterator]();
async function step(name, data) {
    console.log('STEP ' + JSON.stringify(Object.assign({ step: name }, data)));
    const next = await lines.next();
    if (next.done) {
        process.exit(3);
    }
}

async function until(predicate, timeoutMs) {
    const end = Date.now() + (timeoutMs || 15000);
    while (Date.now() < end && !predicate()) {
        await new Promise((r) => setTimeout(r, 25));
    }
}

// ---- a minimal DOM: one element per id in the shipped taskpane.html ----
function element(id, tag, value) {
    const listeners = {};
    const el = {
        id, tagName: tag, value: value || '', textContent: '', disabled: false, dataset: {}, onclick: null,
        addEventListener(type, fn) { (listeners[type] = listeners[type] || []).push(fn); },
        dispatch(type) {
            const ev = { type, defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
            (listeners[type] || []).forEach((fn) => fn.call(el, ev));
            return ev;
        },
        // as in a browser: a disabled button ignores clicks; a submit button submits its form
        click() {
            if (el.disabled) {
                return;
            }
            if (el.onclick) {
                el.onclick({ preventDefault() {} });
            }
            el.dispatch('click');
            if (el.type === 'submit') {
                elements.ticket.dispatch('submit');
            }
        }
    };
    return el;
}
const elements = {};
const docListeners = {};
globalThis.document = {
    getElementById: (id) => elements[id] || null,
    addEventListener(type, fn) { (docListeners[type] = docListeners[type] || []).push(fn); }
};
const store = new Map();
globalThis.localStorage = {
    getItem: (k) => (store.has(k) ? store.get(k) : null),
    setItem: (k, v) => store.set(k, String(v)),
    removeItem: (k) => store.delete(k)
};
// Same-origin relative fetches as in the page; records every Idempotency-Key the pane sends.
const sentIdempotencyKeys = [];
const nodeFetch = globalThis.fetch;
globalThis.fetch = (path, init) => {
    const h = (init && init.headers) || {};
    if (h['Idempotency-Key'] !== undefined) {
        sentIdempotencyKeys.push(h['Idempotency-Key']);
    }
    return nodeFetch(base + path, init);
};
// Inside Excel, Office.onReady calls back once Office.js is ready.
globalThis.Office = { onReady: (cb) => Promise.resolve().then(cb) };

function pane() {
    const t = (id) => elements[id].textContent;
    return {
        bridgeStatus: t('bridge-status'), bridgeState: elements['bridge-status'].dataset.state || '',
        keyStatus: t('key-status'), tradingState: t('trading-state'), result: t('t-result'),
        submitDisabled: elements['t-submit'].disabled, storedKey: localStorage.getItem('kisbridge.bridgeKey'),
        idempotencyKeys: sentIdempotencyKeys.slice()
    };
}

async function main() {
    const html = await (await nodeFetch(base + '/addin/taskpane.html')).text();
    const tagRe = /<(\w+)([^>]*\bid="([^"]+)"[^>]*)>/g;
    let m;
    while ((m = tagRe.exec(html)) !== null) {
        const value = /\bvalue="([^"]*)"/.exec(m[2]);
        const type = /\btype="([^"]*)"/.exec(m[2]);
        const el = element(m[3], m[1].toUpperCase(), value ? value[1] : '');
        el.type = type ? type[1] : '';
        if (el.tagName === 'SELECT') {
            el.value = (/<option value="([^"]*)"/.exec(html.slice(m.index)) || [])[1] || '';
        }
        elements[m[3]] = el;
    }
    for (const id of ['bridge-status', 'bridge-key', 'save-key', 'arm', 'disarm', 'ticket', 't-code', 't-side',
        't-qty', 't-price', 't-submit', 't-result', 'trading-state']) {
        if (!elements[id]) {
            throw new Error('taskpane.html has no element #' + id);
        }
    }
    for (const name of ['bridge-client.js', 'streaming.js', 'functions.js', 'taskpane.js']) {
        const r = await nodeFetch(base + '/addin/js/' + name);
        if (r.status !== 200) {
            throw new Error('/addin/js/' + name + ': HTTP ' + r.status);
        }
        // as in the page, bridge-client.js defines KisAddin before taskpane.js; streaming.js and functions.js
        // need the CustomFunctions runtime (AddinNodeHarnessIT drives them), the pane does not
        if (name === 'bridge-client.js' || name === 'taskpane.js') {
            vm.runInThisContext(await r.text(), { filename: name });
        }
    }
    (docListeners.DOMContentLoaded || []).forEach((fn) => fn());

    await until(() => elements['bridge-status'].dataset.state && elements['trading-state'].textContent !== '');
    await step('connected', pane());

    elements['bridge-key'].value = pastedKey; // paste, save, arm
    elements['save-key'].click();
    elements.arm.click();
    await until(() => elements['trading-state'].textContent === 'ARMED');
    await step('armed', pane());

    elements['t-submit'].click();
    await until(() => elements['t-result'].textContent !== '' && !elements['t-submit'].disabled);
    await step('submitted', pane());

    elements['t-result'].textContent = '';
    elements['t-submit'].click(); // a double click
    elements['t-submit'].click();
    await until(() => elements['t-result'].textContent !== '' && !elements['t-submit'].disabled);
    await new Promise((r) => setTimeout(r, 500)); // give a second submission, if any, time to reach the bridge
    await step('doubleClicked', pane());

    elements.disarm.click();
    await until(() => elements['trading-state'].textContent === 'disarmed');
    elements['t-result'].textContent = '';
    elements['t-submit'].click();
    await until(() => elements['t-result'].textContent !== '' && !elements['t-submit'].disabled);
    await step('refused', pane());
    process.exit(0);
}

main().catch((e) => {
    console.log('FAILED ' + (e && e.stack || e));
    process.exit(1);
});
