package io.kisbridge.catalogimport;

import io.kisbridge.catalogimport.rest.RestCatalogImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code java -cp catalog-import/target/classes:<jackson> io.kisbridge.catalogimport.ImportMain rest SOURCE [OUT_DIR]}:
 * SOURCE is a checkout or a bare git dir of KIS's sample repository; OUT_DIR defaults to core's catalog resources.
 */
public final class ImportMain {
    public static final List<String> REST_GROUPS = List.of("domestic_stock", "etfetn");
    public static final Path DEFAULT_OUT = Path.of("core/src/main/resources/io/kisbridge/core/catalog");

    private ImportMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 2 || !"rest".equals(args[0])) {
            System.err.println("usage: ImportMain rest SOURCE [OUT_DIR]");
            System.exit(2);
        }
        Path out = args.length > 2 ? Path.of(args[2]) : DEFAULT_OUT;
        Files.createDirectories(out);
        RestCatalogImporter importer = new RestCatalogImporter(SourceTree.open(Path.of(args[1])));
        for (String group : REST_GROUPS) {
            Path file = out.resolve(group + ".json");
            var data = importer.importGroup(group);
            Files.writeString(file, CatalogJson.write(data), StandardCharsets.UTF_8);
            System.out.println(file + ": " + data.path("apis").size() + " APIs");
        }
    }
}
