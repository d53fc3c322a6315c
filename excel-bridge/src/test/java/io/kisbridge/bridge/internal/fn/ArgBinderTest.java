package io.kisbridge.bridge.internal.fn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kisbridge.bridge.BridgeException;
import io.kisbridge.bridge.CellFunction;
import io.kisbridge.bridge.FnArg;
import io.kisbridge.bridge.FnResult;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArgBinderTest {
    private static final CellFunction HISTORY = new CellFunction("HISTORY", "bars", List.of(
            FnArg.required("code", FnArg.Type.CODE, "stock"),
            FnArg.required("from", FnArg.Type.DATE, "from"),
            FnArg.optional("to", FnArg.Type.DATE, null, "to"),
            FnArg.optional("period", FnArg.Type.STRING, "D", "period", "Per"),
            FnArg.optional("adjusted", FnArg.Type.BOOL, "TRUE", "adjusted", "Adj")),
            CellFunction.Shape.TABLE, "inquire-daily-itemchartprice", a -> FnResult.scalar(""));
    private static final CellFunction CALL = new CellFunction("CALL", "any", List.of(
            FnArg.required("api", FnArg.Type.STRING, "api"),
            FnArg.optional("params", FnArg.Type.PARAMS, "", "params"),
            FnArg.optional("field", FnArg.Type.FIELD, null, "field", "Fld")),
            CellFunction.Shape.TABLE, null, a -> FnResult.scalar(""));

    @Test
    void bindsPositionalArgumentsAndAppliesDefaults() {
        Map<String, String> a = ArgBinder.bind(HISTORY, List.of("005930", "2024-01-02"), Map.of());
        assertThat(a).containsExactly(Map.entry("code", "005930"), Map.entry("from", "20240102"),
                Map.entry("period", "D"), Map.entry("adjusted", "true"));
    }

    @Test
    void bindsBloombergStyleOptionsByNameOrAliasInAnyPosition() {
        Map<String, String> a = ArgBinder.bind(HISTORY, List.of("Per=W", "005930", "20240101", "adj=N"), Map.of());
        assertThat(a).containsEntry("period", "W").containsEntry("adjusted", "false").containsEntry("code", "005930");
    }

    @Test
    void treatsEmptyCellsAsLeftOut() {
        Map<String, String> a = ArgBinder.bind(HISTORY, List.of("005930", "20240101", "", "M"), Map.of());
        assertThat(a).doesNotContainKey("to").containsEntry("period", "M");
    }

    @Test
    void repairsCodesThatLostLeadingZerosOrCarryTheHtsPrefix() {
        assertThat(ArgBinder.bind(HISTORY, List.of("5930", "20240101"), Map.of())).containsEntry("code", "005930");
        assertThat(ArgBinder.bind(HISTORY, List.of("A000660", "20240101"), Map.of())).containsEntry("code", "000660");
    }

    @Test
    void refusesMissingExtraOrMalformedArguments() {
        assertThatThrownBy(() -> ArgBinder.bind(HISTORY, List.of("005930"), Map.of()))
                .isInstanceOf(BridgeException.class).hasMessageContaining("needs from");
        assertThatThrownBy(() -> ArgBinder.bind(HISTORY, List.of("005930", "20240101", "20240201", "D", "Y", "x"),
                Map.of())).hasMessageContaining("at most 5 arguments");
        assertThatThrownBy(() -> ArgBinder.bind(HISTORY, List.of("005930", "20241301"), Map.of()))
                .hasMessageContaining("must be a date");
        assertThatThrownBy(() -> ArgBinder.bind(HISTORY, List.of("005930", "20240101", "Adj=maybe"), Map.of()))
                .hasMessageContaining("TRUE or FALSE");
        assertThatThrownBy(() -> ArgBinder.bind(HISTORY, List.of("ABC", "20240101"), Map.of()))
                .hasMessageContaining("6-character stock code");
    }

    @Test
    void keepsKisParameterStringsForCallAndJoinsUnknownNamedValuesIntoThem() {
        Map<String, String> a = ArgBinder.bind(CALL, List.of("inquire-price", "FID_INPUT_ISCD=005930"),
                Map.of("FID_COND_MRKT_DIV_CODE", "J"));
        assertThat(a.get("params")).isEqualTo("FID_INPUT_ISCD=005930;FID_COND_MRKT_DIV_CODE=J");
        assertThat(Functions.parseParams(a.get("params"))).containsEntry("FID_INPUT_ISCD", "005930")
                .containsEntry("FID_COND_MRKT_DIV_CODE", "J");
    }

    @Test
    void describesTheSignatureInMessages() {
        assertThat(ArgBinder.signature(HISTORY)).isEqualTo("KIS.HISTORY(code, from, [to], [period], [adjusted])");
    }
}
