package io.kisbridge.bridge.internal.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class RedactorTest {
    @Test
    void masksEverySecretAndTheLongerSpellingOfAnAccountFirst() {
        Redactor r = new Redactor(List.of("12345678", "1234567801", "PSxxxxAPPKEY"));
        String clean = r.clean("code must be 6 characters; got '1234567801' (key PSxxxxAPPKEY, CANO 12345678)");
        assertThat(clean).isEqualTo("code must be 6 characters; got '****' (key ****, CANO ****)");
        assertThat(r.leaks(clean)).isFalse();
        assertThat(r.leaks("x 12345678")).isTrue();
    }

    @Test
    void leavesTextAloneForMissingOrTinySecrets() {
        Redactor r = new Redactor(Arrays.asList(null, "", " ", "ab"));
        assertThat(r.clean("about 005930")).isEqualTo("about 005930");
        assertThat(r.clean(null)).isNull();
    }
}
