package io.kisbridge.libreoffice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The bridge's published metadata, read over HTTP as any client reads it. */
final class FunctionsJson {
    private FunctionsJson() {
    }

    static JsonNode fetch(String bridgeUrl) throws Exception {
        return get(bridgeUrl + "/addin/functions.json");
    }

    static JsonNode functionList(String bridgeUrl) throws Exception {
        return get(bridgeUrl + "/v1/functions");
    }

    private static JsonNode get(String url) throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + r.statusCode());
        }
        return new ObjectMapper().readTree(r.body());
    }
}
