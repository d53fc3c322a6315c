package io.kisbridge.bridge.workbook;

/**
 * A cell a refresh could not fill.
 *
 * @param sheet   sheet name
 * @param cell    A1 reference within the sheet
 * @param formula the cell's formula (without '=')
 * @param error   what the cell shows: {@code #N/A}, {@code #VALUE!}, or {@code #SPILL!} for a table that would
 *                overwrite other cells (POI cannot store #SPILL!, so such an anchor caches {@code #N/A})
 * @param message the reason, e.g. {@code KIS MCA05918 종목코드 오류입니다.}
 */
public record CellError(String sheet, String cell, String formula, String error, String message) {
    /** {@code Sheet1!B2}, quoting the sheet name when it needs it. */
    public String address() {
        boolean plain = sheet.matches("[A-Za-z_][A-Za-z0-9_.]*");
        return (plain ? sheet : "'" + sheet.replace("'", "''") + "'") + "!" + cell;
    }

    @Override
    public String toString() {
        return address() + "  =" + formula + "  ->  " + error + " " + message;
    }
}
