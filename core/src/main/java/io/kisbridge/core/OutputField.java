package io.kisbridge.core;

import java.util.Locale;

/**
 * One field of an API's output block, as the catalog data declares it.
 *
 * @param code    KIS's field code, e.g. {@code stck_prpr}
 * @param meaning KIS's Korean name of the field, e.g. {@code 주식 현재가}
 * @param type    how its text is to be read
 */
public record OutputField(String code, String meaning, Type type) {

    /** How a field's text value reads. */
    public enum Type {
        TEXT, INTEGER, DECIMAL, RATE, DATE, TIME, SIGN, CODE;

        public static Type of(String name) {
            return name == null ? TEXT : valueOf(name.toUpperCase(Locale.ROOT));
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
