// Price alert: watches realtime trades of one stock and alerts once the price has moved PCT percent
// from the first trade seen. Usage: ./kisbridge script run samples/scripts/price_alert.js --env demo -- 005930 0.5
const code = args[0] || '005930';
const pct = Number(args[1] || '1');
let reference = null;

kis.on('trade', code, (t) => {
    if (reference === null) {
        reference = t.price;
        print(`watching ${code} from ${reference} for a ${pct}% move`);
        return;
    }
    const move = ((t.price - reference) / reference) * 100;
    if (Math.abs(move) >= pct) {
        const alert = {code, price: t.price, reference, movePct: Math.round(move * 100) / 100, time: t.time};
        print(`ALERT ${code} ${move > 0 ? 'up' : 'down'} ${alert.movePct}% to ${t.price}`);
        cells.publish(`alert.${code}`, alert);
        stop();
    }
});
print(`price now ${kis.price(code)}`);
