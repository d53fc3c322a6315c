package io.kisbridge.core.rest;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/** Sends one HTTP request. The JDK implementation is {@link JdkHttpTransport}; tests may fake it. */
public interface HttpTransport extends AutoCloseable {

    Reply send(Request request) throws IOException, InterruptedException;

    @Override
    default void close() {
    }

    /** A request; header values may be secrets, so this record's toString() leaves them out. */
    record Request(String method, URI uri, Map<String, String> headers, String body, Duration timeout) {
        @Override
        public String toString() {
            return method + " " + uri.getPath();
        }
    }

    /** An answer; header names are lower-case. */
    record Reply(int status, Map<String, String> headers, String body) {
        public String header(String name) {
            String v = headers.get(name.toLowerCase(Locale.ROOT));
            return v == null ? "" : v;
        }
    }
}
