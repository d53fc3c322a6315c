package io.kisbridge.core.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FieldTypeTest {

    @Test
    void refusesNineteenDigitValuesThatOverflowALong() {
        assertThat(FieldType.parseLongOrNull("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
        assertThat(FieldType.parseLong("9223372036854775807", -1)).isEqualTo(Long.MAX_VALUE);
        for (String overflow : new String[] {"9223372036854775808", "9999999999999999999", "18446744073709551616"}) {
            assertThat(FieldType.parseLongOrNull(overflow)).as(overflow).isNull();
            assertThat(FieldType.parseLong(overflow, -1)).as(overflow).isEqualTo(-1);
            assertThat(FieldType.LONG.convert(overflow)).as(overflow).isNull();
        }
    }

    @Test
    void parsesSignedValuesUpToTheirLimitsAndRefusesNonDigits() {
        assertThat(FieldType.parseLongOrNull("-922337203685477580")).isEqualTo(-922337203685477580L);
        assertThat(FieldType.parseLongOrNull("+71900")).isEqualTo(71900L);
        assertThat(FieldType.parseLongOrNull("-0")).isEqualTo(0L);
        assertThat(FieldType.parseLong("000071900", -1)).isEqualTo(71900);
        assertThat(FieldType.parseLongOrNull("-9223372036854775808")).isNull();
        for (String bad : new String[] {"", "-", "+", "12a", "1.5", " 1", "--1"}) {
            assertThat(FieldType.parseLongOrNull(bad)).as(bad).isNull();
            assertThat(FieldType.parseLong(bad, 42)).as(bad).isEqualTo(42);
        }
    }
}
