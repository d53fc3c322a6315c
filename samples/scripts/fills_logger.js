// Fills logger: prints every order notice and fill of the account as it happens (realtime H0STCNI0) and
// publishes the latest fill. Runs until stopped, or until N fills when given.
// Usage: ./kisbridge script run samples/scripts/fills_logger.js --env demo --timeout 0 -- 5
const limit = Number(args[0] || '0');
let fills = 0;

kis.on('fills', (n) => {
    const what = n.rejected ? 'REJECTED' : n.fill ? 'FILL' : 'NOTICE';
    print(`${n.time} ${what} ${n.side} ${n.code} ${n.quantity} @ ${n.price} order ${n.orderNumber}`);
    if (n.fill) {
        fills++;
        cells.publish('fills.last', {code: n.code, side: n.side, quantity: n.quantity, price: n.price, time: n.time});
        if (limit > 0 && fills >= limit) {
            print(`${fills} fills logged`);
            stop();
        }
    }
});
print('logging fills' + (limit > 0 ? ` until ${limit}` : ''));
