package io.kisbridge.catalogimport.rest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.kisbridge.catalogimport.CatalogJson;
import io.kisbridge.catalogimport.ImportMain;
import io.kisbridge.catalogimport.SourceTree;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The committed catalog files under core are exactly what the importer gives: no hand edits outside the curated
 * files. Needs a copy of the official repository ({@code KIS_SAMPLES_REPO}, or the mirror this project's sessions
 * use); skipped with a message where there is none (CI). The source commit is in the files, so the comparison is
 * against the commit they were imported from.
 */
class CommittedCatalogTest {
    private static final Path MIRROR = Path.of("/work/.mirror/koreainvestment+open-trading-api/repo");

    @Test
    void the_committed_catalog_is_what_the_importer_writes_from_the_official_repository() throws Exception {
        String configured = System.getenv("KIS_SAMPLES_REPO");
        Path source = configured != null ? Path.of(configured) : MIRROR;
        assumeTrue(Files.isDirectory(source), "no copy of koreainvestment/open-trading-api at " + source
                + " (set KIS_SAMPLES_REPO); the committed catalog is not re-imported");
        Path core = Path.of("..").resolve(ImportMain.DEFAULT_OUT);
        RestCatalogImporter importer = new RestCatalogImporter(SourceTree.open(source));
        for (String group : ImportMain.REST_GROUPS) {
            Path file = core.resolve(group + ".json");
            String committed = Files.readString(file);
            String commit = CatalogJson.MAPPER.readTree(committed).at("/source/commit").asText();
            var imported = importer.importGroup(group);
            assumeTrue(commit.equals(imported.at("/source/commit").asText()),
                    "the copy at " + source + " is not at the imported commit " + commit);
            assertThat(CatalogJson.write(imported)).as(group + ".json").isEqualTo(committed);
        }
    }
}
