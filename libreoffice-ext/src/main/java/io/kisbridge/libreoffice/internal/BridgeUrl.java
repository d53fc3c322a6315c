package io.kisbridge.libreoffice.internal;

import java.net.URI;
import java.util.Map;
import java.util.function.Supplier;

/** Where the bridge is: KISBRIDGE_URL, else the extension's setting, else http://127.0.0.1:8787. */
public final class BridgeUrl {
    public static final String DEFAULT = "http://127.0.0.1:8787";
    public static final String ENV = "KISBRIDGE_URL";

    private BridgeUrl() {
    }

    /** @param setting the extension's BridgeUrl setting (may answer null or blank) */
    public static URI resolve(Map<String, String> env, Supplier<String> setting) {
        String u = env.get(ENV);
        if (u == null || u.isBlank()) {
            u = setting.get();
        }
        if (u == null || u.isBlank()) {
            u = DEFAULT;
        }
        u = u.strip();
        while (u.endsWith("/")) {
            u = u.substring(0, u.length() - 1);
        }
        URI uri = URI.create(u);
        if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("the bridge URL must be http://host:port, not " + u);
        }
        return uri;
    }

    public static URI streamUri(URI bridge) {
        return URI.create("ws://" + bridge.getRawAuthority() + "/v1/stream");
    }
}
