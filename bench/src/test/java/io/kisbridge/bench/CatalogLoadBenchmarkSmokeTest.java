package io.kisbridge.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.kisbridge.core.Catalog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Calls each catalog benchmark once and checks it loads the whole catalog. */
@Timeout(30)
class CatalogLoadBenchmarkSmokeTest {

    @Test
    void bothBenchmarksLoadEveryApiOfTheCatalog() {
        CatalogLoadBenchmark b = new CatalogLoadBenchmark();
        assertThat(b.firstTouch()).isEqualTo(Catalog.all().size());
        assertThat(b.reload()).hasSize(Catalog.dataApis().size());
    }
}
