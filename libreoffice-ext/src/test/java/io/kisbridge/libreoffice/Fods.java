package io.kisbridge.libreoffice;

/** A flat ODF spreadsheet around table rows (the of: namespace must be declared for formulas to parse). */
final class Fods {
    private Fods() {
    }

    static String document(String rows) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"
                    xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0"
                    xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"
                    xmlns:of="urn:oasis:names:tc:opendocument:xmlns:of:1.2"
                    office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
                <office:body><office:spreadsheet><table:table table:name="Prices">
                """ + rows + """
                </table:table></office:spreadsheet></office:body></office:document>
                """;
    }
}
