package io.kisbridge.libreoffice.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The function list generated from the bridge's metadata (resource functions.json), for the Function Wizard. */
public final class FunctionCatalog {
    /** One function: its name without KIS., description, whether it is live, whether it answers a matrix. */
    public static final class Function {
        public final String name;
        public final String description;
        public final boolean live;
        public final boolean matrix;
        public final List<String> argNames = new ArrayList<>();
        public final List<String> argDescriptions = new ArrayList<>();

        Function(Map<?, ?> m) {
            name = (String) m.get("name");
            description = (String) m.get("description");
            live = Boolean.TRUE.equals(m.get("live"));
            matrix = Boolean.TRUE.equals(m.get("matrix"));
            for (Object o : (List<?>) m.get("parameters")) {
                Map<?, ?> p = (Map<?, ?>) o;
                argNames.add((String) p.get("name"));
                String d = (String) p.get("description");
                argDescriptions.add(Boolean.TRUE.equals(p.get("optional")) ? d + " (optional)" : d);
            }
        }
    }

    private final Map<String, Function> byName = new LinkedHashMap<>();

    private FunctionCatalog() {
    }

    public static FunctionCatalog load() {
        try (InputStream in = FunctionCatalog.class.getResourceAsStream("/io/kisbridge/libreoffice/functions.json")) {
            if (in == null) {
                throw new IllegalStateException("functions.json is missing from the add-in's jar");
            }
            FunctionCatalog c = new FunctionCatalog();
            Map<String, Object> root = Json.readObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            for (Object f : (List<?>) root.get("functions")) {
                Function fn = new Function((Map<?, ?>) f);
                c.byName.put(fn.name, fn);
            }
            return c;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Function get(String name) {
        return byName.get(name);
    }

    public List<Function> all() {
        return List.copyOf(byName.values());
    }
}
