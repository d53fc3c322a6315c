package io.kisbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The simulator reads the imported facts with its own reader, so a mistake in core's catalog is refused by it, not
 * repeated: a core entry with a wrong path, TR ID or parameter name fails against the simulator.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Timeout(60)
class SimulatorIndependenceIT {
    @TempDir
    Path stateDir;
    private SimFixture fx;
    private KisClient real;

    @BeforeAll
    void start() {
        fx = new SimFixture(stateDir);
        real = fx.client(KisEnvironment.REAL);
    }

    @AfterAll
    void stop() {
        real.close();
        fx.close();
    }

    private static ApiSpec with(ApiSpec s, String path, Map<String, ApiSpec.TrIds> trIds, List<ApiParam> params) {
        return new ApiSpec(s.name(), s.docId(), s.description(), s.kind(), s.method(), path, trIds, s.trSelector(), params,
                s.outputBlocks(), s.rowsBlock(), s.paging(), s.pageSize(), s.group(), s.title(), s.markets(), s.outputFields());
    }

    @Test
    void the_catalog_entry_as_loaded_is_accepted() {
        assertThat(real.call(Catalog.get("volume-rank"), Map.of()).trId()).isEqualTo("FHPST01710000");
    }

    @Test
    void a_wrong_path_in_cores_catalog_is_refused() {
        ApiSpec s = Catalog.get("volume-rank");
        ApiSpec wrong = with(s, s.path().replace("volume-rank", "volume-rnk"), s.trIds(), s.params());
        assertThatThrownBy(() -> real.call(wrong, Map.of())).isInstanceOfSatisfying(KisApiException.class,
                e -> assertThat(e.msgCd()).isEqualTo("OPSQ0002"));
    }

    @Test
    void a_wrong_tr_id_in_cores_catalog_is_refused() {
        ApiSpec s = Catalog.get("volume-rank");
        ApiSpec wrong = with(s, s.path(), Map.of("", new ApiSpec.TrIds("FHPST01710001", null)), s.params());
        assertThatThrownBy(() -> real.call(wrong, Map.of())).isInstanceOfSatisfying(KisApiException.class,
                e -> assertThat(e.msgCd()).isEqualTo("OPSQ0002"));
    }

    @Test
    void a_wrong_parameter_name_in_cores_catalog_is_refused_naming_it() {
        ApiSpec s = Catalog.get("volume-rank");
        List<ApiParam> params = new ArrayList<>();
        for (ApiParam p : s.params()) {
            params.add(p.name().equalsIgnoreCase("FID_COND_SCR_DIV_CODE")
                    ? new ApiParam("FID_COND_SCR_DIV_CD", p.role(), p.defaultValue(), p.example(), p.required(),
                    p.omitWhenEmpty(), p.presentWith(), p.description())
                    : p);
        }
        assertThat(params).extracting(ApiParam::name).contains("FID_COND_SCR_DIV_CD");
        assertThatThrownBy(() -> real.call(with(s, s.path(), s.trIds(), params), Map.of()))
                .isInstanceOfSatisfying(KisApiException.class, e -> assertThat(e.msg1()).contains("FID_COND_SCR_DIV_C"));
    }

    @Test
    void a_parameter_missing_from_cores_catalog_is_refused() {
        ApiSpec s = Catalog.get("volume-rank");
        List<ApiParam> params = new ArrayList<>(s.params());
        params.removeIf(p -> p.name().equalsIgnoreCase("FID_INPUT_ISCD"));
        Map<String, String> none = new LinkedHashMap<>();
        assertThatThrownBy(() -> real.call(with(s, s.path(), s.trIds(), params), none))
                .isInstanceOfSatisfying(KisApiException.class, e -> assertThat(e.msg1()).contains("FID_INPUT_ISCD"));
    }
}
