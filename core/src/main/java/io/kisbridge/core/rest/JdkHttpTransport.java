package io.kisbridge.core.rest;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** {@link HttpTransport} over java.net.http.HttpClient (HTTP/1.1, as KIS serves). */
public final class JdkHttpTransport implements HttpTransport {
    private final HttpClient client;

    public JdkHttpTransport(Duration connectTimeout) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(connectTimeout)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public Reply send(Request request) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(request.timeout());
        request.headers().forEach(b::header);
        if ("POST".equals(request.method())) {
            b.POST(HttpRequest.BodyPublishers.ofString(request.body() == null ? "" : request.body(), StandardCharsets.UTF_8));
        } else {
            b.GET();
        }
        HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        Map<String, String> headers = new HashMap<>();
        r.headers().map().forEach((k, v) -> {
            if (!v.isEmpty()) {
                headers.put(k.toLowerCase(Locale.ROOT), v.get(0));
            }
        });
        return new Reply(r.statusCode(), headers, r.body());
    }

    @Override
    public void close() {
        client.shutdownNow();
    }
}
