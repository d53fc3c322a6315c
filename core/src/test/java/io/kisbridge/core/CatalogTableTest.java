package io.kisbridge.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code CATALOG.md} at the repository root is generated from the catalog: this test fails when they drift. To
 * regenerate it: {@code ./mvnw -B -q -pl core -am verify -Dtest=CatalogTableTest -Dkisbridge.writeDocs=true
 * -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=NONE -Dfailsafe.failIfNoSpecifiedTests=false}.
 */
class CatalogTableTest {
    private static final Path FILE = Path.of("..", "CATALOG.md");

    static String render() {
        StringBuilder b = new StringBuilder();
        b.append("# The KIS REST catalog\n\n");
        b.append("Generated from the catalog data (`core/src/main/resources/io/kisbridge/core/catalog/`) by `CatalogTableTest`; ")
                .append("do not edit by hand. Every API can be called with `./kisbridge call NAME [PARAM=VALUE ...]`, ")
                .append("`GET /v1/api/NAME` on the bridge and `CALL()` in a cell; `./kisbridge call --list --json` and ")
                .append("`GET /v1/catalog` give the parameters and output fields.\n\n");
        b.append("| API | doc id | KIS title | method | TR ID (real) | paper | description |\n");
        b.append("|---|---|---|---|---|---|---|\n");
        for (ApiSpec s : Catalog.dataApis()) {
            String real = s.trIds().values().stream().map(ApiSpec.TrIds::real).distinct().collect(Collectors.joining(" / "));
            String paper = s.availableInPaper()
                    ? s.trIds().values().stream().map(ApiSpec.TrIds::paper).distinct().collect(Collectors.joining(" / ")) : "—";
            b.append("| `").append(s.name()).append("` | ").append(s.docId()).append(" | ").append(cell(s.title()))
                    .append(" | ").append(s.method()).append(" | ").append(real).append(" | ").append(paper).append(" | ")
                    .append(s.description().equals(s.title()) ? "" : cell(s.description())).append(" |\n");
        }
        return b.toString();
    }

    private static String cell(String s) {
        return s.replace("|", "\\|");
    }

    @Test
    void the_catalog_table_is_what_the_catalog_gives() throws Exception {
        String table = render();
        if (Boolean.getBoolean("kisbridge.writeDocs")) {
            Files.writeString(FILE, table, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
                .as("CATALOG.md is generated; regenerate it with -Dkisbridge.writeDocs=true (see CatalogTableTest)")
                .isEqualTo(table);
        assertThat(table.lines().filter(l -> l.startsWith("| `"))).hasSize(Catalog.dataApis().size());
    }
}
