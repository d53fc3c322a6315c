# Rebalancing dry run: compares the account's holdings with target weights and prints the orders that
# would bring it there. It places no order. Targets as CODE=WEIGHT; the rest of the value stays cash.
# Usage: ./kisbridge script run samples/scripts/rebalance_dryrun.py --env demo -- 005930=0.4 000660=0.3
targets = {}
for a in (args or ["005930=0.4", "000660=0.3"]):
    code, weight = a.split("=")
    targets[code.strip()] = float(weight)
if sum(targets.values()) > 1.0:
    raise ValueError("target weights add up to more than 1")

balance = kis.balance()
held = {h["code"]: h for h in balance["holdings"] if h["quantity"] > 0}
total = balance["totalValue"]
print("account value %d, cash %d, %d holdings" % (total, balance["cashDeposit"], len(held)))

plan = []
for code in sorted(set(targets) | set(held)):
    price = held[code]["currentPrice"] if code in held and held[code]["currentPrice"] > 0 else kis.price(code)
    have = held[code]["quantity"] if code in held else 0
    want = int(total * targets.get(code, 0.0) // price)
    delta = want - have
    if delta != 0:
        plan.append({"code": code, "side": "buy" if delta > 0 else "sell", "quantity": abs(delta), "price": price,
                     "value": abs(delta) * price})

for p in plan:
    print("%-4s %s %6d x %d = %d" % (p["side"].upper(), p["code"], p["quantity"], p["price"], p["value"]))
print("%d orders, dry run: nothing was sent" % len(plan))
cells.publish("rebalance.plan", plan)
