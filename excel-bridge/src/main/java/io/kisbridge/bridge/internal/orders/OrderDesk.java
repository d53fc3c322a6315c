package io.kisbridge.bridge.internal.orders;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.OrderLimits;
import io.kisbridge.bridge.internal.ErrorMapping;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.OrderResult;
import io.kisbridge.core.OrderSide;
import io.kisbridge.core.OrderType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;

/**
 * The only way orders leave the bridge: armed trading, per-order and per-day limits, and an idempotency store so
 * one Idempotency-Key never produces a second order — not even when the duplicates arrive concurrently (they wait
 * for the first and get its answer). Keys are persisted ({@link IdempotencyStore}) before anything is sent, so a
 * restarted bridge answers a used key from the file instead of ordering again; the day's order count and amount are
 * rebuilt from it too.
 */
public final class OrderDesk {
    /** What an order request asked for; compared to detect a reused key with a different body. */
    public record Ticket(String action, String code, String side, long qty, long price, String branch, String orderNo) {
    }

    /** The answer given for a key (replayed verbatim for duplicates). */
    public record Outcome(Ticket ticket, OrderResult result) {
    }

    /** The outcome and whether it is a replay of an earlier request with the same key. */
    public record Submission(Outcome outcome, boolean replayed) {
    }

    private record Slot(Ticket ticket, CompletableFuture<Outcome> outcome) {
    }

    private final KisClient client;
    private final OrderLimits limits;
    private final ToLongFunction<String> currentPrice;
    private final AtomicBoolean armed;
    private final Runnable afterSend;
    private final Map<String, Slot> byKey = new ConcurrentHashMap<>();
    private final IdempotencyStore store;
    private LocalDate day;
    private long ordersToday;
    private long amountToday;

    /** {@code afterSend} runs after anything was sent to KIS (cached account data is stale then). */
    public OrderDesk(KisClient client, OrderLimits limits, boolean armed, ToLongFunction<String> currentPrice,
                     Runnable afterSend, Path stateDir) {
        this.client = client;
        this.store = IdempotencyStore.open(stateDir, client.config().clock());
        this.afterSend = afterSend;
        this.limits = limits;
        this.armed = new AtomicBoolean(armed);
        this.currentPrice = currentPrice;
        restore();
    }

    /** Keys used before a restart answer as they did (or refuse, when the outcome was never recorded). */
    private void restore() {
        LocalDate today = today();
        for (IdempotencyStore.Entry e : store.entries()) {
            if (e.ticket() == null) {
                continue;
            }
            CompletableFuture<Outcome> f = new CompletableFuture<>();
            switch (e.state()) {
                case DONE -> f.complete(new Outcome(e.ticket(), e.result()));
                case FAILED -> f.completeExceptionally(BridgeException.forbidden("Idempotency-Key " + e.key()
                        + " was used before the bridge restarted and that request failed (" + e.error()
                        + "); use a new key to try again"));
                case PENDING -> f.completeExceptionally(BridgeException.forbidden("Idempotency-Key " + e.key()
                        + " was used before the bridge stopped and the request may have reached KIS, but its outcome"
                        + " was not recorded: check EXECUTIONS before ordering again with a new key"));
            }
            byKey.put(e.key(), new Slot(e.ticket(), f));
            boolean counts = e.state() != IdempotencyStore.State.FAILED && !"cancel".equals(e.ticket().action());
            if (counts && LocalDate.ofInstant(e.at(), KisClient.KST).equals(today)) {
                day = today;
                ordersToday++;
                amountToday += e.amount();
            }
        }
    }

    /** The idempotency file (for tests and the README). */
    public Path storeFile() {
        return store.file();
    }

    public boolean armed() {
        return armed.get();
    }

    public void arm(boolean on) {
        armed.set(on);
    }

    public Submission submit(String idempotencyKey, Ticket ticket) {
        if (idempotencyKey == null || idempotencyKey.isBlank() || idempotencyKey.length() > 200) {
            throw BridgeException.badInput("an Idempotency-Key header (1-200 characters) is required for orders");
        }
        Slot mine = new Slot(ticket, new CompletableFuture<>());
        Slot existing = byKey.putIfAbsent(idempotencyKey, mine);
        if (existing != null) {
            if (!existing.ticket().equals(ticket)) {
                throw new BridgeException(BridgeException.Kind.BAD_INPUT, "Idempotency-Key " + idempotencyKey
                        + " was already used for a different order");
            }
            return new Submission(join(existing.outcome()), true);
        }
        try {
            Outcome o;
            try {
                o = new Outcome(ticket, execute(idempotencyKey, ticket));
            } finally {
                afterSend.run();
            }
            store.done(idempotencyKey, o.result());
            mine.outcome().complete(o);
            return new Submission(o, false);
        } catch (RuntimeException e) {
            // A refusal before sending is not an order: forget the key so a corrected retry can use it.
            if (e instanceof BridgeException) {
                store.released(idempotencyKey);
                byKey.remove(idempotencyKey, mine);
            } else {
                store.failed(idempotencyKey, ticket, ErrorMapping.map(e).cellText());
            }
            mine.outcome().completeExceptionally(e);
            throw e;
        }
    }

    private OrderResult execute(String key, Ticket t) {
        if (!armed.get()) {
            throw BridgeException.forbidden("trading is not armed: start the bridge with --trading or arm it in the"
                    + " add-in's task pane");
        }
        return switch (t.action()) {
            case "order" -> place(key, t);
            case "cancel" -> {
                // never limited: a cancel only lowers exposure, and a limit must not keep one from getting out
                recordPending(key, t, 0, () -> { });
                yield client.cancelOrder(t.branch(), t.orderNo());
            }
            case "modify" -> modify(key, t);
            default -> throw BridgeException.badInput("unknown order action " + t.action());
        };
    }

    /**
     * A modify counts as an order of the day; its amount counts when known (a limit price and a quantity; qty 0 means
     * "the whole remainder" and a market modify has no price, so those count as 0 KRW).
     */
    private OrderResult modify(String key, Ticket t) {
        if (t.qty() < 0 || t.price() < 0) {
            throw BridgeException.badInput("qty and price must not be negative");
        }
        if (t.qty() > limits.maxQuantityPerOrder()) {
            throw limit("qty " + t.qty() + " exceeds the per-order limit of " + limits.maxQuantityPerOrder());
        }
        long amount = amount(t.price(), t.qty());
        if (amount > limits.maxAmountPerOrder()) {
            throw limit("amount " + amount + " KRW exceeds the per-order limit of " + limits.maxAmountPerOrder());
        }
        reserve(amount);
        recordPending(key, t, amount, () -> release(amount));
        try {
            return client.modifyOrder(t.branch(), t.orderNo(), t.price() > 0 ? OrderType.LIMIT : OrderType.MARKET,
                    t.qty(), t.price());
        } catch (io.kisbridge.core.KisInvalidRequestException e) {
            release(amount);
            throw e;
        }
    }

    /** Persists the key before anything is sent; if that fails, nothing is sent. */
    private void recordPending(String key, Ticket t, long amount, Runnable undo) {
        try {
            store.pending(key, t, amount);
        } catch (java.io.IOException e) {
            undo.run();
            throw BridgeException.notAvailable("cannot record the Idempotency-Key in " + store.file()
                    + " (" + e.getMessage() + "); nothing was sent");
        }
    }

    private OrderResult place(String key, Ticket t) {
        OrderSide side = switch (t.side().toLowerCase(Locale.ROOT)) {
            case "buy" -> OrderSide.BUY;
            case "sell" -> OrderSide.SELL;
            default -> throw BridgeException.badInput("side must be buy or sell; got '" + t.side() + "'");
        };
        if (t.qty() <= 0) {
            throw BridgeException.badInput("qty must be a positive number of shares");
        }
        if (t.price() < 0) {
            throw BridgeException.badInput("price must be 0 (market) or a positive limit price");
        }
        if (t.qty() > limits.maxQuantityPerOrder()) {
            throw limit("qty " + t.qty() + " exceeds the per-order limit of " + limits.maxQuantityPerOrder());
        }
        long unit = t.price() > 0 ? t.price() : currentPrice.applyAsLong(t.code());
        long amount = amount(unit, t.qty());
        if (amount > limits.maxAmountPerOrder()) {
            throw limit("amount " + amount + " KRW exceeds the per-order limit of " + limits.maxAmountPerOrder());
        }
        reserve(amount);
        recordPending(key, t, amount, () -> release(amount));
        try {
            return client.placeOrder(side, t.code(), t.qty(), t.price() > 0 ? OrderType.LIMIT : OrderType.MARKET,
                    t.price());
        } catch (io.kisbridge.core.KisInvalidRequestException e) {
            release(amount);
            throw e;
        }
    }

    private LocalDate today() {
        return LocalDate.now(client.config().clock().withZone(KisClient.KST));
    }

    private synchronized void reserve(long amount) {
        LocalDate today = today();
        if (!today.equals(day)) {
            day = today;
            ordersToday = 0;
            amountToday = 0;
        }
        if (ordersToday + 1 > limits.maxOrdersPerDay()) {
            throw limit("the daily limit of " + limits.maxOrdersPerDay() + " orders is reached");
        }
        if (amountToday + amount > limits.maxAmountPerDay()) {
            throw limit("the daily amount limit of " + limits.maxAmountPerDay() + " KRW would be exceeded");
        }
        ordersToday++;
        amountToday += amount;
    }

    private synchronized void release(long amount) {
        ordersToday--;
        amountToday -= amount;
    }

    /** price × qty; a product past {@code long} is over any limit (refused as such, not an internal error). */
    private long amount(long price, long qty) {
        try {
            return Math.multiplyExact(price, qty);
        } catch (ArithmeticException overflow) {
            throw limit("amount " + price + " x " + qty + " KRW exceeds the per-order limit of "
                    + limits.maxAmountPerOrder());
        }
    }

    private static BridgeException limit(String message) {
        return BridgeException.badInput("order limit: " + message);
    }

    private static Outcome join(CompletableFuture<Outcome> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException re ? re : e;
        }
    }
}
