# Momentum screener: ranks stocks by their return over the last N trading days, writes the ranking to
# momentum_py.xlsx (sheet "Momentum") in the output folder, reads it back and publishes the leader.
# Usage: ./kisbridge script run samples/scripts/momentum_screener.py --env demo -- 20 005930 000660 035420
import datetime

lookback = int(args[0]) if len(args) > 0 else 20
codes = args[1:] if len(args) > 1 else ["005930", "000660", "035420", "005380", "051910", "035720"]

to = datetime.date.today()
start = to - datetime.timedelta(days=lookback * 2 + 20)

rows = []
for code in codes:
    bars = kis.history(code, start.isoformat(), to.isoformat(), "D")
    if len(bars) <= lookback:
        print("%s: only %d bars, skipped" % (code, len(bars)))
        continue
    last = bars[-1]
    base = bars[-1 - lookback]
    ret = (last["close"] / base["close"] - 1) * 100
    rows.append({"rank": 0, "code": code, "close": last["close"], "date": last["date"], "returnPct": round(ret, 2)})

rows.sort(key=lambda r: r["returnPct"], reverse=True)
for i, r in enumerate(rows):
    r["rank"] = i + 1
    print("%2d %s %8.2f%% close %d" % (r["rank"], r["code"], r["returnPct"], r["close"]))

book = workbook.write("momentum_py.xlsx", {"Momentum": rows})
again = workbook.read("momentum_py.xlsx", "Momentum")
print("wrote %d rows to %s, read back %d" % (len(rows), book, len(again)))
if again:
    cells.publish("momentum.top", again[0]["code"])
