package io.kisbridge.bridge.internal.fn;

import io.kisbridge.bridge.BridgeException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Friendly names for inquire-price output fields; any KIS field code (stck_prpr, w52_hgpr ...) works as well. */
public final class QuoteFields {
    private static final Map<String, String> ALIASES = new LinkedHashMap<>();

    static {
        alias("price", "stck_prpr");
        alias("change", "prdy_vrss");
        alias("change_pct", "prdy_ctrt");
        alias("change_sign", "prdy_vrss_sign");
        alias("open", "stck_oprc");
        alias("high", "stck_hgpr");
        alias("low", "stck_lwpr");
        alias("prev_close", "stck_sdpr");
        alias("upper_limit", "stck_mxpr");
        alias("lower_limit", "stck_llam");
        alias("volume", "acml_vol");
        alias("value", "acml_tr_pbmn");
        alias("volume_ratio", "prdy_vrss_vol_rate");
        alias("vwap", "wghn_avrg_stck_prc");
        alias("per", "per");
        alias("pbr", "pbr");
        alias("eps", "eps");
        alias("bps", "bps");
        alias("mktcap", "hts_avls");
        alias("shares", "lstn_stcn");
        alias("par", "stck_fcam");
        alias("high52", "w52_hgpr");
        alias("low52", "w52_lwpr");
        alias("high52_date", "w52_hgpr_date");
        alias("low52_date", "w52_lwpr_date");
        alias("year_high", "stck_dryy_hgpr");
        alias("year_low", "stck_dryy_lwpr");
        alias("foreign_pct", "hts_frgn_ehrt");
        alias("turnover", "vol_tnrt");
        alias("tick", "aspr_unit");
        alias("sector", "bstp_kor_isnm");
        alias("market", "rprs_mrkt_kor_name");
        alias("status", "iscd_stat_cls_code");
    }

    private QuoteFields() {
    }

    private static void alias(String friendly, String kis) {
        ALIASES.put(friendly, kis);
    }

    public static Map<String, String> aliases() {
        return java.util.Collections.unmodifiableMap(ALIASES);
    }

    /** The KIS field for a friendly name or a KIS code present in {@code row}; #VALUE! otherwise. */
    public static String resolve(String field, Map<String, String> row) {
        String f = field.strip().toLowerCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        String kis = ALIASES.get(f);
        if (kis != null) {
            return kis;
        }
        if (row.containsKey(f)) {
            return f;
        }
        throw BridgeException.badInput("unknown quote field '" + field + "'; use a KIS field code such as stck_prpr"
                + " or one of " + String.join(", ", ALIASES.keySet()));
    }

    /** Looks a field up in any output row by KIS name (case-insensitive); #N/A listing the fields when absent. */
    public static String pick(String field, Map<String, String> row, String what) {
        return find(field, row).orElseThrow(() -> BridgeException.notAvailable("no field '" + field + "' in " + what
                + "; fields are " + String.join(", ", row.keySet())));
    }

    /** A field by KIS name, case-insensitive. */
    public static java.util.Optional<String> find(String field, Map<String, String> row) {
        String f = field.strip();
        return row.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(f)).map(Map.Entry::getValue)
                .findFirst();
    }

}
