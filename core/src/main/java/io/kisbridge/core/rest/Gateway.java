package io.kisbridge.core.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.kisbridge.core.KisApiException;
import io.kisbridge.core.KisConfig;
import io.kisbridge.core.KisRateLimitException;
import io.kisbridge.core.KisTransportException;
import io.kisbridge.core.internal.Sleeper;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends requests to the configured REST host through the shared rate limiter, maps the answer in
 * {@link ResponseMapper}, and retries EGW00201 with bounded backoff. Logs method, path, TR ID, status and time —
 * never headers or bodies (they carry keys, tokens and account numbers).
 */
public final class Gateway {
    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    static final int MAX_RATE_LIMIT_RETRIES = 5;

    private final KisConfig config;
    private final HttpTransport transport;
    private final RateLimiter limiter;
    private final Sleeper sleeper;
    private final Duration timeout;
    /** Requests sent and not answered yet → when they were sent (System.nanoTime). */
    private final Map<Object, Long> unanswered = new java.util.concurrent.ConcurrentHashMap<>();

    public Gateway(KisConfig config, HttpTransport transport, RateLimiter limiter, Sleeper sleeper, Duration timeout) {
        this.config = config;
        this.transport = transport;
        this.limiter = limiter;
        this.sleeper = sleeper;
        this.timeout = timeout;
    }

    public KisConfig config() {
        return config;
    }

    public RateLimiter limiter() {
        return limiter;
    }

    /** How long the oldest request still waiting for KIS's answer has waited; empty when none is out. */
    public java.util.Optional<Duration> oldestUnanswered() {
        long now = System.nanoTime();
        return unanswered.values().stream().min(Long::compare).map(sent -> Duration.ofNanos(now - sent));
    }

    /** A successful answer: parsed body and the response's tr_cont header. */
    public record Answer(JsonNode body, String trCont) {
    }

    /**
     * Sends and maps the answer. An EGW00201 answer means KIS refused the call before processing it, so resending
     * is safe even for an order; any other failure (timeout, 5xx, business error) is thrown without a retry.
     */
    public Answer exchange(String method, String pathAndQuery, Map<String, String> headers, String body, String trId) {
        for (int attempt = 1; ; attempt++) {
            HttpTransport.Reply reply = send(method, pathAndQuery, headers, body, trId);
            try {
                return new Answer(ResponseMapper.envelope(reply, trId), reply.header("tr_cont").strip());
            } catch (KisApiException e) {
                if (!ResponseMapper.RATE_LIMITED.equals(e.msgCd())) {
                    throw e;
                }
                if (attempt > MAX_RATE_LIMIT_RETRIES) {
                    throw new KisRateLimitException(trId, attempt);
                }
                Duration backoff = Duration.ofMillis(Math.min(2000, 100L << attempt));
                LOG.warn("KIS answered EGW00201 to {} (attempt {}); retrying in {} ms", trId, attempt, backoff.toMillis());
                sleep(backoff);
            }
        }
    }

    /** One request through the rate limiter; transport failures become {@link KisTransportException}. */
    public HttpTransport.Reply send(String method, String pathAndQuery, Map<String, String> headers, String body, String label) {
        URI uri = URI.create(config.restUrl() + pathAndQuery);
        String path = uri.getPath();
        long start = System.nanoTime();
        Object request = new Object();
        try (RateLimiter.Permit ignored = limiter.acquire()) {
            unanswered.put(request, System.nanoTime());
            HttpTransport.Reply reply = transport.send(new HttpTransport.Request(method, uri, headers, body, timeout));
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} {} -> HTTP {} tr_cont={} in {} ms", method, path, label, reply.status(),
                        reply.header("tr_cont"), (System.nanoTime() - start) / 1_000_000);
            }
            return reply;
        } catch (IOException e) {
            throw new KisTransportException(method + " " + path + " (" + label + ") failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KisTransportException(method + " " + path + " (" + label + ") was interrupted", e);
        } finally {
            unanswered.remove(request);
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KisTransportException("interrupted while waiting to retry", e);
        }
    }
}
