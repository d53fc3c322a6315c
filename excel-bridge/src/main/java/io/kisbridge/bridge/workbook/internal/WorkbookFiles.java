package io.kisbridge.bridge.workbook.internal;

import io.kisbridge.bridge.workbook.WorkbookException;
import io.kisbridge.bridge.workbook.WorkbookException.Kind;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reading and writing workbooks without ever touching the input: the input is read into memory (POI never opens it
 * for writing), and output goes to a temporary file in the target directory that is then moved over the target.
 */
public final class WorkbookFiles {
    private WorkbookFiles() {
    }

    public static XSSFWorkbook open(Path in) {
        if (!Files.exists(in)) {
            throw new WorkbookException(Kind.MISSING, "no such file: " + in);
        }
        if (!Files.isRegularFile(in)) {
            throw new WorkbookException(Kind.NOT_XLSX, in + " is not a file");
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(in);
        } catch (IOException e) {
            throw new WorkbookException(Kind.UNREADABLE, "cannot read " + in + ": " + e.getMessage(), e);
        }
        FileMagic magic = FileMagic.valueOf(bytes);
        if (magic == FileMagic.OLE2) {
            throw ole2(in, bytes);
        }
        if (magic != FileMagic.OOXML) {
            throw new WorkbookException(Kind.NOT_XLSX, in + " is not an .xlsx workbook (its content looks like "
                    + describe(magic) + ")");
        }
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException | RuntimeException e) {
            throw new WorkbookException(Kind.NOT_XLSX, in + " is a zip file but not a readable .xlsx workbook: "
                    + e.getMessage(), e);
        }
    }

    private static WorkbookException ole2(Path in, byte[] bytes) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(bytes))) {
            if (fs.getRoot().hasEntry("EncryptionInfo")) {
                return new WorkbookException(Kind.ENCRYPTED, in + " is password-protected; save a copy without the"
                        + " password (Excel: File > Info > Protect Workbook > Encrypt with Password, clear it) and refresh that");
            }
        } catch (IOException | RuntimeException e) {
            return new WorkbookException(Kind.NOT_XLSX, in + " is not an .xlsx workbook", e);
        }
        return new WorkbookException(Kind.NOT_XLSX, in + " is an Excel 97-2003 (.xls) file; save it as .xlsx first");
    }

    private static String describe(FileMagic m) {
        return switch (m) {
            case UNKNOWN -> "text or an unknown format";
            default -> m.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Writes to a temporary file beside {@code target}, then moves it over {@code target} (atomically if possible). */
    public static void save(XSSFWorkbook wb, Path target) {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, "." + abs.getFileName() + ".", ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                wb.write(out);
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException | RuntimeException e) {
            throw new WorkbookException(Kind.WRITE_FAILED, "cannot write " + target + ": " + e.getMessage(), e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // the move succeeded or the failure is already reported
                }
            }
        }
    }
}
