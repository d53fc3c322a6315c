package io.kisbridge.bridge.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.CellFunction;
import io.kisbridge.bridge.FnArg;
import io.kisbridge.bridge.FnResult;
import io.kisbridge.bridge.FunctionSet;
import io.kisbridge.bridge.internal.ErrorMapping;
import io.kisbridge.core.ApiResult;
import io.kisbridge.core.ApiSpec;
import io.kisbridge.core.Catalog;
import io.kisbridge.core.KisClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The read-only HTTP routes: health, the function list, /v1/fn, /v1/api and /v1/batch. */
public final class Routes {
    public static final int MAX_BATCH = 10_000;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FunctionSet functions;
    private final KisClient client;
    private final Duration fnDeadline;
    private final Duration batchDeadline;

    public Routes(FunctionSet functions, KisClient client, Duration fnDeadline, Duration batchDeadline) {
        this.functions = functions;
        this.client = client;
        this.fnDeadline = fnDeadline;
        this.batchDeadline = batchDeadline;
    }

    public void health(Context ctx) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("status", "ready");
        o.put("environment", client.config().environment().id());
        ctx.json(o);
    }

    public void functionList(Context ctx) {
        ArrayNode list = MAPPER.createArrayNode();
        for (CellFunction f : functions.all()) {
            ObjectNode o = list.addObject();
            o.put("name", f.name());
            o.put("description", f.description());
            o.put("shape", f.shape().name().toLowerCase(java.util.Locale.ROOT));
            o.put("api", f.api());
            ArrayNode args = o.putArray("args");
            for (FnArg a : f.args()) {
                ObjectNode ao = args.addObject();
                ao.put("name", a.name());
                ao.put("type", a.type().name().toLowerCase(java.util.Locale.ROOT));
                ao.put("optional", a.optional());
                ao.put("default", a.defaultValue());
                ao.put("description", a.description());
            }
        }
        ctx.json(list);
    }

    /**
     * GET /v1/fn/{name}/{arg1}/{arg2}... ?format=text|csv|json|xml, other query parameters as named arguments.
     * Answers within the fn deadline: WEBSERVICE freezes the spreadsheet until it has an answer.
     */
    public void fn(Context ctx) {
        String asked = ctx.queryParam("format");
        String rest = ctx.pathParamMap().getOrDefault("args", "");
        List<String> args = rest.isEmpty() ? List.of() : Arrays.asList(rest.split("/", -1));
        Map<String, String> named = new LinkedHashMap<>();
        ctx.queryParamMap().forEach((k, v) -> {
            if (!k.equals("format") && !v.isEmpty()) {
                named.put(k, v.get(0));
            }
        });
        try {
            FnResult r = functions.invoke(ctx.pathParam("name"), args, named, fnDeadline);
            Render.Format f = Render.format(asked, r);
            ctx.contentType(Render.contentType(f)).result(Render.body(r, f));
        } catch (RuntimeException e) {
            ErrorMapping.Mapped m = ErrorMapping.map(e);
            ctx.header("X-Bridge-Error", m.kind());
            if (asked != null && asked.equalsIgnoreCase("json")) {
                ctx.status(m.status()).json(Render.jsonError(m));
            } else {
                // WEBSERVICE shows the body of a 200 answer only, so the cell gets "#N/A reason" as text.
                ctx.contentType(Render.contentType(Render.Format.TEXT)).result(m.cellText());
            }
        }
    }

    /** GET /v1/api/{api}?PARAM=... : the raw KIS answer (all pages) as JSON. Orders and auth are refused. */
    public void api(Context ctx) {
        try {
            ApiSpec spec = Catalog.get(ctx.pathParam("api"));
            if (spec.kind() == ApiSpec.Kind.ORDER || spec.kind() == ApiSpec.Kind.AUTH) {
                throw BridgeException.forbidden(spec.name() + " cannot be called here: /v1/api only reads"
                        + " (orders go through POST /v1/orders)");
            }
            Map<String, String> params = new LinkedHashMap<>();
            ctx.queryParamMap().forEach((k, v) -> params.put(k, v.isEmpty() ? "" : v.get(0)));
            ApiResult r = client.call(spec, params);
            ObjectNode o = MAPPER.createObjectNode();
            o.put("rt_cd", "0");
            o.put("msg_cd", r.msgCd());
            o.put("msg1", r.msg1());
            o.put("tr_id", r.trId());
            o.put("pages", r.pages());
            r.outputs().forEach(o::set);
            ctx.json(o);
        } catch (RuntimeException e) {
            mapped(e, ctx);
        }
    }

    /**
     * POST /v1/batch {"calls":[{"fn":"PRICE","args":["005930"]}, ...]} (or a bare array) → {"results":[...]} in
     * the same order; each result is {"value":..} or {"columns":[..],"rows":[[..]]} or {"error":{..}}.
     */
    public void batch(Context ctx) throws Exception {
        JsonNode body;
        try {
            body = MAPPER.readTree(ctx.body());
        } catch (Exception e) {
            throw BridgeException.badInput("the batch body must be JSON");
        }
        JsonNode calls = body != null && body.isArray() ? body : body == null ? null : body.get("calls");
        if (calls == null || !calls.isArray()) {
            throw BridgeException.badInput("the batch body must be {\"calls\":[{\"fn\":\"PRICE\",\"args\":[\"005930\"]}]}");
        }
        if (calls.size() > MAX_BATCH) {
            throw BridgeException.badInput("at most " + MAX_BATCH + " calls per batch");
        }
        List<Future<ObjectNode>> futures = new ArrayList<>();
        try (ExecutorService ex = Executors.newVirtualThreadPerTaskExecutor()) {
            for (JsonNode call : calls) {
                futures.add(ex.submit(() -> one(call)));
            }
            ObjectNode out = MAPPER.createObjectNode();
            ArrayNode results = out.putArray("results");
            for (Future<ObjectNode> f : futures) {
                results.add(f.get());
            }
            ctx.json(out);
        }
    }

    private ObjectNode one(JsonNode call) {
        try {
            String fn = call.path("fn").asText("");
            List<String> args = new ArrayList<>();
            call.path("args").forEach(a -> args.add(a.isNull() ? "" : a.asText()));
            Map<String, String> named = new LinkedHashMap<>();
            call.path("named").fields().forEachRemaining(e -> named.put(e.getKey(), e.getValue().asText()));
            return Render.json(functions.invoke(fn, args, named, batchDeadline));
        } catch (RuntimeException e) {
            return Render.jsonError(ErrorMapping.map(e));
        }
    }

    /** A failure as its HTTP status and JSON error body (the API routes, orders, bad batch bodies). */
    public static void mapped(Exception e, Context ctx) {
        ErrorMapping.Mapped m = ErrorMapping.map(e);
        ctx.status(m.status()).json(Render.jsonError(m));
    }
}
