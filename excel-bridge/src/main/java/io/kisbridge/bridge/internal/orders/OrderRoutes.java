package io.kisbridge.bridge.internal.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.OrderLimits;
import io.kisbridge.bridge.internal.fn.ArgBinder;
import io.kisbridge.bridge.internal.http.Routes;

/**
 * POST /v1/orders, /v1/orders/{orderNo}/cancel, /v1/orders/{orderNo}/modify; GET/POST /v1/trading (arm state).
 * The security filter has already required X-Bridge-Key on these.
 */
public final class OrderRoutes {
    public static final String IDEMPOTENCY_HEADER = "Idempotency-Key";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final OrderDesk desk;
    private final OrderLimits limits;

    public OrderRoutes(OrderDesk desk, OrderLimits limits) {
        this.desk = desk;
        this.limits = limits;
    }

    public void trading(Context ctx) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("armed", desk.armed());
        o.set("limits", MAPPER.valueToTree(limits));
        ctx.json(o);
    }

    public void arm(Context ctx) {
        JsonNode body = body(ctx);
        if (!body.path("armed").isBoolean()) {
            throw BridgeException.badInput("body must be {\"armed\":true} or {\"armed\":false}");
        }
        desk.arm(body.path("armed").asBoolean());
        trading(ctx);
    }

    public void place(Context ctx) {
        JsonNode b = body(ctx);
        String code = b.path("code").asText("").strip();
        if (!ArgBinder.CODE.matcher(code).matches()) {
            throw BridgeException.badInput("code must be a 6-character stock code; got '" + code + "'");
        }
        run(ctx, new OrderDesk.Ticket("order", code, b.path("side").asText(""), number(b, "qty"), number(b, "price"),
                "", ""));
    }

    public void cancel(Context ctx) {
        JsonNode b = body(ctx);
        run(ctx, new OrderDesk.Ticket("cancel", "", "", 0, 0, branch(b), ctx.pathParam("orderNo")));
    }

    public void modify(Context ctx) {
        JsonNode b = body(ctx);
        run(ctx, new OrderDesk.Ticket("modify", "", "", number(b, "qty"), number(b, "price"), branch(b),
                ctx.pathParam("orderNo")));
    }

    private void run(Context ctx, OrderDesk.Ticket t) {
        String key = ctx.header(IDEMPOTENCY_HEADER);
        try {
            OrderDesk.Submission sub = desk.submit(key, t);
            OrderDesk.Outcome o = sub.outcome();
            boolean replay = sub.replayed();
            ObjectNode out = MAPPER.createObjectNode();
            out.put("order_no", o.result().orderNumber());
            out.put("branch", o.result().branch());
            out.put("time", o.result().orderTime());
            out.put("action", t.action());
            out.put("idempotency_key", key);
            out.put("replayed", replay);
            ctx.status(replay ? 200 : 201).json(out);
        } catch (RuntimeException e) {
            Routes.mapped(e, ctx);
        }
    }

    private static String branch(JsonNode b) {
        String branch = b.path("branch").asText("").strip();
        if (!branch.matches("[0-9]{5}")) {
            throw BridgeException.badInput("branch must be the 5-digit order branch (KRX_FWDG_ORD_ORGNO) of the order");
        }
        return branch;
    }

    private static long number(JsonNode b, String field) {
        JsonNode n = b.path(field);
        if (n.isMissingNode() || n.isNull() || n.asText().isBlank()) {
            return 0;
        }
        try {
            return Long.parseLong(n.asText().strip());
        } catch (NumberFormatException e) {
            throw BridgeException.badInput(field + " must be a whole number; got '" + n.asText() + "'");
        }
    }

    private static JsonNode body(Context ctx) {
        try {
            JsonNode n = MAPPER.readTree(ctx.body());
            if (n == null || !n.isObject()) {
                throw BridgeException.badInput("the body must be a JSON object");
            }
            return n;
        } catch (java.io.IOException e) {
            throw BridgeException.badInput("the body must be JSON");
        }
    }
}
