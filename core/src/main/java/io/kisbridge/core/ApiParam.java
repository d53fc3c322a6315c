package io.kisbridge.core;

/**
 * One request parameter of a catalog entry, named exactly as KIS's official samples write it (case preserved).
 *
 * @param name          wire name (query parameter or UPPERCASE body key)
 * @param role          who supplies the value
 * @param defaultValue  sent when the caller gives nothing ({@code ""} = present but empty); null = no default
 * @param example       a valid example value from the reference (used by tests and the add-in's help)
 * @param required      KIS marks it required (*)
 * @param omitWhenEmpty not sent at all when it has no value (optional body fields, extra multprice pairs)
 * @param presentWith   for companion parameters: sent (with its default) only when this other parameter is given
 * @param description   one English line
 */
public record ApiParam(String name, Role role, String defaultValue, String example, boolean required,
                       boolean omitWhenEmpty, String presentWith, String description) {

    /** Who supplies a parameter's value. */
    public enum Role {
        /** The caller's input (a symbol, dates...); may have a default. */
        USER,
        /** A fixed code with the reference's default (market J, screen codes...); the caller may override it. */
        DEFAULTED,
        /** CANO, filled from the configured account. */
        ACCOUNT_NUMBER,
        /** ACNT_PRDT_CD, filled from the configured account. */
        ACCOUNT_PRODUCT,
        /** The HTS user id, filled from KIS_HTS_ID. */
        HTS_ID,
        /** A tr_cont continuation key (CTX_AREA_FK100 / NK100 ...), managed by the pager. */
        CONTINUATION,
        /** Not sent: picks the TR ID (e.g. {@code side=buy|sell} for order-cash). */
        SELECTOR
    }

    public boolean userFacing() {
        return role == Role.USER || role == Role.SELECTOR;
    }

    public boolean sent() {
        return role != Role.SELECTOR;
    }
}
