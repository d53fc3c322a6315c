// Momentum screener: ranks stocks by their return over the last N trading days and writes the ranking to
// momentum.xlsx (sheet "Momentum", formatted) and momentum.csv in the output folder; publishes the leader
// (=KIS.SCRIPT("momentum.top") when run from the bridge).
// Usage: ./kisbridge script run samples/scripts/momentum_screener.js --env demo -- 20 005930 000660 035420
const lookback = Number(args[0] || '20');
const codes = args.length > 1 ? args.slice(1) : ['005930', '000660', '035420', '005380', '051910', '035720'];

const to = new Date();
const from = new Date(to.getTime() - (lookback * 2 + 20) * 24 * 3600 * 1000);
const day = (d) => d.toISOString().substring(0, 10);

const rows = [];
for (const code of codes) {
    const bars = kis.history(code, day(from), day(to), 'D');
    if (bars.length <= lookback) {
        print(`${code}: only ${bars.length} bars, skipped`);
        continue;
    }
    const last = bars[bars.length - 1];
    const base = bars[bars.length - 1 - lookback];
    const ret = (last.close / base.close - 1) * 100;
    rows.push({rank: 0, code, close: last.close, date: last.date, returnPct: Math.round(ret * 100) / 100});
}
rows.sort((a, b) => b.returnPct - a.returnPct);
rows.forEach((r, i) => { r.rank = i + 1; });

for (const r of rows) {
    print(`${String(r.rank).padStart(2)} ${r.code} ${String(r.returnPct).padStart(8)}% close ${r.close}`);
}
const book = workbook.write('momentum.xlsx', {Momentum: rows});
const file = files.writeCsv('momentum.csv', rows);
print(`wrote ${rows.length} rows to ${book} and ${file}`);
if (rows.length > 0) {
    cells.publish('momentum.top', rows[0].code);
}
