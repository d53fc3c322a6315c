package io.kisbridge.bridge.workbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Test helpers: build workbooks with formulas, read cached values back with plain POI (no evaluator). */
final class Books {
    private Books() {
    }

    static XSSFWorkbook create() {
        return KisFormulas.allowIn(new XSSFWorkbook());
    }

    static Cell cell(XSSFSheet sheet, String ref) {
        CellReference r = new CellReference(ref);
        Row row = sheet.getRow(r.getRow()) == null ? sheet.createRow(r.getRow()) : sheet.getRow(r.getRow());
        return row.getCell(r.getCol()) == null ? row.createCell(r.getCol()) : row.getCell(r.getCol());
    }

    static void formula(XSSFSheet sheet, String ref, String formula) {
        cell(sheet, ref).setCellFormula(formula);
    }

    static void value(XSSFSheet sheet, String ref, Object v) {
        Cell c = cell(sheet, ref);
        if (v instanceof Number n) {
            c.setCellValue(n.doubleValue());
        } else {
            c.setCellValue(String.valueOf(v));
        }
    }

    static Path save(XSSFWorkbook wb, Path file) {
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
            wb.close();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static XSSFWorkbook read(Path file) {
        try {
            return new XSSFWorkbook(Files.newInputStream(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The cached number of a formula cell or the value of a plain cell. */
    static double num(XSSFSheet sheet, String ref) {
        return cell(sheet, ref).getNumericCellValue();
    }

    static String str(XSSFSheet sheet, String ref) {
        return cell(sheet, ref).getStringCellValue();
    }

    static String sha256(Path file) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
