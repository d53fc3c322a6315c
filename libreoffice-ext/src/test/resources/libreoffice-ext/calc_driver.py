"""Drives a running headless soffice over UNO, one command per line on stdin, one JSON answer per line on stdout.

Usage: python3 calc_driver.py UNO_PORT
Commands (arguments separated by a tab):
  install OXT_PATH            add the extension to the user profile soffice runs on (ExtensionManager, scope user)
  new                         a new hidden Calc document (becomes the current one)
  load PATH                   load a document hidden, recalculating (becomes the current one)
  set CELL FORMULA            XCell.setFormula on the first sheet (CELL like A1)
  fill COL ROW_FROM ROW_TO FORMULA_WITH_{r}   setFormula on many cells of a column
  get CELL                    {"string":..,"value":..,"formula":..}
  wait CELL TEXT TIMEOUT_MS   poll every 5 ms until the cell's string is TEXT: {"ok":true,"at_ns":epoch ns seen}
  waitall COL ROW_FROM ROW_TO TIMEOUT_MS  until no cell of the range starts with "#N/A": {"ok":..,"elapsed_ms"}
  store PATH FILTER           storeToURL with a filter (calc8, Calc MS Excel 2007 XML, ...)
  recalc                      calculateAll()
  close                       close the current document
  quit                        terminate soffice and exit
Polling never calls calculate: a changing cell proves the add-in pushed its value.
"""
import json
import sys
import time

import uno
import unohelper
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException
from com.sun.star.task import XInteractionHandler
from com.sun.star.ucb import XCommandEnvironment, XProgressHandler


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


class Quiet(unohelper.Base, XCommandEnvironment, XInteractionHandler, XProgressHandler):
    """Approves whatever the extension manager asks (licence, dependencies) and shows no progress."""

    def getInteractionHandler(self):
        return self

    def getProgressHandler(self):
        return self

    def handle(self, request):
        approve = uno.getTypeByName("com.sun.star.task.XInteractionApprove")
        conts = request.getContinuations()
        for c in conts:
            if c.queryInterface(approve) is not None:
                c.select()
                return
        if conts:
            conts[0].select()

    def push(self, status):
        pass

    def update(self, status):
        pass

    def pop(self):
        pass


def connect(port, deadline):
    local = uno.getComponentContext()
    resolver = local.ServiceManager.createInstanceWithContext("com.sun.star.bridge.UnoUrlResolver", local)
    url = "uno:socket,host=127.0.0.1,port=%d;urp;StarOffice.ComponentContext" % port
    while True:
        try:
            return resolver.resolve(url)
        except NoConnectException:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.25)


def cell(doc, name):
    return doc.Sheets.getByIndex(0).getCellRangeByName(name)


def main():
    ctx = connect(int(sys.argv[1]), time.monotonic() + 90)
    smgr = ctx.ServiceManager
    desktop = smgr.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    doc = None
    out = sys.stdout
    for line in sys.stdin:
        parts = line.rstrip("\n").split("\t")
        cmd, args = parts[0], parts[1:]
        try:
            if cmd == "install":
                mgr = ctx.getValueByName("/singletons/com.sun.star.deployment.ExtensionManager")
                ext = mgr.addExtension(uno.systemPathToFileUrl(args[0]), (), "user", mgr.createAbortChannel(), Quiet())
                answer = {"ok": True, "identifier": ext.getIdentifier().Value}
            elif cmd == "new":
                doc = desktop.loadComponentFromURL("private:factory/scalc", "_blank", 0, (prop("Hidden", True),))
                answer = {"ok": True}
            elif cmd == "load":
                doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(args[0]), "_blank", 0,
                                                   (prop("Hidden", True), prop("UpdateDocMode", 3)))
                answer = {"ok": True}
            elif cmd == "set":
                cell(doc, args[0]).setFormula(args[1])
                answer = {"ok": True}
            elif cmd == "fill":
                col, lo, hi, f = args[0], int(args[1]), int(args[2]), args[3]
                for r in range(lo, hi + 1):
                    cell(doc, "%s%d" % (col, r)).setFormula(f.replace("{r}", str(r)))
                answer = {"ok": True}
            elif cmd == "get":
                c = cell(doc, args[0])
                answer = {"ok": True, "string": c.getString(), "value": c.getValue(), "formula": c.getFormula()}
            elif cmd == "wait":
                c, want, deadline = cell(doc, args[0]), args[1], time.monotonic() + int(args[2]) / 1000.0
                while True:
                    s = c.getString()
                    if s == want:
                        answer = {"ok": True, "at_ns": time.time_ns(), "string": s}
                        break
                    if time.monotonic() > deadline:
                        answer = {"ok": False, "string": s}
                        break
                    time.sleep(0.005)
            elif cmd == "waitall":
                col, lo, hi = args[0], int(args[1]), int(args[2])
                start, deadline = time.monotonic(), time.monotonic() + int(args[3]) / 1000.0
                rng = doc.Sheets.getByIndex(0).getCellRangeByName("%s%d:%s%d" % (col, lo, col, hi))
                while True:
                    strings = [row[0] for row in rng.getDataArray()]
                    pending = [s for s in strings if str(s).startswith("#N/A")]
                    if not pending:
                        answer = {"ok": True, "elapsed_ms": (time.monotonic() - start) * 1000.0,
                                  "values": strings}
                        break
                    if time.monotonic() > deadline:
                        answer = {"ok": False, "pending": len(pending), "sample": str(pending[0])}
                        break
                    time.sleep(0.01)
            elif cmd == "store":
                doc.storeToURL(uno.systemPathToFileUrl(args[0]), (prop("FilterName", args[1]),))
                answer = {"ok": True}
            elif cmd == "recalc":
                doc.calculateAll()
                answer = {"ok": True}
            elif cmd == "close":
                doc.close(True)
                doc = None
                answer = {"ok": True}
            elif cmd == "quit":
                try:
                    desktop.terminate()
                except Exception:  # soffice closing the bridge under us is the normal outcome
                    pass
                out.write(json.dumps({"ok": True}) + "\n")
                out.flush()
                return
            else:
                answer = {"ok": False, "error": "unknown command " + cmd}
        except Exception as e:  # report and keep going: the Java test decides
            answer = {"ok": False, "error": "%s: %s" % (type(e).__name__, e)}
        out.write(json.dumps(answer) + "\n")
        out.flush()


if __name__ == "__main__":
    main()
