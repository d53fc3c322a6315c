package io.kisbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CatalogTest {

    /** The names the seed catalog had, before the catalog became data. */
    private static final Set<String> SEED = Set.of("inquire-price", "inquire-price-2", "inquire-daily-itemchartprice",
            "inquire-time-itemchartprice", "inquire-daily-price", "order-cash", "order-rvsecncl", "inquire-balance",
            "inquire-daily-ccld", "inquire-psbl-rvsecncl", "inquire-psbl-order", "inquire-psbl-sell", "intgr-margin",
            "psearch-title", "psearch-result", "intstock-grouplist", "intstock-stocklist-by-group", "intstock-multprice",
            "search-stock-info", "chk-holiday", "after-hour-balance", "quote-balance", "invest-opbysec", "invest-opinion",
            "inquire-daily-trade-volume", "foreign-institution-total", "balance-sheet", "income-statement",
            "financial-ratio", "profit-ratio", "other-major-ratios", "stability-ratio", "growth-ratio");

    @Test
    void declaresEveryApiOfTheDataAndTheFourAuthEndpointsWithUniqueNames() {
        int imported = 0;
        for (String group : io.kisbridge.core.internal.CatalogData.GROUPS) {
            imported += io.kisbridge.core.internal.CatalogData.resource(group + ".json").path("apis").size();
        }
        assertThat(Catalog.dataApis()).hasSize(imported);
        assertThat(Catalog.all()).hasSize(imported + 4);
        assertThat(Catalog.all().stream().map(s -> s.name().toLowerCase(Locale.ROOT)).distinct()).hasSize(Catalog.all().size());
        assertThat(Catalog.dataApis().stream().map(ApiSpec::name)).containsAll(SEED);
        // The name is the path's last segment; the curated file names the few whose last segment is taken.
        assertThat(Catalog.all()).allSatisfy(s -> assertThat(s.path().replace("/pension/", "/pension-")
                .replace("/etfetn/v1/quotations/inquire-price", "/etf-inquire-price")).endsWith("/" + s.name()));
    }

    @Test
    void usesTheCurrentTrIds() {
        assertThat(Catalog.get("order-cash").trIds().get("buy")).isEqualTo(new ApiSpec.TrIds("TTTC0012U", "VTTC0012U"));
        assertThat(Catalog.get("order-cash").trIds().get("sell")).isEqualTo(new ApiSpec.TrIds("TTTC0011U", "VTTC0011U"));
        assertThat(Catalog.get("order-rvsecncl").trId(KisEnvironment.PAPER)).isEqualTo("VTTC0013U");
        assertThat(Catalog.get("inquire-daily-ccld").trIds().get("recent")).isEqualTo(new ApiSpec.TrIds("TTTC0081R", "VTTC0081R"));
        assertThat(Catalog.get("inquire-daily-ccld").trIds().get("older")).isEqualTo(new ApiSpec.TrIds("CTSC9215R", "VTSC9215R"));
        assertThat(Catalog.get("inquire-psbl-rvsecncl").trId(KisEnvironment.REAL)).isEqualTo("TTTC0084R");
        assertThat(Catalog.get("growth-ratio").trId(KisEnvironment.REAL)).isEqualTo("FHKST66430800");
        assertThat(Catalog.get("stability-ratio").trId(KisEnvironment.REAL)).isEqualTo("FHKST66430600");
        assertThat(Catalog.get("inquire-daily-itemchartprice").path())
                .isEqualTo("/uapi/domestic-stock/v1/quotations/inquire-daily-itemchartprice");
        assertThat(Catalog.all().stream().flatMap(s -> s.trIds().values().stream())
                .flatMap(t -> java.util.stream.Stream.of(t.real(), t.paper())))
                .doesNotContain("TTTC0802U", "TTTC0801U", "TTTC0803U", "TTTC8001R", "TTTC8036R", "CTSC9115R");
    }

    @Test
    void paperSupportMatchesTheReference() {
        Set<String> inPaper = Catalog.dataApis().stream().filter(s -> SEED.contains(s.name()))
                .filter(ApiSpec::availableInPaper).map(ApiSpec::name)
                .collect(Collectors.toSet());
        assertThat(inPaper).containsExactlyInAnyOrder("inquire-price", "inquire-daily-itemchartprice",
                "inquire-time-itemchartprice", "inquire-daily-price", "order-cash", "order-rvsecncl",
                "inquire-balance", "inquire-daily-ccld", "inquire-psbl-order");
    }

    @Test
    void quoteTrIdsAreTheSameInBothEnvironmentsAndPaperIdsFollowThePrefixRule() {
        for (ApiSpec s : Catalog.dataApis()) {
            for (ApiSpec.TrIds t : s.trIds().values()) {
                if (t.paper() == null) {
                    continue;
                }
                char first = t.real().charAt(0);
                if (first == 'T' || first == 'J' || first == 'C') {
                    assertThat(t.paper()).as(s.name()).isEqualTo("V" + t.real().substring(1));
                } else {
                    assertThat(t.paper()).as(s.name()).isEqualTo(t.real());
                }
            }
        }
    }

    @Test
    void everyRequiredUserParameterHasAnExampleAndOrderBodiesUseUppercaseKeys() {
        for (ApiSpec s : Catalog.dataApis()) {
            for (ApiParam p : s.params()) {
                if (p.role() == ApiParam.Role.USER && p.required() && p.defaultValue() == null) {
                    assertThat(p.example()).as(s.name() + "." + p.name()).isNotNull();
                }
                if (s.isPost() && p.sent()) {
                    assertThat(p.name()).as(s.name()).isEqualTo(p.name().toUpperCase(Locale.ROOT));
                }
            }
            assertThat(s.outputBlocks()).as(s.name()).contains(s.rowsBlock());
            assertThat(s.description()).as(s.name()).isNotBlank();
        }
    }

    @Test
    void marksAccountScopedApisAndPagingStyles() {
        assertThat(Catalog.dataApis().stream().filter(s -> SEED.contains(s.name())).filter(ApiSpec::accountScoped)
                .map(ApiSpec::name))
                .containsExactlyInAnyOrder("order-cash", "order-rvsecncl", "inquire-balance", "inquire-daily-ccld",
                        "inquire-psbl-rvsecncl", "inquire-psbl-order", "inquire-psbl-sell", "intgr-margin");
        assertThat(Catalog.get("inquire-balance").paging()).isEqualTo(Paging.TR_CONT);
        assertThat(Catalog.get("inquire-daily-itemchartprice").paging()).isEqualTo(Paging.DATE_WINDOW);
        assertThat(Catalog.get("inquire-daily-itemchartprice").pageSize()).isEqualTo(100);
        assertThat(Catalog.get("inquire-balance").rowsBlock()).isEqualTo("output1");
        assertThat(Catalog.get("psearch-title").rowsBlock()).isEqualTo("output2");
        assertThat(Catalog.get("foreign-institution-total").param("FID_COND_MRKT_DIV_CODE").orElseThrow().defaultValue())
                .isEqualTo("V");
    }

    @Test
    void keepsTheParameterCaseOfTheOfficialSamples() {
        assertThat(Catalog.get("quote-balance").params()).allSatisfy(p -> assertThat(p.name()).isLowerCase());
        assertThat(Catalog.get("balance-sheet").params().stream().map(ApiParam::name))
                .containsExactly("FID_DIV_CLS_CODE", "fid_cond_mrkt_div_code", "fid_input_iscd");
        assertThat(Catalog.get("psearch-result").params().stream().map(ApiParam::name)).containsExactly("user_id", "seq");
    }

    @Test
    void unknownNamesFailWithAnActionableMessage() {
        assertThat(Catalog.find("INQUIRE-PRICE")).isPresent();
        assertThatThrownBy(() -> Catalog.get("inquire-prices")).isInstanceOf(KisInvalidRequestException.class)
                .hasMessageContaining("inquire-prices");
    }
}
