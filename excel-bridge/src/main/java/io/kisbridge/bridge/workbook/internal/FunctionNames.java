package io.kisbridge.bridge.workbook.internal;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Every spelling a KIS function has in a formula: {@code KIS.PRICE} (typed by hand or written by POI),
 * {@code _xludf.KIS.PRICE} (Excel's prefix for a function it did not know when saving) and
 * {@code _xldudf_KIS_PRICE} (how Excel stores an Office.js custom function of namespace KIS in the file) and
 * {@code IO.KISBRIDGE.LIBREOFFICE.KISADDIN.PRICE} (how LibreOffice Calc stores a function of the KIS Calc extension,
 * its add-in's service name and method, in .xlsx and .ods alike).
 * {@code WEBSERVICE} / {@code _xlfn.WEBSERVICE} is resolved too, for URLs of the bridge's /v1/fn contract.
 */
public final class FunctionNames {
    public static final String WEBSERVICE = "WEBSERVICE";
    /** The prefix Calc writes for the KIS extension's functions (libreoffice-ext's KisAddIn service name + "."). */
    public static final String CALC_ADDIN_PREFIX = "IO.KISBRIDGE.LIBREOFFICE.KISADDIN.";
    /** A formula text that mentions a KIS function in any spelling (a cheap pre-filter). */
    public static final Pattern MENTIONS_KIS = Pattern.compile("(?i)(?<![A-Za-z0-9_.])(_xludf\\.)?KIS\\.[A-Za-z]|_xldudf_KIS_|WEBSERVICE\\s*\\("
            + "|io\\.kisbridge\\.libreoffice\\.KisAddIn\\.[A-Za-z]");

    private FunctionNames() {
    }

    /** The bare function name (PRICE, HISTORY, STREAM, WEBSERVICE) for a spelling, or empty when it is not ours. */
    public static Optional<String> bare(String spelling) {
        String n = spelling.strip().toUpperCase(Locale.ROOT);
        if (n.startsWith("_XLUDF.")) {
            n = n.substring(7);
        }
        if (n.startsWith("_XLFN.")) {
            n = n.substring(6);
        }
        if (n.equals(WEBSERVICE)) {
            return Optional.of(WEBSERVICE);
        }
        String rest = n.startsWith("KIS.") ? n.substring(4) : n.startsWith("_XLDUDF_KIS_") ? n.substring(12)
                : n.startsWith(CALC_ADDIN_PREFIX) ? n.substring(CALC_ADDIN_PREFIX.length()) : null;
        if (rest == null || rest.isEmpty() || !rest.matches("[A-Z][A-Z0-9_]*")) {
            return Optional.empty();
        }
        return Optional.of(rest);
    }
}
