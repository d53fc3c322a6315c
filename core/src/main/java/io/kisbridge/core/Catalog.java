package io.kisbridge.core;

import io.kisbridge.core.ApiSpec.Kind;
import io.kisbridge.core.internal.CatalogData;
import io.kisbridge.core.internal.NearestNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Every KIS REST API the bridge knows: the domestic-stock and ETF/ETN APIs of KIS's official sample repository,
 * loaded from the catalog data under {@code io/kisbridge/core/catalog/} (imported by the catalog-import module, with
 * our curated names, descriptions, roles and paging beside it), plus the four auth endpoints the client runs itself.
 */
public final class Catalog {
    private static final List<ApiSpec> ALL;
    private static final Map<String, ApiSpec> BY_NAME;

    static {
        List<ApiSpec> all = new ArrayList<>(CatalogData.load());
        all.add(auth("tokenP", "Issue an access token (one per minute per app key)", "/oauth2/tokenP"));
        all.add(auth("revokeP", "Revoke an access token", "/oauth2/revokeP"));
        all.add(auth("Approval", "Issue the WebSocket approval key", "/oauth2/Approval"));
        all.add(auth("hashkey", "Hash of an order body, sent as header hashkey", "/uapi/hashkey"));
        ALL = List.copyOf(all);
        Map<String, ApiSpec> byName = new LinkedHashMap<>();
        for (ApiSpec s : ALL) {
            if (byName.put(s.name().toLowerCase(Locale.ROOT), s) != null) {
                throw new IllegalStateException("duplicate API name " + s.name() + " (give one a name in the curated file)");
            }
        }
        BY_NAME = byName;
    }

    private Catalog() {
    }

    /** Every entry: the data APIs, then the auth endpoints. */
    public static List<ApiSpec> all() {
        return ALL;
    }

    /** The APIs callable through {@code KisClient.call}. */
    public static List<ApiSpec> dataApis() {
        return ALL.stream().filter(s -> s.kind() != Kind.AUTH).toList();
    }

    public static Optional<ApiSpec> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name.strip().toLowerCase(Locale.ROOT)));
    }

    /** The entry with this name (case-insensitive), or a {@link KisInvalidRequestException} naming the nearest names. */
    public static ApiSpec get(String name) {
        return find(name).orElseThrow(() -> new KisInvalidRequestException("Unknown KIS API '" + name + "'; nearest: "
                + String.join(", ", nearest(name)) + " (names are the path's last segment; ./kisbridge call --list lists all)"));
    }

    /** Up to five catalog names closest to a mistyped one. */
    public static List<String> nearest(String name) {
        return NearestNames.of(name == null ? "" : name, dataApis().stream().map(ApiSpec::name).toList(), 5);
    }

    private static ApiSpec auth(String name, String description, String path) {
        return new ApiSpec(name, "", description, Kind.AUTH, "POST", path, Map.of(), null, List.of(), List.of(), null,
                Paging.NONE, 0, "", "", List.of(), Map.of());
    }
}
