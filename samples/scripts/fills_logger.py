# Fills logger: prints every order notice and fill of the account as it happens (realtime H0STCNI0), publishes
# the latest fill and keeps the day's fills in fills.xlsx. Runs until stopped, or until N fills when given.
# Usage: ./kisbridge script run samples/scripts/fills_logger.py --env demo --timeout 0 -- 5
limit = int(args[0]) if len(args) > 0 else 0
fills = []


def on_notice(n):
    what = "REJECTED" if n["rejected"] else "FILL" if n["fill"] else "NOTICE"
    print("%s %s %s %s %s @ %s order %s" % (n["time"], what, n["side"], n["code"], n["quantity"], n["price"],
                                           n["orderNumber"]))
    if not n["fill"]:
        return
    fill = {"time": n["time"], "code": n["code"], "side": n["side"], "quantity": n["quantity"], "price": n["price"],
            "order": n["orderNumber"]}
    fills.append(fill)
    cells.publish("fills.last", fill)
    workbook.write("fills.xlsx", {"Fills": fills})
    if 0 < limit <= len(fills):
        print("%d fills logged" % len(fills))
        stop()


kis.on("fills", on_notice)
print("logging fills" + (" until %d" % limit if limit > 0 else ""))
