package io.kisbridge.core;

/** FID_PERIOD_DIV_CODE of the period chart. */
public enum BarPeriod {
    DAY("D"), WEEK("W"), MONTH("M"), YEAR("Y");

    private final String code;

    BarPeriod(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }
}
