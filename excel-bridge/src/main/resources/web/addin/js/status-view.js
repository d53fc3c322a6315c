/*
 * KIS Spreadsheet Bridge — the bridge's own status, shared by the dashboard (/) and the add-in's task pane: feed
 * state and reconnects, the 41-topic budget (and which topics fell back to polling), KIS calls per second against
 * the limit, cache hit rate, token age, recent failing calls, scripts (output and stop with the bridge key) and
 * whether trading is armed. Everything comes from GET /v1/status (no secret in it), polled every two seconds; a
 * bridge restart shows as "unreachable" until it answers again.
 */
(function (root) {
    'use strict';
    var NS = root.KisAddin = root.KisAddin || {};

    function el(doc, tag, attrs, text) {
        var e = doc.createElement(tag);
        Object.keys(attrs || {}).forEach(function (k) {
            if (k === 'className') {
                e.className = attrs[k];
            } else {
                e.setAttribute(k, attrs[k]);
            }
        });
        if (text !== undefined) {
            e.textContent = text;
        }
        return e;
    }

    function ago(seconds) {
        if (seconds < 120) {
            return seconds + ' s';
        }
        if (seconds < 7200) {
            return Math.round(seconds / 60) + ' min';
        }
        return (seconds / 3600).toFixed(1) + ' h';
    }

    function storedKey() {
        try {
            return root.localStorage.getItem(NS.BRIDGE_KEY_STORAGE) || '';
        } catch (e) {
            return '';
        }
    }

    /**
     * @param {Element} container where the view draws itself (emptied)
     * @param {object} opts fetch (injectable), intervalMs (default 2000), bridgeKey() (default: the saved key),
     *                      onStatus(status) after each successful poll
     */
    function StatusView(container, opts) {
        opts = opts || {};
        this.doc = container.ownerDocument || root.document;
        this.fetch = opts.fetch || root.fetch.bind(root);
        this.intervalMs = opts.intervalMs || 2000;
        this.bridgeKey = opts.bridgeKey || storedKey;
        this.onStatus = opts.onStatus || function () {};
        this.last = null;
        this.timer = null;
        this.build(container);
    }

    StatusView.prototype.build = function (c) {
        var d = this.doc;
        c.textContent = '';
        c.classList.add('status-view');
        var rows = [
            ['bridge', 'Bridge'], ['feed', 'Feed'], ['topics', 'Topics'], ['rate', 'KIS calls'],
            ['cache', 'Cache'], ['token', 'Token'], ['trading', 'Trading']
        ];
        var main = el(d, 'div', { className: 'sv-main' });
        var dl = el(d, 'dl', { className: 'sv-grid' });
        this.fields = {};
        rows.forEach(function (r) {
            dl.appendChild(el(d, 'dt', {}, r[1]));
            var dd = el(d, 'dd', { id: 'sv-' + r[0] }, '…');
            dl.appendChild(dd);
            this.fields[r[0]] = dd;
        }, this);
        main.appendChild(dl);
        this.rateBar = el(d, 'div', { className: 'sv-rate', id: 'sv-rate-bars', title: 'KIS calls per second, last 60 s' });
        main.appendChild(this.rateBar);
        this.pollingList = el(d, 'p', { className: 'note', id: 'sv-polling' });
        main.appendChild(this.pollingList);
        c.appendChild(main);
        var errorsBox = el(d, 'div', { className: 'sv-box' });
        errorsBox.appendChild(el(d, 'h3', {}, 'Recent errors'));
        this.errors = el(d, 'ul', { className: 'sv-errors', id: 'sv-errors' });
        errorsBox.appendChild(this.errors);
        c.appendChild(errorsBox);
        var scriptsBox = el(d, 'div', { className: 'sv-box' });
        scriptsBox.appendChild(el(d, 'h3', {}, 'Scripts'));
        this.scripts = el(d, 'ul', { className: 'sv-scripts', id: 'sv-scripts' });
        scriptsBox.appendChild(this.scripts);
        this.scriptNote = el(d, 'p', { className: 'note', id: 'sv-script-note' });
        scriptsBox.appendChild(this.scriptNote);
        c.appendChild(scriptsBox);
    };

    StatusView.prototype.start = function () {
        var self = this;
        this.refresh();
        this.timer = setInterval(function () { self.refresh(); }, this.intervalMs);
        return this;
    };

    StatusView.prototype.stop = function () {
        clearInterval(this.timer);
    };

    StatusView.prototype.refresh = function () {
        var self = this;
        return this.fetch('/v1/status', { cache: 'no-store' }).then(function (r) {
            if (!r.ok) {
                throw new Error('HTTP ' + r.status);
            }
            return r.json();
        }).then(function (s) {
            self.show(s);
            self.onStatus(s);
            return self.showScripts(s);
        }).catch(function (e) {
            self.fields.bridge.textContent = 'unreachable (' + e.message + ')';
            self.fields.bridge.dataset.state = 'error';
        });
    };

    StatusView.prototype.show = function (s) {
        var f = this.fields;
        this.last = s;
        f.bridge.textContent = 'ready (' + s.environment + ')';
        f.bridge.dataset.state = 'ok';
        f.feed.textContent = s.feed.state + (s.feed.reconnects ? ' · ' + s.feed.reconnects + ' reconnects' : '')
            + (s.feed.detail && s.feed.detail !== s.feed.state ? ' · ' + s.feed.detail : '');
        f.feed.dataset.state = s.feed.state;
        f.topics.textContent = s.topics.registrations + ' / ' + s.topics.budget + ' registrations · '
            + s.topics.list.length + ' topics' + (s.topics.polling.length ? ' · ' + s.topics.polling.length + ' polling' : '');
        f.topics.dataset.registrations = String(s.topics.registrations);
        this.pollingList.textContent = s.topics.polling.length || s.topics.overflow.length
            ? 'Over the budget: ' + s.topics.polling.concat(s.topics.overflow).join(', ') + ' (REST polling)'
            : '';
        var c = s.calls;
        f.rate.textContent = c.lastSecond + '/s now · peak ' + c.peakPerSecond + '/s · ' + c.lastMinute
            + ' in the last minute · limit ' + c.limitPerSecond + '/s';
        f.rate.dataset.lastMinute = String(c.lastMinute);
        f.rate.dataset.endSecond = String(c.endSecond);
        this.showRate(c);
        f.cache.textContent = Math.round(s.cache.hitRate * 100) + '% hits (' + s.cache.hits + ' hits, '
            + s.cache.loads + ' loads)';
        f.token.textContent = s.token.present
            ? 'issued ' + ago(s.token.ageSeconds) + ' ago · renews in ' + ago(s.token.renewsInSeconds)
            : 'none yet';
        f.trading.textContent = s.trading.armed ? 'ARMED' : 'disarmed';
        f.trading.dataset.state = s.trading.armed ? 'error' : 'ok';
        this.showErrors(s.errors);
    };

    /** The last 60 seconds as bars against the limit (CSS heights; no chart library needed for this). */
    StatusView.prototype.showRate = function (c) {
        var d = this.doc;
        var counts = c.perSecond.slice(-60);
        this.rateBar.textContent = '';
        counts.forEach(function (n) {
            var b = el(d, 'span', { title: n + ' calls' });
            b.style.height = Math.min(100, Math.round(100 * n / c.limitPerSecond)) + '%';
            if (n >= c.limitPerSecond) {
                b.className = 'full';
            }
            this.rateBar.appendChild(b);
        }, this);
    };

    StatusView.prototype.showErrors = function (errors) {
        var d = this.doc;
        this.errors.textContent = '';
        if (!errors.length) {
            this.errors.appendChild(el(d, 'li', { className: 'note' }, 'none'));
        }
        errors.slice(-8).reverse().forEach(function (e) {
            var li = el(d, 'li', {});
            li.appendChild(el(d, 'code', {}, e.call));
            li.appendChild(d.createTextNode(' → ' + e.cell + (e.count > 1 ? ' (×' + e.count + ')' : '')));
            this.errors.appendChild(li);
        }, this);
    };

    /** Names and states from /v1/status; output and the stop button need the bridge key (GET /v1/scripts). */
    StatusView.prototype.showScripts = function (s) {
        var self = this;
        var d = this.doc;
        var key = this.bridgeKey();
        if (!s.scripts.enabled) {
            this.scripts.textContent = '';
            this.scriptNote.textContent = 'this bridge runs no scripts';
            return Promise.resolve();
        }
        var detail = key
            ? this.fetch('/v1/scripts', { headers: { 'X-Bridge-Key': key } }).then(function (r) {
                return r.ok ? r.json() : { scripts: [], refused: r.status };
            }).catch(function () { return { scripts: [] }; })
            : Promise.resolve({ scripts: [], refused: 'no key' });
        return detail.then(function (withKey) {
            var byId = {};
            (withKey.scripts || []).forEach(function (r) { byId[r.id] = r; });
            self.scripts.textContent = '';
            s.scripts.runs.slice().reverse().forEach(function (run) {
                var li = el(d, 'li', { 'data-id': run.id, 'data-state': run.state });
                li.appendChild(el(d, 'strong', {}, run.name));
                li.appendChild(d.createTextNode(' ' + run.state + ' '));
                if (run.state === 'running' && key) {
                    var stop = el(d, 'button', { type: 'button', className: 'sv-stop' }, 'Stop');
                    stop.onclick = function () { self.stopScript(run.id, stop); };
                    li.appendChild(stop);
                }
                var full = byId[run.id];
                if (full && (full.output_tail || full.last_error)) {
                    li.appendChild(el(d, 'pre', { className: 'sv-output' },
                        (full.output_tail || '').replace(/\n+$/, '').split('\n').slice(-6).join('\n') + (full.last_error ? '\n' + full.last_error : '')));
                }
                self.scripts.appendChild(li);
            });
            self.scriptNote.textContent = !s.scripts.runs.length ? 'no scripts started'
                : withKey.refused === 403 ? 'the bridge key is old: paste the current one from bridge.key'
                    : !key ? 'paste the bridge key to see output and stop scripts' : '';
        });
    };

    StatusView.prototype.stopScript = function (id, button) {
        var self = this;
        button.disabled = true;
        return this.fetch('/v1/scripts/' + encodeURIComponent(id) + '/stop', {
            method: 'POST', headers: { 'X-Bridge-Key': this.bridgeKey(), 'Content-Type': 'application/json' }, body: '{}'
        }).then(function () { return self.refresh(); });
    };

    NS.StatusView = StatusView;
})(typeof globalThis !== 'undefined' ? globalThis : this);
