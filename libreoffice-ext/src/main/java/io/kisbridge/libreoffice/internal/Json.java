package io.kisbridge.libreoffice.internal;

import com.fasterxml.jackson.jr.ob.JSON;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** jackson-jr (shaded into the add-in's jar): JSON text to maps, lists, numbers and strings, and back. */
public final class Json {
    private static final JSON JSON_ = JSON.std;

    private Json() {
    }

    public static Object read(String text) {
        try {
            return JSON_.anyFrom(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> readObject(String text) {
        Object o = read(text);
        if (o instanceof Map<?, ?> m) {
            return (Map<String, Object>) m;
        }
        throw new IllegalArgumentException("not a JSON object");
    }

    public static String write(Object value) {
        try {
            return JSON_.asString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
