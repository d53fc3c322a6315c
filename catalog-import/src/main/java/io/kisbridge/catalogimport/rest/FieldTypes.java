package io.kisbridge.catalogimport.rest;

import java.util.Locale;
import java.util.Set;

/**
 * The type of an output field, inferred from its code: suffixes first (the naming scheme KIS uses throughout), then
 * the sample's list of numeric columns, else text. Curated overrides in the catalog's curated file win over this.
 */
final class FieldTypes {
    private FieldTypes() {
    }

    static String infer(String code, Set<String> numericColumns) {
        String c = code.toLowerCase(Locale.ROOT);
        if (c.endsWith("_sign")) return "sign";
        if (c.endsWith("_rate") || c.endsWith("_ctrt") || c.endsWith("_rt") || c.endsWith("_ratem")) return "rate";
        if (c.endsWith("_dt") || c.endsWith("_date")) return "date";
        if (c.endsWith("_hour") || c.endsWith("_tmd") || c.endsWith("_time")) return "time";
        if (c.endsWith("_cls_code") || c.endsWith("_dvsn") || c.endsWith("_dvsn_cd") || c.endsWith("_yn")) return "code";
        if (c.endsWith("_prpr") || c.endsWith("_vrss") || c.endsWith("_qty") || c.endsWith("_vol")
                || c.endsWith("_amt") || c.endsWith("_rsqn") || c.endsWith("_cnt") || c.endsWith("_pbmn") || c.endsWith("_prc") || c.endsWith("_pric")
                || c.endsWith("_clpr") || c.endsWith("_oprc") || c.endsWith("_hgpr") || c.endsWith("_lwpr")) return "integer";
        if (numericColumns.contains(code)) return "decimal";
        return "text";
    }
}
