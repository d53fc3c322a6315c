package io.kisbridge.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Hands a script's text to a running bridge ({@code POST /v1/scripts?follow=true}) and streams its output and end
 * back; {@link #stop()} (the CLI's Ctrl+C) stops the run in the bridge. The bridge's rules apply: its key, sandbox,
 * output folder, arming and order limits.
 */
final class BridgeScriptClient {
    /** What became of a hand-over. */
    sealed interface Outcome {
        /** The bridge ran the script; {@code exitCode} as a standalone run would answer. */
        record Ran(int exitCode) implements Outcome {
        }

        /** No bridge answers at the address. */
        record NoBridge(String reason) implements Outcome {
        }

        /** A bridge answered but did not take the script (no key, a wrong key, no scripts). */
        record Refused(String reason) implements Outcome {
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Duration CONNECT = Duration.ofSeconds(2);
    private static final Duration STOP_WAIT = Duration.ofSeconds(8);

    private final URI base;
    private final Path keyFile;
    private final HttpClient http;
    private final AtomicReference<String> runId = new AtomicReference<>();

    BridgeScriptClient(URI base, Path keyFile) {
        this.base = base;
        this.keyFile = keyFile;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(CONNECT).build();
    }

    URI base() {
        return base;
    }

    Path keyFile() {
        return keyFile;
    }

    /** Runs {@code code} in the bridge, printing its output to {@code out} as it comes and its failure to {@code err}. */
    Outcome run(String name, String code, List<String> args, Duration timeout, PrintWriter out, PrintWriter err)
            throws InterruptedException {
        ObjectNode body = MAPPER.createObjectNode();
        body.put("name", name);
        body.put("code", code);
        body.putArray("args").addAll(args.stream().map(MAPPER.getNodeFactory()::textNode).toList());
        body.put("timeout_ms", timeout.toMillis());
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/scripts?follow=true"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8));
        String key = key();
        if (key != null) {
            request.header("X-Bridge-Key", key);
        }
        HttpResponse<Stream<String>> response;
        try {
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (ConnectException e) {
            return new Outcome.NoBridge("no bridge answers at " + base);
        } catch (IOException e) {
            return new Outcome.NoBridge("the bridge at " + base + " did not answer (" + e.getMessage() + ")");
        }
        try (Stream<String> lines = response.body()) {
            if (response.statusCode() != 200) {
                String text = lines.collect(Collectors.joining("\n"));
                return new Outcome.Refused("the bridge at " + base + " refused the script (HTTP "
                        + response.statusCode() + "): " + errorMessage(text)
                        + (response.statusCode() == 403 ? " [key file: " + keyFile + "]" : ""));
            }
            return new Outcome.Ran(follow(lines.iterator(), out, err));
        } catch (java.io.UncheckedIOException e) {
            err.println("kisbridge: the connection to the bridge broke before the run ended: " + e.getMessage());
            return new Outcome.Ran(ScriptCommand.SCRIPT_ERROR);
        }
    }

    private int follow(Iterator<String> lines, PrintWriter out, PrintWriter err) {
        while (lines.hasNext()) {
            String line = lines.next();
            if (line.isBlank()) {
                continue; // heartbeat
            }
            JsonNode event = parse(line);
            if (event.has("out")) {
                out.print(event.get("out").asText());
                out.flush();
            } else if (event.has("run")) {
                runId.set(event.get("run").path("id").asText());
            } else if (event.has("end")) {
                JsonNode end = event.get("end");
                if ("finished".equals(end.path("state").asText())) {
                    return 0;
                }
                err.println("kisbridge: " + end.path("last_error").asText("the run " + end.path("state").asText()));
                return ScriptCommand.SCRIPT_ERROR;
            }
        }
        err.println("kisbridge: the bridge closed the connection before the run ended");
        return ScriptCommand.SCRIPT_ERROR;
    }

    /** Stops the run in the bridge (Ctrl+C); nothing when none was started. */
    void stop() {
        String id = runId.get();
        if (id == null) {
            return;
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/v1/scripts/" + id)).timeout(STOP_WAIT)
                .DELETE();
        String key = key();
        if (key != null) {
            request.header("X-Bridge-Key", key);
        }
        try {
            http.send(request.build(), HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            // the bridge is gone: so is the run
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private String key() {
        try {
            return Files.isReadable(keyFile) ? Files.readString(keyFile, StandardCharsets.US_ASCII).strip() : null;
        } catch (IOException e) {
            return null;
        }
    }

    private static JsonNode parse(String line) {
        try {
            return MAPPER.readTree(line);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(new IOException("not a line of the run's stream: " + line, e));
        }
    }

    private static String errorMessage(String body) {
        try {
            JsonNode n = MAPPER.readTree(body);
            JsonNode m = n.path("error").path("message");
            if (!m.isMissingNode()) {
                return m.asText();
            }
            if (n.has("title")) {
                return n.get("title").asText();
            }
        } catch (IOException | RuntimeException notJson) {
            // fall through: the text as it came
        }
        return body.length() > 300 ? body.substring(0, 300) : body;
    }
}
