package io.kisbridge.core;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A KIS account: CANO (first 8 digits) and ACNT_PRDT_CD (last 2 digits, e.g. {@code 01} for a stock account).
 * {@link #toString()} masks the number; use {@link #cano()} / {@link #productCode()} to build requests.
 */
public final class AccountNumber {
    private static final Pattern TEN_DIGITS = Pattern.compile("\\d{10}");
    private static final Pattern EIGHT_DASH_TWO = Pattern.compile("\\d{8}-\\d{2}");

    private final String cano;
    private final String productCode;

    private AccountNumber(String cano, String productCode) {
        this.cano = cano;
        this.productCode = productCode;
    }

    /** Accepts {@code 1234567801} or {@code 12345678-01} (surrounding spaces ignored). */
    public static AccountNumber parse(String value) {
        String v = value == null ? "" : value.trim();
        if (TEN_DIGITS.matcher(v).matches()) {
            return new AccountNumber(v.substring(0, 8), v.substring(8));
        }
        if (EIGHT_DASH_TWO.matcher(v).matches()) {
            return new AccountNumber(v.substring(0, 8), v.substring(9));
        }
        throw new KisConfigException("KIS_ACCOUNT",
                "KIS_ACCOUNT must be 10 digits or 8 digits, a dash and 2 digits (e.g. 12345678-01); got "
                        + v.length() + " characters");
    }

    public static AccountNumber of(String cano, String productCode) {
        return parse(cano + "-" + productCode);
    }

    /** CANO: the first 8 digits. */
    public String cano() {
        return cano;
    }

    /** ACNT_PRDT_CD: the last 2 digits. */
    public String productCode() {
        return productCode;
    }

    /** The 10-digit form used by execution notices (CANO + ACNT_PRDT_CD). Secret: do not log. */
    public String tenDigits() {
        return cano + productCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountNumber a && a.cano.equals(cano) && a.productCode.equals(productCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cano, productCode);
    }

    @Override
    public String toString() {
        return "********-" + productCode;
    }
}
