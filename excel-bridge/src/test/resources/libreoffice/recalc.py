"""Loads a workbook in a running headless soffice, recalculates it (WEBSERVICE included) and stores it as CSV.

Usage: python3 recalc.py UNO_PORT INPUT_FILE OUTPUT_CSV
Connects to soffice --accept="socket,host=127.0.0.1,port=UNO_PORT;urp;" (retrying while it starts), loads the
document hidden with UpdateDocMode=3 (FULL_UPDATE: external content is fetched), calls calculateAll(), stores the
first sheet as CSV (values as shown), prints the cells of the first sheet, and terminates soffice.
See /work/shared/libreoffice-headless.md for why a plain --convert-to does not work.
"""
import sys
import time

import uno
from com.sun.star.beans import PropertyValue
from com.sun.star.connection import NoConnectException


def prop(name, value):
    p = PropertyValue()
    p.Name = name
    p.Value = value
    return p


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


def main():
    port, source, target = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    ctx = connect(port, time.monotonic() + 60)
    desktop = ctx.ServiceManager.createInstanceWithContext("com.sun.star.frame.Desktop", ctx)
    try:
        doc = desktop.loadComponentFromURL(uno.systemPathToFileUrl(source), "_blank", 0,
                                           (prop("Hidden", True), prop("UpdateDocMode", 3)))
        doc.calculateAll()
        sheet = doc.Sheets.getByIndex(0)
        used = sheet.createCursor()
        used.gotoEndOfUsedArea(False)
        for row in range(used.RangeAddress.EndRow + 1):
            cells = [sheet.getCellByPosition(col, row).String for col in range(used.RangeAddress.EndColumn + 1)]
            print("row %d: %s" % (row + 1, " | ".join(cells)))
        doc.storeToURL(uno.systemPathToFileUrl(target),
                       (prop("FilterName", "Text - txt - csv (StarCalc)"), prop("FilterOptions", "44,34,76,1")))
        doc.close(True)
    finally:
        try:
            desktop.terminate()
        except Exception:  # soffice closing the bridge under us is the normal outcome
            pass


if __name__ == "__main__":
    main()
