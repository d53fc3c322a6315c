# Price alert: watches realtime trades of one stock and alerts once the price has moved PCT percent
# from the first trade seen. Usage: ./kisbridge script run samples/scripts/price_alert.py --env demo -- 005930 0.5
code = args[0] if len(args) > 0 else "005930"
pct = float(args[1]) if len(args) > 1 else 1.0
state = {"reference": None}


def on_trade(t):
    if state["reference"] is None:
        state["reference"] = t["price"]
        print("watching %s from %d for a %s%% move" % (code, t["price"], pct))
        return
    reference = state["reference"]
    move = (t["price"] - reference) / reference * 100
    if abs(move) >= pct:
        alert = {"code": code, "price": t["price"], "reference": reference, "movePct": round(move, 2), "time": t["time"]}
        print("ALERT %s %s %s%% to %d" % (code, "up" if move > 0 else "down", alert["movePct"], t["price"]))
        cells.publish("alert." + code, alert)
        stop()


kis.on("trade", code, on_trade)
print("price now %d" % kis.price(code))
