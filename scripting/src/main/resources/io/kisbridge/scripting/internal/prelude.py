# The host API as native Python: every host answer is JSON text parsed here into dicts and lists.
import json as _json


class KisError(Exception):
    pass


def _kisbridge_install(h):
    def r(s):
        s = str(s)
        if s and s[0] == "\0":
            raise KisError(s[1:])
        return _json.loads(s)

    def t(v):
        return "" if v is None else str(v)

    def n(v):
        return 0.0 if v is None else float(v)

    class _Api:
        pass

    class _Kis:
        def price(self, code):
            return r(h.price(t(code)))

        def quote(self, code):
            return r(h.quote(t(code)))

        def history(self, code, start=None, end=None, period=None):
            return r(h.history(t(code), t(start), t(end), t(period)))

        def minutes(self, code, up_to=None):
            return r(h.minutes(t(code), t(up_to)))

        def balance(self):
            return r(h.balance())

        def cash(self):
            return r(h.cash())

        def executions(self, start=None, end=None):
            return r(h.executions(t(start), t(end)))

        def buyable(self, code, price=0):
            return r(h.buyable(t(code), n(price)))

        def sellable(self, code):
            return r(h.sellable(t(code)))

        def call(self, api, params=None):
            return r(h.call(t(api), _json.dumps(params or {})))

        def catalog(self):
            return r(h.catalog())

        def buy(self, code, qty, price=0, key=None):
            return r(h.order("buy", t(code), n(qty), n(price), t(key)))

        def sell(self, code, qty, price=0, key=None):
            return r(h.order("sell", t(code), n(qty), n(price), t(key)))

        def on(self, kind, code, fn=None):
            if fn is None and callable(code):
                fn, code = code, ""
            if not callable(fn):
                raise KisError("kis.on(kind, code, fn) needs a function")
            return r(h.on(t(kind), t(code), lambda j: fn(_json.loads(j))))

        def off(self, sub_id):
            h.cancel(t(sub_id))

    kis = _Kis()
    api = _Api()
    # One function per catalog API: kis.api.inquire_price({...}) == kis.call("inquire-price", {...})
    for name in str(h.apiNames()).split("\n"):
        setattr(api, name.replace("-", "_"), (lambda name: lambda params=None: kis.call(name, params))(name))
    kis.api = api

    class _Cells:
        def publish(self, name, value):
            r(h.publish(t(name), _json.dumps(value)))

    class _Files:
        def write_csv(self, name, rows):
            return r(h.writeCsv(t(name), _json.dumps(rows)))

        writeCsv = write_csv

    class _Workbook:
        def write(self, name, sheets):
            return r(h.writeWorkbook(t(name), _json.dumps(sheets or {})))

        def read(self, name, sheet=None):
            return r(h.readWorkbook(t(name), t(sheet)))

    def every(spec, fn):
        return r(h.every(t(spec), lambda: fn()))

    def after(spec, fn):
        return r(h.after(t(spec), lambda: fn()))

    def cancel(timer_id):
        h.cancel(t(timer_id))

    def stop():
        h.stop()

    import builtins
    for key, value in (("kis", kis), ("cells", _Cells()), ("files", _Files()), ("workbook", _Workbook()), ("every", every), ("after", after),
                       ("cancel", cancel), ("stop", stop), ("args", []), ("KisError", KisError)):
        setattr(builtins, key, value)

    def bind_args():
        builtins.args = list(r(h.args()))

    # The host calls this once the run is bound to the context (contexts may be prepared ahead of their run).
    return bind_args


# The host calls this with its API object; it puts the names into builtins, visible to the script.
_kisbridge_install
