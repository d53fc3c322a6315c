package io.kisbridge.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AccountNumberTest {

    @Test
    void splitsTenDigitsIntoCanoAndProductCode() {
        AccountNumber a = AccountNumber.parse("5001234501");
        assertThat(a.cano()).isEqualTo("50012345");
        assertThat(a.productCode()).isEqualTo("01");
    }

    @Test
    void acceptsTheEightDashTwoForm() {
        AccountNumber a = AccountNumber.parse(" 50012345-22 ");
        assertThat(a.cano()).isEqualTo("50012345");
        assertThat(a.productCode()).isEqualTo("22");
        assertThat(a.tenDigits()).isEqualTo("5001234522");
    }

    @Test
    void rejectsOtherShapesNamingTheVariableWithoutEchoingTheValue() {
        for (String bad : new String[] {"500123450", "50012345-1", "5001234a01", "", "500-1234501"}) {
            assertThatThrownBy(() -> AccountNumber.parse(bad))
                    .isInstanceOfSatisfying(KisConfigException.class, e -> {
                        assertThat(e.variable()).isEqualTo("KIS_ACCOUNT");
                        assertThat(e.getMessage()).contains("10 digits").doesNotContain("50012345");
                    });
        }
    }

    @Test
    void masksTheNumberInToString() {
        assertThat(AccountNumber.parse("50012345-01").toString()).doesNotContain("50012345").endsWith("-01");
    }
}
