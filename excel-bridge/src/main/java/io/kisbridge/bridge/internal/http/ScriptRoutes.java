package io.kisbridge.bridge.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.ScriptHost;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * /v1/scripts: start (POST), list (GET), details (GET /{id}), stop (DELETE /{id} or POST /{id}/stop). The security
 * filter has already required X-Bridge-Key on every one of them. Without a {@link ScriptHost} they answer 501.
 *
 * <p>{@code POST /v1/scripts?follow=true} starts the run and answers its output live, as NDJSON (one JSON object a
 * line): {@code {"run":{...}}} first, {@code {"out":"text"}} as the script prints, {@code {"end":{...}}} last, with
 * blank lines as a heartbeat every second while the script is silent. A client that goes away stops the run (the
 * next write fails: within about a second).
 */
public final class ScriptRoutes {
    /** Characters of output shown per run in the list (the details carry all of it). */
    public static final int OUTPUT_TAIL = 2_000;
    private static final int MAX_CODE = 1 << 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final long HEARTBEAT_MILLIS = 1_000;

    private final ScriptHost host;

    /** {@code host} may be null: the bridge was started without scripting. */
    public ScriptRoutes(ScriptHost host) {
        this.host = host;
    }

    public void start(Context ctx) {
        if (unavailable(ctx)) {
            return;
        }
        ScriptHost.RunInfo run;
        try {
            run = host.start(request(ctx.body()));
        } catch (RuntimeException e) {
            Routes.mapped(e, ctx);
            return;
        }
        String follow = ctx.queryParam("follow");
        if (follow != null && (follow.equals("true") || follow.equals("1"))) {
            follow(ctx, run);
        } else {
            ctx.status(201).json(info(run, false));
        }
    }

    /** Streams the run's output and end on this request's thread; the run is stopped if the client goes away. */
    private void follow(Context ctx, ScriptHost.RunInfo run) {
        BlockingQueue<Object> events = new LinkedBlockingQueue<>();
        if (!host.follow(run.id(), events::add, events::add)) {
            host.stop(run.id());
            Routes.mapped(BridgeException.notAvailable("this script host cannot stream a run's output"), ctx);
            return;
        }
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("application/x-ndjson; charset=utf-8");
        try {
            OutputStream out = res.getOutputStream();
            ObjectNode first = MAPPER.createObjectNode();
            first.set("run", info(run, false));
            writeLine(out, first);
            List<Object> batch = new ArrayList<>();
            while (true) {
                Object e = events.poll(HEARTBEAT_MILLIS, TimeUnit.MILLISECONDS);
                if (e == null) {
                    out.write('\n');
                    out.flush();
                    continue;
                }
                batch.clear();
                batch.add(e);
                events.drainTo(batch);
                StringBuilder text = new StringBuilder();
                for (Object b : batch) {
                    if (b instanceof String s) {
                        text.append(s);
                    } else if (b instanceof ScriptHost.RunInfo end) {
                        writeText(out, text);
                        ObjectNode last = MAPPER.createObjectNode();
                        last.set("end", info(end, false));
                        writeLine(out, last);
                        return;
                    }
                }
                writeText(out, text);
            }
        } catch (IOException clientGone) {
            host.stop(run.id());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            host.stop(run.id());
        }
    }

    private static void writeText(OutputStream out, StringBuilder text) throws IOException {
        if (!text.isEmpty()) {
            ObjectNode o = MAPPER.createObjectNode();
            o.put("out", text.toString());
            writeLine(out, o);
            text.setLength(0);
        }
    }

    private static void writeLine(OutputStream out, ObjectNode o) throws IOException {
        out.write(MAPPER.writeValueAsBytes(o));
        out.write('\n');
        out.flush();
    }

    public void list(Context ctx) {
        if (unavailable(ctx)) {
            return;
        }
        ObjectNode o = MAPPER.createObjectNode();
        ArrayNode list = o.putArray("scripts");
        host.runs().forEach(r -> list.add(info(r, false)));
        ctx.json(o);
    }

    public void details(Context ctx) {
        if (unavailable(ctx)) {
            return;
        }
        String id = ctx.pathParam("id");
        host.run(id).ifPresentOrElse(r -> ctx.json(info(r, true)), () -> unknown(ctx, id));
    }

    public void stop(Context ctx) {
        if (unavailable(ctx)) {
            return;
        }
        String id = ctx.pathParam("id");
        host.stop(id).ifPresentOrElse(r -> ctx.json(info(r, false)), () -> unknown(ctx, id));
    }

    private boolean unavailable(Context ctx) {
        if (host != null) {
            return false;
        }
        ObjectNode o = MAPPER.createObjectNode();
        ObjectNode e = o.putObject("error");
        e.put("kind", "not_configured");
        e.put("message", "this bridge runs no scripts: it was started without a script host"
                + " (./kisbridge serve and demo install one; embedders pass a ScriptHost.Factory to BridgeServer.start)");
        e.put("status", 501);
        ctx.status(501).json(o);
        return true;
    }

    private static void unknown(Context ctx, String id) {
        Routes.mapped(BridgeException.notAvailable("no script run '" + id + "' (GET /v1/scripts lists them)"), ctx);
    }

    static ScriptHost.StartRequest request(String body) {
        JsonNode b;
        try {
            b = MAPPER.readTree(body);
        } catch (Exception e) {
            throw BridgeException.badInput("the body must be JSON: {\"name\":\"alert.js\",\"code\":\"...\"}"
                    + " or {\"file\":\"price_alert.js\",\"args\":[\"005930\"]}");
        }
        if (b == null || !b.isObject()) {
            throw BridgeException.badInput("the body must be a JSON object");
        }
        String code = text(b, "code");
        String file = text(b, "file");
        if ((code == null) == (file == null)) {
            throw BridgeException.badInput("give either \"code\" (the script's text) or \"file\" (a script of the"
                    + " scripts folder), not both or neither");
        }
        if (code != null && code.length() > MAX_CODE) {
            throw BridgeException.badInput("a script is at most " + MAX_CODE + " characters");
        }
        List<String> args = new ArrayList<>();
        JsonNode a = b.path("args");
        if (!a.isMissingNode() && !a.isNull()) {
            if (!a.isArray()) {
                throw BridgeException.badInput("\"args\" must be an array of strings");
            }
            a.forEach(x -> args.add(x.asText()));
        }
        JsonNode t = b.path("timeout_ms");
        Duration timeout = null;
        if (!t.isMissingNode() && !t.isNull()) {
            if (!t.canConvertToLong() || t.asLong() < 0) {
                throw BridgeException.badInput("\"timeout_ms\" is a number of milliseconds (0 = none)");
            }
            timeout = Duration.ofMillis(t.asLong());
        }
        return new ScriptHost.StartRequest(text(b, "name"), text(b, "language"), code, file, args, timeout);
    }

    private static String text(JsonNode b, String field) {
        JsonNode n = b.path(field);
        return n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    private static ObjectNode info(ScriptHost.RunInfo r, boolean fullOutput) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("id", r.id());
        o.put("name", r.name());
        o.put("language", r.language());
        o.put("state", r.state());
        o.put("started", r.started() == null ? null : r.started().toString());
        o.put("ended", r.ended() == null ? null : r.ended().toString());
        o.put("last_error", r.lastError());
        String out = r.output() == null ? "" : r.output();
        if (fullOutput) {
            o.put("output", out);
        } else {
            o.put("output_tail", out.length() <= OUTPUT_TAIL ? out : out.substring(out.length() - OUTPUT_TAIL));
        }
        return o;
    }
}
