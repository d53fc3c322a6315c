package io.kisbridge.bridge.workbook;

import io.kisbridge.bridge.workbook.internal.FunctionNames;
import org.apache.poi.ss.formula.eval.ErrorEval;
import org.apache.poi.ss.formula.functions.FreeRefFunction;
import org.apache.poi.ss.formula.udf.UDFFinder;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Lets POI accept KIS formulas when authoring a workbook. POI validates a formula when it is set
 * ({@code cell.setCellFormula("KIS.PRICE(\"005930\")")}) and refuses names it does not know ("Name 'KIS.PRICE' is
 * completely unknown"); after {@link #allowIn} every spelling — {@code KIS.PRICE}, {@code _xludf.KIS.PRICE},
 * {@code _xldudf_KIS_PRICE} — is accepted and stored exactly as written.
 */
public final class KisFormulas {
    private static final FreeRefFunction NOT_REFRESHED = (args, ec) -> ErrorEval.NA;
    private static final UDFFinder NAMES = name -> FunctionNames.bare(name).map(n -> NOT_REFRESHED).orElse(null);

    private KisFormulas() {
    }

    public static XSSFWorkbook allowIn(XSSFWorkbook wb) {
        wb.addToolPack(NAMES);
        return wb;
    }
}
