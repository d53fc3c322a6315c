package io.kisbridge.libreoffice.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.star.uno.Any;
import org.junit.jupiter.api.Test;

class CalcArgsTest {
    @Test
    void numbersBecomePlainDigitsAndRangesCommaLists() {
        assertThat(CalcArgs.text(5930.0)).isEqualTo("5930");
        assertThat(CalcArgs.text(1.5)).isEqualTo("1.5");
        assertThat(CalcArgs.text(new Object[][] {{"005930", ""}, {660.0, "035420"}})).isEqualTo("005930,660,035420");
    }

    @Test
    void leftOutArgumentsAreDroppedAtTheEndAndEmptyInTheMiddle() {
        assertThat(CalcArgs.texts(new Object[] {"005930", Any.VOID, "W", Any.VOID})).containsExactly("005930", "", "W");
        assertThat(CalcArgs.texts(new Object[] {"005930", Any.VOID})).containsExactly("005930");
    }

    @Test
    void aBatchErrorShowsTheBridgesCellText() {
        assertThat(CellValues.batchResult(java.util.Map.of("error", java.util.Map.of("cell", "#VALUE! bad code"))))
                .isEqualTo("#VALUE! bad code");
        assertThat(CellValues.batchResult(java.util.Map.of("value", 71900))).isEqualTo(71900.0);
    }
}
