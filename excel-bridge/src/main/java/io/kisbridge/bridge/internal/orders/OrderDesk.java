package io.kisbridge.bridge.internal.orders;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.OrderLimits;
import io.kisbridge.core.KisClient;
import io.kisbridge.core.OrderResult;
import io.kisbridge.core.OrderSide;
import io.kisbridge.core.OrderType;
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
 * for the first and get its answer). The store is in memory: it lives as long as the bridge process.
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
    private LocalDate day;
    private long ordersToday;
    private long amountToday;

    /** {@code afterSend} runs after anything was sent to KIS (cached account data is stale then). */
    public OrderDesk(KisClient client, OrderLimits limits, boolean armed, ToLongFunction<String> currentPrice,
                     Runnable afterSend) {
        this.client = client;
        this.afterSend = afterSend;
        this.limits = limits;
        this.armed = new AtomicBoolean(armed);
        this.currentPrice = currentPrice;
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
                o = new Outcome(ticket, execute(ticket));
            } finally {
                afterSend.run();
            }
            mine.outcome().complete(o);
            return new Submission(o, false);
        } catch (RuntimeException e) {
            // A refusal before sending is not an order: forget the key so a corrected retry can use it.
            if (e instanceof BridgeException) {
                byKey.remove(idempotencyKey, mine);
            }
            mine.outcome().completeExceptionally(e);
            throw e;
        }
    }

    private OrderResult execute(Ticket t) {
        if (!armed.get()) {
            throw BridgeException.forbidden("trading is not armed: start the bridge with --trading or arm it in the"
                    + " add-in's task pane");
        }
        return switch (t.action()) {
            case "order" -> place(t);
            case "cancel" -> client.cancelOrder(t.branch(), t.orderNo());
            case "modify" -> client.modifyOrder(t.branch(), t.orderNo(), t.price() > 0 ? OrderType.LIMIT : OrderType.MARKET,
                    t.qty(), t.price());
            default -> throw BridgeException.badInput("unknown order action " + t.action());
        };
    }

    private OrderResult place(Ticket t) {
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
        long amount = Math.multiplyExact(unit, t.qty());
        if (amount > limits.maxAmountPerOrder()) {
            throw limit("amount " + amount + " KRW exceeds the per-order limit of " + limits.maxAmountPerOrder());
        }
        reserve(amount);
        try {
            return client.placeOrder(side, t.code(), t.qty(), t.price() > 0 ? OrderType.LIMIT : OrderType.MARKET,
                    t.price());
        } catch (io.kisbridge.core.KisInvalidRequestException e) {
            release(amount);
            throw e;
        }
    }

    private synchronized void reserve(long amount) {
        LocalDate today = LocalDate.now(client.config().clock().withZone(KisClient.KST));
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
